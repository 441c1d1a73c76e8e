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

Na retropropagação, cada função também sabe levar o gradiente de trás para
frente: `g.retropropagar(z, grad)` recebe $\\partial C/\\partial a$ e devolve
$\\partial C/\\partial z$. Para as funções elemento a elemento isso é só
`grad * g.derivada(z)`; a softmax, em que cada saída depende de todas as
entradas, usa o jacobiano inteiro.

Arrays `float32` continuam `float32` (o treino usa esse tipo); o resto vira
`float64`. Este módulo traz as clássicas (identidade, degrau, sigmoide,
tanh, ReLU, leaky ReLU e softmax); as outras estão em
`redes.ativacoes_extras`, e todas ficam no dicionário `ATIVACOES`.
"""
from __future__ import annotations

from typing import Callable

import numpy as np

from ._validacao import como_array, como_escalar, escolher

_REAIS = (np.dtype(np.float32), np.dtype(np.float64))


def _z(z) -> np.ndarray:
    """`z` como array de floats; um array float32/float64 passa direto, sem cópia."""
    if isinstance(z, np.ndarray) and z.dtype in _REAIS:
        return z
    return como_array(z, "z", finito=False)


def _elemento_a_elemento(g: Callable, derivada: Callable) -> Callable:
    """Prende a derivada a `g` e define a retropropagação $\\partial C/\\partial z = \\partial C/\\partial a \\odot g'(z)$."""
    def retropropagar(z, grad, **parametros):
        return grad * derivada(z, **parametros)
    g.derivada = derivada
    g.retropropagar = retropropagar
    return g


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
    z = _z(z)
    return (z > 0).astype(z.dtype)


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
    s = 1.0 / (1.0 + e)
    return np.where(z >= 0, s, e * s)


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
    z = _z(z)
    return (z > 0).astype(z.dtype)


def leaky_relu(z, alfa: float = 0.01):
    r"""Leaky ReLU: $g(z) = z$ se $z > 0$, senão $\alpha z$ (com $\alpha = 0{,}01$ por padrão).

    A pequena inclinação $\alpha$ do lado negativo mantém um gradiente vivo
    onde a ReLU teria derivada 0 ("neurônios mortos").
    """
    z = _z(z)
    return np.where(z > 0, z, como_escalar(alfa, "alfa") * z)


def derivada_leaky_relu(z, alfa: float = 0.01):
    r"""Derivada da leaky ReLU: $g'(z) = 1$ se $z > 0$, senão $\alpha$."""
    z = _z(z)
    return np.where(z > 0, 1.0, como_escalar(alfa, "alfa")).astype(z.dtype)


def softmax(z):
    r"""Softmax ao longo do último eixo: $\mathrm{softmax}(\mathbf z)_i = \dfrac{e^{z_i}}{\sum_j e^{z_j}}$.

    Transforma cada linha de potenciais em probabilidades (positivas, somando 1).
    É estável: subtrair o maior $z$ da linha não muda o resultado (o fator
    $e^{-\max z}$ cancela no numerador e no denominador) e evita que $e^{z}$
    transborde, por exemplo em `softmax([1000, 1000])`, que dá `[0.5, 0.5]`.
    """
    z = _z(z)
    if z.ndim == 0:
        raise ValueError("a softmax precisa de um vetor (ou de um lote, um vetor por linha), recebi um número")
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def derivada_softmax(z):
    r"""Diagonal do jacobiano da softmax: $\partial s_i/\partial z_i = s_i(1 - s_i)$.

    Atenção: cada saída $s_i$ depende de *todas* as entradas
    ($\partial s_i/\partial z_j = -s_i s_j$ para $i \ne j$), então esta
    diagonal não basta para a retropropagação. Use `softmax.retropropagar`
    (ou o jacobiano completo, `softmax.jacobiano`).
    """
    s = softmax(z)
    return s * (1.0 - s)


def jacobiano_softmax(z):
    r"""Jacobiano da softmax: $J_{ij} = \partial s_i/\partial z_j = s_i(\delta_{ij} - s_j)$, forma `(..., k, k)`."""
    s = softmax(z)
    return s[..., :, None] * (np.eye(s.shape[-1], dtype=s.dtype) - s[..., None, :])


def retropropagar_softmax(z, grad):
    r"""Produto do gradiente pelo jacobiano, sem montar o jacobiano:

    $$\frac{\partial C}{\partial z_j} = \sum_i \frac{\partial C}{\partial s_i} s_i(\delta_{ij} - s_j)
      = s_j\Big(\frac{\partial C}{\partial s_j} - \sum_i \frac{\partial C}{\partial s_i} s_i\Big).$$

    Custa $O(k)$ por exemplo, em vez dos $O(k^2)$ do jacobiano.
    """
    s = softmax(z)
    return s * (grad - np.sum(grad * s, axis=-1, keepdims=True))


_elemento_a_elemento(identidade, derivada_identidade)
_elemento_a_elemento(degrau, derivada_degrau)
_elemento_a_elemento(sigmoide, derivada_sigmoide)
_elemento_a_elemento(tanh, derivada_tanh)
_elemento_a_elemento(relu, derivada_relu)
_elemento_a_elemento(leaky_relu, derivada_leaky_relu)
softmax.derivada = derivada_softmax
softmax.jacobiano = jacobiano_softmax
softmax.retropropagar = retropropagar_softmax

# Atalho das camadas: algumas derivadas saem da própria saída $a = g(z)$, sem
# recalcular $g$. Por exemplo $\sigma'(z) = a(1 - a)$ e $\tanh'(z) = 1 - a^2$.
def _pela_saida_sigmoide(a, grad):
    return grad * a * (1.0 - a)


def _pela_saida_tanh(a, grad):
    return grad * (1.0 - a * a)


def _pela_saida_relu(a, grad):
    return grad * (a > 0)


def _pela_saida_softmax(s, grad):
    return s * (grad - np.sum(grad * s, axis=-1, keepdims=True))


sigmoide.retropropagar_pela_saida = _pela_saida_sigmoide
tanh.retropropagar_pela_saida = _pela_saida_tanh
relu.retropropagar_pela_saida = _pela_saida_relu
softmax.retropropagar_pela_saida = _pela_saida_softmax

#: Ativações disponíveis pelo nome (as de `ativacoes_extras` entram quando `redes` é importado).
ATIVACOES: dict[str, Callable] = {
    "identidade": identidade,
    "degrau": degrau,
    "sigmoide": sigmoide,
    "tanh": tanh,
    "relu": relu,
    "leaky_relu": leaky_relu,
    "softmax": softmax,
}


def obter(ativacao: str | Callable) -> Callable:
    """Devolve a função de ativação pedida pelo nome (ou a própria função, se já for uma)."""
    if callable(ativacao):
        return ativacao
    return ATIVACOES[escolher(ativacao, "ativacao", ATIVACOES)]


def nome_de(g: Callable) -> str | None:
    """O nome com que `g` está registrada em `ATIVACOES` (None se não estiver)."""
    return next((nome for nome, f in ATIVACOES.items() if f is g), None)


# As extras (ELU, softplus, ...) vivem em `ativacoes_extras`, que se registra em
# `ATIVACOES` ao ser importado; `import redes` já faz isso.


def __getattr__(nome: str):
    """`ativacoes.elu`, `ativacoes.softplus`...: as extras também se acessam por aqui."""
    if nome in ATIVACOES:
        return ATIVACOES[nome]
    raise AttributeError(f"o módulo redes.ativacoes não tem {nome!r}")
