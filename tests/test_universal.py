"""Testes de redes.universal e redes.universal_extras: degraus, calombos, torres, ReLU, atributos e treino."""
import numpy as np
import pytest

from redes import universal as uni
from redes import universal_extras as ext
from redes.ativacoes import sigmoide

GRADE = np.linspace(0, 1, 2001)


def test_alvo_de_nielsen_em_pontos_conhecidos():
    assert uni.alvo_nielsen(0.0) == pytest.approx(0.25)
    x = 0.5
    assert uni.alvo_nielsen(x) == pytest.approx(0.2 + 0.1 + 0.15 * np.sin(7.5) + 0.05 * np.cos(25))
    assert isinstance(uni.alvo_nielsen(0.3), float) and uni.alvo_nielsen(GRADE).shape == (2001,)


def test_posicao_e_vies_do_degrau_sao_inversos():
    assert uni.posicao_degrau(999, -399.6) == pytest.approx(0.4)
    assert uni.vies_para_degrau(0.4, 999) == pytest.approx(-399.6)
    for s, w in ((0.1, 5.0), (0.9, -30.0)):
        assert uni.posicao_degrau(w, uni.vies_para_degrau(s, w)) == pytest.approx(s)
    with pytest.raises(ValueError, match="w = 0"):
        uni.posicao_degrau(0, 1)
    with pytest.raises(TypeError, match="esperava números"):
        uni.vies_para_degrau("a", 1)


def test_degrau_e_calombo():
    assert uni.degrau_sigmoide(0.4, 0.4) == pytest.approx(0.5)
    assert uni.degrau_sigmoide(0.41, 0.4) > 0.9999 and uni.degrau_sigmoide(0.39, 0.4) < 1e-4
    c = uni.calombo(np.array([0.1, 0.3, 0.5, 0.7]), 0.2, 0.6, 0.7)
    np.testing.assert_allclose(c, [0, 0.7, 0.7, 0], atol=1e-12)
    np.testing.assert_allclose(uni.calombo(0.35, 0.3, 0.4, 1.0, w=10), sigmoide(0.5) - sigmoide(-0.5))
    assert np.all(np.isfinite(uni.calombo(np.array([-1e6, 1e6]), 0.2, 0.4, 1.0)))


def test_pesos_de_calombos_formas_e_ordem():
    w, b, v = uni.pesos_de_calombos([0.2, 0.5], w=10)
    np.testing.assert_allclose(w, [10, 10, 10, 10])
    np.testing.assert_allclose(b, [0, -5, -5, -10])
    np.testing.assert_allclose(v, [0.2, -0.2, 0.5, -0.5])
    with pytest.raises(ValueError, match="pelo menos uma altura"):
        uni.pesos_de_calombos([])
    with pytest.raises(ValueError, match="inicio < fim"):
        uni.pesos_de_calombos([1.0], inicio=1, fim=0)


def test_erro_da_rede_de_calombos_de_referencia():
    erros = uni.erros_por_n(uni.alvo_nielsen, [10, 50], GRADE)
    assert round(erros[0], 3) == 0.056 and round(erros[1], 4) == 0.0083
    w, b, v = uni.rede_de_calombos(uni.alvo_nielsen, 50)
    assert w.shape == b.shape == v.shape == (100,)


def test_saida_rede_oculta_escalar_array_e_do_zero():
    rng = np.random.default_rng(0)
    w, b, v = rng.standard_normal((3, 6))
    x = np.linspace(0, 1, 7)
    esperado = np.array([sum(v[i] * sigmoide(w[i] * xi + b[i]) for i in range(6)) for xi in x])
    np.testing.assert_allclose(uni.saida_rede_oculta(x, w, b, v), esperado)
    assert isinstance(uni.saida_rede_oculta(0.5, w, b, v), float)
    np.testing.assert_allclose(uni.saida_rede_oculta(x, w, b, v, "sigmoide"), sigmoide(esperado))
    with pytest.raises(ValueError, match="forma"):
        uni.saida_rede_oculta(x, w, b[:3], v)


