r"""Funções de custo: o valor sobre um lote e o gradiente em relação à saída da rede.

Convenção: **soma sobre as saídas, média sobre os exemplos do lote.** Com $m$
exemplos, saídas $a$ e alvos $y$ (matrizes $(m, k)$, um exemplo por linha):

| custo | $C$ | $\partial C/\partial a$ |
|---|---|---|
| `ErroQuadratico` | $\frac{1}{2m}\sum_x \lVert y - a\rVert^2$ | $(a - y)/m$ |
| `EntropiaCruzadaBinaria` | $-\frac1m\sum_x\sum_j [y_j\ln a_j + (1-y_j)\ln(1-a_j)]$ | $\frac{a - y}{m\,a(1-a)}$ |
| `EntropiaCruzadaCategorica` | $-\frac1m\sum_x\sum_j y_j \ln a_j$ | $-y/(m\,a)$ |

O quadrático mantém o fator $\tfrac12$ de Nielsen: ele é metade do erro
quadrático médio somado sobre as saídas, e em troca o gradiente fica sem o 2.

Duas versões **fundidas** recebem o potencial $z$ da última camada (sem
ativação) e aplicam a ativação por dentro. O gradiente fica simples e nunca
passa por $\ln 0$:

| custo | saída | $C$ | $\partial C/\partial z$ |
|---|---|---|---|
| `SoftmaxLogVerossimilhanca` | $a = \mathrm{softmax}(z)$ | $-\frac1m\sum_x \ln a_{y(x)}$ | $(a - y)/m$ |
| `SigmoideEntropiaCruzada` | $a = \sigma(z)$ | a entropia cruzada binária | $(a - y)/m$ |

Os logaritmos usam log-sum-exp, $\ln\sum_j e^{z_j} = z_{\max} + \ln\sum_j e^{z_j - z_{\max}}$,
e $\ln(1 + e^{z}) = \max(z, 0) + \ln(1 + e^{-|z|})$; as versões não fundidas
cortam $a$ em $[\varepsilon, 1 - \varepsilon]$ antes do logaritmo.

Os alvos `y` podem vir como matriz `(m, k)` ou, com $k > 1$ saídas, como
rótulos inteiros `(m,)` (viram one-hot). `custo.valor(a, y)` devolve um
float; `custo.gradiente(a, y)` um array do tipo de `a`.
"""
from __future__ import annotations

from typing import Callable

import numpy as np

from . import ativacoes
from ._lotes import alvos, lote
from ._validacao import escolher


def _eps(tipo) -> float:
    """Corte dos logaritmos: $10^{-7}$ em float32, $10^{-12}$ em float64."""
    return 1e-7 if np.dtype(tipo) == np.float32 else 1e-12


class Custo:
    """Base dos custos. `valor` e `gradiente` conferem as entradas; `_valor` e `_gradiente` não."""

    nome = "custo"
    #: Se a saída da rede é um potencial $z$ (custos fundidos) em vez de uma ativação.
    recebe_potencial = False
    #: Intervalo permitido para os alvos (None: qualquer valor real).
    faixa_alvos: tuple[float, float] | None = None
    #: Se a saída da rede `a` precisa ser uma probabilidade (entre 0 e 1).
    recebe_probabilidades = False

    def valor(self, a, y) -> float:
        """O custo médio sobre o lote."""
        a, y = self._conferir(a, y)
        return float(self._valor(a, y))

    def gradiente(self, a, y) -> np.ndarray:
        """$\\partial C/\\partial a$, da forma de `a` (já com o fator $1/m$ da média)."""
        a, y = self._conferir(a, y)
        return self._gradiente(a, y)

    __call__ = valor

    def saida(self, a) -> np.ndarray:
        """Probabilidades (ou previsões) a partir da saída da rede; nos custos fundidos, aplica a ativação."""
        return a

    def alvos(self, y, a) -> np.ndarray:
        """Os alvos `y` no formato `(m, k)` e no tipo de `a`, conferidos."""
        y = alvos(y, a.shape[0], a.shape[1], a.dtype)
        if self.faixa_alvos is not None:
            baixo, alto = self.faixa_alvos
            if y.size and (y.min() < baixo or y.max() > alto):
                raise ValueError(f"esperava alvos entre {baixo:g} e {alto:g} em `y` para {self.nome}, "
                                 f"recebi valores de {float(y.min()):g} a {float(y.max()):g}")
        return y

    def _conferir(self, a, y):
        a = lote(a, "a")
        if self.recebe_probabilidades and a.size and (a.min() < 0 or a.max() > 1):
            raise ValueError(f"esperava probabilidades entre 0 e 1 em `a`, recebi valores de "
                             f"{float(a.min()):g} a {float(a.max()):g}")
        return a, self.alvos(y, a)

    def _valor(self, a, y):
        raise NotImplementedError

    def _gradiente(self, a, y):
        raise NotImplementedError

    def __repr__(self) -> str:
        return f"{type(self).__name__}()"


class ErroQuadratico(Custo):
    r"""Custo quadrático de Nielsen: $C = \frac{1}{2m}\sum_x \lVert y(x) - a(x)\rVert^2$; $\partial C/\partial a = (a - y)/m$."""

    nome = "erro quadrático"

    def _valor(self, a, y):
        d = a - y
        return 0.5 * np.sum(d * d) / a.shape[0]

    def _gradiente(self, a, y):
        return (a - y) / a.shape[0]


