"""Verificações do capítulo 7: aceitam a solução, recusam o esboço e respostas erradas plausíveis, e nunca quebram."""
import numpy as np
import pytest
from contrato_verificacao import contrato

from redes import verificacao as verificar
from redes.verificacao import cap07


def esboco(*args):
    raise NotImplementedError()


def pesos_certos(padroes):
    N = padroes.shape[1]
    W = padroes.T @ padroes / N
    np.fill_diagonal(W, 0)
    return W


def pesos_por_laco(padroes):
    """Outra solução certa: soma de produtos externos com laços, como quem começa escreveria."""
    P, N = np.shape(padroes)
    W = [[0.0] * N for _ in range(N)]
    for p in padroes:
        for i in range(N):
            for j in range(N):
                if i != j:
                    W[i][j] += p[i] * p[j] / N
    return W


def energia_certa(W, s):
    return -0.5 * s @ W @ s


def atualizar_certo(W, s, i):
    s = s.copy()
    h = W[i] @ s
    if h > 0:
        s[i] = 1
    elif h < 0:
        s[i] = -1
    return s


def atualizar_no_lugar(W, s, i):
    """Também vale: mudar o array recebido e devolvê-lo."""
    h = W[i] @ s
    s[i] = s[i] if h == 0 else np.sign(h)
    return s


def recuperar_certo(W, estado):
    s = np.array(estado, dtype=float)
    while True:
        mudou = False
        for i in range(len(s)):
            novo = atualizar_certo(W, s, i)
            mudou |= novo[i] != s[i]
            s = novo
        if not mudou:
            return s


def recuperar_de_tras_para_frente(W, estado):
    s = np.array(estado, dtype=float)
    for _ in range(100):
        antes = s.copy()
        for i in reversed(range(len(s))):
            s = atualizar_certo(W, s, i)
        if np.array_equal(antes, s):
            break
    return s


def _uma_varredura(W, estado):
    s = np.array(estado, dtype=float)
    for i in range(len(s)):
        s = atualizar_certo(W, s, i)
    return s


def _sincrono(W, estado):
    s = np.array(estado, dtype=float)
    for _ in range(20):
        h = W @ s
        s = np.where(h > 0, 1.0, np.where(h < 0, -1.0, s))
    return s


RESPOSTAS = {"a": "MLP", "b": "CNN", "c": "LSTM", "d": "Hopfield", "e": "autoencoder", "f": "GAN",
             "g": "transformer"}

CASOS = {
    "pesos_hopfield": (pesos_certos, [
        lambda p: np.asarray(p).T @ np.asarray(p) / np.shape(p)[1],          # esqueceu de zerar a diagonal
        lambda p: pesos_certos(np.asarray(p)) * np.shape(p)[1] / np.shape(p)[0],   # dividiu por P, não por N
        lambda p: np.outer(np.sum(p, axis=0), np.sum(p, axis=0)) / np.shape(p)[1],  # produto externo da soma
    ]),
    "energia_hopfield": (energia_certa, [
        lambda W, s: -s @ W @ s,                                # esqueceu o ½
        lambda W, s: 0.5 * s @ W @ s,                           # esqueceu o sinal
        lambda W, s: -0.5 * np.sum(W @ s),                      # esqueceu um s
    ]),
    "atualizar_neuronio_hopfield": (atualizar_certo, [
        lambda W, s, i: np.where(W @ s >= 0, 1.0, -1.0),        # atualizou todos (síncrono)
        lambda W, s, i: np.concatenate([s[:i], [1.0 if W[i] @ s >= 0 else -1.0], s[i + 1:]]),  # empate → +1
        lambda W, s, i: np.concatenate([s[:i], [np.sign(W[i] @ s)], s[i + 1:]]),  # empate → 0
    ]),
    "recuperar_padrao": (recuperar_certo, [
        _uma_varredura,                                         # parou cedo demais
        lambda W, s: np.where(W @ s >= 0, 1.0, -1.0),           # um passo síncrono
        _sincrono,                                              # síncrono até o fim: oscila
    ]),
    "arquiteturas_e_tarefas": (RESPOSTAS, [
        {**RESPOSTAS, "c": "CNN"},
        {**RESPOSTAS, "d": "autoencoder", "e": "Hopfield"},
        {k: "MLP" for k in RESPOSTAS},
    ]),
}

LIXO = [3, lambda *a: "texto", lambda *a: None, lambda *a: [[1, 2], [3]], lambda *a: 1 / 0,
        lambda *a: np.zeros((7, 7)), "MLP", [1, 2]]


@pytest.mark.parametrize("nome,outra", [("pesos_hopfield", pesos_por_laco),
                                        ("atualizar_neuronio_hopfield", atualizar_no_lugar),
                                        ("recuperar_padrao", recuperar_de_tras_para_frente)])
def test_aceita_outras_solucoes_certas(nome, outra):
    assert getattr(verificar, nome)(outra)


def test_arquiteturas_aceita_sinonimos_e_da_dicas(capsys):
    assert verificar.arquiteturas_e_tarefas({**RESPOSTAS, "c": "rnn", "g": "Transformers", "b": "rede convolucional",
                                             "A": "mlp"})
    capsys.readouterr()
    assert not verificar.arquiteturas_e_tarefas({**RESPOSTAS, "f": "VAE"})
    assert "não reconheci 'VAE'" in capsys.readouterr().out
    assert not verificar.arquiteturas_e_tarefas({k: v for k, v in RESPOSTAS.items() if k != "g"})
    assert "faltam as tarefas: g" in capsys.readouterr().out
    assert not verificar.arquiteturas_e_tarefas({**RESPOSTAS, "h": "GAN"})
    assert "chaves que não são tarefas: h" in capsys.readouterr().out
    assert not verificar.arquiteturas_e_tarefas({k: None for k in RESPOSTAS})
    assert "ainda não respondido" in capsys.readouterr().out
    assert not verificar.arquiteturas_e_tarefas({**RESPOSTAS, "a": "CNN"})
    saida = capsys.readouterr().out
    assert "6 de 7 certas" in saida and "(a)" in saida and "vetor fixo" in saida


def test_tarefas_tem_uma_opcao_valida_cada():
    for letra, (tarefa, aceitas, dica) in cap07.TAREFAS.items():
        assert aceitas <= set(cap07.OPCOES) and tarefa and dica
    assert sorted({a for _, aceitas, _ in cap07.TAREFAS.values() for a in aceitas}) == sorted(cap07.OPCOES)


# O contrato comum a toda verificação (tests/contrato_verificacao.py).
globals().update(contrato(verificar, CASOS, LIXO, sem_esboco=("arquiteturas_e_tarefas",)))
