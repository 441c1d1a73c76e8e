"""Verificações do capítulo 15: aceitam soluções, recusam o esboço e erros plausíveis, e nunca quebram."""
import numpy as np
from contrato_verificacao import contrato

from redes import esparsidade
from redes import verificacao as verificar


# ------------------------------------------------------------- soluções certas

def atualizacao_l1_certa(w, g, taxa, lmbda, n):
    return w - taxa * lmbda / n * np.sign(w) - taxa * g


def atualizacao_l1_biblioteca(w, g, taxa, lmbda, n):
    return esparsidade.atualizar_l1(w, g, taxa, lmbda, n)


def limiar_certo(w, t):
    return np.sign(w) * np.maximum(np.abs(w) - t, 0.0)


def limiar_por_casos(w, t):
    """Outra solução certa, com np.where e os três casos."""
    w = np.asarray(w, dtype=float)
    return np.where(w > t, w - t, np.where(w < -t, w + t, 0.0))


def proximal_certo(w, g, taxa, lmbda, n):
    return limiar_certo(w - taxa * g, taxa * lmbda / n)


def contar_certo(pesos, limiar):
    return sum(int(np.sum(np.abs(w) < limiar)) for w in pesos)


def contar_concatenando(pesos, limiar):
    return int(np.count_nonzero(np.abs(np.concatenate([np.ravel(w) for w in pesos])) < limiar))


def dropout_certo(h, p, rng, treino):
    if not treino:
        return h
    return h * (rng.random(h.shape) >= p) / (1 - p)


def dropout_com_uniform(h, p, rng, treino):
    """Outra solução certa: uniform(0, 1) sorteia os mesmos números que random()."""
    if not treino:
        return np.array(h, copy=True)
    r = (rng.uniform(0.0, 1.0, size=np.shape(h)) >= p).astype(float)
    return r * h / (1.0 - p)


# ------------------------------------------------------------- erros plausíveis

def _sem_n(w, g, taxa, lmbda, n):
    return w - taxa * lmbda * np.sign(w) - taxa * g


def _l2_no_lugar(w, g, taxa, lmbda, n):
    return (1 - taxa * lmbda / n) * w - taxa * g


def _sinal_por_divisao(w, g, taxa, lmbda, n):
    return w - taxa * lmbda / n * (w / np.abs(w)) - taxa * g             # NaN em w = 0


def _sinal_sem_zero(w, g, taxa, lmbda, n):
    return w - taxa * lmbda / n * np.where(w >= 0, 1.0, -1.0) - taxa * g  # empurra o zero


def _dropout_sem_dividir(h, p, rng, treino):
    return h * (rng.random(h.shape) >= p) if treino else h


def _dropout_dividindo_por_p(h, p, rng, treino):
    return h * (rng.random(h.shape) >= p) / p if treino else h


def _dropout_mantem_abaixo(h, p, rng, treino):
    return h * (rng.random(h.shape) < p) / (1 - p) if treino else h          # mantém com probabilidade p


def _dropout_livro_na_avaliacao(h, p, rng, treino):
    return h * (rng.random(h.shape) >= p) / (1 - p) if treino else (1 - p) * h


def _dropout_sempre(h, p, rng, treino):
    return h * (rng.random(h.shape) >= p) / (1 - p)                          # sorteia até na avaliação


def _dropout_binomial(h, p, rng, treino):
    return h * rng.binomial(1, 1 - p, size=h.shape) / (1 - p) if treino else h   # média certa, sorteio outro


def _dropout_uma_mascara_por_coluna(h, p, rng, treino):
    if not treino:
        return h
    return h * (rng.random(np.shape(h)[-1]) >= p) / (1 - p)                 # a mesma máscara em todas as linhas


