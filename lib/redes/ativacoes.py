"""Funções de ativação e suas derivadas.

Cada função recebe o potencial de ativação `z` (um número ou um array de
qualquer forma) e devolve um array da mesma forma. A derivada de cada uma
fica presa à própria função, no atributo `derivada`:

    >>> from redes import ativacoes
    >>> ativacoes.sigmoide(0.0)
    array(0.5)
    >>> ativacoes.sigmoide.derivada(0.0)
    array(0.25)

Onde a função não é derivável (o degrau e a ReLU em z = 0) usamos a
convenção das bibliotecas de aprendizado de máquina: derivada 0 nesse ponto.
"""
from __future__ import annotations

from typing import Callable

import numpy as np

from ._validacao import como_array, escolher


def _z(z) -> np.ndarray:
    return como_array(z, "z", finito=False)


def identidade(z):
    r"""Identidade (ativação linear): $g(z) = z$."""
    return _z(z).copy()


def derivada_identidade(z):
    r"""Derivada da identidade: $g'(z) = 1$."""
    return np.ones_like(_z(z))


def degrau(z):
    r"""Degrau (Heaviside): $g(z) = 1$ se $z > 0$, senão $0$.

    É a ativação do perceptron: o neurônio "dispara" só quando a soma
    ponderada mais o viés passa de zero (em $z = 0$ a saída é 0).
    """
    return (_z(z) > 0).astype(float)


def derivada_degrau(z):
    r"""Derivada do degrau: $g'(z) = 0$ para todo $z \neq 0$ (e, por convenção, em 0).

    É por isso que o degrau não serve para a descida do gradiente: a
    derivada não diz em que direção mudar os pesos.
    """
    return np.zeros_like(_z(z))


def sigmoide(z):
    r"""Sigmoide (logística): $\sigma(z) = \dfrac{1}{1 + e^{-z}}$.

    Calculada de forma estável: com $e = e^{-|z|}$, que nunca transborda,
    $\sigma(z) = 1/(1+e)$ para $z \ge 0$ e $\sigma(z) = e/(1+e)$ para $z < 0$.
    """
    z = _z(z)
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def derivada_sigmoide(z):
    r"""Derivada da sigmoide: $\sigma'(z) = \sigma(z)\,(1 - \sigma(z))$, no máximo $1/4$ (em $z = 0$)."""
    s = sigmoide(z)
    return s * (1.0 - s)


def tanh(z):
    r"""Tangente hiperbólica: $\tanh(z) = \dfrac{e^{z} - e^{-z}}{e^{z} + e^{-z}} = 2\sigma(2z) - 1$."""
    return np.tanh(_z(z))


def derivada_tanh(z):
    r"""Derivada da tangente hiperbólica: $\tanh'(z) = 1 - \tanh^2(z)$."""
    t = np.tanh(_z(z))
    return 1.0 - t * t


def relu(z):
    r"""ReLU (unidade linear retificada): $g(z) = \max(0, z)$."""
    return np.maximum(_z(z), 0.0)


def derivada_relu(z):
    r"""Derivada da ReLU: $g'(z) = 1$ se $z > 0$, senão $0$."""
    return (_z(z) > 0).astype(float)


identidade.derivada = derivada_identidade
degrau.derivada = derivada_degrau
sigmoide.derivada = derivada_sigmoide
tanh.derivada = derivada_tanh
relu.derivada = derivada_relu

#: Ativações disponíveis pelo nome.
ATIVACOES: dict[str, Callable] = {
    "identidade": identidade,
    "degrau": degrau,
    "sigmoide": sigmoide,
    "tanh": tanh,
    "relu": relu,
}


def obter(ativacao: str | Callable) -> Callable:
    """Devolve a função de ativação pedida pelo nome (ou a própria função, se já for uma)."""
    if callable(ativacao):
        return ativacao
    return ATIVACOES[escolher(ativacao, "ativacao", ATIVACOES)]
