"""Verificações do capítulo 21: aceitam soluções, recusam o esboço e erros plausíveis, e nunca quebram."""
import numpy as np
from contrato_verificacao import contrato

from redes import playground
from redes import verificacao as verificar
from redes.camadas import Densa
from redes.custos import SoftmaxLogVerossimilhanca
from redes.modelo import Sequencial


def mapa_certo(X, nomes):
    x1, x2 = X[:, 0], X[:, 1]
    f = {"x1": x1, "x2": x2, "x1_2": x1 ** 2, "x2_2": x2 ** 2, "x1x2": x1 * x2, "sen_x1": np.sin(x1),
         "sen_x2": np.sin(x2)}
    return np.column_stack([f[n] for n in nomes])


def mapa_errado_ordem_fixa(X, nomes):
    todos = playground.atributos(X, tuple(playground.ATRIBUTOS))
    return todos[:, [i for i, n in enumerate(playground.ATRIBUTOS) if n in nomes]]


def passo_certo(W1, b1, W2, b2, X, Y, taxa):
    m = len(X)
    A1 = np.tanh(X @ W1 + b1)
    Z = A1 @ W2 + b2
    P = np.exp(Z - Z.max(1, keepdims=True))
    P /= P.sum(1, keepdims=True)
    G2 = (P - Y) / m
    G1 = G2 @ W2.T * (1 - A1 ** 2)
    return W1 - taxa * X.T @ G1, b1 - taxa * G1.sum(0), W2 - taxa * A1.T @ G2, b2 - taxa * G2.sum(0)


def passo_pela_biblioteca(W1, b1, W2, b2, X, Y, taxa):
    """Outra solução certa: Sequencial com os pesos dados, backward e SGD à mão."""
    d1, d2 = Densa(*W1.shape, "zeros", tipo="float64"), Densa(*W2.shape, "zeros", tipo="float64")
    d1.W[...], d1.b[...], d2.W[...], d2.b[...] = W1, b1, W2, b2
    rede = Sequencial([d1, "tanh", d2], tipo="float64")
    custo = SoftmaxLogVerossimilhanca()
    rede.backward(custo.gradiente(rede.forward(X), Y))
    return tuple(p - taxa * g for p, g in zip(rede.parametros(), rede.gradientes()))


def passo_sem_media(W1, b1, W2, b2, X, Y, taxa):
    return passo_certo(W1, b1, W2, b2, X, Y, taxa * len(X))


def passo_sem_derivada_tanh(W1, b1, W2, b2, X, Y, taxa):
    m = len(X)
    A1 = np.tanh(X @ W1 + b1)
    Z = A1 @ W2 + b2
    P = np.exp(Z) / np.exp(Z).sum(1, keepdims=True)
    G2 = (P - Y) / m
    G1 = G2 @ W2.T
    return W1 - taxa * X.T @ G1, b1 - taxa * G1.sum(0), W2 - taxa * A1.T @ G2, b2 - taxa * G2.sum(0)


def passo_sinal_trocado(W1, b1, W2, b2, X, Y, taxa):
    return passo_certo(W1, b1, W2, b2, X, Y, -taxa)


CASOS = {
    "mapa_de_atributos": ([mapa_certo, playground.atributos], [
        mapa_errado_ordem_fixa,
        lambda X, nomes: mapa_certo(X, nomes).T,
        lambda X, nomes: mapa_certo(X[:, ::-1], nomes),
        lambda X, nomes: np.column_stack([mapa_certo(X, nomes), np.ones(len(X))]),
    ]),
    "passo_de_treino": ([passo_certo, passo_pela_biblioteca], [
        passo_sem_media, passo_sem_derivada_tanh, passo_sinal_trocado,
        lambda W1, b1, W2, b2, X, Y, taxa: (W1, b1, W2, b2),
    ]),
    "pesos_xor_com_x1x2": ([lambda: (np.array([0.0, 0.0, -1.0]), 0.0), lambda: ([0, 0, -5], 0)], [
        lambda: (np.array([0.0, 0.0, 1.0]), 0.0),
        lambda: (np.array([1.0, -1.0, 0.0]), 0.0),
        lambda: (np.array([0.0, 0.0, -1.0]), 5.0),
        lambda: (np.array([0.0, -1.0]), 0.0),
    ]),
    "configuracao_espiral": ([lambda: playground.preset("espiral_resolvida"),
                              lambda: {"camadas": [8, 8], "atributos": ["x1", "x2", "sen_x1", "sen_x2"],
                                       "taxa": 0.01, "otimizador": "adam"}], [
        lambda: playground.preset("desafio_espiral"),
        lambda: playground.Configuracao(camadas=(1,)),
        lambda: {"camadas": [9]},
        lambda: {"taxa": 10.0, "ativacao": "relu", "camadas": [8, 8], "otimizador": "sgd"},
    ]),
}

globals().update(contrato(verificar, CASOS))


def test_mensagens_uteis(capsys):
    assert not verificar.configuracao_espiral(lambda: playground.preset("desafio_espiral"))
    assert "90%" in capsys.readouterr().out
    assert not verificar.pesos_xor_com_x1x2(lambda: "w")
    assert "esperava (w, b)" in capsys.readouterr().out
