"""Verificações do capítulo 3: aceitam a solução, recusam o esboço e respostas erradas plausíveis, nunca quebram."""
import numpy as np
import pytest
from contrato_verificacao import contrato

from redes import verificacao as verificar


def esboco(*args):
    raise NotImplementedError()


def festival_certo(x, limiar):
    return int(6 * x[0] + 2 * x[1] + 2 * x[2] > limiar)


def somador_certo(a, b, nand):
    t = nand(a, b)
    return nand(nand(a, t), nand(b, t)), nand(t, t)


def somador_com_nove(a, b, nand):
    nao_a, nao_b = nand(a, a), nand(b, b)
    ou = nand(nao_a, nao_b)
    e = nand(nand(a, b), nand(a, b))
    return nand(nand(ou, nand(a, b)), nand(ou, nand(a, b))), e


def passo_certo(w, b, x, y, eta):
    erro = y - float(np.dot(w, x) + b > 0)
    return np.asarray(w) + eta * erro * np.asarray(x), b + eta * erro


def epocas_certo(X, y, eta, epocas):
    w, b = np.zeros(X.shape[1]), 0.0
    for epoca in range(1, epocas + 1):
        for xi, yi in zip(X, y):
            erro = yi - float(xi @ w + b > 0)
            w, b = w + eta * erro * xi, b + eta * erro
        if np.all((X @ w + b > 0) == y):
            return epoca
    return -1


def epocas_sem_atualizacao(X, y, eta, epocas):
    """Para quando uma época passa sem mudar nada: conta uma época a mais."""
    w, b = np.zeros(X.shape[1]), 0.0
    for epoca in range(1, epocas + 1):
        mudou = False
        for xi, yi in zip(X, y):
            erro = yi - float(xi @ w + b > 0)
            mudou |= erro != 0
            w, b = w + eta * erro * xi, b + eta * erro
        if not mudou:
            return epoca
    return -1


CASOS = {
    "decide_festival": (festival_certo, [
        lambda x, limiar: int(6 * x[0] + 2 * x[1] + 2 * x[2] >= limiar),       # ≥ em vez de >
        lambda x, limiar: int(sum(x) > limiar),                                # esqueceu os pesos
        lambda x, limiar: int(6 * x[0] + 2 * x[1] + 2 * x[2] - limiar < 0),     # sinal trocado
    ]),
    "meio_somador": (somador_certo, [
        lambda a, b, nand: (a & b, a ^ b),                                     # trocou a ordem (e não usa nand)
        lambda a, b, nand: (nand(nand(a, a), nand(b, b)), nand(nand(a, b), nand(a, b))),   # OR no lugar de XOR
        lambda a, b, nand: (a ^ b, a & b),                                     # certo, mas sem nand
    ]),
    "passo_perceptron": (passo_certo, [
        lambda w, b, x, y, eta: (np.asarray(w) + eta * (y - float(np.dot(w, x) + b >= 0)) * np.asarray(x),
                                 b + eta * (y - float(np.dot(w, x) + b >= 0))),     # z = 0 dispara
        lambda w, b, x, y, eta: (passo_certo(w, b, x, y, eta)[0], b),               # esqueceu o viés
        lambda w, b, x, y, eta: (np.asarray(w) - eta * (y - float(np.dot(w, x) + b > 0)) * np.asarray(x),
                                 b - eta * (y - float(np.dot(w, x) + b > 0))),      # sinal trocado
        lambda w, b, x, y, eta: passo_certo(w, b, x, y, 1.0),                        # ignorou eta
    ]),
    "epocas_ate_convergir": (epocas_certo, [
        epocas_sem_atualizacao,
        lambda X, y, eta, epocas: (lambda r: r - 1 if r > 0 else r)(epocas_certo(X, y, eta, epocas)),  # conta do 0
        lambda X, y, eta, epocas: (lambda r: epocas if r == -1 else r)(epocas_certo(X, y, eta, epocas)),
    ]),
}

LIXO = [None, 3, lambda *a: "texto", lambda *a: None, lambda *a: [[1, 2], [3]],
        lambda *a: 1 / 0, lambda *a: np.zeros((7, 7)), lambda *a: (1, 2, 3), lambda *a: float("nan")]


def test_none_diz_ainda_nao_definida(capsys):
    for nome in CASOS:
        assert not getattr(verificar, nome)(None)
    assert capsys.readouterr().out.count("ainda não definida") == len(CASOS)


def test_meio_somador_conta_as_portas(capsys):
    assert verificar.meio_somador(somador_certo)
    assert "até 5 chamadas de nand (o mínimo possível)" in capsys.readouterr().out
    assert verificar.meio_somador(somador_com_nove)
    assert "dá para fazer com 5" in capsys.readouterr().out
    assert not verificar.meio_somador(lambda a, b, nand: (a ^ b, a & b))
    assert "não foi usada nenhuma vez" in capsys.readouterr().out


def test_pesos_xor(capsys):
    W1, b1 = np.array([[1.0, -2.0], [1.0, -2.0]]), np.array([-0.5, 3.0])
    assert verificar.pesos_xor(W1, b1, np.array([1.0, 1.0]), -1.5)
    assert verificar.pesos_xor(W1.tolist(), b1.tolist(), [1, 1], -1.5)
    assert verificar.pesos_xor(np.array([[1.0, 1.0], [-1.0, -1.0]]), np.array([-0.5, 1.5]), [1, 1], -1.5) is not None
    assert not verificar.pesos_xor(W1, b1, np.array([1.0, 1.0]), -0.5)     # OR na saída
    assert not verificar.pesos_xor(np.eye(2), np.zeros(2), [1, 1], -0.5)   # oculta só copia
    assert not verificar.pesos_xor(None, b1, [1, 1], -1.5)
    assert not verificar.pesos_xor("ab", b1, [1, 1], -1.5)
    assert not verificar.pesos_xor(np.ones((3, 2)), b1, [1, 1], -1.5)
    assert not verificar.pesos_xor(W1, b1, [1, 1, 1], -1.5)
    saida = capsys.readouterr().out
    assert "ainda não definida" in saida and "(1, 1) → oculta (1, 0) → 1 (esperava 0)" in saida
    assert "Traceback" not in saida


# O contrato comum a toda verificação (tests/contrato_verificacao.py).
globals().update(contrato(verificar, CASOS, LIXO))