def test_saida_sigmoide_usa_a_inversa():
    assert uni.logito(0.5) == 0 and uni.logito(sigmoide(2.0)) == pytest.approx(2.0)
    with pytest.raises(ValueError, match="entre 0 e 1"):
        uni.logito(np.array([0.2, 1.0]))
    rede = uni.rede_de_calombos(uni.alvo_nielsen, 50, saida="sigmoide")
    erro = uni.erro_medio(uni.funcao_da_rede(*rede, saida="sigmoide"), uni.alvo_nielsen, GRADE)
    assert 0.005 < erro < 0.0083


def test_erros_e_validacao():
    assert uni.erro_medio(lambda x: x, lambda x: 0 * x, GRADE) == pytest.approx(0.5)
    assert uni.erro_maximo(lambda x: x, lambda x: 0 * x, GRADE) == pytest.approx(1.0)
    with pytest.raises(TypeError, match="função"):
        uni.erro_medio(3, uni.alvo_nielsen, GRADE)
    with pytest.raises(TypeError, match="função"):
        uni.rede_de_calombos(None, 5)
    with pytest.raises(ValueError, match="entre 1"):
        uni.rede_de_calombos(uni.alvo_nielsen, 0)


def test_salto_deixa_erro_de_meio_salto():
    g = uni.funcao_da_rede(*uni.rede_de_calombos(uni.alvo_degrau, 200))
    assert uni.erro_maximo(g, uni.alvo_degrau, np.linspace(0.45, 0.55, 1001)) == pytest.approx(0.3)
    assert uni.erro_medio(g, uni.alvo_degrau, GRADE) < 0.01


def test_torre_e_torres():
    t = ext.torre(np.array([0.4, 0.4, 0.1, 0.4]), np.array([0.7, 0.1, 0.7, 0.7 + 0.2]), 0.3, 0.5, 0.6, 0.8, h=2.0)
    np.testing.assert_allclose(t, [2, 0, 0, 0], atol=1e-9)
    eixo = np.linspace(0, 1, 100)
    X, Y = np.meshgrid(eixo, eixo)
    erros = [np.mean(np.abs(ext.aproximar_com_torres(ext.alvo_2d, n, X, Y) - ext.alvo_2d(X, Y))) for n in (5, 10)]
    assert erros[1] < erros[0] < 0.06
    with pytest.raises(TypeError):
        ext.aproximar_com_torres(1, 3, X, Y)


def test_chapeu_e_interpolacao_relu():
    np.testing.assert_allclose(ext.chapeu_relu(np.array([0.1, 0.35, 0.5, 0.65, 0.9]), 0.2, 0.5, 0.8),
                               [0, 0.5, 1, 0.5, 0], atol=1e-12)
    with pytest.raises(ValueError, match="a < c < b"):
        ext.chapeu_relu(0.5, 0.5, 0.2, 0.8)
    t, v, c = ext.rede_relu_interpolante(uni.alvo_nielsen, 20)
    nos = np.linspace(0, 1, 21)
    np.testing.assert_allclose(ext.saida_rede_relu(nos, t, v, c), uni.alvo_nielsen(nos), atol=1e-12)
    assert t.shape == v.shape == (20,)


def test_atributos_aleatorios_por_minimos_quadrados():
    ajuste = np.linspace(0, 1, 201)
    erros = []
    for n in (5, 50):
        w, b, v = ext.atributos_aleatorios(uni.alvo_nielsen, n, ajuste, semente=0)
        erros.append(uni.erro_maximo(uni.funcao_da_rede(w, b, v), uni.alvo_nielsen, GRADE))
    assert erros[1] < 0.1 * erros[0]
    w1, *_ = ext.atributos_aleatorios(uni.alvo_nielsen, 5, ajuste, semente=3)
    w2, *_ = ext.atributos_aleatorios(uni.alvo_nielsen, 5, ajuste, semente=3)
    np.testing.assert_array_equal(w1, w2)


def test_treinar_rede_oculta_reescreve_os_pesos_em_x():
    modelo, (w, b, v, c) = ext.treinar_rede_oculta(uni.alvo_nielsen, n_ocultos=8, epocas=20)
    x = np.linspace(0, 1, 11)
    np.testing.assert_allclose(modelo.prever(10 * (x[:, None] - 0.5))[:, 0], uni.saida_rede_oculta(x, w, b, v) + c,
                               atol=1e-10)
    assert w.shape == (8,)
