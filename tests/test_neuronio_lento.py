"""O neurônio que aprende devagar: os números de Nielsen, derivadas conferidas e erros."""
import math

import numpy as np
import pytest

from redes import ativacoes
from redes.gradiente import derivada_numerica
from redes.neuronio_lento import Trajetoria, gradiente_w, treinar_neuronio


def _a_mao(w, b, taxa, epocas, custo):
    """O mesmo experimento em Python puro, sem a biblioteca de custos."""
    for _ in range(epocas):
        a = 1 / (1 + math.exp(-(w + b)))
        delta = a * a * (1 - a) if custo == "quadratico" else a
        w, b = w - taxa * delta, b - taxa * delta
    return 1 / (1 + math.exp(-(w + b)))


def test_numeros_do_capitulo():
    q1 = treinar_neuronio(0.6, 0.9, 0.15, 300, "quadratico")
    q2 = treinar_neuronio(2.0, 2.0, 0.15, 300, "quadratico")
    e2 = treinar_neuronio(2.0, 2.0, 0.15, 300, "entropia")
    assert round(q1.a[0], 2) == 0.82 and q1.a[300] == pytest.approx(0.094, abs=5e-4)
    assert round(q2.a[0], 2) == 0.98 and q2.a[150] == pytest.approx(0.93, abs=5e-3)
    assert q2.a[300] == pytest.approx(0.20, abs=5e-3)
    assert e2.a[50] == pytest.approx(0.10, abs=5e-3)
    assert q2.gradiente_w[0] == pytest.approx(0.0173, abs=5e-5) and e2.gradiente_w[0] == pytest.approx(0.982, abs=5e-4)
    assert q1.gradiente_w[0] == pytest.approx(0.122, abs=5e-4)
    assert treinar_neuronio(0.6, 0.9, 0.15, 0, "entropia").gradiente_w[0] == pytest.approx(0.818, abs=5e-4)
    # a taxa do livro para a entropia cruzada (0,005) não mostra aprendizado rápido
    assert treinar_neuronio(0.6, 0.9, 0.005, 300, "entropia").a[-1] == pytest.approx(0.42, abs=5e-3)
    assert treinar_neuronio(2.0, 2.0, 0.005, 300, "entropia").a[-1] == pytest.approx(0.78, abs=5e-3)


@pytest.mark.parametrize("custo", ["quadratico", "entropia"])
@pytest.mark.parametrize("w0,b0,taxa,epocas", [(0.6, 0.9, 0.15, 300), (2.0, 2.0, 0.15, 120), (-1.0, 3.0, 0.7, 40)])
def test_igual_ao_laco_em_python_puro(custo, w0, b0, taxa, epocas):
    tr = treinar_neuronio(w0, b0, taxa, epocas, custo)
    assert tr.a[-1] == pytest.approx(_a_mao(w0, b0, taxa, epocas, custo), rel=1e-12)


def test_trajetoria_consistente():
    tr = treinar_neuronio(2.0, 2.0, 0.15, 10, "quadratico")
    assert isinstance(tr, Trajetoria) and tr.epocas == 10
    for serie in (tr.w, tr.b, tr.a, tr.custo, tr.gradiente_w):
        assert serie.shape == (11,)
    np.testing.assert_allclose(tr.a, ativacoes.sigmoide(tr.w + tr.b))
    np.testing.assert_allclose(tr.custo, 0.5 * tr.a ** 2)
    np.testing.assert_allclose(np.diff(tr.w), -0.15 * tr.gradiente_w[:-1])
    np.testing.assert_allclose(np.diff(tr.b), -0.15 * tr.gradiente_w[:-1])   # x = 1: ∂C/∂b = ∂C/∂w
    en = treinar_neuronio(2.0, 2.0, 0.15, 10, "entropia")
    np.testing.assert_allclose(en.custo, -np.log(1 - en.a))
    assert "quadratico" in repr(tr) and "10 épocas" in repr(tr)


@pytest.mark.parametrize("custo", ["quadratico", "entropia"])
def test_gradiente_confere_com_diferencas_finitas(custo):
    """∂C/∂w guardado na trajetória contra a derivada numérica do custo em w (com b fixo)."""
    b = 0.3
    for w in (-2.0, 0.1, 1.7):
        def c(ws):
            a = 1 / (1 + np.exp(-(ws + b)))
            return 0.5 * a ** 2 if custo == "quadratico" else -np.log(1 - a)
        numerica = float(derivada_numerica(c, np.array(w)))
        assert treinar_neuronio(w, b, 0.1, 0, custo).gradiente_w[0] == pytest.approx(numerica, rel=1e-6)


def test_gradiente_w_em_funcao_da_saida():
    a = np.array([0.0, 0.5, 0.982, 1.0])
    np.testing.assert_allclose(gradiente_w(a, "quadratico"), a ** 2 * (1 - a))
    np.testing.assert_allclose(gradiente_w(a, "entropia"), a)
    assert gradiente_w(0.5, "entropia", x=2.0, y=1.0) == pytest.approx(-1.0)
    # o máximo de a²(1 − a) fica em a = 2/3 e vale 4/27
    grade = np.linspace(0, 1, 30001)
    assert grade[np.argmax(gradiente_w(grade, "quadratico"))] == pytest.approx(2 / 3, abs=1e-4)
    assert gradiente_w(2 / 3, "quadratico") == pytest.approx(4 / 27)


def test_entropia_nao_quebra_com_saturacao_extrema():
    tr = treinar_neuronio(40.0, 40.0, 0.01, 5, "entropia")
    assert np.all(np.isfinite(tr.custo)) and tr.custo[0] == pytest.approx(80.0)
    assert tr.gradiente_w[0] == pytest.approx(1.0)


def test_erros():
    with pytest.raises(ValueError, match="`custo` desconhecido: 'mse'"):
        treinar_neuronio(0.6, 0.9, 0.15, 10, "mse")
    with pytest.raises(ValueError, match="taxa de aprendizado positiva"):
        treinar_neuronio(0.6, 0.9, 0.0, 10)
    with pytest.raises(TypeError, match="esperava um inteiro em `epocas`"):
        treinar_neuronio(0.6, 0.9, 0.15, 10.5)
    with pytest.raises(ValueError, match="`epocas` precisa estar entre 0 e"):
        treinar_neuronio(0.6, 0.9, 0.15, -1)
    with pytest.raises(TypeError, match="esperava números em `w0`"):
        treinar_neuronio("a", 0.9, 0.15, 10)
    with pytest.raises(ValueError, match="alvo `y` entre 0 e 1"):
        treinar_neuronio(0.6, 0.9, 0.15, 10, y=2.0)
    with pytest.raises(ValueError, match="entre 0 e 1; recebi valores de 1.5 a 1.5"):
        gradiente_w(1.5, "quadratico")
    with pytest.raises(TypeError, match="esperava números em `a`"):
        gradiente_w("meio", "entropia")
