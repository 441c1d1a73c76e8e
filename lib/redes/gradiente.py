r"""Derivadas por diferenças finitas centradas, para conferir derivadas analíticas.

$$f'(z) \approx \frac{f(z + h) - f(z - h)}{2h}, \qquad h = 10^{-5},$$

com erro da ordem de $h^2$. O erro relativo entre duas derivadas $a$ e $n$ é
$|a - n| / \max(|a| + |n|, \varepsilon)$. Por enquanto, só funções de um
número (as ativações); camadas e redes inteiras entram com a retropropagação.
"""
from __future__ import annotations

import numpy as np

from ._validacao import como_array


def derivada_numerica(f, z, h: float = 1e-5):
    """Derivada de uma função elemento a elemento `f` em cada ponto de `z`."""
    z = como_array(z, "z")
    return (np.asarray(f(z + h)) - np.asarray(f(z - h))) / (2 * h)


def erro_relativo(analitica, numerica, eps: float = 1e-12):
    """Erro relativo $|a - n| / (|a| + |n|)$, elemento a elemento (0 onde as duas são 0)."""
    a = como_array(analitica, "analitica")
    n = como_array(numerica, "numerica")
    return np.abs(a - n) / np.maximum(np.abs(a) + np.abs(n), eps)
