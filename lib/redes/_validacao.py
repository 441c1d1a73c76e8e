"""Validação de entradas com mensagens de erro claras, em português.

Toda função pública de `redes` passa seus argumentos por aqui, para que um
erro de forma ou de tipo diga o que era esperado e o que chegou, por exemplo:

    ValueError: esperava pesos com forma (3,), recebi (2,)
"""
from __future__ import annotations

import numbers

import numpy as np


def _descrever(valor) -> str:
    """Descrição curta de um valor para mensagens de erro."""
    if isinstance(valor, np.ndarray):
        return f"um array de forma {valor.shape} e tipo {valor.dtype}"
    return f"{type(valor).__name__} ({valor!r:.60})"


def como_array(valor, nome: str, *, dims: int | tuple[int, ...] | None = None,
               forma: tuple | None = None, finito: bool = True) -> np.ndarray:
    """Converte `valor` num array de floats e confere dimensões e forma.

    `dims` é o número de eixos aceito (um inteiro ou uma tupla de opções);
    `forma` pode ter `None` nos eixos livres, como em `(None, 2)`.
    """
    if isinstance(valor, (str, bytes)) or valor is None:
        raise TypeError(f"esperava números em `{nome}`, recebi {_descrever(valor)}")
    try:
        array = np.asarray(valor, dtype=float)
    except (TypeError, ValueError):
        raise TypeError(f"esperava números em `{nome}`, recebi {_descrever(valor)}") from None
    if dims is not None:
        opcoes = (dims,) if isinstance(dims, int) else tuple(dims)
        if array.ndim not in opcoes:
            nomes = " ou ".join(f"{d} eixo{'s' if d != 1 else ''}" for d in opcoes)
            raise ValueError(f"esperava `{nome}` com {nomes}, recebi forma {array.shape}")
    if forma is not None:
        ok = array.ndim == len(forma) and all(f is None or f == s for f, s in zip(forma, array.shape))
        if not ok:
            legivel = "(" + ", ".join("n" if f is None else str(f) for f in forma) + ("," if len(forma) == 1 else "") + ")"
            raise ValueError(f"esperava {nome} com forma {legivel}, recebi {array.shape}")
    if finito and not np.all(np.isfinite(array)):
        raise ValueError(f"`{nome}` contém NaN ou infinito")
    return array


def como_escalar(valor, nome: str) -> float:
    """Converte `valor` num float; aceita números e arrays de um só elemento."""
    if isinstance(valor, numbers.Real) and not isinstance(valor, bool):
        resultado = float(valor)
    else:
        array = como_array(valor, nome, finito=False)
        if array.size != 1:
            raise ValueError(f"esperava um número em `{nome}`, recebi forma {array.shape}")
        resultado = float(array.reshape(()))
    if not np.isfinite(resultado):
        raise ValueError(f"`{nome}` precisa ser finito, recebi {resultado}")
    return resultado


def escolher(valor: str, nome: str, opcoes) -> str:
    """Confere que `valor` é uma das `opcoes` (texto, sem diferenciar maiúsculas)."""
    if not isinstance(valor, str):
        raise TypeError(f"esperava um texto em `{nome}`, recebi {_descrever(valor)}")
    chave = valor.strip().lower()
    mapa = {o.lower(): o for o in opcoes}
    if chave not in mapa:
        raise ValueError(f"`{nome}` desconhecido: {valor!r}; opções: {', '.join(sorted(opcoes))}")
    return mapa[chave]


def como_inteiro(valor, nome: str, minimo: int, maximo: int) -> int:
    """Confere que `valor` é um inteiro (não bool) entre `minimo` e `maximo`, inclusive."""
    if isinstance(valor, bool) or not isinstance(valor, (numbers.Integral, np.integer)):
        raise TypeError(f"esperava um inteiro em `{nome}`, recebi {_descrever(valor)}")
    if not minimo <= valor <= maximo:
        raise ValueError(f"`{nome}` precisa estar entre {minimo} e {maximo}, recebi {valor}")
    return int(valor)
