"""redes.hiperparametros: o problema encolhido, os testes rápidos, o limiar da taxa e a regra da parada antecipada."""
import math

import numpy as np
import pytest

from redes import hiperparametros as hp
from redes.agendas import Degraus
from redes.callbacks import ParadaAntecipada
from redes.custos import SigmoideEntropiaCruzada
from redes.modelo import mlp
from redes.otimizadores import SGD
from redes.regularizacao import L2
from redes.treino import Historico, treinar


@pytest.fixture(scope="module")
def dados_pequenos():
    """200 exemplos de 20 entradas, 10 classes, com um padrão aprendível (a classe escolhe a entrada acesa)."""
    rng = np.random.default_rng(0)
    y = rng.integers(0, 10, size=200)
    X = 0.1 * rng.random((200, 20)).astype(np.float32)
    X[np.arange(200), y] += 1.0
    return X, y


# ------------------------------------------------------------------ filtrar_digitos

def test_filtrar_digitos_guarda_ordem_e_rotulos():
    X = np.arange(16).reshape(8, 2)
    y = np.array([0, 1, 2, 1, 0, 3, 8, 1])
    Xf, yf = hp.filtrar_digitos(X, y, (0, 1))
    assert yf.tolist() == [0, 1, 1, 0, 1]
    assert Xf[:, 0].tolist() == [0, 2, 6, 8, 14]
    Xf, yf = hp.filtrar_digitos(X, y, [8, 3])
    assert yf.tolist() == [3, 8] and Xf.shape == (2, 2)
    Xf, yf = hp.filtrar_digitos(X, y, (5,))
    assert Xf.shape == (0, 2) and yf.shape == (0,)


def test_filtrar_digitos_imagens_e_erros():
    X = np.zeros((6, 28, 28))
    y = np.array([0, 1, 1, 7, 0, 9])
    assert hp.filtrar_digitos(X, y).X.shape == (4, 28, 28)
    with pytest.raises(ValueError, match="um rótulo por exemplo"):
        hp.filtrar_digitos(X, y[:5])
    with pytest.raises(ValueError, match="inteiros"):
        hp.filtrar_digitos(X, y, ())
    with pytest.raises(ValueError, match="inteiros"):
        hp.filtrar_digitos(X, y, (0.5,))


# ------------------------------------------------------------------ sinal

def test_sinal_aprende_e_mede_por_epoca(dados_pequenos):
    s = hp.sinal(dados_pequenos, dados_pequenos, 1.0, tamanhos=(20, 10), n=150, n_validacao=50, epocas=8)
    assert s.acuracias.shape == (8,) and not s.divergiu and s.aviso is None
    assert s.fator == 1.0 and s.acuracias[-1] > 0.5
    assert s.mediana == pytest.approx(float(np.median(s.acuracias)))
    # mesma semente, mesmo resultado
    assert np.array_equal(s.acuracias, hp.sinal(dados_pequenos, dados_pequenos, 1.0, tamanhos=(20, 10), n=150,
                                                n_validacao=50, epocas=8).acuracias)


def test_sinal_detecta_a_explosao_do_lambda(dados_pequenos):
    # fator 1 − ηλ/n = 1 − 10·1000/100 = −99: os pesos trocam de sinal e explodem
    s = hp.sinal(dados_pequenos, dados_pequenos, 10.0, 1000.0, tamanhos=(20, 10), n=100, n_validacao=50, epocas=5)
    assert s.divergiu and s.acuracias.size < 5 and s.fator == pytest.approx(-99.0)
    assert f"divergiu na época {s.acuracias.size + 1}" in s.aviso
    vazio = hp.Sinal(np.array([]), True, "divergiu", -99.0)
    assert math.isnan(vazio.mediana)


def test_sinal_valida(dados_pequenos):
    with pytest.raises(ValueError):
        hp.sinal(dados_pequenos, dados_pequenos, 0.0, tamanhos=(20, 10))
    with pytest.raises(ValueError):
        hp.sinal(dados_pequenos, dados_pequenos, 1.0, -1.0, tamanhos=(20, 10))


# ------------------------------------------------------------------ custo de treino

