"""Conjuntos sintéticos 2-D e as ferramentas de exemplos (one-hot, dividir, minilotes)."""
import numpy as np
import pytest

from redes import dados
from redes.dados import sinteticos

CLASSIFICACAO = {
    "linear": lambda s: dados.linear(101, semente=s),
    "gaussianas": lambda s: dados.gaussianas(100, classes=3, semente=s),
    "xor": lambda s: dados.xor(100, semente=s),
    "circulos": lambda s: dados.circulos(99, semente=s),
    "luas": lambda s: dados.luas(100, semente=s),
    "espiral": lambda s: dados.espiral(40, classes=3, semente=s),
}
REGRESSAO = {
    "seno": lambda s: dados.seno(50, semente=s),
    "plano": lambda s: dados.plano(60, semente=s),
    "bolha": lambda s: dados.bolha(70, semente=s),
}
TODOS = {**CLASSIFICACAO, **REGRESSAO}


def estado_global():
    _, chaves, posicao, *_ = np.random.get_state()
    return chaves.copy(), posicao


@pytest.mark.parametrize("nome", TODOS)
def test_determinismo_e_sem_estado_global(nome):
    gerar = TODOS[nome]
    np.random.seed(1234)
    antes = estado_global()
    X1, y1 = gerar(0)
    X2, y2 = gerar(0)
    X3, _ = gerar(1)
    depois = estado_global()
    np.testing.assert_array_equal(antes[0], depois[0])
    assert antes[1] == depois[1]
    np.testing.assert_array_equal(X1, X2)
    np.testing.assert_array_equal(y1, y2)
    assert not np.array_equal(X1, X3)
    assert X1.dtype == np.float64 and np.all(np.isfinite(X1))


@pytest.mark.parametrize("nome", CLASSIFICACAO)
def test_classificacao_formas_e_equilibrio(nome):
    X, y = CLASSIFICACAO[nome](0)
    assert X.ndim == 2 and X.shape[1] == 2 and y.shape == (len(X),) and y.dtype == np.int64
    contagem = np.bincount(y)
    assert contagem.max() - contagem.min() <= 1
    assert len(contagem) == (3 if nome in ("gaussianas", "espiral") else 2)


def test_tamanhos():
    assert dados.espiral(40, classes=3)[0].shape == (120, 2)
    assert dados.espiral(7, classes=5)[1].tolist() == sum(([k] * 7 for k in range(5)), [])
    assert dados.linear(101)[0].shape == (101, 2) and np.bincount(dados.linear(101)[1]).tolist() == [51, 50]
    assert dados.seno(50)[0].shape == (50, 1) and dados.seno(50)[1].shape == (50,)
    assert dados.plano(60)[0].shape == (60, 2) and dados.bolha(70)[1].shape == (70,)


def test_geometria_sem_ruido():
    X, y = dados.xor(200, ruido=0)
    np.testing.assert_array_equal(y, (X[:, 0] * X[:, 1] < 0).astype(int))
    X, y = dados.circulos(200, ruido=0, fator=0.3)
    np.testing.assert_allclose(np.hypot(X[:, 0], X[:, 1]), np.where(y == 0, 1.0, 0.3))
    X, y = dados.linear(200, ruido=0, pesos=(2, 1), vies=0.5)
    np.testing.assert_array_equal(y, (X @ [2, 1] + 0.5 > 0).astype(int))
    X, y = dados.luas(200, ruido=0)
    np.testing.assert_allclose(np.hypot(X[y == 0, 0], X[y == 0, 1]), 1.0)
    np.testing.assert_allclose(np.hypot(X[y == 1, 0] - 1, X[y == 1, 1] - 0.5), 1.0)
    X, y = dados.espiral(50, classes=2, ruido=0)
    np.testing.assert_allclose(np.hypot(X[:, 0], X[:, 1]), np.tile(np.linspace(0, 1, 50), 2), atol=1e-12)
    X, y = dados.gaussianas(3000, classes=2, ruido=0.2, distancia=2.0)
    np.testing.assert_allclose(X[y == 0].mean(axis=0), [2, 0], atol=0.05)
    np.testing.assert_allclose(X[y == 1].mean(axis=0), [-2, 0], atol=0.05)


def test_regressao_sem_ruido():
    X, y = dados.seno(30, ruido=0)
    assert np.all(np.diff(X[:, 0]) >= 0) and np.all(np.abs(X) <= np.pi)
    np.testing.assert_allclose(y, np.sin(X[:, 0]))
    X, y = dados.plano(30, ruido=0, pesos=(1.5, -2), vies=0.25)
    np.testing.assert_allclose(y, X @ [1.5, -2] + 0.25)
    X, y = dados.bolha(30, ruido=0, largura=0.4)
    np.testing.assert_allclose(y, np.exp(-(X**2).sum(axis=1) / (2 * 0.4**2)))
    assert dados.bolha(500, ruido=0)[1].max() <= 1


def test_ruido_espalha_os_pontos():
    X, y1 = dados.plano(500, ruido=0.3)
    assert abs(np.std(y1 - (X @ [2.0, -1.0] + 0.5)) - 0.3) < 0.03


