r"""Aproximação universal com uma camada oculta: degraus, calombos e a rede que os soma.

A prova visual do teorema (capítulo 22) monta, peça por peça, uma rede

$$g(x) = \sum_i v_i\,\sigma(w_i x + b_i)$$

que fica perto de qualquer função contínua em $[0, 1]$:

- com $w$ grande, $\sigma(wx + b)$ vira um degrau na posição $s = -b/w$;
- dois degraus com pesos de saída $+h$ e $-h$ fazem um calombo de altura $h$;
- $N$ calombos lado a lado, com alturas $h_i = f(\text{meio}_i)$, formam uma escada que segue $f$.

Tudo aqui é função pura e vetorizada; `x` pode ser um número ou um array.
"""
from __future__ import annotations

import numpy as np

from ._validacao import como_array, como_escalar, como_inteiro, escolher
from .ativacoes import sigmoide

#: Peso usado nos degraus "quase verticais" (Nielsen usa 999 e 1000).
PESO_DEGRAU = 1000.0


def _x(x) -> np.ndarray:
    return como_array(x, "x")


def _saida(x, valor):
    """Devolve um float quando `x` era um número, e um array quando era um array."""
    return float(valor) if np.ndim(x) == 0 else valor


def alvo_nielsen(x):
    r"""A função que a prova aproxima: $f(x) = 0{,}2 + 0{,}4x^2 + 0{,}3x\sin(15x) + 0{,}05\cos(50x)$."""
    xa = _x(x)
    return _saida(x, 0.2 + 0.4 * xa**2 + 0.3 * xa * np.sin(15 * xa) + 0.05 * np.cos(50 * xa))


def alvo_degrau(x, salto: float = 0.5):
    r"""Uma função descontínua: $f(x) = 0{,}2$ para $x < \text{salto}$ e $0{,}8$ para $x \ge \text{salto}$."""
    xa = _x(x)
    return _saida(x, np.where(xa < como_escalar(salto, "salto"), 0.2, 0.8))


def posicao_degrau(w, b) -> float:
    r"""Onde $\sigma(wx + b)$ cruza 1/2 (e onde fica o degrau quando $w$ é grande): $s = -b/w$."""
    w, b = como_escalar(w, "w"), como_escalar(b, "b")
    if w == 0:
        raise ValueError("com w = 0 a sigmoide é constante (σ(b)) e não tem degrau: use w ≠ 0")
    return -b / w


def vies_para_degrau(s, w) -> float:
    r"""O viés que põe o degrau de $\sigma(wx + b)$ na posição $s$: $b = -ws$."""
    return -como_escalar(w, "w") * como_escalar(s, "s")


def degrau_sigmoide(x, s, w=PESO_DEGRAU):
    r"""Um neurônio sigmoide com o degrau em $s$: $\sigma(w(x - s)) = \sigma(wx + b)$ com $b = -ws$."""
    xa = _x(x)
    return _saida(x, sigmoide(como_escalar(w, "w") * (xa - como_escalar(s, "s"))))


def calombo(x, s1, s2, h, w=PESO_DEGRAU):
    r"""Dois neurônios, pesos de saída $+h$ e $-h$: $h\,[\sigma(w(x - s_1)) - \sigma(w(x - s_2))]$.

    Com $s_1 < s_2$ e $w$ grande, vale $h$ entre $s_1$ e $s_2$ e quase 0 fora.
    """
    xa = _x(x)
    h = como_escalar(h, "h")
    return _saida(x, h * (degrau_sigmoide(xa, s1, w) - degrau_sigmoide(xa, s2, w)))


def pesos_de_calombos(alturas, w=PESO_DEGRAU, inicio: float = 0.0, fim: float = 1.0):
    r"""Pesos $(w, b, v)$ da camada oculta para $N$ calombos iguais em largura, com as `alturas` dadas.

    Os degraus ficam em $s_i = \text{inicio} + i\,(\text{fim} - \text{inicio})/N$; o calombo $i$
    usa os neurônios $2i$ (degrau em $s_i$, peso de saída $+h_i$) e $2i + 1$ (degrau em $s_{i+1}$,
    peso de saída $-h_i$). Todos os pesos de entrada valem $w$ e os vieses são $b = -ws$.
    """
    h = como_array(alturas, "alturas", dims=1)
    if h.size == 0:
        raise ValueError("esperava pelo menos uma altura, recebi uma lista vazia")
    w = como_escalar(w, "w")
    inicio, fim = como_escalar(inicio, "inicio"), como_escalar(fim, "fim")
    if not fim > inicio:
        raise ValueError(f"esperava inicio < fim, recebi inicio = {inicio} e fim = {fim}")
    s = np.linspace(inicio, fim, h.size + 1)
    posicoes = np.column_stack([s[:-1], s[1:]]).ravel()
    pesos = np.full(2 * h.size, w)
    return pesos, -w * posicoes, np.column_stack([h, -h]).ravel()


