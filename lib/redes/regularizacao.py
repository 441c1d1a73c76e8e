r"""Regularização L2 (decaimento de peso) e L1, como em Nielsen: $\lambda$ dividido pelo tamanho $n$ do treino.

$$\text{L2: } C = C_0 + \frac{\lambda}{2n}\sum_w w^2, \qquad \frac{\partial C}{\partial w} = \frac{\partial C_0}{\partial w} + \frac{\lambda}{n} w;$$

$$\text{L1: } C = C_0 + \frac{\lambda}{n}\sum_w |w|, \qquad \frac{\partial C}{\partial w} = \frac{\partial C_0}{\partial w} + \frac{\lambda}{n}\operatorname{sinal}(w).$$

Só os pesos entram na soma; os vieses não são regularizados. $n$ é o
número de exemplos de **treino** (não o do minilote): com $\lambda$ fixo, mais
dados significam uma penalidade menor por exemplo. Por isso, ao trocar de
$n$ para $n'$, mantenha $\lambda/n$: $\lambda' = \lambda\,n'/n$.

Com a descida do gradiente, a L2 multiplica cada peso por $1 - \eta\lambda/n$
a cada passo (encolhe na proporção do peso); a L1 tira
$\eta\lambda/n$ do seu módulo (encolhe sempre o mesmo tanto). Em $w = 0$ a
L1 não é derivável; usamos $\operatorname{sinal}(0) = 0$, como `np.sign`.
"""
from __future__ import annotations

import numpy as np

from ._lotes import inteiro, real


class Regularizacao:
    """Base: `custo(pesos, n)` e `gradiente(w, n)`; `aplicar(modelo, n)` soma o gradiente aos dos pesos."""

    def __init__(self, lmbda: float):
        self.lmbda = real(lmbda, "lmbda", minimo=0.0)

    def custo(self, pesos, n: int) -> float:
        """A penalidade somada a $C_0$ (uma lista de arrays de pesos, ou um só)."""
        n = inteiro(n, "n")
        if isinstance(pesos, np.ndarray):
            pesos = [pesos]
        return float(sum(self._soma(np.asarray(w, dtype=np.float64)) for w in pesos) * self._fator(n))

    def gradiente(self, w, n: int) -> np.ndarray:
        """A parte da penalidade em $\\partial C/\\partial w$."""
        w = np.asarray(w)
        return self._gradiente(w, inteiro(n, "n"))

    def aplicar(self, modelo, n: int) -> None:
        """Soma o gradiente da penalidade aos gradientes dos pesos de `modelo` (no lugar)."""
        for w, g in modelo.pesos_e_gradientes():
            g += self._gradiente(w, n)

    def _fator(self, n: int) -> float:
        raise NotImplementedError

    def _soma(self, w: np.ndarray) -> float:
        raise NotImplementedError

    def _gradiente(self, w: np.ndarray, n: int) -> np.ndarray:
        raise NotImplementedError

    def __repr__(self) -> str:
        return f"{type(self).__name__}(lmbda={self.lmbda:g})"


class L2(Regularizacao):
    r"""$\frac{\lambda}{2n}\sum w^2$, com gradiente $\frac{\lambda}{n} w$ (o decaimento de peso)."""

    def _fator(self, n):
        return self.lmbda / (2 * n)

    def _soma(self, w):
        return float(np.sum(w * w))

    def _gradiente(self, w, n):
        return (self.lmbda / n) * w

    def fator_de_decaimento(self, taxa: float, n: int) -> float:
        r"""O fator $1 - \eta\lambda/n$ que multiplica cada peso a cada passo da descida do gradiente."""
        return 1.0 - real(taxa, "taxa") * self.lmbda / inteiro(n, "n")


class L1(Regularizacao):
    r"""$\frac{\lambda}{n}\sum |w|$, com gradiente $\frac{\lambda}{n}\operatorname{sinal}(w)$ e $\operatorname{sinal}(0) = 0$."""

    def _fator(self, n):
        return self.lmbda / n

    def _soma(self, w):
        return float(np.sum(np.abs(w)))

    def _gradiente(self, w, n):
        return (self.lmbda / n) * np.sign(w)


def reescalar_lambda(lmbda: float, n: int, novo_n: int) -> float:
    r"""O $\lambda$ que mantém $\lambda/n$ ao trocar $n$ por `novo_n`: $\lambda\,\text{novo\_n}/n$ (5,0 com 50 000 → 0,1 com 1 000)."""
    return real(lmbda, "lmbda", minimo=0.0) * inteiro(novo_n, "novo_n") / inteiro(n, "n")
