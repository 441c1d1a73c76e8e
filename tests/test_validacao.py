import numpy as np
import pytest

from redes._validacao import como_array, como_escalar, escolher
from redes.gradiente import derivada_numerica, erro_relativo


def test_como_array_formas():
    assert como_array([1, 2, 3], "w", forma=(3,)).dtype == float
    assert como_array(np.zeros((5, 2)), "X", forma=(None, 2)).shape == (5, 2)
    with pytest.raises(ValueError, match=r"esperava pesos com forma \(3,\), recebi \(2,\)"):
        como_array([1, 2], "pesos", forma=(3,))
    with pytest.raises(ValueError, match=r"esperava X com forma \(n, 2\), recebi \(5, 3\)"):
        como_array(np.zeros((5, 3)), "X", forma=(None, 2))
    with pytest.raises(ValueError, match="com 1 eixo ou 2 eixos"):
        como_array(np.zeros((2, 2, 2)), "x", dims=(1, 2))


def test_como_array_tipos():
    for ruim in ("abc", None, [[1, 2], [3]], {"a": 1}):
        with pytest.raises(TypeError, match="esperava números em `x`"):
            como_array(ruim, "x")
    with pytest.raises(ValueError, match="NaN ou infinito"):
        como_array([1.0, np.inf], "x")
    assert np.isinf(como_array([np.inf], "x", finito=False)[0])


def test_como_escalar_e_escolher():
    assert como_escalar(np.array([2.5]), "b") == 2.5
    assert como_escalar(3, "b") == 3.0
    with pytest.raises(ValueError, match="esperava um número em `b`, recebi forma"):
        como_escalar([1, 2], "b")
    with pytest.raises(ValueError, match="precisa ser finito"):
        como_escalar(float("nan"), "b")
    assert escolher(" and ", "porta", ["AND", "OR"]) == "AND"


def test_derivada_numerica_e_erro_relativo():
    z = np.linspace(-2, 2, 5)
    np.testing.assert_allclose(derivada_numerica(np.sin, z), np.cos(z), rtol=1e-9)
    np.testing.assert_allclose(erro_relativo([1.0, 0.0], [1.0, 0.0]), [0.0, 0.0])
    assert erro_relativo(1.0, 1.1) == pytest.approx(0.1 / 2.1)


def test_como_inteiro():
    from redes._validacao import como_inteiro
    assert como_inteiro(np.int64(3), "n", 0, 5) == 3
    with pytest.raises(TypeError, match="esperava um inteiro em `n`"):
        como_inteiro(2.0, "n", 0, 5)
    with pytest.raises(TypeError, match="esperava um inteiro"):
        como_inteiro(True, "n", 0, 5)
    with pytest.raises(ValueError, match="`n` precisa estar entre 0 e 5, recebi 9"):
        como_inteiro(9, "n", 0, 5)
