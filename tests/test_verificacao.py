"""Cada verificação aceita a solução, recusa o esboço e respostas erradas plausíveis, e nunca quebra."""
import numpy as np
import pytest
from contrato_verificacao import contrato

from redes import verificacao as verificar


def esboco(*args):
    raise NotImplementedError()


def neuronio_certo(X, w, b):
    return np.asarray(X) @ np.asarray(w) + b


def sigmoide_certa(z):
    return 1 / (1 + np.exp(-np.asarray(z, dtype=float)))


def reta_certa(x1, w, b):
    return -(w[0] * np.asarray(x1) + b) / w[1]


def menor_erros_certo(X, y):
    grade = np.linspace(-2, 2, 9)
    melhor = 4
    for w1 in grade:
        for w2 in grade:
            for b in grade:
                melhor = min(melhor, int(np.sum(((X @ [w1, w2] + b) > 0) != y)))
    return melhor


CASOS = {
    "neuronio": (neuronio_certo, [
        lambda X, w, b: np.sum(np.asarray(X) * w) + b,          # soma tudo, não por linha
        lambda X, w, b: np.asarray(X) @ np.asarray(w),          # esqueceu o viés
        lambda X, w, b: np.asarray(X) @ np.asarray(w) - b,      # sinal do viés
    ]),
    "sigmoide": (sigmoide_certa, [
        lambda z: 1 / (1 + np.exp(np.asarray(z))),             # sinal do expoente
        lambda z: np.exp(-np.asarray(z)) / (1 + np.exp(-np.asarray(z))),   # 1 − σ
        np.tanh,
    ]),
    "reta_de_decisao": (reta_certa, [
        lambda x1, w, b: -(w[0] * np.asarray(x1) - b) / w[1],  # o erro de sinal do livro
        lambda x1, w, b: (w[0] * np.asarray(x1) + b) / w[1],
        lambda x1, w, b: -(w[1] * np.asarray(x1) + b) / w[0],  # trocou w1 e w2
    ]),
    "menor_numero_de_erros": (menor_erros_certo, [
        lambda X, y: 0,                                         # "tudo é separável"
        lambda X, y: 1,
        lambda X, y: 0.5,
    ]),
}

LIXO = [None, 3, lambda *a: "texto", lambda *a: None, lambda *a: [[1, 2], [3]],
        lambda *a: 1 / 0, lambda *a: np.zeros((7, 7))]


def test_pesos_and(capsys):
    assert verificar.pesos_and([1.0, 1.0], -1.5)
    assert verificar.pesos_and(np.array([2.0, 3.0]), -4)
    assert not verificar.pesos_and([1.0, 1.0], -0.5)            # isso é OR
    assert not verificar.pesos_and([1.0, 1.0], -2.0)            # z = 0 em (1, 1) não dispara
    assert not verificar.pesos_and([-1.0, -1.0], 1.5)           # NAND
    assert not verificar.pesos_and(None, None)
    assert not verificar.pesos_and("ab", 1)
    assert not verificar.pesos_and([1.0, 1.0, 1.0], -1.5)
    saida = capsys.readouterr().out
    assert "ainda não definida" in saida and "(0, 1) → 1 (esperava 0)" in saida


def test_resultado_nao_aparece_duas_vezes():
    r = verificar.Resultado("x", True, ["✔ ok"])
    assert r._ipython_display_() is None and "aprovado" in repr(r) and r.texto == "✔ ok"


# O contrato comum a toda verificação (tests/contrato_verificacao.py).
globals().update(contrato(verificar, CASOS, LIXO))
