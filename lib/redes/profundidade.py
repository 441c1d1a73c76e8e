r"""Profundidade: por que ela ajuda (a paridade) e por que atrapalha o gradiente (a cadeia de sigmoides).

A paridade de $n$ bits é o XOR de todos eles. Uma árvore de XORs de duas
entradas resolve com $n - 1$ portas em $\lceil\log_2 n\rceil$ níveis; um
circuito raso em forma normal disjuntiva (um OU de E's) precisa de um termo
para cada entrada de paridade ímpar, $2^{n-1}$ termos.

A cadeia tem um neurônio sigmoide por camada:

$$z_j = w_j a_{j-1} + b_j, \qquad a_j = \sigma(z_j), \qquad j = 1, \dots, L,$$

com custo $C = \tfrac12 (a_L - y)^2$. Seguindo a cascata
$\Delta b_j \to \Delta a_j \to \Delta z_{j+1} \to \dots$, chega-se a

$$\frac{\partial C}{\partial b_j} = \sigma'(z_j) \prod_{k=j+1}^{L} w_k\,\sigma'(z_k)\;\frac{\partial C}{\partial a_L}.$$

Como $\sigma' \le 1/4$, cada fator $|w_k\sigma'(z_k)|$ é menor que $1/4$ se
$|w_k| < 1$, e o gradiente encolhe camada a camada para trás.
"""
from __future__ import annotations

import math
from typing import NamedTuple

import numpy as np

from ._lotes import inteiro, real
from ._validacao import como_array, como_escalar
from .ativacoes import derivada_sigmoide, sigmoide


# ------------------------------------------------------------------ paridade

def _bits(bits) -> np.ndarray:
    x = como_array(bits, "bits", dims=1)
    if x.size == 0:
        raise ValueError("esperava pelo menos um bit em `bits`, recebi uma lista vazia")
    if not np.all((x == 0) | (x == 1)):
        raise ValueError(f"esperava só 0 e 1 em `bits`, recebi {x.tolist()}")
    return x.astype(int)


def niveis_da_arvore(bits) -> list:
    r"""Os níveis da árvore de XORs: o primeiro são os bits; cada nível seguinte junta os vizinhos dois a dois.

    Um elemento sem par sobe sozinho para o nível de cima. O último nível tem um
    só valor, a paridade. São $\lceil\log_2 n\rceil$ níveis de portas.
    """
    nivel = [int(v) for v in _bits(bits)]
    niveis = [nivel]
    while len(nivel) > 1:
        nivel = [nivel[i] ^ nivel[i + 1] for i in range(0, len(nivel) - 1, 2)] + (
            [nivel[-1]] if len(nivel) % 2 else [])
        niveis.append(nivel)
    return niveis


def paridade_em_arvore(bits) -> int:
    r"""A paridade $x_1 \oplus x_2 \oplus \dots \oplus x_n$ (1 se há um número ímpar de uns), por XORs aos pares."""
    return int(niveis_da_arvore(bits)[-1][0])


def portas_da_arvore(n: int) -> int:
    """Portas XOR de duas entradas na árvore: cada uma junta dois valores em um, então são $n - 1$."""
    return inteiro(n, "n") - 1


def profundidade_da_arvore(n: int) -> int:
    r"""Níveis de portas da árvore: $\lceil\log_2 n\rceil$ (cada nível divide por dois, arredondando para cima)."""
    n = inteiro(n, "n")
    return (n - 1).bit_length()


def termos_da_fnd(n: int) -> int:
    r"""Termos (E's) da forma normal disjuntiva da paridade: as entradas com número ímpar de uns, $2^{n-1}$."""
    return 2 ** (inteiro(n, "n") - 1)


# ------------------------------------------------------------------ a cadeia de um neurônio por camada

class Cadeia(NamedTuple):
    """Passo para frente da cadeia: `z[j-1]` é $z_j$ e `a[j]` é $a_j$ (`a[0]` é a entrada $a_0$)."""
    z: np.ndarray
    a: np.ndarray


def _pesos_vieses(w, b):
    w = como_array(w, "w", dims=1)
    b = como_array(b, "b", dims=1)
    if w.size == 0:
        raise ValueError("esperava pelo menos uma camada: `w` está vazio")
    if w.shape != b.shape:
        raise ValueError(f"esperava um viés por peso: `w` tem {w.size} valores e `b` tem {b.size}")
    return w, b


def cadeia_para_frente(w, b, a0) -> Cadeia:
    r"""$z_j = w_j a_{j-1} + b_j$ e $a_j = \sigma(z_j)$ para $j = 1, \dots, L$."""
    w, b = _pesos_vieses(w, b)
    a = [como_escalar(a0, "a0")]
    z = []
    for wj, bj in zip(w, b):
        z.append(wj * a[-1] + bj)
        a.append(float(sigmoide(z[-1])))
    return Cadeia(np.array(z), np.array(a))


def custo_da_cadeia(w, b, a0, y: float = 0.0) -> float:
    r"""$C = \tfrac12 (a_L - y)^2$."""
    a = cadeia_para_frente(w, b, a0).a
    return 0.5 * (a[-1] - como_escalar(y, "y")) ** 2