def logito(y):
    r"""A inversa da sigmoide: $\sigma^{-1}(y) = \ln\dfrac{y}{1 - y}$, para $0 < y < 1$."""
    ya = _x(y)
    if np.any((ya <= 0) | (ya >= 1)):
        raise ValueError("a inversa da sigmoide só existe para valores estritamente entre 0 e 1")
    return _saida(y, np.log(ya / (1 - ya)))


def rede_de_calombos(f, N, w=PESO_DEGRAU, saida: str = "linear"):
    r"""Rede de uma camada oculta com $2N$ neurônios sigmoides que aproxima `f` em $[0, 1]$.

    Devolve `(w, b, v)`, arrays de tamanho $2N$ com os pesos de entrada, os vieses e os pesos de
    saída. As alturas são $h_i = f(\text{meio}_i)$, no meio de cada intervalo $[i/N, (i+1)/N]$;
    com `saida="sigmoide"` (a saída também passa por $\sigma$), são $h_i = \sigma^{-1}(f(\text{meio}_i))$.
    """
    if not callable(f):
        raise TypeError(f"esperava uma função em `f`, recebi {type(f).__name__}")
    N = como_inteiro(N, "N", 1, 100_000)
    saida = escolher(saida, "saida", ("linear", "sigmoide"))
    meios = (np.arange(N) + 0.5) / N
    alturas = np.asarray(f(meios), dtype=float).reshape(N)
    if saida == "sigmoide":
        alturas = logito(alturas)
    return pesos_de_calombos(alturas, w)


def saida_rede_oculta(x, w, b, v, saida: str = "linear"):
    r"""A saída da rede: $g(x) = \sum_i v_i\,\sigma(w_i x + b_i)$ (ou $\sigma$ disso, com `saida="sigmoide"`)."""
    xa = _x(x)
    w = como_array(w, "w", dims=1)
    b = como_array(b, "b", forma=w.shape)
    v = como_array(v, "v", forma=w.shape)
    saida = escolher(saida, "saida", ("linear", "sigmoide"))
    g = sigmoide(xa[..., None] * w + b) @ v
    if saida == "sigmoide":
        g = sigmoide(g)
    return _saida(x, g)


def erro_medio(g, f, grade) -> float:
    r"""Erro absoluto médio numa grade de pontos: $\frac{1}{M}\sum_j |g(x_j) - f(x_j)|$."""
    return float(np.mean(np.abs(_diferenca(g, f, grade))))


def erro_maximo(g, f, grade) -> float:
    r"""O pior erro na grade: $\max_j |g(x_j) - f(x_j)|$ (o $\varepsilon$ do teorema)."""
    return float(np.max(np.abs(_diferenca(g, f, grade))))


def _diferenca(g, f, grade):
    grade = como_array(grade, "grade", dims=1)
    if grade.size == 0:
        raise ValueError("esperava uma grade com pelo menos um ponto")
    for nome, h in (("g", g), ("f", f)):
        if not callable(h):
            raise TypeError(f"esperava uma função em `{nome}`, recebi {type(h).__name__}")
    return np.asarray(g(grade), dtype=float).reshape(grade.shape) - np.asarray(f(grade), dtype=float).reshape(grade.shape)


def funcao_da_rede(w, b, v, saida: str = "linear"):
    """A rede `(w, b, v)` como uma função de `x` (para passar a `erro_medio`)."""
    w, b, v = (np.asarray(a, dtype=float) for a in (w, b, v))
    return lambda x: saida_rede_oculta(x, w, b, v, saida)


def erros_por_n(f, valores_de_n, grade, w=PESO_DEGRAU) -> np.ndarray:
    """Erro médio da rede de calombos para cada N em `valores_de_n` (para o gráfico log-log)."""
    return np.array([erro_medio(funcao_da_rede(*rede_de_calombos(f, int(n), w)), f, grade)
                     for n in valores_de_n])
