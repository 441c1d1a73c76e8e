"""Verificações do capítulo 11: aceitam soluções, recusam o esboço e erros plausíveis, e nunca quebram."""
import numpy as np
from contrato_verificacao import contrato

from redes import verificacao as verificar
from redes import retropropagacao as rp
from redes.gradiente import gradiente_numerico


def sigmoide(z):
    return 1 / (1 + np.exp(-z))


# ------------------------------------------------------------- soluções certas

def coluna_certa(X):
    return np.hstack([X, np.ones((len(X), 1))])


def coluna_por_laco(X):
    return np.array([list(linha) + [1.0] for linha in X])


def para_frente_certo(x, W1, w2):
    h = sigmoide(x @ W1)
    return h, sigmoide(h @ w2)


def para_frente_por_neuronio(x, W1, w2):
    """Outra solução certa: um neurônio de cada vez, com somas explícitas; devolve a saída como array (1,)."""
    h = np.array([sigmoide(sum(x[i] * W1[i, j] for i in range(3))) for j in range(3)])
    return list(h), np.array([sigmoide(np.dot(h, w2))])


def passadas_certo(n_parametros, centrada=False):
    return 2 * n_parametros if centrada else n_parametros + 1


def retro_certo(pesos, vieses, X, Y):
    Z, A = [], [X]
    for W, b in zip(pesos, vieses):
        Z.append(A[-1] @ W + b)
        A.append(sigmoide(Z[-1]))
    m = len(X)
    delta = (A[-1] - Y) / m * A[-1] * (1 - A[-1])
    gW, gb = [None] * len(pesos), [None] * len(pesos)
    for l in range(len(pesos) - 1, -1, -1):
        gW[l], gb[l] = A[l].T @ delta, delta.sum(axis=0)
        if l > 0:
            delta = (delta @ pesos[l].T) * A[l] * (1 - A[l])
    return gW, gb


def retro_por_exemplo(pesos, vieses, X, Y):
    """Outra solução certa: a média dos gradientes de cada exemplo, calculados um a um."""
    partes = [retro_certo(pesos, vieses, X[i:i + 1], Y[i:i + 1]) for i in range(len(X))]
    return ([np.mean([p[0][l] for p in partes], axis=0) for l in range(len(pesos))],
            [np.mean([p[1][l] for p in partes], axis=0) for l in range(len(pesos))])


def treinar_certo():
    r = rp.treinar_xor(3, 4.0, "sigmoide", 0, 1500)
    return r.previsoes


def treinar_do_zero():
    rng = np.random.default_rng(1)
    W = [rng.standard_normal((2, 3)), rng.standard_normal((3, 1))]
    b = [rng.standard_normal(3), rng.standard_normal(1)]
    for _ in range(1500):
        gW, gb = retro_certo(W, b, rp.XOR_X, rp.XOR_Y)
        W = [w - 4.0 * g for w, g in zip(W, gW)]
        b = [v - 4.0 * g for v, g in zip(b, gb)]
    return sigmoide(sigmoide(rp.XOR_X @ W[0] + b[0]) @ W[1] + b[1])


# ------------------------------------------------------------- erros plausíveis

def _retro_com(erro):
    def errada(pesos, vieses, X, Y):
        gW, gb = retro_certo(pesos, vieses, X, Y)
        if erro == "soma":                        # esqueceu o 1/m da média
            return [g * len(X) for g in gW], [g * len(X) for g in gb]
        if erro == "delta_sem_soma":              # BP3 sem somar as linhas
            return gW, [np.tile(g, (len(X), 1)) / len(X) for g in gb]
        if erro == "sem_derivada_na_saida":       # BP1 sem σ'(z)
            Z, A = [], [X]
            for W, b in zip(pesos, vieses):
                Z.append(A[-1] @ W + b)
                A.append(sigmoide(Z[-1]))
            delta = (A[-1] - Y) / len(X)
            gW2, gb2 = [None] * len(pesos), [None] * len(pesos)
            for l in range(len(pesos) - 1, -1, -1):
                gW2[l], gb2[l] = A[l].T @ delta, delta.sum(axis=0)
                if l > 0:
                    delta = (delta @ pesos[l].T) * A[l] * (1 - A[l])
            return gW2, gb2
        if erro == "trocados":                    # devolve (grad_b, grad_W)
            return gb, gW
        return [g.T for g in gW], gb              # transpostos
    return errada


def _treino_com(ocultos, epocas, semente=0):
    def errada():
        return rp.treinar_xor(ocultos, 4.0, "sigmoide", semente, epocas).previsoes
    return errada


_chamadas = {"n": 0}


def treino_aleatorio():
    """Sem semente fixa: cada chamada dá outro resultado."""
    _chamadas["n"] += 1
    return rp.treinar_xor(3, 4.0, "sigmoide", _chamadas["n"], 50).previsoes


