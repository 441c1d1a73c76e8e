"""Verificações do capítulo 20: aceitam soluções, recusam o esboço e erros plausíveis, e nunca quebram."""
import time

import numpy as np
from contrato_verificacao import contrato

from redes import corrida, otimizadores
from redes import verificacao as verificar


# ------------------------------------------------------------------ Newton

def newton_certo(g, H):
    return np.linalg.solve(H, -g)


def newton_com_inversa(g, H):
    """Outra solução certa (mais cara): a inversa explícita, com listas na volta."""
    return list(-np.linalg.inv(np.asarray(H)) @ np.asarray(g))


# ------------------------------------------------------------------ momentum

def momentum_certo(w, v, g, taxa, mu):
    v = mu * v - taxa * g
    return w + v, v


def momentum_pela_biblioteca(w, v, g, taxa, mu):
    """Outra solução certa: a classe Momentum de redes, com a velocidade carregada à mão."""
    otim = otimizadores.Momentum(taxa, mu=mu)
    w = np.array(w, dtype=float)
    otim._buffer(0, "v", w)[...] = v
    otim.passo([w], [np.asarray(g, dtype=float)])
    return w, otim._buffer(0, "v", w).copy()


# ------------------------------------------------------------------ Adam

def adam_certo(w, m, v, g, t, taxa, beta1=0.9, beta2=0.999, eps=1e-8):
    m = beta1 * m + (1 - beta1) * g
    v = beta2 * v + (1 - beta2) * g ** 2
    m_hat = m / (1 - beta1 ** t)
    v_hat = v / (1 - beta2 ** t)
    return w - taxa * m_hat / (np.sqrt(v_hat) + eps), m, v


def _adam_com(correcao=True, t_menos_um=False, eps_dentro=False, devolve_corrigidas=False):
    def errada(w, m, v, g, t, taxa, beta1=0.9, beta2=0.999, eps=1e-8):
        m = beta1 * m + (1 - beta1) * g
        v = beta2 * v + (1 - beta2) * g ** 2
        tt = max(t - 1, 1) if t_menos_um else t
        m_hat = m / (1 - beta1 ** tt) if correcao else m
        v_hat = v / (1 - beta2 ** tt) if correcao else v
        w = w - taxa * (m_hat / np.sqrt(v_hat + eps) if eps_dentro else m_hat / (np.sqrt(v_hat) + eps))
        return (w, m_hat, v_hat) if devolve_corrigidas else (w, m, v)
    return errada


# ------------------------------------------------------------------ passos até convergir

def passos_certo(H, v0, taxa, mu, tolerancia):
    w, v, t = np.array(v0, dtype=float), np.zeros(len(v0)), 0
    while 0.5 * w @ H @ w >= tolerancia:
        v = mu * v - taxa * H @ w
        w = w + v
        t += 1
    return t


def passos_pela_biblioteca(H, v0, taxa, mu, tolerancia):
    """Outra solução certa: o otimizador Momentum de redes, contando os passos."""
    otim, w, t = otimizadores.Momentum(taxa, mu=mu) if mu > 0 else otimizadores.SGD(taxa), np.array(v0, float), 0
    while 0.5 * w @ H @ w >= tolerancia:
        otim.passo([w], [H @ w])
        t += 1
    return t


def _passos_com(extra=0, norma=False, velha=False):
    def errada(H, v0, taxa, mu, tolerancia):
        w, v, t = np.array(v0, dtype=float), np.zeros(len(v0)), 0
        medida = (lambda w: np.linalg.norm(w)) if norma else (lambda w: 0.5 * w @ H @ w)
        while medida(w) >= tolerancia and t < 100_000:
            g = H @ w
            w = w + v if velha else w
            v = mu * v - taxa * g
            w = w if velha else w + v
            t += 1
        return t + extra
    return errada


# ------------------------------------------------------------------ hessiana numérica

def hessiana_certa(grad, v, h):
    n = len(v)
    H = np.zeros((n, n))
    for j in range(n):
        e = np.zeros(n)
        e[j] = h
        H[:, j] = (grad(v + e) - grad(v - e)) / (2 * h)
    return H


