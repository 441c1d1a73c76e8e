r"""Polinômios ajustados a poucos pontos: interpolação exata, mínimos quadrados e ridge (capítulo 14).

O exemplo: $n = 10$ pontos perto da reta $y = 2x$, com ruído normal,

$$y_i = 2x_i + \sigma\,\varepsilon_i, \qquad \varepsilon_i \sim \mathcal N(0, 1).$$

Um polinômio de grau $g$, $p(x) = a_0 x^g + a_1 x^{g-1} + \dots + a_g$, tem
$g + 1$ coeficientes. Os coeficientes vão **do maior grau para o termo
constante**, a ordem de `np.polyfit` e `np.polyval`. Com os valores de cada
potência nas colunas da matriz de Vandermonde $V$ ($V_{ik} = x_i^{g-k}$),
as previsões nos pontos são $V\mathbf a$.

- **Interpolação** ($g = n - 1$): $V$ é quadrada e $V\mathbf a = \mathbf y$
  tem uma solução só, que passa exatamente por todos os pontos.
- **Mínimos quadrados**: minimiza $\sum_i (y_i - p(x_i))^2$.
- **Ridge**: minimiza $\sum_i (y_i - p(x_i))^2 + \lambda \sum_{k<g} a_k^2$.
  O termo constante $a_g$ fica fora da penalidade, como o viés de um
  neurônio fica fora da L2. A solução fechada é

  $$\mathbf a = (V^\top V + \lambda D)^{-1} V^\top \mathbf y, \qquad D = \operatorname{diag}(1, \dots, 1, 0).$$

  Aqui ela é calculada como os mínimos quadrados do sistema aumentado
  $\begin{bmatrix} V \\ \sqrt\lambda\, D \end{bmatrix}\mathbf a \approx
  \begin{bmatrix} \mathbf y \\ \mathbf 0 \end{bmatrix}$, que tem a mesma
  solução e não eleva ao quadrado o número de condição de $V$ (com $x$ entre
  0 e 1, $V^\top V$ de grau 9 tem número de condição perto de $10^{15}$).

O erro quadrático médio (EQM) de um ajuste nos pontos $(x_i, y_i)$ é
$\frac1m \sum_i (p(x_i) - y_i)^2$.
"""
from __future__ import annotations

import numpy as np

from ._lotes import gerador, inteiro, real
from ._validacao import como_array


def pontos_da_reta(n: int = 10, ruido: float = 0.1, semente=0, inclinacao: float = 2.0,
                   espacados: bool = True, intervalo=(0.0, 1.0)):
    r"""`n` pontos $(x_i, y_i)$ com $y_i = \text{inclinacao}\cdot x_i + \text{ruido}\cdot\varepsilon_i$.

    Com `espacados=True`, os $x_i$ ficam no meio de `n` fatias iguais do
    `intervalo` (para [0, 1] e n = 10: 0,05, 0,15, …, 0,95); senão, são
    sorteados no intervalo e postos em ordem. Os $\varepsilon_i$ vêm de
    `np.random.default_rng(semente)`, e por isso mudar só o `ruido` desloca os
    mesmos pontos para mais longe ou mais perto da reta. Devolve `(x, y)`.
    """
    n = inteiro(n, "n")
    ruido = real(ruido, "ruido", minimo=0.0)
    inclinacao = real(inclinacao, "inclinacao")
    a, b = (real(v, "intervalo") for v in intervalo)
    if not a < b:
        raise ValueError(f"esperava um intervalo (a, b) com a < b, recebi {tuple(intervalo)}")
    rng = gerador(semente)
    if espacados:
        x = a + (np.arange(n) + 0.5) * (b - a) / n
    else:
        x = np.sort(rng.uniform(a, b, n))
    return x, inclinacao * x + ruido * rng.standard_normal(n)


