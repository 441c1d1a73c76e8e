import numpy as np
import pytest

from redes import portas


def test_tabelas():
    X, y = portas.tabela_verdade("xor")
    np.testing.assert_array_equal(X, [[0, 0], [0, 1], [1, 0], [1, 1]])
    np.testing.assert_array_equal(y, [0, 1, 1, 0])
    for nome, saidas in portas.PORTAS.items():
        _, y = portas.tabela_verdade(nome)
        assert y.shape == (4,) and set(y) <= {0, 1}
    np.testing.assert_array_equal(portas.PORTAS["NAND"], 1 - portas.PORTAS["AND"])


def test_devolve_copias():
    X, y = portas.tabela_verdade("AND")
    X[0, 0], y[0] = 9, 9
    X2, y2 = portas.tabela_verdade("AND")
    assert X2[0, 0] == 0 and y2[0] == 0


def test_porta_desconhecida():
    with pytest.raises(ValueError, match="porta.*desconhecid.*AND"):
        portas.tabela_verdade("E")
    with pytest.raises(TypeError, match="esperava um texto"):
        portas.tabela_verdade(3)