CASOS = {
    "xor_coluna_de_uns": ([coluna_certa, coluna_por_laco], [
        lambda X: np.hstack([np.ones((len(X), 1)), X]),        # uns na frente
        lambda X: np.vstack([X, np.ones((1, X.shape[1]))]),   # uma linha de uns
        lambda X: np.hstack([X, np.zeros((len(X), 1))]),       # zeros
        lambda X: X + 1,                                       # soma 1 a tudo
    ]),
    "xor_para_frente": ([para_frente_certo, para_frente_por_neuronio], [
        lambda x, W1, w2: (sigmoide(x @ W1.T), sigmoide(sigmoide(x @ W1.T) @ w2)),     # W1 transposta
        lambda x, W1, w2: (sigmoide(x @ W1), sigmoide(x @ W1) @ w2),                   # sem sigmoide na saída
        lambda x, W1, w2: (np.array([0.899, 0.593, 0.378]), 0.506),                     # os números do livro
        lambda x, W1, w2: (x @ W1, sigmoide(sigmoide(x @ W1) @ w2)),                    # devolve z, não h
        lambda x, W1, w2: sigmoide(sigmoide(x @ W1) @ w2),                              # só a saída
    ]),
    "bp_passadas": ([passadas_certo, lambda n, centrada=False: n * (2 if centrada else 1) + (0 if centrada else 1)], [
        lambda n, centrada=False: n,                              # esqueceu o C(w)
        lambda n, centrada=False: 2 * n + 1 if centrada else n + 1,   # C(w) também nas centradas
        lambda n, centrada=False: 2,                              # o custo da retropropagação
        lambda n, centrada=False: n + 1,                          # ignora centrada
    ]),
    "bp_retropropagar": ([retro_certo, retro_por_exemplo], [
        _retro_com("soma"), _retro_com("delta_sem_soma"), _retro_com("sem_derivada_na_saida"),
        _retro_com("trocados"), _retro_com("transpostos"),
    ]),
    "xor_treinar": ([treinar_certo, treinar_do_zero], [
        _treino_com(1, 1500),                 # um neurônio oculto não resolve
        _treino_com(2, 1500, semente=0),      # semente que empaca
        _treino_com(3, 5),                    # quase sem treino
        lambda: np.array([0.0, 1.0, 1.0, 0.0]),           # rótulos, não saídas da sigmoide
        lambda: np.array([0.49, 0.51, 0.51, 0.49]),       # certo por pouco: custo alto
        treino_aleatorio,                                 # muda a cada chamada
        lambda: np.array([0.1, 0.9, 0.9]),                # faltou uma saída
    ]),
}

LIXO = [None, 3, "texto", lambda *a: "texto", lambda *a: None, lambda *a: [[1, 2], [3]],
        lambda *a: 1 / 0, lambda *a: np.zeros((7, 7)), lambda *a: {"a": 1}, lambda *a: np.nan, lambda: 0,
        lambda *a: ([np.nan], [np.nan]), lambda *a: (1, 2, 3)]


def test_referencia_confere_com_diferencas_finitas():
    """A referência do exercício 4 é o gradiente certo: diferenças finitas, até 1e-7."""
    pesos, vieses = rp.iniciar([3, 4, 2], "grande", 1)
    rng = np.random.default_rng(101)
    X, Y = rng.standard_normal((5, 3)), rng.random((5, 2))
    gW, gb = retro_certo(pesos, vieses, X, Y)

    def custo(_):
        return 0.5 * np.mean(np.sum((sigmoide(sigmoide(X @ pesos[0] + vieses[0]) @ pesos[1] + vieses[1]) - Y) ** 2, 1))
    for analitico, p in zip(gW + gb, pesos + vieses):
        np.testing.assert_allclose(analitico, gradiente_numerico(custo, p), atol=1e-7)


def test_mensagens_uteis(capsys):
    verificar.xor_para_frente(para_frente_certo)
    saida = capsys.readouterr().out
    assert "0.8995" in saida and "0.4803" in saida
    verificar.bp_retropropagar(_retro_com("soma"))
    assert "grad_W[" in capsys.readouterr().out
    verificar.xor_treinar(treino_aleatorio)
    assert "diferentes" in capsys.readouterr().out
    verificar.xor_treinar(lambda: np.array([0.0, 1.0, 1.0, 0.0]))
    assert "entre 0 e 1" in capsys.readouterr().out


def test_verificacoes_sao_rapidas(capsys):
    import time
    inicio = time.perf_counter()
    for nome, (certas, _) in CASOS.items():
        assert getattr(verificar, nome)(certas[0])
    assert time.perf_counter() - inicio < 5
    capsys.readouterr()


# O contrato comum a toda verificação (tests/contrato_verificacao.py).
globals().update(contrato(verificar, CASOS, LIXO))
