r"""Inicialização dos pesos e vieses de uma camada densa.

Cada esquema é uma função `f(n_entrada, n_saida, gerador)` que devolve
`(W, b)`, com `W` de forma `(n_entrada, n_saida)` (convenção do curso:
`X @ W + b`) e `b` de forma `(n_saida,)`. O acaso vem só do `gerador`
(`np.random.default_rng(semente)`), nunca do estado global do NumPy.

Por que a escala importa: se as $n$ entradas valem cerca de 1 e os pesos têm
variância $v$, o potencial $z = \sum_j w_j x_j + b$ tem variância perto de
$n v$. Com $v = 1$ e $n = 784$, $z$ se espalha por dezenas de unidades e a
sigmoide satura ($\sigma'(z) \approx 0$): o neurônio aprende devagar. Com
$v = 1/n$, $z$ fica da ordem de 1.

| nome | pesos $W$ | vieses $b$ |
|---|---|---|
| `"grande"` | $\mathcal N(0, 1)$ (o padrão antigo de Nielsen) | $\mathcal N(0, 1)$ |
| `"lecun"` | $\mathcal N(0, 1/n_{ent})$ (o padrão novo de Nielsen) | $\mathcal N(0, 1)$ |
| `"glorot"` | $U(-r, r)$, $r = \sqrt{6/(n_{ent} + n_{sai})}$ | 0 |
| `"he"` | $\mathcal N(0, 2/n_{ent})$ (para a ReLU) | 0 |
| `"zeros"` | 0 (todos os neurônios ficam iguais e nunca se separam) | 0 |
"""
from __future__ import annotations

from typing import Callable

import numpy as np

from ._validacao import escolher


def grande(n_entrada: int, n_saida: int, gerador: np.random.Generator):
    r"""Pesos e vieses $\sim \mathcal N(0, 1)$: o `large_weight_initializer` de Nielsen."""
    return gerador.standard_normal((n_entrada, n_saida)), gerador.standard_normal(n_saida)


def lecun(n_entrada: int, n_saida: int, gerador: np.random.Generator):
    r"""Pesos $\sim \mathcal N(0, 1/n_{ent})$ (desvio $1/\sqrt{n_{ent}}$) e vieses $\sim \mathcal N(0, 1)$.

    É o `default_weight_initializer` de Nielsen; a escala $1/\sqrt{n}$ vem de
    LeCun et al. (1998).
    """
    W = gerador.standard_normal((n_entrada, n_saida)) / np.sqrt(n_entrada)
    return W, gerador.standard_normal(n_saida)


def glorot(n_entrada: int, n_saida: int, gerador: np.random.Generator):
    r"""Glorot e Bengio (2010): $W \sim U(-r, r)$ com $r = \sqrt{6/(n_{ent} + n_{sai})}$, vieses 0.

    A variância $r^2/3 = 2/(n_{ent} + n_{sai})$ equilibra o sinal na ida
    ($1/n_{ent}$) e na volta ($1/n_{sai}$). Boa para tanh e sigmoide.
    """
    r = np.sqrt(6.0 / (n_entrada + n_saida))
    return gerador.uniform(-r, r, (n_entrada, n_saida)), np.zeros(n_saida)


def he(n_entrada: int, n_saida: int, gerador: np.random.Generator):
    r"""He et al. (2015): $W \sim \mathcal N(0, 2/n_{ent})$, vieses 0.

    A ReLU zera metade das entradas em média; o fator 2 compensa essa perda
    de variância de uma camada para a outra.
    """
    W = gerador.standard_normal((n_entrada, n_saida)) * np.sqrt(2.0 / n_entrada)
    return W, np.zeros(n_saida)


def zeros(n_entrada: int, n_saida: int, gerador: np.random.Generator):
    """Tudo zero: serve para mostrar a simetria que nunca se quebra (e para carregar pesos salvos)."""
    return np.zeros((n_entrada, n_saida)), np.zeros(n_saida)


#: Esquemas de inicialização pelo nome.
INICIALIZACOES: dict[str, Callable] = {
    "grande": grande,
    "lecun": lecun,
    "glorot": glorot,
    "he": he,
    "zeros": zeros,
}


def obter(inicializacao: str | Callable) -> Callable:
    """O esquema pedido pelo nome (ou a própria função, se já for uma)."""
    if callable(inicializacao):
        return inicializacao
    return INICIALIZACOES[escolher(inicializacao, "inicializacao", INICIALIZACOES)]


def desvio_do_potencial(n_entrada: int, ativas: float, esquema: str = "grande") -> float:
    r"""Desvio padrão de $z = \sum_j w_j x_j + b$ quando `ativas` das `n_entrada` entradas valem 1 e as outras 0.

    $\mathrm{Var}\,z = \text{ativas}\cdot\mathrm{Var}\,w + \mathrm{Var}\,b$. Com 1000
    entradas, 500 ativas: `"grande"` dá $\sqrt{501} \approx 22{,}4$ e `"lecun"` dá
    $\sqrt{500/1000 + 1} \approx 1{,}22$.
    """
    esquema = escolher(esquema, "esquema", ("grande", "lecun", "he"))
    var_w = {"grande": 1.0, "lecun": 1.0 / n_entrada, "he": 2.0 / n_entrada}[esquema]
    var_b = 0.0 if esquema == "he" else 1.0
    return float(np.sqrt(ativas * var_w + var_b))
