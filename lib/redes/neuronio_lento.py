r"""O neurônio que aprende devagar: um neurônio sigmoide, uma entrada, um exemplo.

O experimento do capítulo 3 de Nielsen: a entrada é $x = 1$, o alvo é
$y = 0$, e o neurônio calcula $z = wx + b$ e $a = \sigma(z)$. A cada época
(aqui, um passo da descida do gradiente com o único exemplo, sem sorteio
nenhum) fazemos $w \leftarrow w - \eta\,\partial C/\partial w$ e
$b \leftarrow b - \eta\,\partial C/\partial b$, com um de dois custos:

| `custo` | $C$ | $\partial C/\partial w$ | $\partial C/\partial b$ |
|---|---|---|---|
| `"quadratico"` | $\tfrac12 (a - y)^2$ | $(a - y)\,\sigma'(z)\,x$ | $(a - y)\,\sigma'(z)$ |
| `"entropia"` | $-[y \ln a + (1 - y)\ln(1 - a)]$ | $(a - y)\,x$ | $a - y$ |

Com o custo quadrático o fator $\sigma'(z) = a(1 - a)$ fica minúsculo quando o
neurônio satura ($a$ perto de 0 ou de 1) e o aprendizado quase para, mesmo
com o neurônio muito errado. Na entropia cruzada esse fator se cancela.

Os custos e as derivadas vêm de `redes.custos` (`ErroQuadratico` e
`SigmoideEntropiaCruzada`, esta última calculada a partir de $z$, sem
$\ln 0$) e de `redes.ativacoes.sigmoide`.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import ativacoes, custos
from ._validacao import como_array, como_escalar, como_inteiro, escolher

#: Os dois custos do experimento, pelo nome.
CUSTOS = ("quadratico", "entropia")

#: Limite de épocas (o experimento usa 300; o widget vai até 500).
MAX_EPOCAS = 100_000


@dataclass(frozen=True)
class Trajetoria:
    """O que aconteceu em cada época. Cada array tem `epocas + 1` valores: o índice $t$ é o
    estado depois de $t$ épocas (o índice 0 é o começo).

    `gradiente_w[t]` é $\\partial C/\\partial w$ calculado nesse estado (com $x = 1$,
    igual a $\\partial C/\\partial b$); o último nunca chega a ser aplicado.
    """

    custo_nome: str
    taxa: float
    w: np.ndarray
    b: np.ndarray
    a: np.ndarray
    custo: np.ndarray
    gradiente_w: np.ndarray

    @property
    def epocas(self) -> int:
        """Quantas épocas foram treinadas."""
        return len(self.a) - 1

    def __repr__(self) -> str:
        return (f"Trajetoria({self.custo_nome}, η = {self.taxa:g}, {self.epocas} épocas: "
                f"a vai de {self.a[0]:.4f} a {self.a[-1]:.4f})")


def _nome_do_custo(custo: str) -> str:
    return escolher(custo, "custo", CUSTOS)


def gradiente_w(a, custo: str, x: float = 1.0, y: float = 0.0) -> np.ndarray:
    r"""$\partial C/\partial w$ de um neurônio sigmoide em função da saída $a$ (um número ou um array).

    - `"quadratico"`: $(a - y)\,a(1 - a)\,x$, pois $\sigma'(z) = a(1 - a)$;
    - `"entropia"`: $(a - y)\,x$.

    Com $x = 1$ e $y = 0$: $a^2(1 - a)$ contra $a$. Em $a = \sigma(4) \approx 0{,}982$
    (o começo $w = b = 2$) isso dá cerca de $0{,}0173$ contra $0{,}982$.
    """
    nome = _nome_do_custo(custo)
    a = como_array(a, "a")
    if np.any((a < 0) | (a > 1)):
        raise ValueError(f"esperava saídas `a` de uma sigmoide, entre 0 e 1; recebi valores de "
                         f"{float(a.min()):g} a {float(a.max()):g}")
    x = como_escalar(x, "x")
    y = como_escalar(y, "y")
    fator = a * (1.0 - a) if nome == "quadratico" else 1.0
    return (a - y) * fator * x


def treinar_neuronio(w0: float, b0: float, taxa: float, epocas: int, custo: str = "quadratico",
                     x: float = 1.0, y: float = 0.0) -> Trajetoria:
    r"""Treina o neurônio sigmoide de uma entrada por `epocas` passos e devolve a `Trajetoria`.

    Cada época é um passo da descida do gradiente com o único exemplo $(x, y)$:

    $$w \leftarrow w - \eta\,\frac{\partial C}{\partial w}, \qquad b \leftarrow b - \eta\,\frac{\partial C}{\partial b},$$

    com $C$ quadrático ($\tfrac12(a - y)^2$) ou entropia cruzada. É determinístico:
    `treinar_neuronio(0.6, 0.9, 0.15, 300, "quadratico").a[-1]` dá cerca de 0,094.
    """
    nome = _nome_do_custo(custo)
    w = como_escalar(w0, "w0")
    b = como_escalar(b0, "b0")
    taxa = como_escalar(taxa, "taxa")
    if taxa <= 0:
        raise ValueError(f"esperava uma taxa de aprendizado positiva em `taxa`, recebi {taxa:g}")
    epocas = como_inteiro(epocas, "epocas", 0, MAX_EPOCAS)
    x = como_escalar(x, "x")
    y = como_escalar(y, "y")
    if not 0.0 <= y <= 1.0:
        raise ValueError(f"esperava um alvo `y` entre 0 e 1 (a saída de uma sigmoide), recebi {y:g}")

    alvo = np.array([[y]])
    quadratico = custos.ErroQuadratico()
    entropia = custos.SigmoideEntropiaCruzada()
    ws, bs, saidas, valores, gradientes = (np.empty(epocas + 1) for _ in range(5))
    for t in range(epocas + 1):
        z = np.array([[w * x + b]])
        a = ativacoes.sigmoide(z)
        if nome == "quadratico":
            valor = quadratico.valor(a, alvo)
            dC_dz = float(quadratico.gradiente(a, alvo)[0, 0] * ativacoes.sigmoide.derivada(z)[0, 0])
        else:
            valor = entropia.valor(z, alvo)               # a partir de z: sem ln 0 quando a satura
            dC_dz = float(entropia.gradiente(z, alvo)[0, 0])
        ws[t], bs[t], saidas[t], valores[t], gradientes[t] = w, b, float(a[0, 0]), valor, dC_dz * x
        if t < epocas:
            w -= taxa * dC_dz * x
            b -= taxa * dC_dz
    return Trajetoria(nome, taxa, ws, bs, saidas, valores, gradientes)
