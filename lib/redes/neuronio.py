r"""Um neurônio artificial: soma ponderada das entradas, mais o viés, e uma ativação.

Para uma entrada $\mathbf{x} = (x_1, \dots, x_n)$, pesos $\mathbf{w}$ e viés $b$:

$$z = \sum_{i=1}^{n} w_i x_i + b = \mathbf{x} \cdot \mathbf{w} + b, \qquad a = g(z).$$

Convenção do curso: um lote de $m$ exemplos é uma matriz $X$ de forma
$(m, n)$, um exemplo por linha, e $X\mathbf{w} + b$ dá as $m$ saídas de uma vez.
A forma com limiar, $z = \sum_i w_i x_i - \theta$, é a mesma coisa com $b = -\theta$.
"""
from __future__ import annotations

import numpy as np

from . import ativacoes
from ._validacao import como_array, como_escalar


def _entradas_e_pesos(x, w):
    w = como_array(w, "pesos", dims=1)
    x = como_array(x, "x", dims=(1, 2))
    if x.shape[-1] != w.shape[0]:
        esperado = f"({w.shape[0]},)" if x.ndim == 1 else f"(m, {w.shape[0]})"
        raise ValueError(f"esperava x com forma {esperado} para {w.shape[0]} pesos, recebi {x.shape}")
    return x, w


def potencial(x, w, b):
    r"""Potencial de ativação $z = \mathbf{x}\cdot\mathbf{w} + b$.

    `x` é um exemplo, forma `(n,)`, ou um lote, forma `(m, n)`; `w` tem forma
    `(n,)` e `b` é um número. Devolve um número (array de 0 eixos) ou `(m,)`.

    >>> potencial([2, 5], [3, 6], -2)   # 2·3 + 5·6 − 2
    array(34.)
    """
    x, w = _entradas_e_pesos(x, w)
    return np.asarray(x @ w + como_escalar(b, "b"))


def saida(x, w, b, ativacao="degrau"):
    r"""Saída do neurônio: $a = g(\mathbf{x}\cdot\mathbf{w} + b)$.

    `ativacao` é o nome de uma função de `redes.ativacoes` ("degrau",
    "sigmoide", "tanh", "relu", "identidade") ou a própria função.
    """
    return ativacoes.obter(ativacao)(potencial(x, w, b))


def reta_de_decisao(x1, w, b):
    r"""Pontos $(x_1, x_2)$ da fronteira de um neurônio com duas entradas.

    A fronteira é onde $z = 0$, isto é, $w_1 x_1 + w_2 x_2 + b = 0$; isolando $x_2$:

    $$x_2 = -\frac{w_1 x_1 + b}{w_2}.$$

    Devolve os valores de $x_2$ para os $x_1$ dados. Se $w_2 = 0$ a reta é
    vertical ($x_1 = -b/w_1$) e não pode ser escrita assim: o erro avisa.
    """
    w = como_array(w, "pesos", forma=(2,))
    b = como_escalar(b, "b")
    x1 = como_array(x1, "x1")
    if w[1] == 0:
        raise ValueError("com w2 = 0 a fronteira é vertical (x1 = -b/w1) e não define x2 em função de x1")
    return -(w[0] * x1 + b) / w[1]


def classificar(X, w, b):
    """Classe (0 ou 1) que um neurônio degrau dá a cada linha de `X`."""
    return saida(X, w, b, "degrau").astype(int)


def contar_erros(X, y, w, b) -> int:
    """Quantos exemplos de `X` o neurônio degrau classifica diferente do rótulo `y`."""
    X = como_array(X, "X", dims=2)
    y = como_array(y, "y", forma=(X.shape[0],))
    return int(np.sum(classificar(X, w, b) != y))


def menor_numero_de_erros(X, y, valores=np.linspace(-3, 3, 25)) -> int:
    r"""Menor número de erros de um neurônio degrau sobre uma grade de $(w_1, w_2, b)$.

    Testa todas as combinações dos `valores` para $w_1$, $w_2$ e $b$ (25³ = 15.625
    neurônios com a grade padrão) e devolve o melhor resultado. Para AND e OR dá
    0; para XOR nunca passa de 1, porque nenhuma reta separa os pontos de XOR.
    """
    X = como_array(X, "X", forma=(None, 2))
    y = como_array(y, "y", forma=(X.shape[0],))
    v = como_array(valores, "valores", dims=1)
    w1, w2, b = (g.ravel() for g in np.meshgrid(v, v, v, indexing="ij"))
    z = X[:, :1] * w1 + X[:, 1:] * w2 + b          # (m, combinações)
    erros = np.sum((z > 0) != (y[:, None] > 0.5), axis=0)
    return int(erros.min())
