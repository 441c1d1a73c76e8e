"""Camadas: ida, volta (contra diferenças finitas, em formas sorteadas), modos de treino e mensagens de erro."""
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from redes import ativacoes
from redes.camadas import Ativacao, Densa, Dropout, RReLU, como_camada
from redes.gradiente import conferir_camada

POUCOS = settings(max_examples=10, deadline=None, database=None, derandomize=True)
LIMITE = 1e-7  # diferença relativa aceitável em float64
dims = st.integers(1, 6)


def lote_aleatorio(semente, m, n, escala=1.5):
    return escala * np.random.default_rng(semente).standard_normal((m, n))


@POUCOS
@given(m=dims, n_entrada=dims, n_saida=dims, semente=st.integers(0, 2**16),
       esquema=st.sampled_from(["grande", "lecun", "glorot", "he"]))
def test_densa_gradientes(m, n_entrada, n_saida, semente, esquema):
    camada = Densa(n_entrada, n_saida, esquema, semente=semente)
    erros = conferir_camada(camada, lote_aleatorio(semente, m, n_entrada), semente=semente)
    assert set(erros) == {"X", "W", "b"}
    assert max(erros.values()) < LIMITE, erros


def test_densa_ida_e_volta_conferem_com_a_formula():
    camada = Densa(3, 2, semente=0, tipo="float64")
    X = lote_aleatorio(1, 4, 3)
    Z = camada.forward(X)
    np.testing.assert_allclose(Z, X @ camada.W + camada.b)
    G = np.random.default_rng(2).normal(size=(4, 2))
    dX = camada.backward(G)
    np.testing.assert_allclose(dX, G @ camada.W.T)
    np.testing.assert_allclose(camada.gradientes["W"], X.T @ G)
    np.testing.assert_allclose(camada.gradientes["b"], G.sum(axis=0))
    # o lote é o mesmo que um laço sobre os exemplos (soma das contribuições de cada um)
    soma_W = sum(np.outer(x, g) for x, g in zip(X, G))
    np.testing.assert_allclose(camada.gradientes["W"], soma_W)


def test_densa_tipos_e_sementes():
    camada = Densa(5, 4)
    assert camada.W.dtype == camada.b.dtype == np.float32 and camada.W.shape == (5, 4)
    assert camada.forward(np.ones((2, 5))).dtype == np.float32  # float64 de entrada vira float32
    np.testing.assert_array_equal(Densa(5, 4, semente=3).W, Densa(5, 4, semente=3).W)
    assert not np.array_equal(Densa(5, 4, semente=3).W, Densa(5, 4, semente=4).W)
    assert Densa(5, 4, tipo="float64").forward(np.ones((1, 5))).dtype == np.float64
    assert Densa(784, 30).n_parametros == 784 * 30 + 30
    assert repr(Densa(784, 30, "grande")) == "Densa(784 → 30, grande)"


@pytest.mark.parametrize("nome", [n for n in ativacoes.ATIVACOES if n != "rrelu"])
@POUCOS
@given(m=dims, n=dims, semente=st.integers(0, 2**16))
def test_ativacao_como_camada(nome, m, n, semente):
    X = lote_aleatorio(semente, m, n)
    X[np.abs(X) < 1e-3] = 0.01                     # longe do bico em 0
    X[np.abs(np.abs(X) - 1) < 1e-3] = 1.5         # e dos bicos da tanh dura
    X[np.abs(np.abs(X) - 2.5) < 1e-3] = 2.0       # e da sigmoide dura
    camada = Ativacao(nome)
    np.testing.assert_allclose(camada.forward(X), ativacoes.obter(nome)(X.astype(np.float32)), rtol=1e-6)
    assert conferir_camada(camada, X)["X"] < LIMITE


def test_ativacao_com_parametros_e_erros():
    camada = Ativacao("leaky_relu", alfa=0.2)
    np.testing.assert_allclose(camada.forward([[-1.0, 2.0]]), [[-0.2, 2.0]])
    assert conferir_camada(camada, [[-1.0, 2.0], [0.5, -0.3]])["X"] < LIMITE
    assert repr(camada) == "Ativacao(leaky_relu, alfa=0.2)"
    with pytest.raises(ValueError, match="use a camada RReLU"):
        Ativacao("rrelu")
    with pytest.raises(ValueError, match="opções: .*sigmoide"):
        Ativacao("sigmoid")
    assert isinstance(como_camada("rrelu"), RReLU) and isinstance(como_camada("tanh"), Ativacao)
    with pytest.raises(TypeError, match="esperava uma camada"):
        como_camada(3)


