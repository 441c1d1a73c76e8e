"""Verificações do capítulo 5: aceitam a solução, recusam o esboço e respostas erradas plausíveis, e nunca quebram."""
import numpy as np
import pytest
from contrato_verificacao import contrato

from redes import verificacao as verificar


def esboco(*args):
    raise NotImplementedError()


def produto_escalar_certo(a, b):
    total = 0.0
    for x, y in zip(a, b):
        total += x * y
    return total


def camada_densa_certa(X, W, b):
    return X @ W + b


def forma_do_produto_certa(forma_a, forma_b):
    a = (1,) + tuple(forma_a) if len(forma_a) == 1 else tuple(forma_a)
    b = tuple(forma_b) + (1,) if len(forma_b) == 1 else tuple(forma_b)
    if a[1] != b[0]:
        return None
    saida = [a[0], b[1]]
    if len(forma_b) == 1:
        saida.pop(1)
    if len(forma_a) == 1:
        saida.pop(0)
    return tuple(saida)


def forma_do_produto_com_ifs(forma_a, forma_b):
    """Outra solução certa, caso a caso, devolvendo listas."""
    if len(forma_a) == 1 and len(forma_b) == 1:
        return [] if forma_a[0] == forma_b[0] else None
    if len(forma_a) == 1:
        return [forma_b[1]] if forma_a[0] == forma_b[0] else None
    if len(forma_b) == 1:
        return [forma_a[0]] if forma_a[1] == forma_b[0] else None
    return [forma_a[0], forma_b[1]] if forma_a[1] == forma_b[0] else None


def duas_camadas_certa(X, W1, b1, W2, b2):
    return (X @ W1 + b1) @ W2 + b2


def erro_certo(a, y):
    return np.mean((a.ravel() - y) ** 2)


CASOS = {
    "produto_escalar": ([produto_escalar_certo, lambda a, b: np.sum(np.multiply(a, b))], [
        lambda a, b: np.multiply(a, b),                                   # esqueceu de somar
        lambda a, b: sum(a) * sum(b),
        lambda a, b: sum(x * y for x, y in zip(a[:-1], b[:-1])),          # laço que para cedo
    ]),
    "camada_densa": ([camada_densa_certa, lambda X, W, b: np.dot(X, W) + b.reshape(1, -1)], [
        lambda X, W, b: X @ W,                                            # esqueceu o viés
        lambda X, W, b: X @ W.T + b,                                      # transpôs sem precisar
        lambda X, W, b: X @ W + b.sum(),
        lambda X, W, b: (X @ W + b)[0],                                   # só o primeiro exemplo
    ]),
    "forma_do_produto": ([forma_do_produto_certa, forma_do_produto_com_ifs], [
        lambda a, b: (a[0], b[-1]),                                       # não confere nada
        lambda a, b: (a[0], b[-1]) if a[-1] == b[0] else None,            # 2-D certo, vetores errados
        lambda a, b: (a[0], b[1]) if len(a) == 2 and len(b) == 2 and a[1] == b[0] else None,
        lambda a, b: (b[0], a[-1]) if b[-1] == a[0] else None,            # a ordem trocada
    ]),
    "duas_camadas": ([duas_camadas_certa], [
        lambda X, W1, b1, W2, b2: X @ W1 @ W2 + b2,                       # perdeu b1
        lambda X, W1, b1, W2, b2: X @ W1 + b1,                            # parou na primeira camada
        lambda X, W1, b1, W2, b2: 1 / (1 + np.exp(-((X @ W1 + b1) @ W2 + b2))),
    ]),
    "erro_quadratico_medio": ([erro_certo, lambda a, y: float(np.mean((a - y.reshape(-1, 1)) ** 2))], [
        lambda a, y: np.mean((a - y) ** 2),                               # o erro silencioso (m, m)
        lambda a, y: np.sum((a.ravel() - y) ** 2),                        # soma em vez de média
        lambda a, y: np.mean(np.abs(a.ravel() - y)),
    ]),
}

LIXO = [None, 3, lambda *a: "texto", lambda *a: None, lambda *a: [[1, 2], [3]],
        lambda *a: 1 / 0, lambda *a: np.zeros((7, 7)), lambda *a: (1.5, 2), lambda *a: (True, 3)]


def test_erro_silencioso_tem_dica(capsys):
    verificar.erro_quadratico_medio(lambda a, y: np.mean((a - y) ** 2))
    assert "(m, m)" in capsys.readouterr().out


def test_forma_do_produto_explica_o_caso(capsys):
    verificar.forma_do_produto(lambda a, b: (a[0], b[-1]) if a[-1] == b[0] else None)
    saida = capsys.readouterr().out
    assert "forma_a = (3, 4), forma_b = (4,)" in saida and "esperava (3,)" in saida


# O contrato comum a toda verificação (tests/contrato_verificacao.py).
globals().update(contrato(verificar, CASOS, LIXO))
