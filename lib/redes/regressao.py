r"""Regressão linear 1-D com ruído, treinada por descida do gradiente em lote, um exemplo por vez ou em minilotes.

O modelo é $\hat y = w x + b$ e o custo $C = \frac{1}{2n}\sum_i (w x_i + b - y_i)^2$.
`descida_minilotes` devolve o custo a cada passo e o trabalho feito (quantos
exemplos foram usados), para comparar passos baratos e ruidosos (minilotes
pequenos) com passos caros e exatos (o lote inteiro); `ruido_do_gradiente` e
`ruido_teorico` medem o ruído do gradiente de um minilote de tamanho $m$,
que cai como $1/\sqrt m$.
"""
from __future__ import annotations

from typing import NamedTuple

import numpy as np

from ._lotes import gerador, inteiro, real
from ._validacao import como_array


def dados_regressao(n: int = 512, inclinacao: float = 2.0, intercepto: float = -1.0, ruido: float = 0.5,
                    semente=0) -> tuple[np.ndarray, np.ndarray]:
    r"""`n` pontos $y = \text{inclinacao}\cdot x + \text{intercepto} + \text{ruido}\cdot\varepsilon$, com $x$ uniforme em $[-1, 1]$ e $\varepsilon \sim N(0, 1)$."""
    n = inteiro(n, "n")
    rng = gerador(semente)
    x = rng.uniform(-1.0, 1.0, size=n)
    y = real(inclinacao, "inclinacao") * x + real(intercepto, "intercepto") + real(ruido, "ruido", minimo=0.0) \
        * rng.standard_normal(n)
    return x, y


def _xy(x, y):
    x = como_array(x, "x", dims=1)
    y = como_array(y, "y", forma=(x.shape[0],))
    if x.size == 0:
        raise ValueError("esperava pelo menos um exemplo em `x`")
    return x, y


def custo_regressao(w, b, x, y) -> float:
    r"""$C(w, b) = \frac{1}{2n}\sum_i (w x_i + b - y_i)^2$."""
    x, y = _xy(x, y)
    r = w * x + b - y
    return float(0.5 * np.mean(r * r))


def gradiente_regressao(w, b, x, y) -> np.ndarray:
    r"""$\nabla C = \big(\frac1n\sum_i (w x_i + b - y_i)\,x_i,\ \frac1n\sum_i (w x_i + b - y_i)\big)$."""
    x, y = _xy(x, y)
    r = w * x + b - y
    return np.array([np.mean(r * x), np.mean(r)])


def minimo_regressao(x, y) -> tuple[float, float, float]:
    """`(w*, b*, C*)`: a reta de mínimos quadrados, resolvendo as equações normais (sem descida)."""
    x, y = _xy(x, y)
    A = np.column_stack([x, np.ones_like(x)])
    w, b = np.linalg.solve(A.T @ A, A.T @ y)
    return float(w), float(b), custo_regressao(w, b, x, y)


class Trajetoria(NamedTuple):
    """Uma descida em minilotes: `parametros` `(k + 1, 2)` com $(w, b)$, `custos` `(k + 1,)` no conjunto
    inteiro e `exemplos` `(k + 1,)`, quantos exemplos tinham sido usados até ali (o trabalho feito)."""

    parametros: np.ndarray
    custos: np.ndarray
    exemplos: np.ndarray

    @property
    def atualizacoes(self) -> int:
        return len(self.custos) - 1


def descida_minilotes(x, y, tamanho_lote: int, taxa, epocas: int, semente=0, inicio=(0.0, 0.0)) -> Trajetoria:
    r"""Descida do gradiente em minilotes na regressão $\hat y = wx + b$.

    Em cada época a ordem dos exemplos é sorteada (`np.random.default_rng(semente)`,
    uma permutação por época, como em `redes.treino.treinar`) e cortada em pedaços
    de `tamanho_lote`; cada pedaço dá **uma** atualização com a média dos seus gradientes:
    `tamanho_lote = n` é a descida em lote, `1` é a estocástica, um exemplo por vez.
    """
    x, y = _xy(x, y)
    n = len(x)
    tamanho_lote = inteiro(tamanho_lote, "tamanho_lote")
    taxa = real(taxa, "taxa", minimo=0.0)
    epocas = inteiro(epocas, "epocas", minimo=0)
    rng = gerador(semente)
    v = como_array(inicio, "inicio", forma=(2,)).copy()
    parametros, custos, exemplos = [v.copy()], [custo_regressao(*v, x, y)], [0]
    with np.errstate(all="ignore"):
        for _ in range(epocas):
            ordem = rng.permutation(n)
            for comeco in range(0, n, tamanho_lote):
                idx = ordem[comeco:comeco + tamanho_lote]
                v = v - taxa * gradiente_regressao(v[0], v[1], x[idx], y[idx])
                parametros.append(v)
                custos.append(float(0.5 * np.mean((v[0] * x + v[1] - y) ** 2)))
                exemplos.append(exemplos[-1] + len(idx))
    return Trajetoria(np.array(parametros), np.array(custos), np.array(exemplos))


def ruido_do_gradiente(x, y, w, b, tamanhos, repeticoes: int = 300, semente=0) -> np.ndarray:
    r"""Para cada tamanho $m$, a raiz do erro quadrático médio $\sqrt{E\lVert g_m - \nabla C\rVert^2}$ do
    gradiente de um minilote de $m$ exemplos sorteados sem reposição, em `repeticoes` sorteios."""
    x, y = _xy(x, y)
    n = len(x)
    tamanhos = [inteiro(m, "tamanho") for m in tamanhos]
    if max(tamanhos) > n:
        raise ValueError(f"um minilote não pode ter mais que os {n} exemplos")
    repeticoes = inteiro(repeticoes, "repeticoes")
    rng = gerador(semente)
    cheio = gradiente_regressao(w, b, x, y)
    r = w * x + b - y
    por_exemplo = np.column_stack([r * x, r])                       # (n, 2): o gradiente de cada exemplo
    ruidos = []
    for m in tamanhos:
        idx = np.array([rng.permutation(n)[:m] for _ in range(repeticoes)])
        g = por_exemplo[idx].mean(axis=1)                           # (repeticoes, 2)
        ruidos.append(float(np.sqrt(np.mean(np.sum((g - cheio) ** 2, axis=1)))))
    return np.array(ruidos)


def ruido_teorico(x, y, w, b, tamanhos) -> np.ndarray:
    r"""O valor exato que `ruido_do_gradiente` estima: com $g_i$ o gradiente do exemplo $i$ e
    $S = \frac1n\sum_i\lVert g_i - \nabla C\rVert^2$, um minilote de $m$ sorteados sem reposição tem

    $$E\lVert g_m - \nabla C\rVert^2 = \frac{S}{m}\cdot\frac{n - m}{n - 1},$$

    que cai como $1/m$ (o ruído, a raiz, como $1/\sqrt m$) e vale 0 em $m = n$ (o lote inteiro)."""
    x, y = _xy(x, y)
    n = len(x)
    tamanhos = np.array([inteiro(m, "tamanho") for m in tamanhos], dtype=float)
    if n < 2 or tamanhos.max() > n:
        raise ValueError(f"esperava minilotes entre 1 e {n} exemplos, e pelo menos 2 exemplos")
    r = w * x + b - y
    por_exemplo = np.column_stack([r * x, r])
    S = np.mean(np.sum((por_exemplo - por_exemplo.mean(axis=0)) ** 2, axis=1))
    return np.sqrt(S / tamanhos * (n - tamanhos) / (n - 1))