def test_dropout_invertido():
    X = np.ones((2000, 50))
    camada = Dropout(0.3, semente=0)
    np.testing.assert_array_equal(camada.forward(X), X)                 # avaliação: identidade
    H = camada.forward(X, treino=True)
    zerados = np.mean(H == 0)
    assert abs(zerados - 0.3) < 0.01
    np.testing.assert_allclose(H[H != 0], 1 / 0.7, rtol=1e-6)           # os que ficam são divididos por 1 - p
    assert abs(H.mean() - 1.0) < 0.01                                   # a média se mantém
    G = np.random.default_rng(0).normal(size=X.shape)
    np.testing.assert_allclose(camada.backward(G), G * H, rtol=1e-6)                 # X = 1: a máscara é H
    a = Dropout(0.5, semente=7).forward(X[:5], treino=True)
    b = Dropout(0.5, semente=7).forward(X[:5], treino=True)
    np.testing.assert_array_equal(a, b)                                 # a mesma semente, a mesma máscara
    assert conferir_camada(Dropout(0.4, semente=1), lote_aleatorio(0, 5, 4), treino=True)["X"] < LIMITE
    np.testing.assert_array_equal(Dropout(0.0).forward(X[:3], treino=True), X[:3])


def test_rrelu():
    X = -np.ones((1000, 10))
    camada = RReLU(0.1, 0.3, semente=0)
    H = camada.forward(X, treino=True)
    assert H.min() >= -0.3 - 1e-6 and H.max() <= -0.1 + 1e-6 and H.std() > 0.03  # inclinações sorteadas
    np.testing.assert_allclose(camada.forward(X), -0.2)                            # avaliação: a média
    np.testing.assert_allclose(RReLU().forward([[-2.0, 3.0]]), ativacoes.rrelu([[-2.0, 3.0]]), rtol=1e-6)
    assert conferir_camada(RReLU(semente=2), lote_aleatorio(1, 4, 3), treino=True)["X"] < LIMITE


def test_erros_em_portugues():
    camada = Densa(3, 2)
    with pytest.raises(ValueError, match=r"esperava X com forma \(m, 3\), recebi \(4, 2\)"):
        camada.forward(np.zeros((4, 2)))
    with pytest.raises(ValueError, match=r"esperava `X` com 2 eixos \(um exemplo por linha.*recebi forma \(3,\)"):
        camada.forward(np.zeros(3))
    with pytest.raises(ValueError, match=r"o lote `X` está vazio.*recebi forma \(0, 3\)"):
        camada.forward(np.zeros((0, 3)))
    with pytest.raises(ValueError, match=r"`X` contém NaN ou infinito \(1 de 6 valores\)"):
        camada.forward([[1.0, np.nan, 0.0], [0.0, 0.0, 0.0]])
    with pytest.raises(TypeError, match="esperava números em `X`"):
        camada.forward([["a", "b", "c"]])
    with pytest.raises(TypeError, match="esperava números em `X`"):
        camada.forward(np.array([[object(), 1, 2]]))
    with pytest.raises(RuntimeError, match="chame forward antes de backward"):
        Densa(3, 2).backward(np.zeros((1, 2)))
    camada.forward(np.zeros((4, 3)))
    with pytest.raises(ValueError, match=r"esperava o gradiente da saída com forma \(4, 2\), recebi \(4, 1\)"):
        camada.backward(np.zeros((4, 1)))  # nada de broadcast silencioso
    with pytest.raises(ValueError, match="`p` precisa ser menor que 1.0"):
        Dropout(1.0)
    with pytest.raises(TypeError, match="esperava um inteiro em `n_saida`"):
        Densa(3, 2.5)
    with pytest.raises(ValueError, match="`n_entrada` precisa ser pelo menos 1"):
        Densa(0, 2)
    with pytest.raises(ValueError, match="precisa ser float32 ou float64"):
        Densa(3, 2, tipo="int32")
    with pytest.raises(ValueError, match="semente"):
        Densa(3, 2, semente=-1)
    with pytest.raises(ValueError, match="opções: glorot, grande, he, lecun, zeros"):
        Densa(3, 2, "xavier")
