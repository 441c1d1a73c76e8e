r"""Mais funções de ativação: ELU, softplus, softsign, as versões "duras", cubo, tanh racional, RReLU, GELU e SiLU.

Seguem as mesmas regras de `redes.ativacoes` (que as registra em
`ATIVACOES`): recebem o potencial $z$, devolvem um array da mesma forma e
trazem a derivada em `g.derivada` e a retropropagação em `g.retropropagar`.
Onde há um bico (as versões duras, em $|z| = 1$ ou nas pontas da rampa),
a derivada no bico vale 0.

    >>> from redes import ativacoes
    >>> round(float(ativacoes.softplus(0.0)), 6)   # ln 2
    0.693147
"""
from __future__ import annotations

import numpy as np

from ._validacao import como_escalar
from .ativacoes import ATIVACOES, _elemento_a_elemento, _z, sigmoide


def elu(z, alfa: float = 1.0):
    r"""ELU (unidade linear exponencial): $g(z) = z$ se $z > 0$, senão $\alpha\,(e^{z} - 1)$.

    Do lado negativo a curva desce suavemente até $-\alpha$, em vez de ficar
    em 0 como a ReLU; isso aproxima a média das saídas de zero.
    """
    z = _z(z)
    negativo = np.minimum(z, 0.0)  # expm1 só do lado negativo: nunca transborda
    return np.where(z > 0, z, como_escalar(alfa, "alfa") * np.expm1(negativo))


def derivada_elu(z, alfa: float = 1.0):
    r"""Derivada da ELU: $g'(z) = 1$ se $z > 0$, senão $\alpha e^{z}$."""
    z = _z(z)
    return np.where(z > 0, 1.0, como_escalar(alfa, "alfa") * np.exp(np.minimum(z, 0.0))).astype(z.dtype)


def softplus(z):
    r"""Softplus: $g(z) = \ln(1 + e^{z})$, uma versão suave da ReLU.

    Estável: $\ln(1 + e^{z}) = \max(z, 0) + \ln(1 + e^{-|z|})$, e o segundo
    termo nunca transborda.
    """
    z = _z(z)
    return np.maximum(z, 0.0) + np.log1p(np.exp(-np.abs(z)))


def derivada_softplus(z):
    r"""Derivada da softplus: $g'(z) = \dfrac{e^{z}}{1 + e^{z}} = \sigma(z)$, a sigmoide."""
    return sigmoide(z)


def softsign(z):
    r"""Softsign: $g(z) = \dfrac{z}{1 + |z|}$, entre $-1$ e $1$ como a tanh, mas chega lá devagar (como $1/z$)."""
    z = _z(z)
    return z / (1.0 + np.abs(z))


def derivada_softsign(z):
    r"""Derivada da softsign: $g'(z) = \dfrac{1}{(1 + |z|)^2}$."""
    z = _z(z)
    d = 1.0 + np.abs(z)
    return 1.0 / (d * d)


def hard_sigmoide(z, inclinacao: float = 0.2):
    r"""Sigmoide dura: a reta $0{,}2\,z + 0{,}5$ cortada em 0 e em 1.

    Troca a exponencial por uma rampa, mais barata; a rampa vai de $z = -2{,}5$
    a $z = 2{,}5$. (O Keras usa inclinação 0,2; o PyTorch usa $1/6$: passe
    `inclinacao=1/6`.)
    """
    z = _z(z)
    return np.clip(como_escalar(inclinacao, "inclinacao") * z + 0.5, 0.0, 1.0)


def derivada_hard_sigmoide(z, inclinacao: float = 0.2):
    r"""Derivada da sigmoide dura: a inclinação dentro da rampa ($0 < 0{,}2z + 0{,}5 < 1$), 0 fora dela."""
    z = _z(z)
    k = como_escalar(inclinacao, "inclinacao")
    u = k * z + 0.5
    return np.where((u > 0) & (u < 1), k, 0.0).astype(z.dtype)


def hard_tanh(z):
    r"""Tangente hiperbólica dura: $g(z) = \max(-1, \min(1, z))$."""
    return np.clip(_z(z), -1.0, 1.0)


def derivada_hard_tanh(z):
    r"""Derivada da tanh dura: 1 para $|z| < 1$, 0 fora."""
    z = _z(z)
    return (np.abs(z) < 1).astype(z.dtype)


def cubo(z):
    r"""Cubo: $g(z) = z^3$ (usada em alguns analisadores sintáticos neurais; cresce muito rápido)."""
    z = _z(z)
    return z * z * z


def derivada_cubo(z):
    r"""Derivada do cubo: $g'(z) = 3z^2$."""
    z = _z(z)
    return 3.0 * z * z


#: Constantes da tanh racional: $1{,}7159\,\tanh(2z/3)$ é a "tanh escalada" de LeCun.
_A, _B, _C4 = 1.7159, 2.0 / 3.0, 1.41645


def tanh_racional(z):
    r"""Tanh racional: $g(z) = 1{,}7159 \cdot t(2z/3)$, com a tanh trocada por uma fração.

    $$t(y) = \operatorname{sinal}(y)\Big(1 - \frac{1}{1 + |y| + y^2 + 1{,}41645\,y^4}\Big) \approx \tanh(y).$$

    Só somas, produtos e uma divisão, sem exponencial. A escala
    $1{,}7159\tanh(2z/3)$ (LeCun, 1998) faz $g(\pm 1) \approx \pm 1$.
    """
    z = _z(z)
    y = _B * z
    u = np.abs(y)
    d = 1.0 + u + u * u + _C4 * u ** 4
    return _A * np.sign(y) * (1.0 - 1.0 / d)


