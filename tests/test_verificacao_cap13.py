"""Verificações do capítulo 13: aceitam soluções, recusam o esboço e erros plausíveis, e nunca quebram."""
import math
import time

import numpy as np
import pytest
from contrato_verificacao import contrato

from redes import verificacao as verificar
from redes.verificacao import cap13


# ------------------------------------------------------------------ soluções certas

def h_certa(p, q):
    p, q = np.asarray(p, dtype=float), np.asarray(q, dtype=float)
    m = p > 0
    return -np.sum(p[m] * np.log(q[m]))


def h_por_laco(p, q):
    """Outra solução certa, com laço e math.log."""
    total = 0.0
    for pc, qc in zip(p, q):
        if pc > 0:
            total -= pc * math.log(qc)
    return total


def kl_certa(p, q):
    p, q = np.asarray(p, dtype=float), np.asarray(q, dtype=float)
    m = p > 0
    return np.sum(p[m] * np.log(p[m] / q[m]))


def kl_pela_identidade(p, q):
    """H(p, q) − H(p)."""
    p = np.asarray(p, dtype=float)
    m = p > 0
    return h_certa(p, q) + np.sum(p[m] * np.log(p[m]))


def custo_certo(a, y, eps=1e-12):
    a = np.clip(a, eps, 1 - eps)
    return -np.sum(y * np.log(a) + (1 - y) * np.log(1 - a)) / a.shape[0]


def custo_nan_to_num(a, y):
    with np.errstate(divide="ignore", invalid="ignore"):
        return -np.sum(np.nan_to_num(y * np.log(a) + (1 - y) * np.log(1 - a))) / len(a)


def delta_certo(Z, Y):
    Z = np.asarray(Z, dtype=float)
    E = np.exp(Z - Z.max(axis=1, keepdims=True))
    return (E / E.sum(axis=1, keepdims=True) - Y) / Z.shape[0]


def _sigmoide(z):
    return 1 / (1 + math.exp(-z))


def treinar_certo(w0, b0, taxa, epocas, custo):
    w, b = w0, b0
    for _ in range(epocas):
        a = _sigmoide(w + b)
        delta = a * a * (1 - a) if custo == "quadratico" else a
        w, b = w - taxa * delta, b - taxa * delta
    return _sigmoide(w + b)


def _treinar_com(delta_quadratico=None, delta_entropia=None, so_w=False, sinal=1.0, antes=False):
    """Respostas erradas plausíveis do exercício do neurônio."""
    def errada(w0, b0, taxa, epocas, custo):
        w, b = w0, b0
        a = _sigmoide(w + b)
        for _ in range(epocas):
            a = _sigmoide(w + b)
            if custo == "quadratico":
                delta = delta_quadratico(a) if delta_quadratico else a * a * (1 - a)
            else:
                delta = delta_entropia(a) if delta_entropia else a
            w = w - sinal * taxa * delta
            if not so_w:
                b = b - sinal * taxa * delta
        return a if antes else _sigmoide(w + b)
    return errada


