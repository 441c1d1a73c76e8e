"""Verificações do capítulo 22: aceitam soluções, recusam o esboço e erros plausíveis, e nunca quebram."""
import numpy as np
from contrato_verificacao import contrato

from redes import universal, universal_extras
from redes import verificacao as verificar
from redes.ativacoes import relu, sigmoide


def posicao_certa(w, b):
    return -b / w


def vies_certo(s, w):
    return -w * s


def calombo_do_zero(x, s1, s2, h, w=1000):
    x = np.asarray(x, dtype=float)
    return h * sigmoide(w * x - w * s1) - h * sigmoide(w * x - w * s2)


def calombo_sem_padrao(x, s1, s2, h, w):
    return calombo_do_zero(x, s1, s2, h, w)


def rede_certa(f, N):
    s = np.linspace(0, 1, N + 1)
    h = f((s[:-1] + s[1:]) / 2)
    w = np.full(2 * N, 1000.0)
    pos = np.column_stack([s[:-1], s[1:]]).ravel()
    return w, -w * pos, np.column_stack([h, -h]).ravel()


def rede_em_outra_ordem(f, N):
    """Primeiro todos os degraus de subida, depois os de descida: a mesma rede."""
    s = np.linspace(0, 1, N + 1)
    h = np.asarray(f((s[:-1] + s[1:]) / 2))
    w = np.full(2 * N, 999.0)
    pos = np.concatenate([s[:-1], s[1:]])
    return w, -w * pos, np.concatenate([h, -h])


def rede_pela_esquerda(f, N):
    s = np.linspace(0, 1, N + 1)
    h = f(s[:-1])
    w = np.full(2 * N, 1000.0)
    return w, -w * np.column_stack([s[:-1], s[1:]]).ravel(), np.column_stack([h, -h]).ravel()


def rede_sem_sinal(f, N):
    w, b, v = rede_certa(f, N)
    return w, b, np.abs(v)


def rede_vies_trocado(f, N):
    w, b, v = rede_certa(f, N)
    return w, -b, v


def rede_n_neuronios(f, N):
    w, b, v = rede_certa(f, N)
    return w[::2], b[::2], v[::2]


def chapeu_certo(x, a, c, b):
    return relu(x - a) / (c - a) - (1 / (c - a) + 1 / (b - c)) * relu(x - c) + relu(x - b) / (b - c)


def chapeu_sem_ultima(x, a, c, b):
    return relu(x - a) / (c - a) - (1 / (c - a) + 1 / (b - c)) * relu(x - c)


def chapeu_simetrico(x, a, c, b):
    return relu(x - a) / (c - a) - 2 / (c - a) * relu(x - c) + relu(x - b) / (c - a)


CASOS = {
    "posicao_degrau": ([posicao_certa, universal.posicao_degrau], [lambda w, b: b / w, lambda w, b: -w / b]),
    "vies_para_degrau": ([vies_certo, universal.vies_para_degrau], [lambda s, w: w * s, lambda s, w: -s / w]),
    "calombo": ([calombo_do_zero, universal.calombo],
                [calombo_sem_padrao, lambda x, s1, s2, h, w=1000: calombo_do_zero(x, s1, s2, 1.0, w),
                 lambda x, s1, s2, h, w=1000: calombo_do_zero(x, s2, s1, h, w)]),
    "rede_de_calombos": ([rede_certa, rede_em_outra_ordem, universal.rede_de_calombos],
                         [rede_pela_esquerda, rede_sem_sinal, rede_vies_trocado, rede_n_neuronios]),
    "chapeu_relu": ([chapeu_certo, universal_extras.chapeu_relu], [chapeu_sem_ultima, chapeu_simetrico]),
}

globals().update(contrato(verificar, CASOS))


def test_rede_de_calombos_relata_o_erro(capsys):
    assert verificar.rede_de_calombos(rede_certa)
    assert "0.0083" in capsys.readouterr().out
    assert not verificar.rede_de_calombos(rede_pela_esquerda)
    assert "construção de referência" in capsys.readouterr().out
