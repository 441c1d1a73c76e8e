"""Validação de lotes e rótulos para camadas, custos e treino, com mensagens em português.

Complementa `redes._validacao`: aqui as entradas são lotes, um exemplo por
linha, e o tipo de ponto flutuante (float32 ou float64) é preservado ou
escolhido, sem converter tudo para float64. Cada função confere uma coisa de
cada vez e diz o que esperava e o que recebeu:

    ValueError: esperava X com forma (m, 784), recebi (10, 783)
"""
from __future__ import annotations

import numbers

import numpy as np

from ._validacao import _descrever

#: Tipos de ponto flutuante aceitos nos parâmetros e nas contas.
TIPOS = {"float32": np.float32, "float64": np.float64}


def tipo_real(tipo, nome: str = "tipo") -> np.dtype:
    """`np.float32` ou `np.float64` (aceita o nome, o tipo do NumPy ou um `np.dtype`)."""
    try:
        dt = np.dtype(tipo)
    except TypeError:
        dt = None
    if dt is None or dt.name not in TIPOS:
        raise ValueError(f"`{nome}` precisa ser float32 ou float64, recebi {tipo!r}")
    return dt


def numerico(valor, nome: str) -> np.ndarray:
    """`valor` como array numérico (sem converter o tipo ainda); texto, objetos e None dão TypeError."""
    if isinstance(valor, (str, bytes)) or valor is None:
        raise TypeError(f"esperava números em `{nome}`, recebi {_descrever(valor)}")
    try:
        array = np.asarray(valor)
    except (TypeError, ValueError):
        raise TypeError(f"esperava números em `{nome}`, recebi {_descrever(valor)}") from None
    if array.dtype.kind not in "biuf":
        raise TypeError(f"esperava números em `{nome}`, recebi {_descrever(array)}")
    return array


def lote(X, nome: str = "X", colunas: int | None = None, tipo=None, finito: bool = True) -> np.ndarray:
    """Confere um lote `(m, colunas)`: números, 2 eixos, ao menos um exemplo, sem NaN; converte para `tipo`.

    Sem `tipo`, um array float32 ou float64 fica como está e o resto vira float64.
    """
    array = numerico(X, nome)
    if array.ndim != 2:
        dica = " (um exemplo por linha; para um só exemplo use x.reshape(1, -1))" if array.ndim == 1 else ""
        raise ValueError(f"esperava `{nome}` com 2 eixos{dica}, recebi forma {array.shape}")
    if array.shape[0] == 0:
        raise ValueError(f"o lote `{nome}` está vazio: esperava pelo menos um exemplo, recebi forma {array.shape}")
    if colunas is not None and array.shape[1] != colunas:
        raise ValueError(f"esperava {nome} com forma (m, {colunas}), recebi {array.shape}")
    if tipo is None:
        tipo = array.dtype if array.dtype.kind == "f" and array.dtype.name in TIPOS else np.float64
    array = np.asarray(array, dtype=tipo)
    if finito and not np.isfinite(array).all():
        ruins = int(array.size - np.count_nonzero(np.isfinite(array)))
        raise ValueError(f"`{nome}` contém NaN ou infinito ({ruins} de {array.size} valores)")
    return array


def mesma_forma(grad, forma: tuple, nome: str, tipo) -> np.ndarray:
    """Confere que o gradiente que volta tem a forma da saída da camada (sem *broadcast* silencioso)."""
    array = numerico(grad, nome)
    if array.shape != tuple(forma):
        legivel = "(" + ", ".join(str(f) for f in forma) + ("," if len(forma) == 1 else "") + ")"
        raise ValueError(f"esperava {nome} com forma {legivel}, recebi {array.shape}")
    array = np.asarray(array, dtype=tipo)
    if not np.isfinite(array).all():
        raise ValueError(f"`{nome}` contém NaN ou infinito")
    return array