CASOS = {
    "entropia_cruzada": ([h_certa, h_por_laco], [
        lambda p, q: np.sum(np.asarray(p) * np.log(q)) if np.all(np.asarray(q) > 0) else 0.0,  # sem o menos
        lambda p, q: -np.sum(np.asarray(p) * np.log10(np.asarray(q) + (np.asarray(p) == 0))),  # log10
        lambda p, q: h_certa(q, p) if np.all(np.asarray(p) > 0) else 1.0,                      # argumentos trocados
        lambda p, q: -np.sum(np.asarray(p) * np.log(q)),                                       # 0·ln 0 = NaN
        lambda p, q: -np.mean(np.where(np.asarray(p) > 0, np.asarray(p) * np.log(np.maximum(q, 1e-300)), 0)),
    ]),
    "divergencia_kl": ([kl_certa, kl_pela_identidade], [
        lambda p, q: kl_certa(q, p) if np.all(np.asarray(p) > 0) else 5.0,                     # KL(q‖p)
        h_certa,                                                                                # H(p, q), sem tirar H(p)
        lambda p, q: np.sum(np.asarray(p) * np.log(np.asarray(p) / np.asarray(q))),           # NaN nos zeros
        lambda p, q: -kl_certa(p, q),                                                           # sinal trocado
    ]),
    "custo_entropia": ([custo_certo, lambda a, y: custo_certo(a, y, 1e-7), custo_nan_to_num], [
        lambda a, y: -np.sum(y * np.log(a) + (1 - y) * np.log(1 - a)) / len(a),               # sem o corte: NaN
        lambda a, y: -np.mean(y * np.log(np.clip(a, 1e-12, 1)) + (1 - y) * np.log(np.clip(1 - a, 1e-12, 1))),
        lambda a, y: -np.sum(y * np.log(np.clip(a, 1e-12, 1 - 1e-12))) / len(a),              # só o termo de y
        lambda a, y: custo_certo(a, y) * len(a),                                                # soma, sem média
        lambda a, y: np.sum(y * np.log(np.clip(a, 1e-12, 1 - 1e-12))
                            + (1 - y) * np.log(np.clip(1 - a, 1e-12, 1))) / len(a),            # sem o menos
    ]),
    "delta_softmax": ([delta_certo], [
        lambda Z, Y: delta_certo(Z, Y) * np.asarray(Z).shape[0],                                # sem o 1/m
        lambda Z, Y: -delta_certo(Z, Y),                                                        # Y − a
        lambda Z, Y: (np.asarray(Z) - Y) / np.asarray(Z).shape[0],                              # esqueceu a softmax
        lambda Z, Y: (np.exp(Z) / np.exp(Z).sum(axis=1, keepdims=True) - Y) / len(Z),          # sem tirar o máximo
        lambda Z, Y: (np.exp(Z - np.max(Z)) / np.exp(Z - np.max(Z)).sum(axis=0) - Y) / len(Z), # eixo errado
    ]),
    "treinar_neuronio": ([treinar_certo], [
        _treinar_com(delta_quadratico=lambda a: a),                                  # esqueceu o σ'
        _treinar_com(delta_entropia=lambda a: a * a * (1 - a)),                      # σ' também na entropia
        _treinar_com(so_w=True),                                                     # só o peso aprende
        _treinar_com(sinal=-1.0),                                                    # sobe o gradiente
        _treinar_com(antes=True),                                                    # a de antes do último passo
        _treinar_com(delta_quadratico=lambda a: a * (1 - a)),                        # esqueceu o (a − y)
    ]),
}

LIXO = [None, 3, "texto", lambda *a: "texto", lambda *a: None, lambda *a: [[1, 2], [3]],
        lambda *a: 1 / 0, lambda *a: float("nan"), lambda *a: {"a": 1}, lambda: 0, lambda *a: np.zeros((7, 7))]


def test_exemplo_do_livro_e_as_referencias():
    assert cap13.P_LIVRO @ [0, 1, 2] == 1
    assert h_certa(cap13.P_LIVRO, cap13.Q_LIVRO) == pytest.approx(0.4797, abs=1e-4)


def test_treinar_certo_reproduz_o_capitulo(capsys):
    assert treinar_certo(0.6, 0.9, 0.15, 300, "quadratico") == pytest.approx(0.094, abs=2e-3)
    # uma época a mais também é recusada: no caso de passos grandes (η = 0,5) a diferença aparece
    assert not verificar.treinar_neuronio(lambda w, b, t, e, c: treinar_certo(w, b, t, e + 1, c))
    assert "✘" in capsys.readouterr().out


def test_mensagens_tem_dica(capsys):
    verificar.entropia_cruzada(CASOS["entropia_cruzada"][1][0])
    saida = capsys.readouterr().out
    assert "✘" in saida and "sinal de menos" in saida
    verificar.custo_entropia(CASOS["custo_entropia"][1][0])
    assert "np.clip" in capsys.readouterr().out


def test_verificacoes_sao_rapidas(capsys):
    inicio = time.perf_counter()
    for nome, (certas, _) in CASOS.items():
        assert getattr(verificar, nome)(certas[0])
    assert time.perf_counter() - inicio < 5
    capsys.readouterr()


# O contrato comum a toda verificação (tests/contrato_verificacao.py).
globals().update(contrato(verificar, CASOS, LIXO))
