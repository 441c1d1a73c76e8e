"""Testes de redes.descida: superfícies, caminho da descida, estabilidade e regressão em minilotes."""
import warnings

import numpy as np
import pytest

from redes import camadas, descida, dados, modelo, regressao, treino
from redes.gradiente import gradiente_numerico


# ------------------------------------------------------------------ superfícies

@pytest.mark.parametrize("nome", list(descida.SUPERFICIES))
@pytest.mark.parametrize("ponto", [(0.3, -0.7), (-1.2, 1.9), (1.5, 0.2)])
def test_gradiente_e_hessiana_conferem_com_diferencas_finitas(nome, ponto):
    sup = descida.superficie(nome)
    v = np.array(ponto)
    numerico = gradiente_numerico(lambda q: float(sup.valor(q)), v.copy())
    assert np.allclose(sup.gradiente(v), numerico, rtol=1e-6, atol=1e-6)
    hess_num = np.array([gradiente_numerico(lambda q, i=i: float(sup.gradiente(q)[i]), v.copy()) for i in range(2)])
    assert np.allclose(sup.hessiana(v), hess_num, rtol=1e-5, atol=1e-5)


@pytest.mark.parametrize("nome", list(descida.SUPERFICIES))
def test_minimos_tem_gradiente_zero_e_o_global_e_o_menor(nome):
    sup = descida.superficie(nome)
    for m in sup.minimos:
        assert np.allclose(sup.gradiente(m), 0, atol=1e-10)
        assert np.all(np.linalg.eigvalsh(sup.hessiana(m)) > 0)
    g1, g2 = np.meshgrid(np.linspace(*sup.janela[:2], 81), np.linspace(*sup.janela[2:], 81))
    assert sup.valor(np.stack([g1, g2], axis=-1)).min() >= sup.minimo_global - 1e-12


def test_superficies_aceitam_grades_e_valores_conhecidos():
    grade = np.zeros((3, 4, 2))
    assert descida.superficie("tigela redonda").valor(grade).shape == (3, 4)
    assert descida.superficie("Rosenbrock").valor([1.0, 1.0]) == 0.0
    assert descida.superficie("rosenbrock").nome == "Rosenbrock"          # sem diferenciar maiúsculas
    dois = descida.superficie("dois mínimos")
    assert np.allclose(dois.minimos[:, 0], [-1.0355787, 0.9601496], atol=1e-6)
    assert round(dois.minimo_global, 4) == -0.3054
    with pytest.raises(ValueError, match="superficie"):
        descida.superficie("sela")
    with pytest.raises(ValueError, match="2 coordenadas"):
        descida.superficie("tigela redonda").valor([1.0, 2.0, 3.0])


# ------------------------------------------------------------------ caminho

def test_caminho_segue_a_regra():
    sup = descida.superficie("tigela alongada")
    c = descida.caminho_descida(sup.gradiente, [-2.0, 1.5], 0.05, 3, valor=sup.valor)
    v = np.array([-2.0, 1.5])
    esperado = [v]
    for _ in range(3):
        v = v - 0.05 * np.array([v[0], 10 * v[1]])
        esperado.append(v)
    assert np.allclose(c.pontos, esperado) and c.passos_feitos == 3 and not c.divergiu
    assert np.allclose(c.valores, [sup.valor(p) for p in esperado])
    assert np.allclose(c.final, esperado[-1])


def test_caminho_para_sem_avisos_quando_diverge():
    sup = descida.superficie("Rosenbrock")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        c = descida.caminho_descida(sup.gradiente, [-1.5, 2.0], 1.5, 200, valor=sup.valor)
    assert c.divergiu and c.passos_feitos < 10
    assert np.all(np.isfinite(c.pontos)) and np.all(np.isfinite(c.valores))
    assert np.max(np.abs(c.pontos)) <= 1e6


def test_caminho_diverge_exatamente_acima_de_2_sobre_a():
    grad = lambda v: 4.0 * v  # noqa: E731  (a = 4, limite 0,5)
    assert not descida.caminho_descida(grad, [1.0], 0.49, 500).divergiu
    longo = descida.caminho_descida(grad, [1.0], 0.51, 2000)
    assert longo.divergiu
    assert descida.caminho_descida(grad, [1.0], 0.5, 100).pontos[-1, 0] == 1.0   # fator −1: pula para sempre


def test_caminho_valida_entradas():
    with pytest.raises(TypeError):
        descida.caminho_descida("x", [0.0], 0.1, 3)
    with pytest.raises(ValueError):
        descida.caminho_descida(lambda v: v, [0.0], -0.1, 3)
    with pytest.raises(ValueError, match="forma"):
        descida.caminho_descida(lambda v: np.zeros(3), [0.0, 1.0], 0.1, 3)
    with pytest.raises(TypeError):
        descida.caminho_descida(lambda v: v, [0.0], 0.1, 2.5)


def test_variacao_do_custo_e_o_termo_de_segunda_ordem():
    sup = descida.superficie("tigela alongada")
    v = np.array([-2.0, 1.5])
    g, H = sup.gradiente(v), sup.hessiana(v)
    for eta in (1e-3, 0.1, 0.3):
        previsto, real = descida.variacao_do_custo(sup.valor, sup.gradiente, v, eta)
        assert np.isclose(previsto, -eta * g @ g)
        assert np.isclose(real - previsto, eta ** 2 / 2 * g @ H @ g)


# ------------------------------------------------------------------ estabilidade

@pytest.mark.parametrize("taxa,regime", [(0.1, "monótona"), (0.25, "um passo"), (0.4, "oscilante"),
                                         (0.5, "não converge"), (0.0, "não converge"), (0.6, "diverge")])
def test_regime_quadratica(taxa, regime):
    assert descida.regime_quadratica(4.0, taxa) == regime


