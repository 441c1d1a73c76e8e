r"""Agendas da taxa de aprendizado: $\eta$ em função da época $t$ (contada a partir de 0).

| agenda | $\eta_t$ |
|---|---|
| `Constante(η)` | $\eta$ |
| `Degraus(η, fator, a_cada)` | $\eta \cdot \text{fator}^{\lfloor t / \text{a\_cada}\rfloor}$ |
| `Exponencial(η, gama)` | $\eta \cdot \gamma^{t}$ |
| `Cosseno(η, epocas, minima)` | $\eta_{\min} + \tfrac12(\eta - \eta_{\min})\big(1 + \cos(\pi t / T)\big)$, e $\eta_{\min}$ depois de $T$ |

Uma agenda é chamável: `agenda(t)` devolve a taxa da época `t`. Passe-a no
lugar do número, como em `SGD(taxa=Degraus(0.5, fator=0.1, a_cada=20))`.
"""
from __future__ import annotations

import math

from ._lotes import inteiro, real


class Agenda:
    """Base: `agenda(t)` devolve a taxa de aprendizado daquela época."""

    def __call__(self, t: int) -> float:
        return self.taxa_na(inteiro(t, "época", minimo=0))

    def taxa_na(self, t: int) -> float:
        raise NotImplementedError

    def __repr__(self) -> str:
        campos = ", ".join(f"{k}={v:g}" if isinstance(v, float) else f"{k}={v}" for k, v in vars(self).items())
        return f"{type(self).__name__}({campos})"


class Constante(Agenda):
    r"""$\eta_t = \eta$ em todas as épocas."""

    def __init__(self, taxa: float):
        self.taxa = real(taxa, "taxa", acima_de=0.0)

    def taxa_na(self, t):
        return self.taxa


class Degraus(Agenda):
    r"""$\eta_t = \eta \cdot \text{fator}^{\lfloor t/\text{a\_cada}\rfloor}$: multiplica por `fator` a cada `a_cada` épocas."""

    def __init__(self, taxa: float, fator: float = 0.1, a_cada: int = 10):
        self.taxa = real(taxa, "taxa", acima_de=0.0)
        self.fator = real(fator, "fator", acima_de=0.0)
        self.a_cada = inteiro(a_cada, "a_cada")

    def taxa_na(self, t):
        return self.taxa * self.fator ** (t // self.a_cada)


class Exponencial(Agenda):
    r"""$\eta_t = \eta\,\gamma^{t}$: encolhe um pouco a cada época."""

    def __init__(self, taxa: float, gama: float = 0.95):
        self.taxa = real(taxa, "taxa", acima_de=0.0)
        self.gama = real(gama, "gama", acima_de=0.0)

    def taxa_na(self, t):
        return self.taxa * self.gama ** t


class Cosseno(Agenda):
    r"""Meia onda de cosseno de $\eta$ até $\eta_{\min}$ em `epocas` épocas (Loshchilov e Hutter, 2017, sem reinícios).

    $$\eta_t = \eta_{\min} + \tfrac12(\eta - \eta_{\min})\Big(1 + \cos\frac{\pi t}{T}\Big), \quad 0 \le t \le T.$$
    """

    def __init__(self, taxa: float, epocas: int, minima: float = 0.0):
        self.taxa = real(taxa, "taxa", acima_de=0.0)
        self.epocas = inteiro(epocas, "epocas")
        self.minima = real(minima, "minima", minimo=0.0, maximo=self.taxa)

    def taxa_na(self, t):
        t = min(t, self.epocas)
        return self.minima + 0.5 * (self.taxa - self.minima) * (1 + math.cos(math.pi * t / self.epocas))


def como_agenda(taxa) -> Agenda:
    """Um número vira `Constante(taxa)`; uma agenda passa direto."""
    return taxa if isinstance(taxa, Agenda) else Constante(taxa)
