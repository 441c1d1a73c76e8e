"""Testes de redes.gradientes_por_camada: retropropagação com remédios, conferida por diferenças finitas."""
import numpy as np
import pytest

from redes import gradientes_por_camada as gpc
from redes import retropropagacao


def _erro(grad, numerico):
    nW, nb = numerico
    return max(float(np.max(np.abs(a - n))) for a, n in zip(grad.W + grad.b, nW + nb))


@pytest.mark.parametrize("ativacao", gpc.ATIVACOES)
@pytest.mark.parametrize("normalizar, residual", [(False, False), (True, False), (False, True), (True, True)])
@pytest.mark.parametrize("custo", gpc.CUSTOS)
def test_gradiente_confere_com_diferencas_finitas(ativacao, normalizar, residual, custo):
    X, Y = gpc.dados_de_brinquedo(10, 5, 3, semente=1)
    pesos, vieses = gpc.iniciar_rede(3, 4, 5, 3, "he" if ativacao == "relu" else "lecun", 1.3, semente=2)
    # vieses longe de zero: com vieses 0 (He), um neurônio ReLU morto fica com z = 0 exato, no bico da ReLU
    vieses = [v + np.random.default_rng(l).uniform(0.2, 0.5, v.shape) for l, v in enumerate(vieses)]
    opcoes = dict(ativacao=ativacao, custo=custo, normalizar=normalizar, residual=residual)
    grad = gpc.gradientes(pesos, vieses, X, Y, **opcoes)
    assert _erro(grad, gpc.gradiente_por_diferencas(pesos, vieses, X, Y, **opcoes)) < 1e-7
    assert np.isclose(grad.custo, gpc.custo_da_rede(pesos, vieses, X, Y, **opcoes))


def test_quadratico_sem_remedios_igual_a_retropropagacao_da_biblioteca():
    X, Y = gpc.dados_de_brinquedo(8, 6, 2, semente=0)
    pesos, vieses = gpc.iniciar_rede(4, 5, 6, 2, "lecun", 1.0, semente=0)
    nosso = gpc.gradientes(pesos, vieses, X, Y, "sigmoide", "quadratico")
    dela = retropropagacao.retropropagar(pesos, vieses, X, Y)
    for a, b in zip(nosso.W + nosso.b, dela.W + dela.b):
        assert np.allclose(a, b, rtol=1e-12, atol=1e-15)
    assert np.isclose(nosso.custo, dela.custo)


def test_velocidades_na_inicializacao_de_nielsen_somem_para_tras():
    X, Y = gpc.dados_de_brinquedo(200, 50, 10, semente=3)
    v = gpc.normas_por_camada(X, Y, profundidade=5, largura=30, semente=0)
    assert v.shape == (5,) and np.all(np.diff(v) > 0) and v[-1] / v[0] > 50


def test_remedios_equilibram_as_camadas():
    X, Y = gpc.dados_de_brinquedo(200, 30, 10, semente=4)
    razao = {}
    for nome, opcoes in {"simples": {}, "relu_he": dict(ativacao="relu", inicializacao="he"),
                         "residual": dict(residual=True), "normalizar": dict(normalizar=True)}.items():
        v = gpc.normas_por_camada(X, Y, profundidade=10, largura=30, semente=0, **opcoes)
        razao[nome] = v[0] / v[-1]
    assert razao["simples"] < 1e-4
    for nome in ("relu_he", "residual"):
        assert razao[nome] > 100 * razao["simples"], nome
    # a normalização não salva a sigmoide (σ′ ≤ 1/4 continua), mas doma a explosão da ReLU com pesos 2× maiores
    assert razao["normalizar"] < 1e-4
    explode = gpc.normas_por_camada(X, Y, 10, 30, "relu", "he", 2.0, semente=0)
    domada = gpc.normas_por_camada(X, Y, 10, 30, "relu", "he", 2.0, semente=0, normalizar=True)
    assert explode[0] / explode[-1] > 50 and 0.1 < domada[0] / domada[-1] < 10


def test_recorte_pela_norma_global():
    X, Y = gpc.dados_de_brinquedo(10, 5, 3, semente=1)
    pesos, vieses = gpc.iniciar_rede(3, 4, 5, 3, "grande", 5.0, semente=0)
    grad = gpc.gradientes(pesos, vieses, X, Y)
    novo, antes, depois = gpc.recortar_pela_norma(grad, 0.1)
    assert np.isclose(antes, gpc.norma_global(grad)) and antes > 0.1 and np.isclose(depois, 0.1)
    assert np.allclose(novo.W[0] / grad.W[0], 0.1 / antes)      # mesma direção
    intacto, a2, d2 = gpc.recortar_pela_norma(grad, 10 * antes)
    assert a2 == d2 and np.array_equal(intacto.W[0], grad.W[0])


def test_treinar_medindo_guarda_velocidades_e_nao_muda_os_pesos_recebidos():
    X, Y = gpc.dados_de_brinquedo(30, 6, 3, semente=2)
    pesos, vieses = gpc.iniciar_rede(2, 5, 6, 3, semente=1)
    copia = [w.copy() for w in pesos]
    r = gpc.treinar_medindo(X, Y, pesos, vieses, epocas=20, taxa=0.5, lambda_l2=1.0)
    assert r["velocidades"].shape == (21, 2) and r["custos"].shape == (21,)
    assert r["custos"][-1] < r["custos"][0]
    assert all(np.array_equal(a, b) for a, b in zip(pesos, copia))
    assert np.allclose(r["velocidades"][0], gpc.normas_por_camada(X, Y, 2, 5, semente=1))


def test_validacao_em_portugues():
    X, Y = gpc.dados_de_brinquedo(4, 3, 2)
    pesos, vieses = gpc.iniciar_rede(1, 2, 3, 2)
    with pytest.raises(ValueError, match="ativacao"):
        gpc.gradientes(pesos, vieses, X, Y, ativacao="degrau")
    with pytest.raises(ValueError, match="um alvo por exemplo"):
        gpc.gradientes(pesos, vieses, X, Y[:3])
    with pytest.raises(ValueError, match="inicializacao"):
        gpc.iniciar_rede(2, 3, inicializacao="zeros")
    with pytest.raises(ValueError, match="limite"):
        gpc.recortar_pela_norma(gpc.gradientes(pesos, vieses, X, Y), 0.0)