CASOS = {
    "atualizacao_l1": ([atualizacao_l1_certa, atualizacao_l1_biblioteca], [
        _sem_n, _l2_no_lugar, _sinal_por_divisao, _sinal_sem_zero,
        lambda w, g, taxa, lmbda, n: w - taxa * lmbda / n * np.sign(w) + taxa * g,       # sinal do gradiente
        lambda w, g, taxa, lmbda, n: w - lmbda / n * np.sign(w) - taxa * g,              # esqueceu o η
    ]),
    "limiar_suave": ([limiar_certo, limiar_por_casos, esparsidade.limiar_suave], [
        lambda w, t: w - t * np.sign(w),                                      # atravessa o zero
        lambda w, t: np.maximum(np.abs(w) - t, 0.0),                          # perdeu o sinal
        lambda w, t: np.where(np.abs(w) <= t, 0.0, w),                        # limiar "duro": não encolhe
        lambda w, t: np.sign(w) * np.maximum(np.abs(w) - t, 1e-12),           # quase zero, não zero
    ]),
    "passo_proximal_l1": ([proximal_certo, esparsidade.passo_proximal_l1], [
        lambda w, g, taxa, lmbda, n: limiar_certo(w, taxa * lmbda / n) - taxa * g,   # ordem trocada
        lambda w, g, taxa, lmbda, n: limiar_certo(w - taxa * g, lmbda / n),          # sem o η no limiar
        atualizacao_l1_certa,                                                        # o passo pelo sinal
        lambda w, g, taxa, lmbda, n: limiar_certo(w - taxa * g, taxa * lmbda / n) + 1e-13 * np.sign(w),
    ]),
    "contar_quase_zeros": ([contar_certo, contar_concatenando], [
        lambda pesos, limiar: int(np.sum(np.abs(pesos[0]) < limiar)),               # só o primeiro array
        lambda pesos, limiar: sum(int(np.sum(np.abs(w) <= limiar)) for w in pesos),  # <= em vez de <
        lambda pesos, limiar: sum(int(np.sum(w < limiar)) for w in pesos),           # sem o módulo
        lambda pesos, limiar: contar_certo(pesos, limiar) / sum(np.size(w) for w in pesos),  # fração
    ]),
    "dropout_invertido": ([dropout_certo, dropout_com_uniform], [
        _dropout_sem_dividir, _dropout_dividindo_por_p, _dropout_mantem_abaixo, _dropout_livro_na_avaliacao,
        _dropout_sempre, _dropout_binomial, _dropout_uma_mascara_por_coluna,
    ]),
}

LIXO = [None, 3, "texto", lambda *a: "texto", lambda *a: None, lambda *a: [[1, 2], [3]],
        lambda *a: 1 / 0, lambda *a: np.zeros((7, 7)), lambda *a: {"a": 1}, lambda *a: np.nan, lambda: 0,
        lambda *a: float("inf")]


def test_mensagens_apontam_o_erro(capsys):
    """As mensagens dizem o que falta: o zero exato, a média, o sorteio pedido."""
    verificar.limiar_suave(lambda w, t: np.sign(w) * np.maximum(np.abs(w) - t, 1e-12))
    assert "zero exato" in capsys.readouterr().out
    verificar.dropout_invertido(_dropout_sem_dividir)
    assert "a média sobre as máscaras devia ser h" in capsys.readouterr().out
    verificar.dropout_invertido(_dropout_binomial)
    assert "rng.random(h.shape)" in capsys.readouterr().out
    verificar.dropout_invertido(_dropout_livro_na_avaliacao)
    assert "treino=False" in capsys.readouterr().out
    verificar.atualizacao_l1(_sinal_por_divisao)
    saida = capsys.readouterr().out
    assert "caso 2" in saida and "np.sign" in saida


def test_verificacoes_sao_rapidas(capsys):
    import time
    inicio = time.perf_counter()
    for nome, (certas, _) in CASOS.items():
        assert getattr(verificar, nome)(certas[0])
    assert time.perf_counter() - inicio < 2
    capsys.readouterr()


def test_a_referencia_do_dropout_e_a_camada_da_biblioteca(capsys):
    """Com h em float32, o sorteio pedido no exercício é o da camada redes.camadas.Dropout."""
    from redes.camadas import Dropout
    h = np.random.default_rng(0).uniform(size=(5, 7)).astype(np.float32)
    camada = Dropout(0.3, semente=4)
    esperado = camada.forward(h, treino=True)
    rng = np.random.default_rng(4)
    obtido = h * (rng.random(h.shape, dtype=np.float32) >= 0.3) / np.float32(0.7)
    assert np.allclose(obtido, esperado)


# O contrato comum a toda verificação (tests/contrato_verificacao.py).
globals().update(contrato(verificar, CASOS, LIXO))
