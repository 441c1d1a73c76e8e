r"""Modo direto da diferenciação automática: números duais, escritos do zero.

Um `Dual` leva, junto com o valor, a derivada em relação a uma entrada
escolhida: $f(x + x'\varepsilon) = f(x) + f'(x)\,x'\varepsilon$, com
$\varepsilon^2 = 0$. Uma passada dá a derivada de todos os nós em relação a essa
entrada; para $N$ entradas são $N$ passadas, contra uma só do modo reverso
(`redes.autodiff.Valor`).
"""
from __future__ import annotations

import math
import numbers

import numpy as np

from ._validacao import como_array, como_escalar


def _e_numero(x) -> bool:
    return isinstance(x, numbers.Real) and not isinstance(x, bool)


def _sigmoide(x: float) -> float:
    """σ(x) = 1/(1 + e^(−x)), sem estourar para x muito negativo."""
    return 1.0 / (1.0 + math.exp(-x)) if x >= 0 else math.exp(x) / (1.0 + math.exp(x))


def _exp(x: float) -> float:
    try:
        return math.exp(x)
    except OverflowError:
        raise ValueError(f"exp({x:g}) é grande demais para um float") from None


class Dual:
    r"""Número dual $x + x'\varepsilon$, com $\varepsilon^2 = 0$: o valor e a derivada em relação a uma entrada.

    Regras (com $z$ o resultado): $(x + y)' = x' + y'$; $(xy)' = x'y + xy'$;
    $(x/y)' = (x'y - xy')/y^2$; $(x^n)' = n x^{n-1} x'$; $(\tanh x)' = (1 - z^2)x'$;
    $\sigma(x)' = z(1 - z)x'$; $(e^x)' = z x'$; $(\ln x)' = x'/x$.
    Nada é guardado: a derivada anda junto com o valor, numa passada só.
    """

    __slots__ = ("valor", "derivada")

    def __init__(self, valor, derivada=0.0):
        self.valor = como_escalar(valor, "valor")
        self.derivada = como_escalar(derivada, "derivada")

    def __repr__(self) -> str:
        return f"Dual(valor={self.valor:.4g}, derivada={self.derivada:.4g})"

    @staticmethod
    def _de(valor: float, derivada: float) -> "Dual":
        """Dual novo sem validar de novo (para as contas internas, que são muitas)."""
        novo = object.__new__(Dual)
        novo.valor, novo.derivada = valor, derivada
        return novo

    @staticmethod
    def _como_dual(outro, conta: str) -> "Dual":
        if isinstance(outro, Dual):
            return outro
        if _e_numero(outro):
            return Dual._de(outro, 0.0)
        raise TypeError(f"não sei fazer {conta} entre um Dual e {type(outro).__name__}; use números ou Duais")

    def __add__(self, outro):
        o = self._como_dual(outro, "+")
        return Dual._de(self.valor + o.valor, self.derivada + o.derivada)

    __radd__ = __add__

    def __neg__(self):
        return Dual._de(-self.valor, -self.derivada)

    def __sub__(self, outro):
        return self + (-self._como_dual(outro, "−"))

    def __rsub__(self, outro):
        return self._como_dual(outro, "−") + (-self)

    def __mul__(self, outro):
        o = self._como_dual(outro, "×")
        return Dual._de(self.valor * o.valor, self.derivada * o.valor + self.valor * o.derivada)

    __rmul__ = __mul__

    def __truediv__(self, outro):
        o = self._como_dual(outro, "/")
        if o.valor == 0:
            raise ZeroDivisionError("divisão por zero: o denominador do Dual vale 0")
        return Dual._de(self.valor / o.valor, (self.derivada * o.valor - self.valor * o.derivada) / o.valor ** 2)

    def __rtruediv__(self, outro):
        return self._como_dual(outro, "/") / self

    def __pow__(self, n):
        if not _e_numero(n):
            raise TypeError(f"o expoente de um Dual precisa ser um número, recebi {type(n).__name__}")
        n = float(n)
        if self.valor < 0 and not n.is_integer():
            raise ValueError(f"base negativa ({self.valor}) com expoente não inteiro ({n:g}) não dá um número real")
        derivada = 0.0 if n == 0 else n * self.valor ** (n - 1) * self.derivada
        return Dual._de(self.valor ** n, derivada)

    def tanh(self):
        z = math.tanh(self.valor)
        return Dual._de(z, (1.0 - z * z) * self.derivada)

    def sigmoide(self):
        z = _sigmoide(self.valor)
        return Dual._de(z, z * (1.0 - z) * self.derivada)

    def relu(self):
        return Dual._de(max(self.valor, 0.0), self.derivada if self.valor > 0 else 0.0)

    def exp(self):
        z = _exp(self.valor)
        return Dual._de(z, z * self.derivada)

    def log(self):
        if self.valor <= 0:
            raise ValueError(f"log só existe para números positivos, recebi {self.valor:g}")
        return Dual._de(math.log(self.valor), self.derivada / self.valor)


def gradiente_modo_direto(f, x) -> np.ndarray:
    r"""Gradiente de $f(x_1, \dots, x_N)$ no modo direto: **N passadas**, uma por entrada.

    `f` recebe uma lista de N números (aqui, `Dual`s) e devolve um número. Na
    passada $i$ a entrada $i$ leva derivada 1 e as outras 0.
    """
    x = como_array(x, "x", dims=1)
    gradiente = np.zeros(x.size)
    for i in range(x.size):
        saida = f([Dual._de(float(v), 1.0 if j == i else 0.0) for j, v in enumerate(x)])
        gradiente[i] = saida.derivada if isinstance(saida, Dual) else 0.0
    return gradiente