def test_entradas_invalidas():
    with pytest.raises(ValueError, match="`n` precisa ser pelo menos 2"):
        dados.xor(1)
    with pytest.raises(TypeError, match="esperava um inteiro em `n`"):
        dados.circulos(10.5)
    with pytest.raises(TypeError, match="esperava um inteiro em `n_por_classe`"):
        dados.espiral("100")
    with pytest.raises(ValueError, match="`classes` precisa ser pelo menos 2"):
        dados.gaussianas(10, classes=1)
    with pytest.raises(ValueError, match="`ruido` é um desvio padrão e não pode ser negativo"):
        dados.luas(10, ruido=-0.1)
    with pytest.raises(ValueError, match="esperava em `semente` um inteiro >= 0"):
        dados.seno(10, semente=-1)
    with pytest.raises(ValueError, match="semente"):
        dados.bolha(10, semente="zero")
    with pytest.raises(ValueError, match="a reta quase não corta o quadrado"):
        dados.linear(10, vies=5)
    with pytest.raises(ValueError, match=r"esperava pesos com forma \(2,\)"):
        dados.plano(10, pesos=(1, 2, 3))
    with pytest.raises(ValueError, match="`fator`"):
        dados.circulos(10, fator=1.5)


def test_semente_aceita_gerador():
    rng = np.random.default_rng(5)
    X1, _ = dados.luas(20, semente=rng)
    X2, _ = dados.luas(20, semente=rng)
    assert not np.array_equal(X1, X2)  # o mesmo gerador continua a sequência
    np.testing.assert_array_equal(dados.luas(20, semente=np.random.default_rng(5))[0], X1)


# ------------------------------------------------------------ exemplos

def test_one_hot():
    np.testing.assert_array_equal(dados.one_hot([2, 0, 1]), [[0, 0, 1], [1, 0, 0], [0, 1, 0]])
    codificado = dados.one_hot(np.array([1.0, 3.0]), k=5, tipo=np.float32)
    assert codificado.shape == (2, 5) and codificado.dtype == np.float32 and codificado[1, 3] == 1
    assert dados.one_hot([], k=3).shape == (0, 3)
    with pytest.raises(ValueError, match="rótulo 3 não cabe em 3 classes"):
        dados.one_hot([0, 3], k=3)
    with pytest.raises(ValueError, match="esperava rótulos inteiros"):
        dados.one_hot([0.5, 1])
    with pytest.raises(ValueError, match="rótulos precisam ser >= 0"):
        dados.one_hot([-1, 1])
    with pytest.raises(ValueError, match=r"esperava rótulos com forma \(m,\)"):
        dados.one_hot([[0, 1]])


def test_dividir():
    X, y = np.arange(20).reshape(10, 2), np.arange(10)
    treino, validacao = dados.dividir(X, y, 0.3, semente=0)
    assert len(treino.y) == 7 and len(validacao.y) == 3
    assert sorted(treino.y.tolist() + validacao.y.tolist()) == list(range(10))
    np.testing.assert_array_equal(treino.X[:, 0], 2 * treino.y)  # X e y continuam pareados
    outra, _ = dados.dividir(X, y, 0.3, semente=0)
    np.testing.assert_array_equal(outra.y, treino.y)
    assert repr(treino) == "Exemplos(X: (7, 2) int64, y: (7,) int64)"
    with pytest.raises(ValueError, match="entre 0 e 1"):
        dados.dividir(X, y, 1.0)
    with pytest.raises(ValueError, match="uma das partes ficaria vazia"):
        dados.dividir(X[:2], y[:2], 0.1)
    with pytest.raises(ValueError, match="X tem 10, y tem 9"):
        dados.dividir(X, y[:9])


def test_minilotes_visitam_cada_exemplo_uma_vez_a_cada_passada():
    X, y = np.arange(23)[:, None] * 1.0, np.arange(23)
    rng = np.random.default_rng(0)
    ordens = []
    for _ in range(3):  # três épocas com o mesmo gerador
        lotes = list(dados.minilotes(X, y, 5, semente=rng))
        assert [len(lote.y) for lote in lotes] == [5, 5, 5, 5, 3]
        vistos = np.concatenate([lote.y for lote in lotes])
        assert sorted(vistos.tolist()) == list(range(23))
        assert all(np.array_equal(lote.X[:, 0], lote.y) for lote in lotes)
        ordens.append(vistos)
    assert not np.array_equal(ordens[0], ordens[1])  # ordem nova a cada época
    np.testing.assert_array_equal(np.concatenate([b.y for b in dados.minilotes(X, y, 5, semente=0)]),
                                  np.concatenate([b.y for b in dados.minilotes(X, y, 5, semente=0)]))
    em_ordem = [lote.y.tolist() for lote in dados.minilotes(X, y, 10, embaralhar=False)]
    assert em_ordem == [list(range(10)), list(range(10, 20)), [20, 21, 22]]


def test_minilotes_sem_estado_global_e_erros_na_hora():
    np.random.seed(3)
    antes = estado_global()
    list(dados.minilotes(np.zeros((9, 2)), np.zeros(9), 4))
    depois = estado_global()
    np.testing.assert_array_equal(antes[0], depois[0])
    with pytest.raises(ValueError, match="X tem 9, y tem 8"):
        dados.minilotes(np.zeros((9, 2)), np.zeros(8), 4)  # erro ao chamar, não só ao iterar
    with pytest.raises(ValueError, match="`tamanho` precisa ser pelo menos 1"):
        dados.minilotes(np.zeros((9, 2)), np.zeros(9), 0)
    with pytest.raises(TypeError, match="esperava um inteiro em `tamanho`"):
        dados.minilotes(np.zeros((9, 2)), np.zeros(9), 2.0)


def test_sinteticos_exporta_as_ferramentas():
    assert sinteticos.one_hot is dados.one_hot and sinteticos.minilotes is dados.minilotes
    assert set(sinteticos.__all__) >= {"espiral", "xor", "circulos", "gaussianas", "luas", "linear",
                                       "seno", "plano", "bolha", "one_hot", "dividir", "minilotes"}
