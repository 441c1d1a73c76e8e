"""Portas lógicas como pequenos conjuntos de dados.

Cada porta tem as quatro entradas $(x_1, x_2) \\in \\{0, 1\\}^2$ e a saída desejada.
São o primeiro teste de qualquer neurônio: AND, OR e NAND são separáveis por
uma reta; XOR e XNOR não são.
"""
from __future__ import annotations

import numpy as np

from ._validacao import escolher

#: As quatro entradas, na ordem (0,0), (0,1), (1,0), (1,1).
ENTRADAS = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)

#: Saída desejada de cada porta para as quatro entradas acima.
PORTAS = {
    "AND": np.array([0, 0, 0, 1]),
    "OR": np.array([0, 1, 1, 1]),
    "NAND": np.array([1, 1, 1, 0]),
    "NOR": np.array([1, 0, 0, 0]),
    "XOR": np.array([0, 1, 1, 0]),
    "XNOR": np.array([1, 0, 0, 1]),
}


def tabela_verdade(porta: str):
    """Devolve `(X, y)`: as entradas, forma (4, 2), e as saídas da porta, forma (4,).

    >>> X, y = tabela_verdade("XOR")
    >>> y
    array([0, 1, 1, 0])
    """
    nome = escolher(porta, "porta", PORTAS)
    return ENTRADAS.copy(), PORTAS[nome].copy()
