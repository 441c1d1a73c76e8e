"""Verificações do capítulo 4: aceitam a solução, recusam o esboço e erros plausíveis, e nunca quebram."""
import numpy as np
import pytest
from contrato_verificacao import contrato

from redes import verificacao as verificar


def esboco(*args):
    raise NotImplementedError()


def relu_certa(z):
    return np.maximum(0, z)


def derivada_relu_certa(z):
    return (np.asarray(z) > 0).astype(float)


def derivada_tanh_certa(z):
    return 1 - np.tanh(z) ** 2


def leaky_certa(z, alfa=0.01):
    return np.where(np.asarray(z) > 0, z, alfa * np.asarray(z))


def leaky_pelo_maximo(z, alfa=0.01):
    """Outra solução certa para 0 ≤ α ≤ 1: max(αz, z)."""
    return np.maximum(alfa * np.asarray(z), z)


def softmax_certa(Z):
    e = np.exp(Z - Z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def softmax_por_laco(Z):
    """Outra solução certa: uma linha de cada vez, em Python puro."""
    saida = []
    for linha in np.asarray(Z).tolist():
        m = max(linha)
        e = [np.exp(v - m) for v in linha]
        saida.append([v / sum(e) for v in e])
    return np.array(saida)


def compor_certa(W1, b1, W2, b2):
    return W1 @ W2, b1 @ W2 + b2


def _softmax_sem_maximo(Z):
    e = np.exp(Z)
    return e / e.sum(axis=1, keepdims=True)


def _softmax_eixo_errado(Z):
    e = np.exp(Z - Z.max(axis=0, keepdims=True))
    return e / e.sum(axis=0, keepdims=True)


def _softmax_maximo_global(Z):
    e = np.exp(Z - Z.max())
    return e / e.sum(axis=1, keepdims=True)


def _softmax_soma_total(Z):
    e = np.exp(Z - Z.max(axis=1, keepdims=True))
    return e / e.sum()


CASOS = {
    "relu": (relu_certa, [
        lambda z: np.maximum(0, -np.asarray(z)),                 # sinal trocado
        lambda z: np.abs(z),                                     # valor absoluto
        lambda z: np.max([0 * np.asarray(z), z]),                # np.max em vez de np.maximum: um número só
    ]),
    "derivada_relu": (derivada_relu_certa, [
        lambda z: (np.asarray(z) >= 0).astype(float),            # 1 em z = 0
        lambda z: np.maximum(0, z),                              # devolveu a própria ReLU
        lambda z: np.sign(z),                                    # −1 do lado negativo
    ]),
    "derivada_tanh": (derivada_tanh_certa, [
        lambda z: 1 - np.asarray(z) ** 2,                        # elevou z, não tanh(z)
        lambda z: 1 - np.tanh(z),                                # esqueceu o quadrado
        lambda z: np.tanh(z) * (1 - np.tanh(z)),                 # copiou a forma da sigmoide
    ]),
    "leaky_relu": (leaky_certa, [
        lambda z, alfa=0.01: np.where(np.asarray(z) > 0, z, 0.01 * np.asarray(z)),   # α fixo
        lambda z, alfa=0.01: np.where(np.asarray(z) > 0, z, alfa),                    # α em vez de αz
        lambda z, alfa=0.01: np.where(np.asarray(z) > 0, alfa * np.asarray(z), z),    # lados trocados
    ]),
    "softmax": (softmax_certa, [
        _softmax_sem_maximo,                                     # transborda: nan
        _softmax_eixo_errado,                                    # normaliza colunas
        _softmax_maximo_global,                                  # uma linha inteira zera: nan
        _softmax_soma_total,                                     # o lote todo soma 1
    ]),
    "compor_lineares": (compor_certa, [
        lambda W1, b1, W2, b2: (W1 @ W2, b1 + b2),               # somou os vieses direto
        lambda W1, b1, W2, b2: (W1 @ W2, b1 @ W2),               # esqueceu b2
        lambda W1, b1, W2, b2: (W1 @ W2, b2),                    # esqueceu b1 W2
        lambda W1, b1, W2, b2: W1 @ W2,                          # não devolveu o viés
    ]),
}

LIXO = [None, 3, "relu", lambda *a: "texto", lambda *a: None, lambda *a: [[1, 2], [3]],
        lambda *a: 1 / 0, lambda *a: np.zeros((7, 7)), lambda *a: (None, None), lambda *a: ("a", "b")]


@pytest.mark.parametrize("nome,outra", [("leaky_relu", leaky_pelo_maximo), ("softmax", softmax_por_laco)])
def test_aceita_outras_solucoes_certas(nome, outra, capsys):
    assert getattr(verificar, nome)(outra)
    assert "✔" in capsys.readouterr().out


def test_softmax_sem_maximo_aponta_o_nan(capsys):
    assert not verificar.softmax(_softmax_sem_maximo)
    saida = capsys.readouterr().out
    assert "nan" in saida and "caso 3 de 6" in saida                 # [[1000, 1001]]


def test_softmax_maximo_global_falha_so_no_lote_misto(capsys):
    assert not verificar.softmax(_softmax_maximo_global)
    assert "caso 5 de 6" in capsys.readouterr().out                   # [[0, 1000], [−1000, −999]]


def test_compor_lineares_diz_onde_errou(capsys):
    assert not verificar.compor_lineares(lambda W1, b1, W2, b2: (W1 @ W2, b1 + b2))
    saida = capsys.readouterr().out
    assert "no b:" in saida
    assert not verificar.compor_lineares(lambda W1, b1, W2, b2: (W2.T @ W1.T, b1 @ W2 + b2))
    saida = capsys.readouterr().out
    assert "✘" in saida and ("no W:" in saida or "levantou" in saida)


# O contrato comum a toda verificação (tests/contrato_verificacao.py).
globals().update(contrato(verificar, CASOS, LIXO))