def gradiente_cadeia(w, b, a0, y: float = 0.0) -> np.ndarray:
    r"""$\partial C/\partial b_j$ para todo $j$, pela fórmula do produto.

    $$\frac{\partial C}{\partial b_j} = \sigma'(z_j)\prod_{k>j} w_k\sigma'(z_k)\cdot(a_L - y).$$

    Calculado de trás para frente: cada camada multiplica o anterior por $w_{k}\sigma'(z_{k})$.
    """
    w, b = _pesos_vieses(w, b)
    z, a = cadeia_para_frente(w, b, a0)
    d = derivada_sigmoide(z)
    grad = np.empty_like(z)
    acumulado = a[-1] - como_escalar(y, "y")          # ∂C/∂a_L
    for j in range(len(z) - 1, -1, -1):
        grad[j] = d[j] * acumulado                    # ∂C/∂b_j = σ'(z_j) ∂C/∂a_j
        acumulado = grad[j] * w[j]                    # ∂C/∂a_{j-1} = w_j ∂C/∂b_j
    return grad


def gradiente_cadeia_por_diferencas(w, b, a0, y: float = 0.0, h: float = 1e-6) -> np.ndarray:
    r"""O mesmo gradiente por diferenças centradas: $[C(b_j + h) - C(b_j - h)]/2h$."""
    w, b = _pesos_vieses(w, b)
    h = real(h, "h", acima_de=0.0)
    grad = np.empty_like(b)
    for j in range(b.size):
        mais, menos = b.copy(), b.copy()
        mais[j] += h
        menos[j] -= h
        grad[j] = (custo_da_cadeia(w, mais, a0, y) - custo_da_cadeia(w, menos, a0, y)) / (2 * h)
    return grad


def fatores_da_cadeia(w, b, a0) -> np.ndarray:
    r"""Os fatores $w_j\sigma'(z_j)$ de cada camada (o produto deles é o que some ou explode)."""
    w, b = _pesos_vieses(w, b)
    return w * derivada_sigmoide(cadeia_para_frente(w, b, a0).z)


def vieses_que_explodem(w, a0) -> np.ndarray:
    r"""Vieses $b_j = -w_j a_{j-1}$ que zeram todos os potenciais: $z_j = 0$, $a_j = \tfrac12$.

    Com $z_j = 0$, $\sigma'(z_j) = 1/4$ é o máximo, e o fator de cada camada vale
    $w_j/4$: com $w_j = 100$, 25 por camada.
    """
    w = como_array(w, "w", dims=1)
    a_anterior = np.r_[como_escalar(a0, "a0"), np.full(max(w.size - 1, 0), 0.5)]
    return -w * a_anterior


# ------------------------------------------------------------------ a região em que o fator passa de 1

def fator(w, a, b=0.0):
    r"""$|w\,\sigma'(wa + b)|$, vetorizado em `a`."""
    w, b = como_escalar(w, "w"), como_escalar(b, "b")
    return np.abs(w * derivada_sigmoide(w * np.asarray(a, dtype=float) + b))


def largura_da_regiao(w):
    r"""Largura do intervalo de $a$ em que $|w\sigma'(wa + b)| \ge 1$ (não depende de $b$), em forma fechada.

    $$\ell(w) = \frac{2}{|w|}\ln\!\Big(\frac{|w|\,(1 + \sqrt{1 - 4/|w|})}{2} - 1\Big)
    \quad (|w| \ge 4), \qquad \ell(w) = 0 \quad (|w| < 4).$$

    Vem de $\sigma'(z) = 1/|w|$: com $s = \sigma(z)$, $s(1-s) = 1/|w|$, e
    $z^* = \ln(s/(1-s))$; a região é $|z| \le z^*$, de largura $2z^*/|w|$ em $a$.
    """
    w = np.abs(como_array(w, "w"))
    with np.errstate(invalid="ignore", divide="ignore"):
        dentro = w * (1 + np.sqrt(np.maximum(1 - 4 / np.where(w > 0, w, 1), 0))) / 2 - 1
        largura = np.where(w >= 4, 2 / np.where(w > 0, w, 1) * np.log(np.maximum(dentro, 1.0)), 0.0)
    return float(largura) if largura.ndim == 0 else largura


def largura_medida(w, b=0.0, pontos: int = 200_001) -> float:
    r"""A mesma largura medida numa grade fina de $a$: (pontos com fator $\ge 1$) × passo da grade."""
    w, b = como_escalar(w, "w"), como_escalar(b, "b")
    if w == 0:
        return 0.0
    pontos = inteiro(pontos, "pontos", minimo=3)
    centro, meia = -b / w, 20.0 / abs(w)          # z = wa + b cobre [-20, 20]
    a, passo = np.linspace(centro - meia, centro + meia, pontos, retstep=True)
    return float(np.count_nonzero(fator(w, a, b) >= 1.0) * passo)


def maximo_da_largura(inicio: float = 4.0, fim: float = 20.0, pontos: int = 16_001) -> tuple:
    r"""$(|w|^*, \ell(|w|^*))$: onde a largura é máxima e quanto vale, numa grade de $|w|$ (≈ 6,9 e ≈ 0,45)."""
    w = np.linspace(real(inicio, "inicio", minimo=0.0), real(fim, "fim", acima_de=inicio), inteiro(pontos, "pontos"))
    largura = largura_da_regiao(w)
    i = int(np.argmax(largura))
    return float(w[i]), float(largura[i])


def probabilidade_abaixo(limite: float = 1.0) -> float:
    r"""$P(|w| < \text{limite})$ para $w \sim \mathcal N(0, 1)$: $\operatorname{erf}(\text{limite}/\sqrt2)$ (≈ 0,683 para 1)."""
    return math.erf(real(limite, "limite", minimo=0.0) / math.sqrt(2))
