"""Todas as ativações: derivadas e retropropagação contra diferenças finitas, valores conhecidos e estabilidade."""
import math
import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from redes import ativacoes
from redes.gradiente import derivada_numerica, gradiente_numerico

#: Onde cada função tem um bico (a derivada numérica ali não vale).
BICOS = {"degrau": [0.0], "relu": [0.0], "leaky_relu": [0.0], "elu": [0.0], "rrelu": [0.0],
         "hard_tanh": [-1.0, 1.0], "hard_sigmoide": [-2.5, 2.5]}
ELEMENTO_A_ELEMENTO = [n for n in ativacoes.ATIVACOES if n != "softmax"]
LISTA_DO_TEXTO_002 = ["cubo", "elu", "hard_sigmoide", "hard_tanh", "identidade", "leaky_relu", "tanh_racional",
                      "relu", "rrelu", "sigmoide", "softmax", "softplus", "softsign", "tanh", "degrau"]

formas = st.tuples(st.integers(1, 5), st.integers(1, 6))
poucos = settings(max_examples=12, deadline=None, database=None, derandomize=True)  # sem a pasta .hypothesis


def longe_dos_bicos(nome, z):
    for bico in BICOS.get(nome, []):
        perto = np.abs(z - bico) < 1e-3
        z = np.where(perto, bico + 2e-3, z)
    return z


def test_todas_as_da_lista_estao_registradas():
    for nome in LISTA_DO_TEXTO_002 + ["gelu", "silu"]:
        g = ativacoes.obter(nome)
        assert callable(g.derivada) and callable(g.retropropagar)
        assert getattr(ativacoes, nome) is g  # também como atributo do módulo
    with pytest.raises(AttributeError, match="não tem 'nada'"):
        ativacoes.nada  # noqa: B018


@pytest.mark.parametrize("nome", ELEMENTO_A_ELEMENTO)
@poucos
@given(forma=formas, semente=st.integers(0, 2**16), escala=st.sampled_from([0.5, 2.0, 4.0]))
def test_derivada_elemento_a_elemento(nome, forma, semente, escala):
    g = ativacoes.obter(nome)
    z = longe_dos_bicos(nome, escala * np.random.default_rng(semente).standard_normal(forma))
    np.testing.assert_allclose(g.derivada(z), derivada_numerica(g, z, h=1e-6), rtol=1e-5, atol=1e-7)


@pytest.mark.parametrize("nome", list(ativacoes.ATIVACOES))
@poucos
@given(forma=formas, semente=st.integers(0, 2**16))
def test_retropropagar_confere_com_diferencas_finitas(nome, forma, semente):
    g = ativacoes.obter(nome)
    rng = np.random.default_rng(semente)
    z = longe_dos_bicos(nome, 2 * rng.standard_normal(forma))
    G = rng.standard_normal(forma)
    numerico = gradiente_numerico(lambda v: np.sum(G * g(v)), z.copy(), h=1e-6)
    np.testing.assert_allclose(g.retropropagar(z, G), numerico, rtol=1e-5, atol=1e-7)
    if hasattr(g, "retropropagar_pela_saida"):
        np.testing.assert_allclose(g.retropropagar_pela_saida(g(z), G), g.retropropagar(z, G), rtol=1e-10, atol=1e-12)


def test_softmax_valores_e_jacobiano():
    np.testing.assert_allclose(ativacoes.softmax([1.2, 0.9, 0.75]).round(2), [0.42, 0.31, 0.27])
    np.testing.assert_allclose(ativacoes.softmax([1000.0, 1000.0]), [0.5, 0.5])
    Z = np.random.default_rng(0).normal(size=(4, 3))
    np.testing.assert_allclose(ativacoes.softmax(Z).sum(axis=1), 1.0)
    J = ativacoes.softmax.jacobiano(Z)
    assert J.shape == (4, 3, 3)
    G = np.random.default_rng(1).normal(size=(4, 3))
    np.testing.assert_allclose(np.einsum("mi,mij->mj", G, J), ativacoes.softmax.retropropagar(Z, G), atol=1e-14)
    np.testing.assert_allclose(ativacoes.softmax.derivada(Z), np.diagonal(J, axis1=1, axis2=2))
    with pytest.raises(ValueError, match="precisa de um vetor"):
        ativacoes.softmax(3.0)


def test_valores_conhecidos():
    assert float(ativacoes.softplus(0.0)) == pytest.approx(math.log(2))
    assert float(ativacoes.elu(-1.0)) == pytest.approx(math.exp(-1) - 1)
    assert float(ativacoes.elu(-1.0, alfa=2.0)) == pytest.approx(2 * (math.exp(-1) - 1))
    np.testing.assert_allclose(ativacoes.hard_sigmoide([-3.0, 0.0, 1.0, 3.0]), [0.0, 0.5, 0.7, 1.0])
    np.testing.assert_allclose(ativacoes.hard_sigmoide(3.0, inclinacao=1 / 6), 1.0)
    np.testing.assert_allclose(ativacoes.hard_tanh([-2.0, 0.3, 2.0]), [-1.0, 0.3, 1.0])
    np.testing.assert_allclose(ativacoes.softsign([-3.0, 1.0]), [-0.75, 0.5])
    assert float(ativacoes.cubo(2.0)) == 8.0 and float(ativacoes.cubo.derivada(2.0)) == 12.0
    np.testing.assert_allclose(ativacoes.leaky_relu([-2.0, 3.0]), [-0.02, 3.0])
    np.testing.assert_allclose(ativacoes.leaky_relu([-2.0], alfa=0.2), [-0.4])
    np.testing.assert_allclose(ativacoes.rrelu([-2.4, 1.0]), [-2.4 * (1 / 8 + 1 / 3) / 2, 1.0])
    z = np.linspace(-6, 6, 241)
    np.testing.assert_allclose(ativacoes.tanh_racional(z), 1.7159 * np.tanh(2 * z / 3), atol=0.03)
    exata = z * 0.5 * (1 + np.vectorize(math.erf)(z / math.sqrt(2)))
    np.testing.assert_allclose(ativacoes.gelu(z), exata, atol=1e-3)
    np.testing.assert_allclose(ativacoes.silu(z), z * ativacoes.sigmoide(z))
    with pytest.raises(ValueError, match="inferior <= superior"):
        ativacoes.rrelu(1.0, inferior=0.5, superior=0.1)


@pytest.mark.parametrize("nome", list(ativacoes.ATIVACOES))
def test_float32_continua_float32_e_sem_avisos(nome):
    g = ativacoes.obter(nome)
    z = np.array([[-800.0, -3.0, 0.5, 800.0]], dtype=np.float32)
    if nome == "cubo":
        z = z / 100  # (800)^3 cabe, mas 1e4^3 em float32 transbordaria de propósito
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        a, d = g(z), g.derivada(z)
        r = g.retropropagar(z, np.ones_like(z))
    assert a.dtype == d.dtype == r.dtype == np.float32
    assert np.all(np.isfinite(a)) and np.all(np.isfinite(d))