def _pontos(x, y):
    x = como_array(x, "x", dims=1)
    y = como_array(y, "y", forma=(x.shape[0],))
    if x.shape[0] == 0:
        raise ValueError("esperava pelo menos um ponto, recebi x vazio")
    return x, y


def _grau(grau, m):
    grau = inteiro(grau, "grau", minimo=0)
    if grau + 1 > m:
        raise ValueError(f"um polinômio de grau {grau} tem {grau + 1} coeficientes e só há {m} pontos: "
                         f"use grau ≤ {m - 1}")
    return grau


def vandermonde(x, grau: int) -> np.ndarray:
    r"""A matriz $(m, g+1)$ com $x_i^g, x_i^{g-1}, \dots, 1$ em cada linha (a ordem de `np.polyval`)."""
    x = como_array(x, "x", dims=1)
    return np.vander(x, inteiro(grau, "grau", minimo=0) + 1)


def polinomio_interpolador(x, y) -> np.ndarray:
    r"""Os $n$ coeficientes do polinômio de grau $n - 1$ que passa exatamente pelos $n$ pontos: $V\mathbf a = \mathbf y$."""
    x, y = _pontos(x, y)
    if np.unique(x).size != x.size:
        raise ValueError("dois pontos têm o mesmo x: nenhum polinômio passa por ambos se os y forem diferentes")
    return np.linalg.solve(vandermonde(x, x.size - 1), y)


def ajuste_minimos_quadrados(x, y, grau: int) -> np.ndarray:
    r"""Os coeficientes que minimizam $\sum_i (y_i - p(x_i))^2$ (iguais aos de `np.polyfit(x, y, grau)`)."""
    x, y = _pontos(x, y)
    return np.linalg.lstsq(vandermonde(x, _grau(grau, x.size)), y, rcond=None)[0]


def ajuste_ridge(x, y, grau: int, lmbda: float, penalizar_constante: bool = False) -> np.ndarray:
    r"""Os coeficientes que minimizam $\sum_i (y_i - p(x_i))^2 + \lambda\sum_{k<g} a_k^2$.

    Com `penalizar_constante=True`, o termo constante também entra na soma.
    Com $\lambda = 0$ é o ajuste de mínimos quadrados.
    """
    x, y = _pontos(x, y)
    lmbda = real(lmbda, "lmbda", minimo=0.0)
    grau = inteiro(grau, "grau", minimo=0)
    if lmbda == 0:
        return ajuste_minimos_quadrados(x, y, grau)
    V = vandermonde(x, grau)
    D = np.eye(grau + 1)
    if not penalizar_constante:
        D[-1, -1] = 0.0
    aumentada = np.vstack([V, np.sqrt(lmbda) * D])
    alvo = np.concatenate([y, np.zeros(grau + 1)])
    return np.linalg.lstsq(aumentada, alvo, rcond=None)[0]


def avaliar(coeficientes, x) -> np.ndarray:
    r"""$p(x) = a_0 x^g + \dots + a_g$ em cada ponto de `x` (como `np.polyval`)."""
    a = como_array(coeficientes, "coeficientes", dims=1)
    return np.polyval(a, como_array(x, "x"))


def eqm(coeficientes, x, y) -> float:
    r"""Erro quadrático médio do polinômio nos pontos: $\frac1m\sum_i (p(x_i) - y_i)^2$."""
    x, y = _pontos(x, y)
    return float(np.mean((avaliar(coeficientes, x) - y) ** 2))


def erros_por_grau(x, y, x_novo, y_novo, graus=range(10), lmbda: float = 0.0):
    """EQM no treino `(x, y)` e em dados novos `(x_novo, y_novo)` para cada grau; devolve dois arrays."""
    x, y = _pontos(x, y)
    x_novo, y_novo = _pontos(x_novo, y_novo)
    treino, novos = [], []
    for g in graus:
        a = ajuste_ridge(x, y, g, lmbda)
        treino.append(eqm(a, x, y))
        novos.append(eqm(a, x_novo, y_novo))
    return np.array(treino), np.array(novos)