def hessiana_simetrizada(grad, v, h):
    """Outra solução certa: a mesma, simetrizada (a da biblioteca)."""
    return corrida.hessiana_numerica(grad, v, h)


def hessiana_para_frente(grad, v, h):
    n = len(v)
    g0 = grad(v)
    return np.column_stack([(grad(v + h * np.eye(n)[j]) - g0) / h for j in range(n)])


CASOS = {
    "passo_newton": ([newton_certo, newton_com_inversa], [
        lambda g, H: np.linalg.solve(H, g),                        # sinal trocado: sobe
        lambda g, H: -H @ g,                                       # multiplica em vez de resolver
        lambda g, H: -g / np.diag(H),                              # só a diagonal
        lambda g, H: -g,                                           # esqueceu a hessiana (descida com η = 1)
    ]),
    "passo_momentum": ([momentum_certo, momentum_pela_biblioteca], [
        lambda w, v, g, taxa, mu: (w + v, mu * v - taxa * g),      # anda com a velocidade velha
        lambda w, v, g, taxa, mu: (w + mu * v + taxa * g, mu * v + taxa * g),   # sinal do gradiente
        lambda w, v, g, taxa, mu: (w + (1 - mu) * v - taxa * g, (1 - mu) * v - taxa * g),   # μ trocado por 1 − μ
        lambda w, v, g, taxa, mu: (w - taxa * g, v),               # ignora a velocidade
        lambda w, v, g, taxa, mu: (mu * v - taxa * g, w + mu * v - taxa * g),   # ordem trocada na volta
    ]),
    "passo_adam": ([adam_certo], [
        _adam_com(correcao=False),                                 # sem a correção do começo
        _adam_com(t_menos_um=True),                                # t contado a partir de 0
        _adam_com(eps_dentro=True),                                # ε dentro da raiz (com ε = 0,1 aparece)
        _adam_com(devolve_corrigidas=True),                        # guarda m̂ e v̂ no lugar de m e v
    ]),
    "passos_ate_convergir": ([passos_certo, passos_pela_biblioteca], [
        _passos_com(extra=1),                                      # conta um passo a mais
        _passos_com(norma=True),                                   # ‖w‖ no lugar de C
        _passos_com(velha=True),                                   # anda com a velocidade velha
    ]),
    "hessiana_numerica": ([hessiana_certa, hessiana_simetrizada], [
        hessiana_para_frente,                                      # diferença para a frente (erro ∝ h)
        lambda grad, v, h: hessiana_certa(grad, v, h).T * 2,       # dividiu só por h
        lambda grad, v, h: np.diag(np.diag(hessiana_certa(grad, v, h))),   # só a diagonal
    ]),
}


def test_exemplos_dos_enunciados():
    assert np.allclose(newton_certo(np.array([2.0, 4.0]), np.diag([1.0, 4.0])), [-2.0, -1.0])
    w, v = momentum_certo(np.array([1.0, -2.0]), np.zeros(2), np.array([0.5, 0.1]), 0.1, 0.9)
    assert np.allclose(w, [0.95, -2.01]) and np.allclose(v, [-0.05, -0.01])
    w, m, v = adam_certo(np.array([1.0, 2.0, 3.0]), np.zeros(3), np.zeros(3), np.array([0.5, -0.1, 2.0]), 1, 0.01)
    assert np.allclose(w, [0.99, 2.01, 2.99])                      # no primeiro passo, cada peso anda η
    H100, v0 = np.diag([0.01, 1.0]), np.array([-2.0, 1.0])
    gd, mom = passos_certo(H100, v0, 1.0, 0.0, 1e-6), passos_certo(H100, v0, 1.0, 0.9, 1e-6)
    assert (gd, mom) == (493, 103)
    assert passos_certo(H100, v0, 4 / 1.1 ** 2, (9 / 11) ** 2, 1e-6) == 56


def test_verificacoes_sao_rapidas(capsys):
    inicio = time.perf_counter()
    for nome, (certas, _) in CASOS.items():
        assert getattr(verificar, nome)(certas[0])
    assert time.perf_counter() - inicio < 3
    capsys.readouterr()


# O contrato comum a toda verificação (tests/contrato_verificacao.py).
globals().update(contrato(verificar, CASOS))
