"""Verificações dos exercícios do capítulo 13 (entropia cruzada e softmax).

Entradas pequenas, fixas ou sorteadas com semente; as referências vêm de
`redes.informacao`, `redes.custos` e `redes.neuronio_lento`.
"""
from __future__ import annotations

import numpy as np

from .. import custos, informacao
from ..neuronio_lento import treinar_neuronio as _treinar
from ._nucleo import Resultado, verificar_funcao
from ._nucleo import descrever

#: O exemplo do livro: classe B de três, e a previsão de um modelo.
P_LIVRO = np.array([0.0, 1.0, 0.0])
Q_LIVRO = np.array([0.228, 0.619, 0.153])


def _dirichlet(rng, k: int, zeros: int = 0) -> np.ndarray:
    """Uma distribuição sorteada de k classes, com `zeros` classes de probabilidade exatamente 0."""
    p = rng.dirichlet(np.ones(k))
    if zeros:
        p[rng.choice(k, size=zeros, replace=False)] = 0.0
        p /= p.sum()
    return p


def _pares_de_distribuicoes(semente: int) -> list[tuple[str, tuple]]:
    rng = np.random.default_rng(semente)
    pares = [
        (P_LIVRO, Q_LIVRO),                                              # o exemplo do livro
        (np.array([1.0, 0.0, 0.0, 0.0]), np.array([0.7, 0.1, 0.2, 0.0])),  # zeros em p e em q
        (np.array([0.5, 0.5]), np.array([0.9, 0.1])),
        (_dirichlet(rng, 5), _dirichlet(rng, 5)),
        (_dirichlet(rng, 6, zeros=2), _dirichlet(rng, 6)),
        (np.array([0.2, 0.3, 0.5]), np.array([0.2, 0.3, 0.5])),          # q = p
    ]
    return [(descrever(p=p, q=q), (p, q)) for p, q in pares]


def entropia_cruzada(funcao) -> Resultado:
    """Exercício: `funcao(p, q)` devolve H(p, q) = −Σ p_c ln q_c, com 0·ln q = 0 quando p_c = 0."""
    return verificar_funcao(
        "entropia_cruzada", funcao, lambda p, q: informacao.entropia_cruzada(p, q),
        _pares_de_distribuicoes(131), rtol=1e-6, atol=1e-9,
        dica="o sinal de menos vem na frente da soma (o livro o esquece); use o logaritmo natural, np.log; "
             "some só onde p > 0, senão 0 · ln 0 vira NaN (por exemplo, com np.where ou uma máscara p > 0).")


def divergencia_kl(funcao) -> Resultado:
    """Exercício: `funcao(p, q)` devolve D_KL(p‖q) = Σ p_c ln(p_c / q_c), com 0 onde p_c = 0."""
    return verificar_funcao(
        "divergencia_kl", funcao, lambda p, q: informacao.divergencia_kl(p, q),
        _pares_de_distribuicoes(132), rtol=1e-6, atol=1e-9,
        dica="D_KL(p‖q) = H(p, q) − H(p): é p·ln(p/q) somado só onde p > 0; a ordem importa "
             "(p é a distribuição verdadeira, q a prevista), e com q = p o resultado é 0.")


def _lotes_binarios(semente: int) -> list[tuple[str, tuple]]:
    rng = np.random.default_rng(semente)
    casos = [
        (np.array([[0.8]]), np.array([[1.0]])),
        (np.array([[0.8, 0.1], [0.3, 0.6]]), np.array([[1.0, 0.0], [0.0, 1.0]])),
        (np.array([[1.0, 0.0, 0.5]]), np.array([[1.0, 0.0, 1.0]])),       # a = 1 com y = 1 e a = 0 com y = 0
        (np.array([[1.0], [1.0]]), np.array([[1.0], [1.0]])),            # perfeito: custo 0, sem NaN
        (rng.uniform(0.05, 0.95, size=(4, 3)), rng.integers(0, 2, size=(4, 3)).astype(float)),
        (rng.uniform(0.01, 0.99, size=(5, 2)), rng.uniform(0, 1, size=(5, 2))),  # alvos entre 0 e 1
    ]
    return [(descrever(a=a, y=y), (a, y)) for a, y in casos]