def test_regime_confere_com_a_iteracao():
    for taxa in np.linspace(0.01, 0.7, 40):
        v = (1 - taxa * 4.0) ** np.arange(60)
        regime = descida.regime_quadratica(4.0, taxa)
        if regime == "diverge":
            assert abs(v[-1]) > 1
        else:
            assert abs(v[-1]) < 1
        if regime == "monótona":
            assert np.all(v > 0)
        if regime == "oscilante":
            assert np.all(v[1::2] < 0)


def test_taxa_maxima_estavel():
    assert descida.taxa_maxima_estavel(4.0) == 0.5
    assert descida.taxa_maxima_estavel([1.0, 10.0]) == 0.2
    assert np.isclose(descida.taxa_maxima_estavel([[2.0, 1.0], [1.0, 2.0]]), 2 / 3)
    with pytest.raises(ValueError, match="positivas"):
        descida.taxa_maxima_estavel([[1.0, 0.0], [0.0, -1.0]])
    with pytest.raises(ValueError, match="simétrica"):
        descida.taxa_maxima_estavel([[1.0, 2.0], [0.0, 1.0]])
    with pytest.raises(ValueError):
        descida.regime_quadratica(-1.0, 0.1)


# ------------------------------------------------------------------ regressão

@pytest.fixture(scope="module")
def xy():
    return regressao.dados_regressao(512, semente=0)


def test_dados_e_minimo_da_regressao(xy):
    x, y = xy
    assert x.shape == y.shape == (512,) and -1 <= x.min() and x.max() <= 1
    w, b, C = regressao.minimo_regressao(x, y)
    assert np.allclose([w, b], np.polyfit(x, y, 1))
    assert np.allclose(regressao.gradiente_regressao(w, b, x, y), 0, atol=1e-12)
    assert 0.1 < C < 0.13                                      # perto de σ²/2 = 0,125
    assert np.array_equal(regressao.dados_regressao(512, semente=0)[1], y)


def test_gradiente_da_regressao(xy):
    x, y = xy
    p = np.array([0.7, -0.2])
    numerico = gradiente_numerico(lambda q: regressao.custo_regressao(q[0], q[1], x, y), p.copy())
    assert np.allclose(regressao.gradiente_regressao(*p, x, y), numerico, rtol=1e-6)


@pytest.mark.parametrize("m,atualizacoes", [(1, 1536), (8, 192), (32, 48), (100, 18), (512, 3)])
def test_descida_minilotes_conta_o_trabalho(xy, m, atualizacoes):
    x, y = xy
    t = regressao.descida_minilotes(x, y, m, 0.1, 3, semente=0)
    assert t.atualizacoes == atualizacoes and t.exemplos[-1] == 1536 and t.exemplos[0] == 0
    assert t.parametros.shape == (atualizacoes + 1, 2) and t.custos.shape == (atualizacoes + 1,)
    assert np.allclose(t.custos, [regressao.custo_regressao(w, b, x, y) for w, b in t.parametros])


def test_descida_em_lote_e_descida_exata(xy):
    x, y = xy
    t = regressao.descida_minilotes(x, y, 512, 0.5, 4)
    v = np.zeros(2)
    for _ in range(4):
        v = v - 0.5 * regressao.gradiente_regressao(*v, x, y)
    assert np.allclose(t.parametros[-1], v) and np.all(np.diff(t.custos) < 0)


def test_descida_minilotes_igual_ao_treino_da_biblioteca(xy):
    x, y = xy
    rede = modelo.Sequencial([camadas.Densa(1, 1, inicializacao="zeros", tipo="float64")])
    treino.treinar(rede, (x.reshape(-1, 1), y.reshape(-1, 1)), "quadratico", 0.2, epocas=2, tamanho_lote=10,
                   semente=3, progresso=False)
    t = regressao.descida_minilotes(x, y, 10, 0.2, 2, semente=3)
    assert np.allclose([p.ravel()[0] for p in rede.parametros()], t.parametros[-1])


def test_minilotes_usam_a_mesma_ordem_que_dados_minilotes(xy):
    x, y = xy
    ordem = np.random.default_rng(5).permutation(len(x))
    primeiro = next(iter(dados.minilotes(x, y, 16, semente=5)))
    assert np.array_equal(primeiro.X, x[ordem[:16]])
    t = regressao.descida_minilotes(x, y, 16, 0.1, 1, semente=5)
    esperado = -0.1 * regressao.gradiente_regressao(0.0, 0.0, x[ordem[:16]], y[ordem[:16]])
    assert np.allclose(t.parametros[1], esperado)


def test_ruido_do_gradiente_segue_a_formula(xy):
    x, y = xy
    tamanhos = [1, 4, 16, 64, 256, 512]
    medido = regressao.ruido_do_gradiente(x, y, 0.0, 0.0, tamanhos, repeticoes=400, semente=1)
    exato = regressao.ruido_teorico(x, y, 0.0, 0.0, tamanhos)
    assert np.allclose(medido[:-1], exato[:-1], rtol=0.08)
    assert medido[-1] < 1e-12 and exato[-1] == 0.0
    assert np.all(np.diff(exato) < 0)
    with pytest.raises(ValueError):
        regressao.ruido_do_gradiente(x, y, 0.0, 0.0, [1000])


def test_regressao_valida_entradas(xy):
    x, y = xy
    with pytest.raises(ValueError, match="forma"):
        regressao.custo_regressao(1.0, 0.0, x, y[:10])
    with pytest.raises(ValueError):
        regressao.descida_minilotes(x, y, 0, 0.1, 1)
    with pytest.raises(TypeError):
        regressao.descida_minilotes(x, y, 2.5, 0.1, 1)