class EntropiaCruzadaBinaria(Custo):
    r"""Entropia cruzada de saídas independentes entre 0 e 1 (sigmoides):

    $$C = -\frac1m\sum_x\sum_j \big[y_j \ln a_j + (1 - y_j)\ln(1 - a_j)\big], \qquad
      \frac{\partial C}{\partial a_j} = \frac{a_j - y_j}{m\,a_j(1 - a_j)}.$$

    Com uma sigmoide antes, o $a(1-a)$ cancela com $\sigma'(z)$ e sobra
    $(a - y)/m$: o aprendizado não fica lento quando a sigmoide satura. Para
    não depender desse cancelamento numérico, prefira `SigmoideEntropiaCruzada`.
    """

    nome = "entropia cruzada binária"
    faixa_alvos = (0.0, 1.0)
    recebe_probabilidades = True

    def _valor(self, a, y):
        eps = _eps(a.dtype)
        a = np.clip(a, eps, 1 - eps)
        return -np.sum(y * np.log(a) + (1 - y) * np.log1p(-a)) / a.shape[0]

    def _gradiente(self, a, y):
        eps = _eps(a.dtype)
        a = np.clip(a, eps, 1 - eps)
        return (a - y) / (a * (1 - a) * a.shape[0])


class EntropiaCruzadaCategorica(Custo):
    r"""Entropia cruzada entre a distribuição dos alvos e a prevista (saída de uma softmax):

    $$C = -\frac1m\sum_x\sum_j y_j \ln a_j, \qquad \frac{\partial C}{\partial a_j} = -\frac{y_j}{m\,a_j}.$$

    Com alvos one-hot, só o termo da classe certa conta: $C = -\frac1m\sum_x \ln a_{y(x)}$.
    """

    nome = "entropia cruzada categórica"
    faixa_alvos = (0.0, 1.0)
    recebe_probabilidades = True

    def _valor(self, a, y):
        return -np.sum(y * np.log(np.maximum(a, _eps(a.dtype)))) / a.shape[0]

    def _gradiente(self, a, y):
        return -y / (np.maximum(a, _eps(a.dtype)) * a.shape[0])


class SoftmaxLogVerossimilhanca(Custo):
    r"""Softmax e log-verossimilhança numa peça só; recebe os potenciais $z$ da última camada.

    $$a = \mathrm{softmax}(z), \qquad C = -\frac1m\sum_x\sum_j y_j \ln a_j, \qquad
      \frac{\partial C}{\partial z} = \frac{a - y}{m}.$$

    $\ln a_j = z_j - \ln\sum_i e^{z_i}$ é calculado com log-sum-exp, sem
    passar por $\ln 0$. `saida(z)` devolve as probabilidades.
    """

    nome = "softmax com log-verossimilhança"
    recebe_potencial = True
    faixa_alvos = (0.0, 1.0)

    def saida(self, a):
        return ativacoes.softmax(a)

    def alvos(self, y, a):
        y = super().alvos(y, a)
        somas = y.sum(axis=1)
        if not np.allclose(somas, 1.0, atol=1e-3):
            i = int(np.argmax(np.abs(somas - 1.0)))
            raise ValueError(f"cada linha de `y` precisa somar 1 (uma distribuição, como o one-hot); "
                             f"a linha {i} soma {float(somas[i]):g}")
        return y

    def _valor(self, z, y):
        deslocado = z - z.max(axis=1, keepdims=True)
        log_a = deslocado - np.log(np.sum(np.exp(deslocado), axis=1, keepdims=True))
        return -np.sum(y * log_a) / z.shape[0]

    def _gradiente(self, z, y):
        return (ativacoes.softmax(z) - y) / z.shape[0]


class SigmoideEntropiaCruzada(Custo):
    r"""Sigmoide e entropia cruzada binária numa peça só; recebe os potenciais $z$.

    $$C = \frac1m\sum_x\sum_j \big[\ln(1 + e^{z_j}) - y_j z_j\big], \qquad
      \frac{\partial C}{\partial z} = \frac{\sigma(z) - y}{m}.$$

    (É a entropia cruzada binária reescrita com $\ln\sigma(z) = -\ln(1 + e^{-z})$.)
    É o que o `network2.py` de Nielsen faz ao usar `delta = a - y`.
    """

    nome = "sigmoide com entropia cruzada"
    recebe_potencial = True
    faixa_alvos = (0.0, 1.0)

    def saida(self, a):
        return ativacoes.sigmoide(a)

    def _valor(self, z, y):
        return np.sum(np.maximum(z, 0) - z * y + np.log1p(np.exp(-np.abs(z)))) / z.shape[0]

    def _gradiente(self, z, y):
        return (ativacoes.sigmoide(z) - y) / z.shape[0]


#: Custos pelo nome.
CUSTOS: dict[str, Callable[[], Custo]] = {
    "quadratico": ErroQuadratico,
    "entropia_cruzada": EntropiaCruzadaBinaria,
    "entropia_cruzada_categorica": EntropiaCruzadaCategorica,
    "softmax_log_verossimilhanca": SoftmaxLogVerossimilhanca,
    "sigmoide_entropia_cruzada": SigmoideEntropiaCruzada,
}


def obter(custo: str | Custo) -> Custo:
    """Uma instância do custo pedido pelo nome (ou o próprio custo, se já for um)."""
    if isinstance(custo, Custo):
        return custo
    if isinstance(custo, type) and issubclass(custo, Custo):
        return custo()
    return CUSTOS[escolher(custo, "custo", CUSTOS)]()
