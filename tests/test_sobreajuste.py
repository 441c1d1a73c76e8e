"""Ajudantes do capítulo 14: separar a validação, a melhor época, o resumo e o treino num pedaço (dados sintéticos)."""
import numpy as np
import pytest

from redes import dados, sobreajuste
from redes.regularizacao import L2, reescalar_lambda


@pytest.fixture(scope="module")
def pequenos():
    """60 "imagens" de 784 pixels e 30 de validação, com rótulos de 0 a 9 que dependem dos pixels."""
    rng = np.random.default_rng(0)
    X = rng.random((90, 784)).astype(np.float32)
    y = (X[:, :10].argmax(axis=1)).astype(np.int64)
    return (X[:60], y[:60]), (X[60:], y[60:])


def test_separar_validacao_disjunta_e_completa():
    X = np.arange(40 * 2).reshape(40, 2)
    y = np.arange(40)
    (Xt, yt), (Xv, yv) = sobreajuste.separar_validacao(X, y, 8, semente=3)
    assert Xt.shape == (32, 2) and Xv.shape == (8, 2) and yt.shape == (32,) and yv.shape == (8,)
    assert np.intersect1d(yt, yv).size == 0 and np.union1d(yt, yv).size == 40
    assert np.array_equal(Xt[:, 0] // 2, yt) and np.array_equal(Xv[:, 0] // 2, yv)   # pares juntos
    assert not np.array_equal(np.sort(yv), np.arange(32, 40))                         # sorteado
    (_, yt2), (_, yv2) = sobreajuste.separar_validacao(X, y, 8, semente=3)
    assert np.array_equal(yv, yv2) and np.array_equal(yt, yt2)
    (_, _), (_, yv3) = sobreajuste.separar_validacao(X, y, 8, semente=4)
    assert not np.array_equal(yv, yv3)


def test_separar_validacao_igual_a_dados_dividir():
    X = np.random.default_rng(1).random((50, 3))
    y = np.arange(50)
    treino, validacao = sobreajuste.separar_validacao(X, y, 10, semente=7)
    treino2, validacao2 = dados.dividir(X, y, fracao_validacao=10 / 50, semente=7)
    assert np.array_equal(treino.X, treino2.X) and np.array_equal(validacao.y, validacao2.y)


@pytest.mark.parametrize("args,trecho", [((np.zeros((5, 2)), np.zeros(4), 2), "um rótulo por exemplo"),
                                         ((np.zeros((5, 2)), np.zeros(5), 5), "no máximo 4"),
                                         ((np.zeros((5, 2)), np.zeros(5), 0), "pelo menos 1")])
def test_separar_validacao_erros(args, trecho):
    with pytest.raises(ValueError, match=trecho):
        sobreajuste.separar_validacao(*args)


def test_melhor_epoca_conta_de_um_e_fica_com_a_primeira_do_empate():
    h = {"custo_validacao": [1.0, 0.8, 0.8, 0.9], "acuracia_validacao": [0.7, 0.8, 0.9, 0.9]}
    assert sobreajuste.melhor_epoca(h) == (2, 3)
    with pytest.raises(ValueError, match="validacao"):
        sobreajuste.melhor_epoca({"custo": [1.0]})
    with pytest.raises(ValueError, match="vazio"):
        sobreajuste.melhor_epoca({"custo_validacao": [], "acuracia_validacao": []})


def test_resumo_com_a_lacuna_de_nielsen():
    h = {"acuracia": [0.5, 0.9, 1.0, 1.0], "acuracia_validacao": [0.5, 0.8, 0.8227, 0.82],
         "custo_validacao": [2.0, 1.0, 1.1, 1.2]}
    r = sobreajuste.resumo(h)
    assert r["pico_treino"] == 100.0 and r["pico_validacao"] == pytest.approx(82.27)
    assert r["lacuna"] == pytest.approx(17.73)
    assert (r["epoca_menor_custo"], r["epoca_maior_acuracia"], r["primeira_epoca_100"]) == (2, 3, 3)
    assert r["final_validacao"] == pytest.approx(82.0) and r["epocas"] == 4
    assert sobreajuste.resumo({**h, "acuracia": [0.5, 0.6, 0.7, 0.8]})["primeira_epoca_100"] is None


def test_experimento_treina_e_a_l2_encolhe_os_pesos(pequenos):
    treino, validacao = pequenos
    normas = {}
    for lmbda in (0.0, 5.0):
        norma = sobreajuste.NormaDosPesos()
        rede, h = sobreajuste.experimento(treino, validacao, n=40, lmbda=lmbda, epocas=4, callbacks=[norma])
        assert h.epocas == 4 and len(norma.valores) == 4
        assert set(h.disponiveis) >= {"acuracia", "acuracia_validacao", "custo_validacao"}
        assert [c.W.shape for c in rede.camadas if hasattr(c, "W")] == [(784, 30), (30, 10)]
        soma = float(sum(np.sum(w.astype(np.float64) ** 2) for w in rede.pesos()))
        assert norma.valores[-1] == pytest.approx(soma, rel=1e-6)
        normas[lmbda] = norma.valores[-1]
    assert normas[5.0] < normas[0.0]
    # pesos iniciais "grande" (N(0, 1)): a soma dos quadrados começa perto do número de pesos
    assert 0.8 * 23_820 < normas[0.0] < 1.2 * 23_820


def test_experimento_e_reprodutivel(pequenos):
    treino, validacao = pequenos
    _, h1 = sobreajuste.experimento(treino, validacao, n=30, epocas=2, semente=3)
    _, h2 = sobreajuste.experimento(treino, validacao, n=30, epocas=2, semente=3)
    assert h1["custo_validacao"] == h2["custo_validacao"]


def test_experimento_erros(pequenos):
    treino, validacao = pequenos
    with pytest.raises(ValueError, match="só têm 60"):
        sobreajuste.experimento(treino, validacao, n=100, epocas=1)
    with pytest.raises(ValueError, match="lmbda"):
        sobreajuste.experimento(treino, validacao, n=10, lmbda=-1.0, epocas=1)


def test_lambda_de_nielsen_reescalado():
    assert reescalar_lambda(5.0, 50_000, 1000) == pytest.approx(0.1)
    assert L2(5.0).fator_de_decaimento(0.5, 50_000) == pytest.approx(L2(0.1).fator_de_decaimento(0.5, 1000))