def custo_entropia(funcao) -> Resultado:
    """Exercício: `funcao(a, y)` devolve −(1/n) Σ_x Σ_j [y ln a + (1−y) ln(1−a)] sem NaN em a = 1, y = 1."""
    return verificar_funcao(
        "custo_entropia", funcao, lambda a, y: custos.EntropiaCruzadaBinaria().valor(a, y),
        _lotes_binarios(133), rtol=1e-6, atol=1e-6,
        dica="corte a em [ε, 1 − ε] (np.clip, com ε = 1e-12) antes dos logaritmos, para que ln 0 não apareça; "
             "some sobre as saídas (colunas) e divida pelo número de exemplos n (linhas), não pelo total de números.")


def _referencia_delta_softmax(Z, Y):
    return custos.SoftmaxLogVerossimilhanca().gradiente(Z, Y)


def delta_softmax(funcao) -> Resultado:
    """Exercício: `funcao(Z, Y)` devolve ∂C/∂Z = (softmax(Z) − Y)/m para C = −(1/m) Σ ln a_y."""
    rng = np.random.default_rng(134)
    casos = [
        (np.array([[1.0, 2.0, 0.5]]), np.array([[0.0, 1.0, 0.0]])),
        (np.array([[0.0, 0.0], [3.0, -3.0]]), np.array([[1.0, 0.0], [0.0, 1.0]])),
        (rng.normal(size=(4, 3)), np.eye(3)[rng.integers(0, 3, size=4)]),
        (rng.normal(scale=3, size=(5, 10)), np.eye(10)[rng.integers(0, 10, size=5)]),
        (np.array([[1000.0, 0.0, -1000.0]]), np.array([[0.0, 0.0, 1.0]])),  # potenciais enormes
    ]
    return verificar_funcao(
        "delta_softmax", funcao, _referencia_delta_softmax,
        [(descrever(Z=Z, Y=Y), (Z, Y)) for Z, Y in casos], rtol=1e-6, atol=1e-9,
        dica="aplique a softmax em cada LINHA (axis=1, subtraindo o máximo da linha antes de np.exp), "
             "tire Y e divida pelo número de exemplos m = Z.shape[0]; o sinal é softmax(Z) − Y, não Y − softmax(Z).")


def treinar_neuronio(funcao) -> Resultado:
    """Exercício: `funcao(w0, b0, taxa, epocas, custo)` devolve a saída a depois de `epocas` passos (x = 1, y = 0)."""
    casos = [
        (0.6, 0.9, 0.15, 300, "quadratico"),
        (2.0, 2.0, 0.15, 300, "quadratico"),
        (2.0, 2.0, 0.15, 150, "quadratico"),
        (2.0, 2.0, 0.15, 50, "entropia"),
        (0.6, 0.9, 0.005, 300, "entropia"),
        (-1.0, 0.5, 0.5, 20, "quadratico"),
    ]
    return verificar_funcao(
        "treinar_neuronio", funcao, lambda w0, b0, taxa, epocas, custo: _treinar(w0, b0, taxa, epocas, custo).a[-1],
        [(f"w0 = {w0}, b0 = {b0}, taxa = {taxa}, epocas = {e}, custo = {c!r}", (w0, b0, taxa, e, c))
         for w0, b0, taxa, e, c in casos], rtol=0, atol=2e-3,
        dica="em cada época: a = σ(w + b); com o custo quadrático, δ = a·σ'(z) = a·a(1 − a); com a entropia "
             "cruzada, δ = a (o σ' se cancela); depois w ← w − taxa·δ e b ← b − taxa·δ (x = 1, y = 0). "
             "Devolva a saída depois da última atualização.")