def derivada_tanh_racional(z):
    r"""Derivada da tanh racional: $g'(z) = 1{,}7159 \cdot \tfrac{2}{3} \cdot \dfrac{1 + 2u + 4 \cdot 1{,}41645\,u^3}{d^2}$, com $u = |2z/3|$."""
    z = _z(z)
    u = np.abs(_B * z)
    d = 1.0 + u + u * u + _C4 * u ** 4
    return _A * _B * (1.0 + 2.0 * u + 4.0 * _C4 * u ** 3) / (d * d)


def rrelu(z, inferior: float = 1 / 8, superior: float = 1 / 3):
    r"""RReLU (leaky ReLU aleatória) no modo de avaliação: $g(z) = z$ se $z > 0$, senão $\bar a z$.

    No treino, cada elemento negativo recebe uma inclinação sorteada
    $a \sim U(\text{inferior}, \text{superior})$ (padrões $1/8$ e $1/3$, de Xu
    et al., 2015); fora do treino usa-se a média $\bar a = (\text{inferior} +
    \text{superior})/2$. Esta função é a versão de avaliação; o sorteio fica na
    camada `redes.camadas.RReLU`, que guarda as inclinações para a retropropagação.
    """
    z = _z(z)
    return np.where(z > 0, z, _inclinacao_media(inferior, superior) * z)


def derivada_rrelu(z, inferior: float = 1 / 8, superior: float = 1 / 3):
    r"""Derivada da RReLU de avaliação: 1 se $z > 0$, senão $\bar a = (\text{inferior} + \text{superior})/2$."""
    z = _z(z)
    return np.where(z > 0, 1.0, _inclinacao_media(inferior, superior)).astype(z.dtype)


def _inclinacao_media(inferior, superior) -> float:
    inferior, superior = como_escalar(inferior, "inferior"), como_escalar(superior, "superior")
    if not 0 <= inferior <= superior:
        raise ValueError(f"esperava 0 <= inferior <= superior na RReLU, recebi inferior={inferior}, superior={superior}")
    return (inferior + superior) / 2


#: $\sqrt{2/\pi}$, da aproximação da GELU.
_RAIZ_2_PI = float(np.sqrt(2.0 / np.pi))


def gelu(z):
    r"""GELU: $g(z) = z\,\Phi(z)$, em que $\Phi$ é a distribuição acumulada da normal padrão.

    Usamos a aproximação de Hendrycks e Gimpel (2016), a mesma do GPT-2:
    $g(z) \approx \tfrac12 z\big(1 + \tanh(u)\big)$, com
    $u = \sqrt{2/\pi}\,(z + 0{,}044715\,z^3)$; ela difere da exata em menos de $10^{-3}$.
    É a ativação padrão dos transformers.
    """
    z = _z(z)
    return 0.5 * z * (1.0 + np.tanh(_RAIZ_2_PI * (z + 0.044715 * z * z * z)))


def derivada_gelu(z):
    r"""Derivada da GELU aproximada: $\tfrac12(1 + \tanh u) + \tfrac12 z\,(1 - \tanh^2 u)\,\sqrt{2/\pi}\,(1 + 3 \cdot 0{,}044715\,z^2)$."""
    z = _z(z)
    t = np.tanh(_RAIZ_2_PI * (z + 0.044715 * z * z * z))
    return 0.5 * (1.0 + t) + 0.5 * z * (1.0 - t * t) * _RAIZ_2_PI * (1.0 + 3 * 0.044715 * z * z)


def silu(z):
    r"""SiLU (ou *swish*): $g(z) = z\,\sigma(z)$."""
    z = _z(z)
    return z * sigmoide(z)


def derivada_silu(z):
    r"""Derivada da SiLU: $g'(z) = \sigma(z)\,\big(1 + z\,(1 - \sigma(z))\big)$."""
    z = _z(z)
    s = sigmoide(z)
    return s * (1.0 + z * (1.0 - s))


_elemento_a_elemento(elu, derivada_elu)
_elemento_a_elemento(softplus, derivada_softplus)
_elemento_a_elemento(softsign, derivada_softsign)
_elemento_a_elemento(hard_sigmoide, derivada_hard_sigmoide)
_elemento_a_elemento(hard_tanh, derivada_hard_tanh)
_elemento_a_elemento(cubo, derivada_cubo)
_elemento_a_elemento(tanh_racional, derivada_tanh_racional)
_elemento_a_elemento(rrelu, derivada_rrelu)
_elemento_a_elemento(gelu, derivada_gelu)
_elemento_a_elemento(silu, derivada_silu)

#: As ativações deste módulo, pelo nome (entram em `ativacoes.ATIVACOES`).
EXTRAS = {
    "elu": elu,
    "softplus": softplus,
    "softsign": softsign,
    "hard_sigmoide": hard_sigmoide,
    "hard_tanh": hard_tanh,
    "cubo": cubo,
    "tanh_racional": tanh_racional,
    "rrelu": rrelu,
    "gelu": gelu,
    "silu": silu,
}
ATIVACOES.update(EXTRAS)