def test_custo_de_treino_mede_antes_e_depois_com_l2(dados_pequenos):
    X, y = dados_pequenos
    rede = mlp([20, 5, 10], "sigmoide", None, "lecun", semente=3)
    custo = SigmoideEntropiaCruzada()
    inicial = custo.valor(rede.prever(X), y) + L2(2.0).custo(rede.pesos(), len(X))
    medidor = hp.CustoDeTreino((X, y), custo, L2(2.0))
    treinar(rede, (X, y), custo, 0.5, epocas=3, regularizacao=L2(2.0), callbacks=[medidor], progresso=False)
    assert len(medidor.valores) == 4
    assert medidor.valores[0] == pytest.approx(inicial, rel=1e-5)
    assert medidor.valores[-1] == pytest.approx(custo.valor(rede.prever(X), y) + L2(2.0).custo(rede.pesos(), len(X)),
                                                rel=1e-5)
    assert medidor.valores[-1] < medidor.valores[0]


def test_curva_de_custo_e_agenda(dados_pequenos):
    curva = hp.curva_de_custo(dados_pequenos, 0.5, lmbda=0.1, n=150, epocas=4, tamanhos=(20, 10),
                              validacao=dados_pequenos)
    assert curva.custos.shape == (5,) and curva.acuracias_validacao.shape == (4,) and not curva.divergiu
    # a agenda com fator 1 é a taxa constante
    constante = hp.curva_de_custo(dados_pequenos, SGD(Degraus(0.5, fator=1.0, a_cada=2)), lmbda=0.1, n=150,
                                  epocas=4, tamanhos=(20, 10))
    assert np.allclose(constante.custos, curva.custos)
    vistos = []
    hp.curva_de_custo(dados_pequenos, 0.5, n=150, epocas=3, tamanhos=(20, 10),
                      ao_fim_da_epoca=lambda t, c, a: vistos.append((t, c)))
    assert [t for t, _ in vistos] == [1, 2, 3]


def test_curva_de_custo_divergente_vira_nan(dados_pequenos):
    curva = hp.curva_de_custo(dados_pequenos, 1e6, n=100, epocas=4, tamanhos=(20, 10))
    if curva.divergiu:
        assert np.isnan(curva.custos[-1]) and np.isfinite(curva.custos[0])
    curvas = hp.curvas_de_custo(dados_pequenos, [0.1, 1], n=100, epocas=2, tamanhos=(20, 10))
    assert list(curvas) == [0.1, 1.0] and all(c.shape == (3,) for c in curvas.values())


# ------------------------------------------------------------------ o limiar da taxa

def test_custo_desce():
    assert hp.custo_desce([3, 2, 1])
    assert not hp.custo_desce([3, 2, 2])
    assert not hp.custo_desce([3, 4, 1])
    assert hp.custo_desce([3, 2, 1, 5], epocas=2)
    assert not hp.custo_desce([3, np.nan, 1])
    assert not hp.custo_desce([3])


def _custos_da_quadratica(a=2.0, epocas=3):
    """O custo de w²·a/2 saindo de w = 1: (1 − ηa)^(2t)/2 · a, antes e depois de cada 'época'."""
    return lambda taxa: [0.5 * a * (1 - taxa * a) ** (2 * t) for t in range(epocas + 1)]


def test_busca_da_taxa_reproduz_a_receita_de_nielsen():
    # limiar 2/a = 0,8 na quadrática com a = 2,5: 0,01 e 0,1 descem, 1 não (|1 − 2,5| > 1)
    busca = hp.busca_da_taxa(_custos_da_quadratica(2.5))
    assert busca.ordem == 0.1 and busca.limiar == 0.5 and busca.sugerida == 0.25     # os números de Nielsen
    assert busca.tentativas == {0.01: True, 0.1: True, 1.0: False, 0.2: True, 0.3: True, 0.5: True}
    # o refinamento para na primeira que não desce
    assert hp.busca_da_taxa(_custos_da_quadratica(4.5)).limiar == 0.3                 # 2/a ≈ 0,44: 0,5 não desce
    # começando alto demais, desce por fatores de 10
    assert hp.busca_da_taxa(_custos_da_quadratica(2.5), inicio=10.0, refinar=()).ordem == 0.1
    # sem refinamento
    assert hp.busca_da_taxa(_custos_da_quadratica(2.5), refinar=()).limiar == 0.1


def test_busca_da_taxa_desiste():
    with pytest.raises(ValueError, match="não desceu"):
        hp.busca_da_taxa(lambda taxa: [1, 2, 3, 4], maximo=4)
    with pytest.raises(ValueError):
        hp.busca_da_taxa(_custos_da_quadratica(), fator=1.0)


