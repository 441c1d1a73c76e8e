r"""Contas sobre a arquitetura de uma rede densa, dada a lista de tamanhos das camadas.

Uma rede com tamanhos $[n_0, n_1, \dots, n_L]$ ($n_0$ entradas, $n_L$ saídas)
tem, entre as camadas $l-1$ e $l$, uma matriz de pesos $n_{l-1} \times n_l$ e
$n_l$ vieses. O total de parâmetros é

$$P = \sum_{l=1}^{L} \left(n_{l-1}\, n_l + n_l\right).$$

Exemplos: $[784, 30, 10]$ tem $784\cdot 30 + 30 + 30\cdot 10 + 10 = 23\,860$;
$[784, 16, 16, 10]$ tem $13\,002$.
"""
from __future__ import annotations

import numbers


def validar_tamanhos(tamanhos) -> list[int]:
    """Confere uma lista de tamanhos de camadas (inteiros ≥ 1, pelo menos dois)."""
    if isinstance(tamanhos, (str, bytes)) or not hasattr(tamanhos, "__iter__"):
        raise TypeError(f"esperava uma lista de tamanhos de camadas, como [784, 30, 10], recebi {tamanhos!r}")
    lista = list(tamanhos)
    if len(lista) < 2:
        raise ValueError(f"esperava pelo menos duas camadas (entrada e saída), recebi {lista}")
    for n in lista:
        if isinstance(n, bool) or not isinstance(n, numbers.Integral) or n < 1:
            raise ValueError(f"cada camada precisa de um número inteiro de neurônios ≥ 1, recebi {n!r} em {lista}")
    return [int(n) for n in lista]


def parametros_por_camada(tamanhos) -> list[tuple[int, int]]:
    """Para cada ligação entre camadas, o par (número de pesos, número de vieses)."""
    t = validar_tamanhos(tamanhos)
    return [(t[i] * t[i + 1], t[i + 1]) for i in range(len(t) - 1)]


def contar_parametros(tamanhos) -> int:
    r"""Total de pesos e vieses de uma rede densa: $\sum_l (n_{l-1} n_l + n_l)$."""
    return sum(p + v for p, v in parametros_por_camada(tamanhos))


def memoria_parametros(tamanhos, bytes_por_numero: int = 4) -> int:
    """Bytes ocupados pelos parâmetros (4 por número em float32, 8 em float64)."""
    if bytes_por_numero not in (2, 4, 8):
        raise ValueError(f"esperava 2, 4 ou 8 bytes por número, recebi {bytes_por_numero!r}")
    return contar_parametros(tamanhos) * bytes_por_numero
