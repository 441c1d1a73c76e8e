"""Verificações do capítulo 19: aceitam soluções, recusam o esboço e erros plausíveis, e nunca quebram."""
import math

import numpy as np
from contrato_verificacao import contrato

from redes import verificacao as verificar
from redes.verificacao import cap19


# ------------------------------------------------------------------ índices dos minilotes

def indices_certo(n, B, rng, descartar_incompleto=False):
    ordem = rng.permutation(n)
    pedacos = [ordem[i:i + B] for i in range(0, n, B)]
    return [p for p in pedacos if len(p) == B] if descartar_incompleto else pedacos


def indices_com_laco(n, B, rng, descartar_incompleto=False):
    """Outra solução certa: embaralha no lugar e monta listas de inteiros."""
    ordem = np.arange(n)
    rng.shuffle(ordem)
    limite = (n // B) * B if descartar_incompleto else n
    return [list(map(int, ordem[i:min(i + B, limite)])) for i in range(0, limite, B)]


def indices_com(embaralhar=True, descartar=None, passo=None, semente_fixa=False):
    def errada(n, B, rng, descartar_incompleto=False):
        gerador = np.random.default_rng(0) if semente_fixa else rng
        ordem = gerador.permutation(n) if embaralhar else np.arange(n)
        pedacos = [ordem[i:i + B] for i in range(0, n, passo or B)]
        usar = descartar_incompleto if descartar is None else descartar
        return [p for p in pedacos if len(p) == B] if usar else pedacos
    return errada


def indices_com_reposicao(n, B, rng, descartar_incompleto=False):
    return [rng.integers(0, n, size=min(B, n)) for _ in range(-(-n // B))]


# ------------------------------------------------------------------ gradiente vetorizado

def softmax(Z):
    E = np.exp(Z - Z.max(axis=1, keepdims=True))
    return E / E.sum(axis=1, keepdims=True)


def gradiente_certo(X, Y, W, b):
    delta = (softmax(X @ W + b) - Y) / len(X)
    return X.T @ delta, delta.sum(axis=0)


def gradiente_por_laco(X, Y, W, b):
    dW, db = np.zeros_like(W, dtype=float), np.zeros_like(b, dtype=float)
    for x, y in zip(X, Y):
        z = x @ W + b
        a = np.exp(z - z.max())
        a /= a.sum()
        dW += np.outer(x, a - y)
        db += a - y
    return dW / len(X), db / len(X)


CASOS = {
    "minilotes_por_epoca": ([lambda n, B: math.ceil(n / B), lambda n, B: (n + B - 1) // B], [
        lambda n, B: n // B,                                          # esqueceu o minilote incompleto
        lambda n, B: n / B,                                           # divisão real
        lambda n, B: n // B + 1,                                      # um a mais quando divide exato
        lambda n, B: B,                                               # trocou as coisas
    ]),
    "taxa_escalada": ([lambda t, r, B: t * B / r, lambda t, r, B: t * (B // r) if B % r == 0 else t * B / r], [
        lambda t, r, B: t * r / B,                                    # ao contrário
        lambda t, r, B: t * math.sqrt(B / r),                         # regra da raiz
        lambda t, r, B: t * B,                                        # sem a referência
        lambda t, r, B: t,                                            # não escala
    ]),
    "lacuna_de_generalizacao": ([lambda a, b: np.asarray(a) - np.asarray(b),
                                 lambda a, b: np.subtract(a, b).tolist()], [
        lambda a, b: np.asarray(b) - np.asarray(a),                   # teste − treino
        lambda a, b: np.abs(np.asarray(a) - np.asarray(b)),           # valor absoluto
        lambda a, b: np.asarray(a) / np.asarray(b),                   # razão
        lambda a, b: np.mean(np.asarray(a) - np.asarray(b)),          # média das épocas
    ]),
    "indices_dos_minilotes": ([indices_certo, indices_com_laco], [
        indices_com(embaralhar=False),                                # sem embaralhar
        indices_com(descartar=False),                                 # ignora descartar_incompleto
        indices_com(descartar=True),                                  # sempre descarta
        indices_com(passo=1),                                         # janelas deslizantes
        indices_com(semente_fixa=True),                               # ignora o rng
        indices_com_reposicao,                                        # sorteia com reposição
        lambda n, B, rng, d=False: rng.permutation(n),                # um array só
    ]),
    "gradiente_do_lote_vetorizado": ([gradiente_certo, gradiente_por_laco], [
        lambda X, Y, W, b: tuple(len(X) * g for g in gradiente_certo(X, Y, W, b)),           # soma, não média
        lambda X, Y, W, b: ((X.T @ (X @ W + b - Y)) / len(X), (X @ W + b - Y).mean(axis=0)),  # esqueceu a softmax
        lambda X, Y, W, b: (gradiente_certo(X, Y, W, b)[0].T, gradiente_certo(X, Y, W, b)[1]),  # dW transposto
        lambda X, Y, W, b: (gradiente_certo(X, Y, W, b)[0], gradiente_certo(X, Y, W, b)[1] / len(X)),  # db / m²
        lambda X, Y, W, b: gradiente_certo(X, Y, W, b)[0],            # só dW
    ]),
}

LIXO = [None, 3, "texto", lambda *a: "texto", lambda *a: None, lambda *a: [[1, 2], [3]], lambda *a: 1 / 0,
        lambda *a: float("nan"), lambda *a: {"a": 1}, lambda *a: ("a", "b"), lambda: 0, lambda *a: [["x"]],
        lambda *a: [np.zeros((2, 2))], lambda *a: (np.zeros(3), None)]


def test_dica_da_soma_no_gradiente(capsys):
    assert not verificar.gradiente_do_lote_vetorizado(CASOS["gradiente_do_lote_vetorizado"][1][0])
    assert "parece a soma" in capsys.readouterr().out


def test_indices_em_ordem_recebem_dica(capsys):
    assert not verificar.indices_dos_minilotes(indices_com(embaralhar=False))
    assert "em ordem" in capsys.readouterr().out


def test_referencias():
    assert cap19._minilotes_por_epoca(32_000, 32) == 1000 and cap19._minilotes_por_epoca(10**9, 512) == 1_953_125
    assert cap19._taxa_escalada(0.01, 64, 1024) == 0.16
    assert np.allclose(cap19._lacuna([1.0, 0.9], [0.98, 0.92]), [0.02, -0.02])
    rng = np.random.default_rng(0)
    X, Y = rng.normal(size=(6, 4)), np.eye(3)[rng.integers(0, 3, 6)]
    W, b = rng.normal(size=(4, 3)), rng.normal(size=3)
    for a, c in zip(cap19._gradiente_do_lote(X, Y, W, b), gradiente_por_laco(X, Y, W, b)):
        assert np.allclose(a, c)
    pedacos, problema = cap19._particao(indices_certo(10, 3, np.random.default_rng(1)), 10, 3, False)
    assert problema is None and [len(p) for p in pedacos] == [3, 3, 3, 1]
    _, problema = cap19._particao(indices_certo(10, 3, np.random.default_rng(1), True), 10, 3, True)
    assert problema is None


def test_verificacoes_sao_rapidas(capsys):
    import time
    inicio = time.perf_counter()
    for nome, (certas, _) in CASOS.items():
        assert getattr(verificar, nome)(certas[0])
    assert time.perf_counter() - inicio < 3
    capsys.readouterr()


# O contrato comum a toda verificação (tests/contrato_verificacao.py).
globals().update(contrato(verificar, CASOS, LIXO))