def test_maior_taxa_estavel():
    grade = np.round(np.arange(0.05, 1.0, 0.05), 2)
    custo, grad = (lambda w: 2 * float(w @ w)), (lambda w: 4 * w)
    assert hp.maior_taxa_estavel(custo, grad, np.array([1.0]), grade, 10) == 0.45
    assert hp.maior_taxa_estavel(custo, grad, np.array([1.0]), [0.6, 0.9], 10) is None
    # η = 1/a leva ao mínimo num passo e o custo para de cair: pelo critério estrito, não conta
    assert hp.maior_taxa_estavel(custo, grad, np.array([1.0]), [0.1, 0.25], 3) == 0.1
    # o w0 de quem chama não muda
    w0 = np.array([1.0])
    hp.maior_taxa_estavel(custo, grad, w0, [0.1], 3)
    assert w0[0] == 1.0


# ------------------------------------------------------------------ parada antecipada

def _pela_formula(a, P):
    for t in range(P + 1, len(a) + 1):
        if a[:t].max() == a[:t - P].max():
            return t
    return None


def _pelo_callback(a, P, min_delta=0.0, monitorar="acuracia_validacao"):
    cb = ParadaAntecipada(monitorar, paciencia=P, min_delta=min_delta, restaurar=False)
    h = Historico([monitorar], len(a), 1)
    cb.ao_iniciar(None, h)
    for t, v in enumerate(a):
        h[monitorar].append(float(v))
        if cb.ao_fim_da_epoca(t, h, None):
            return t + 1, cb.melhor_epoca + 1
    return None, cb.melhor_epoca + 1


def test_epoca_de_parada_exemplos():
    assert hp.epoca_de_parada([0.5, 0.6, 0.7, 0.65, 0.66, 0.64], 2) == (5, 3, 0.7)
    assert hp.epoca_de_parada([0.5, 0.6, 0.6, 0.6], 2).epoca == 4           # empate não é melhora
    assert hp.epoca_de_parada([0.5, 0.6, 0.7], 2).epoca is None
    r = hp.epoca_de_parada([0.50, 0.505, 0.515, 0.512, 0.514], 2, min_delta=0.01)
    assert r == (5, 3, 0.515)
    # custos: quanto menor, melhor
    assert hp.epoca_de_parada([1.0, 0.8, 0.9, 0.85], 2, maior_melhor=False) == (4, 2, 0.8)


@pytest.mark.parametrize("semente", range(5))
def test_epoca_de_parada_concorda_com_a_formula_e_com_o_callback(semente):
    rng = np.random.default_rng(semente)
    curva = np.round(0.8 + 0.1 * (1 - np.exp(-np.arange(80) / 15)) + 0.01 * rng.standard_normal(80), 3)
    for P in (1, 3, 5, 10, 20):
        r = hp.epoca_de_parada(curva, P)
        assert r.epoca == _pela_formula(curva, P)
        assert (r.epoca, r.melhor_epoca) == _pelo_callback(curva, P)
        for delta in (0.002, 0.01):
            r = hp.epoca_de_parada(curva, P, delta)
            assert (r.epoca, r.melhor_epoca) == _pelo_callback(curva, P, delta)
    custos = 1 - curva
    r = hp.epoca_de_parada(custos, 5, maior_melhor=False)
    assert (r.epoca, r.melhor_epoca) == _pelo_callback(custos, 5, monitorar="custo_validacao")


def test_epoca_de_parada_valida():
    with pytest.raises(ValueError, match="vazia"):
        hp.epoca_de_parada([], 3)
    with pytest.raises(ValueError):
        hp.epoca_de_parada([0.5, 0.6], 0)
    with pytest.raises(ValueError):
        hp.epoca_de_parada([0.5, 0.6], 2, min_delta=-0.1)
    with pytest.raises(TypeError):
        hp.epoca_de_parada([0.5, 0.6], 2.5)


def test_escolher_melhor():
    historicos = {"a": {"acuracia_validacao": [0.80, 0.85, 0.84]}, "b": {"acuracia_validacao": [0.70, 0.88, 0.86]},
                  "c": {"acuracia_validacao": np.array([0.82, 0.88, 0.87])}}
    assert hp.escolher_melhor(historicos) == ("b", 2, 0.88)                  # empate com "c": fica o primeiro
    assert hp.escolher_melhor({"x": {"acuracia_validacao": [0.5, 0.7, 0.7]}})[1] == 2
    with pytest.raises(ValueError):
        hp.escolher_melhor({})
    with pytest.raises(ValueError, match="nenhuma época"):
        hp.escolher_melhor({"x": {"acuracia_validacao": []}})
