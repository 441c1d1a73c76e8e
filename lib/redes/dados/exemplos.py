r"""Preparar exemplos para o treino: rótulos one-hot, treino/validação e minilotes.

Convenção do curso: `X` tem um exemplo por linha, forma $(m, n)$ (ou
$(m, 28, 28)$ para imagens), e `y` tem um rótulo por exemplo, forma $(m,)$.

- `one_hot(y, k)`: o rótulo $c$ vira o vetor $e_c$ de $k$ posições, com 1 na
  posição $c$ e 0 nas outras;
- `dividir(X, y, fracao_validacao, semente)`: embaralha e separa treino e validação;
- `minilotes(X, y, tamanho, semente)`: percorre os exemplos em pedaços de
  `tamanho`, cada exemplo exatamente uma vez por época (o último minilote
  pode ser menor).

O acaso vem sempre de `np.random.default_rng(semente)`, nunca do estado
global do NumPy: a mesma semente dá o mesmo resultado, e nada mais muda.
"""
from __future__ import annotations

import numbers
from typing import Iterator, NamedTuple

import numpy as np

from .._validacao import _descrever, como_escalar


class Exemplos(NamedTuple):
    """Um par `(X, y)`: entradas, uma por linha, e rótulos. Desempacota como tupla: `X, y = treino`."""

    X: np.ndarray
    y: np.ndarray

    def __repr__(self) -> str:
        return f"Exemplos(X: {self.X.shape} {self.X.dtype}, y: {self.y.shape} {self.y.dtype})"


def gerador(semente) -> np.random.Generator:
    """`np.random.default_rng(semente)`, com erro claro; aceita um inteiro >= 0, None ou um Generator."""
    if semente is None or isinstance(semente, np.random.Generator):
        return np.random.default_rng(semente)
    if isinstance(semente, numbers.Integral) and not isinstance(semente, bool) and semente >= 0:
        return np.random.default_rng(int(semente))
    raise ValueError(f"esperava em `semente` um inteiro >= 0, None ou um np.random.Generator, recebi {_descrever(semente)}")


def inteiro_positivo(valor, nome: str, minimo: int = 1) -> int:
    """Confere que `valor` é um inteiro (não bool) maior ou igual a `minimo`."""
    if isinstance(valor, bool) or not isinstance(valor, numbers.Integral):
        raise TypeError(f"esperava um inteiro em `{nome}`, recebi {_descrever(valor)}")
    if valor < minimo:
        raise ValueError(f"`{nome}` precisa ser pelo menos {minimo}, recebi {valor}")
    return int(valor)


def _pares(X, y) -> tuple[np.ndarray, np.ndarray]:
    X, y = np.asarray(X), np.asarray(y)
    if X.ndim == 0 or y.ndim == 0:
        raise ValueError(f"esperava X e y com um exemplo por linha, recebi formas {X.shape} e {y.shape}")
    if len(X) != len(y):
        raise ValueError(f"X e y precisam ter o mesmo número de exemplos: X tem {len(X)}, y tem {len(y)}")
    return X, y


def one_hot(y, k: int | None = None, tipo=np.float64) -> np.ndarray:
    """Codificação one-hot: forma `(m, k)`, com 1 na coluna do rótulo de cada exemplo.

    `k` é o número de classes (se omitido, o maior rótulo + 1).

    >>> one_hot([2, 0], 3)
    array([[0., 0., 1.],
           [1., 0., 0.]])
    """
    rotulos = np.asarray(y)
    if rotulos.ndim != 1:
        raise ValueError(f"esperava rótulos com forma (m,), recebi {rotulos.shape}")
    inteiros = rotulos.dtype.kind in "iub" or (
        rotulos.dtype.kind == "f" and np.all(np.isfinite(rotulos)) and np.all(rotulos == np.round(rotulos)))
    if not inteiros:
        raise ValueError(f"esperava rótulos inteiros (0, 1, 2, ...), recebi {_descrever(rotulos)}")
    rotulos = rotulos.astype(np.int64)
    if rotulos.size and rotulos.min() < 0:
        raise ValueError(f"rótulos precisam ser >= 0, recebi {rotulos.min()}")
    maior = int(rotulos.max()) if rotulos.size else -1
    k = maior + 1 if k is None else inteiro_positivo(k, "k")
    if maior >= k:
        raise ValueError(f"rótulo {maior} não cabe em {k} classes (os rótulos vão de 0 a {k - 1})")
    codificado = np.zeros((rotulos.size, k), dtype=tipo)
    codificado[np.arange(rotulos.size), rotulos] = 1
    return codificado


def dividir(X, y, fracao_validacao: float = 0.2, semente=0) -> tuple[Exemplos, Exemplos]:
    """Embaralha os exemplos e separa `(treino, validacao)`, cada um um `Exemplos(X, y)`.

    A validação fica com `round(fracao_validacao * m)` exemplos, e cada
    parte com pelo menos um.
    """
    X, y = _pares(X, y)
    fracao = como_escalar(fracao_validacao, "fracao_validacao")
    if not 0 < fracao < 1:
        raise ValueError(f"`fracao_validacao` precisa estar entre 0 e 1 (sem incluir), recebi {fracao}")
    m = len(X)
    n_validacao = int(round(fracao * m))
    if not 1 <= n_validacao <= m - 1:
        raise ValueError(f"com {m} exemplos e fracao_validacao={fracao}, uma das partes ficaria vazia")
    ordem = gerador(semente).permutation(m)
    treino, validacao = ordem[n_validacao:], ordem[:n_validacao]
    return Exemplos(X[treino], y[treino]), Exemplos(X[validacao], y[validacao])


def minilotes(X, y, tamanho: int, semente=None, embaralhar: bool = True) -> Iterator[Exemplos]:
    """Percorre `(X, y)` em minilotes de `tamanho` exemplos: uma época.

    Com `embaralhar=True` a ordem é sorteada por `np.random.default_rng(semente)`;
    passe um mesmo `Generator` a cada época para ter ordens diferentes e
    reprodutíveis. Cada exemplo aparece exatamente uma vez; o último minilote
    fica com o que sobrar (`m % tamanho` exemplos, se não for zero).

    >>> [len(lote.y) for lote in minilotes(np.zeros((10, 2)), np.zeros(10), 4)]
    [4, 4, 2]
    """
    X, y = _pares(X, y)
    tamanho = inteiro_positivo(tamanho, "tamanho")
    ordem = gerador(semente).permutation(len(X)) if embaralhar else None
    return _percorrer(X, y, tamanho, ordem)


def _percorrer(X, y, tamanho, ordem) -> Iterator[Exemplos]:
    for inicio in range(0, len(X), tamanho):
        if ordem is None:
            yield Exemplos(X[inicio:inicio + tamanho], y[inicio:inicio + tamanho])
        else:
            indices = ordem[inicio:inicio + tamanho]
            yield Exemplos(X[indices], y[indices])