def alvos(y, m: int, k: int, tipo, nome: str = "y") -> np.ndarray:
    """Alvos no formato da saída, `(m, k)`, no tipo `tipo`.

    Aceita:
    - a matriz `(m, k)` dos alvos (one-hot ou valores reais);
    - rótulos inteiros `(m,)`, de 0 a k − 1, quando há k > 1 saídas (viram one-hot);
    - um vetor `(m,)` quando há uma só saída (vira a coluna `(m, 1)`).
    """
    array = numerico(y, nome)
    if array.ndim == 1 and array.shape[0] == m:
        if k == 1:
            array = array.reshape(m, 1)
        else:
            return one_hot(inteiros(array, nome, k), k, tipo)
    if array.shape != (m, k):
        raise ValueError(f"esperava {nome} com forma ({m}, {k}) ou rótulos com forma ({m},), recebi {array.shape}")
    array = np.asarray(array, dtype=tipo)
    if not np.isfinite(array).all():
        raise ValueError(f"`{nome}` contém NaN ou infinito")
    return array


def inteiros(y, nome: str, k: int) -> np.ndarray:
    """Rótulos inteiros de 0 a k − 1 (floats com valor inteiro também servem)."""
    array = numerico(y, nome)
    if array.dtype.kind == "f":
        if not np.isfinite(array).all() or np.any(array != np.round(array)):
            raise ValueError(f"esperava rótulos inteiros (0 a {k - 1}) em `{nome}`, recebi valores fracionários ou NaN")
    array = array.astype(np.int64)
    if array.size and (array.min() < 0 or array.max() >= k):
        ruim = int(array.min()) if array.min() < 0 else int(array.max())
        raise ValueError(f"rótulo {ruim} fora do intervalo em `{nome}`: com {k} saídas os rótulos vão de 0 a {k - 1}")
    return array


def one_hot(rotulos: np.ndarray, k: int, tipo) -> np.ndarray:
    """Matriz `(m, k)` com 1 na coluna de cada rótulo (já conferido)."""
    codificado = np.zeros((rotulos.shape[0], k), dtype=tipo)
    codificado[np.arange(rotulos.shape[0]), rotulos] = 1
    return codificado


def inteiro(valor, nome: str, minimo: int = 1) -> int:
    """Um inteiro (não bool) maior ou igual a `minimo`."""
    if isinstance(valor, bool) or not isinstance(valor, numbers.Integral):
        raise TypeError(f"esperava um inteiro em `{nome}`, recebi {_descrever(valor)}")
    if valor < minimo:
        raise ValueError(f"`{nome}` precisa ser pelo menos {minimo}, recebi {valor}")
    return int(valor)


def real(valor, nome: str, minimo: float | None = None, maximo: float | None = None,
         abaixo_de: float | None = None, acima_de: float | None = None) -> float:
    """Um número real finito, dentro dos limites pedidos (inclusivos `minimo`/`maximo`, estritos `acima_de`/`abaixo_de`)."""
    if isinstance(valor, bool) or not isinstance(valor, numbers.Real):
        raise TypeError(f"esperava um número em `{nome}`, recebi {_descrever(valor)}")
    valor = float(valor)
    if not np.isfinite(valor):
        raise ValueError(f"`{nome}` precisa ser finito, recebi {valor}")
    if minimo is not None and valor < minimo:
        raise ValueError(f"`{nome}` precisa ser pelo menos {minimo}, recebi {valor}")
    if maximo is not None and valor > maximo:
        raise ValueError(f"`{nome}` precisa ser no máximo {maximo}, recebi {valor}")
    if acima_de is not None and valor <= acima_de:
        raise ValueError(f"`{nome}` precisa ser maior que {acima_de}, recebi {valor}")
    if abaixo_de is not None and valor >= abaixo_de:
        raise ValueError(f"`{nome}` precisa ser menor que {abaixo_de}, recebi {valor}")
    return valor


def gerador(semente, nome: str = "semente") -> np.random.Generator:
    """`np.random.default_rng(semente)`: aceita um inteiro >= 0, None ou um `Generator`."""
    if semente is None or isinstance(semente, np.random.Generator):
        return np.random.default_rng(semente)
    if isinstance(semente, numbers.Integral) and not isinstance(semente, bool) and semente >= 0:
        return np.random.default_rng(int(semente))
    raise ValueError(f"esperava em `{nome}` um inteiro >= 0, None ou um np.random.Generator, recebi {_descrever(semente)}")
