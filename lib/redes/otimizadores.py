r"""Otimizadores: como cada parâmetro $w$ anda, dado o gradiente $g = \partial C/\partial w$ do minilote.

| otimizador | atualização (no lugar) |
|---|---|
| `SGD` | $w \leftarrow w - \eta g$ |
| `Momentum` | $v \leftarrow \mu v - \eta g$; $\ w \leftarrow w + v$ |
| `Nesterov` | $v \leftarrow \mu v - \eta g$; $\ w \leftarrow w + \mu v - \eta g$ |
| `AdaGrad` | $G \leftarrow G + g^2$; $\ w \leftarrow w - \eta\, g / (\sqrt{G} + \varepsilon)$ |
| `RMSProp` | $s \leftarrow \rho s + (1 - \rho) g^2$; $\ w \leftarrow w - \eta\, g / (\sqrt{s} + \varepsilon)$ |
| `Adam` | $m \leftarrow \beta_1 m + (1 - \beta_1) g$; $\ v \leftarrow \beta_2 v + (1 - \beta_2) g^2$; $\ w \leftarrow w - \eta\,\hat m / (\sqrt{\hat v} + \varepsilon)$ |

com $\hat m = m / (1 - \beta_1^t)$ e $\hat v = v / (1 - \beta_2^t)$ no passo $t$ (a
correção do começo, quando $m$ e $v$ ainda estão perto de 0). As contas são
elemento a elemento; $\mu = 0$ no momentum dá o SGD puro.

A taxa $\eta$ pode ser um número ou uma agenda (`redes.agendas`); o treino
avisa a época com `otimizador.definir_epoca(t)`. `passo(parametros, gradientes)`
recebe duas listas alinhadas de arrays e muda os parâmetros no lugar.
"""
from __future__ import annotations

import math

import numpy as np

from ._lotes import inteiro, real
from .agendas import como_agenda


class Otimizador:
    """Base: guarda a agenda da taxa, o número de passos e o estado de cada parâmetro (velocidades, médias)."""

    def __init__(self, taxa):
        self.agenda = como_agenda(taxa)
        self.passos = 0
        self._estado: dict[tuple[int, str], np.ndarray] = {}
        self.definir_epoca(0)

    @property
    def taxa(self) -> float:
        """A taxa de aprendizado em uso (a da época atual)."""
        return self._taxa

    def definir_epoca(self, t: int) -> None:
        """Passa a usar a taxa da época `t` (contada a partir de 0)."""
        self.epoca_atual = inteiro(t, "época", minimo=0)
        self._taxa = self.agenda(self.epoca_atual)

    def reiniciar(self) -> None:
        """Esquece velocidades e médias (e a contagem de passos)."""
        self._estado.clear()
        self.passos = 0

    def passo(self, parametros, gradientes) -> None:
        """Atualiza no lugar cada array de `parametros` com o gradiente correspondente."""
        parametros, gradientes = list(parametros), list(gradientes)
        if len(parametros) != len(gradientes):
            raise ValueError(f"esperava um gradiente por parâmetro: recebi {len(parametros)} parâmetros e {len(gradientes)} gradientes")
        for i, (p, g) in enumerate(zip(parametros, gradientes)):
            if not isinstance(p, np.ndarray) or p.dtype.kind != "f":
                raise TypeError(f"esperava o parâmetro {i} como array de floats (é atualizado no lugar), recebi {type(p).__name__}")
            if np.shape(g) != p.shape:
                raise ValueError(f"esperava o gradiente {i} com forma {p.shape}, recebi {np.shape(g)}")
            if not np.isfinite(g).all():
                raise ValueError(f"o gradiente {i} contém NaN ou infinito")
        self._passo(parametros, [np.asarray(g, dtype=p.dtype) for p, g in zip(parametros, gradientes)])

    def _passo(self, parametros, gradientes) -> None:
        self.passos += 1
        for i, (p, g) in enumerate(zip(parametros, gradientes)):
            self._atualizar(i, p, g, self._taxa)

    def _buffer(self, i: int, nome: str, p: np.ndarray) -> np.ndarray:
        """Estado `nome` do parâmetro `i` (começa em zero)."""
        chave = (i, nome)
        atual = self._estado.get(chave)
        if atual is None or atual.shape != p.shape or atual.dtype != p.dtype:
            atual = self._estado[chave] = np.zeros_like(p)
        return atual

    def _atualizar(self, i, p, g, taxa) -> None:
        raise NotImplementedError

    def __repr__(self) -> str:
        return f"{type(self).__name__}(taxa={self.agenda!r})"


class SGD(Otimizador):
    r"""Descida do gradiente estocástica: $w \leftarrow w - \eta\, g$."""

    def _atualizar(self, i, p, g, taxa):
        p -= taxa * g


class Momentum(Otimizador):
    r"""Momentum: a velocidade $v$ acumula os gradientes, $v \leftarrow \mu v - \eta g$, e $w \leftarrow w + v$.

    $\mu$ (entre 0 e 1) é o quanto da velocidade sobra a cada passo; $1 - \mu$ faz o papel do atrito.
    """

    def __init__(self, taxa, mu: float = 0.9):
        super().__init__(taxa)
        self.mu = real(mu, "mu", minimo=0.0, abaixo_de=1.0)

    def _atualizar(self, i, p, g, taxa):
        v = self._buffer(i, "v", p)
        v *= self.mu
        v -= taxa * g
        p += v


class Nesterov(Momentum):
    r"""Momentum de Nesterov: o gradiente "olha adiante", no ponto para onde a velocidade já leva.

    Na forma de Sutskever et al. (2013), $v \leftarrow \mu v - \eta\,\nabla C(w + \mu v)$ e
    $w \leftarrow w + v$. Trocando de variável ($w$ passa a guardar o ponto
    adiante), fica só com o gradiente no ponto atual, como os outros:
    $v \leftarrow \mu v - \eta g$, $\ w \leftarrow w + \mu v - \eta g$.
    """

    def _atualizar(self, i, p, g, taxa):
        v = self._buffer(i, "v", p)
        v *= self.mu
        v -= taxa * g
        p += self.mu * v
        p -= taxa * g


class AdaGrad(Otimizador):
    r"""AdaGrad: cada peso tem a própria taxa, $\eta/(\sqrt{G} + \varepsilon)$, com $G$ a soma dos $g^2$ já vistos."""

    def __init__(self, taxa, eps: float = 1e-8):
        super().__init__(taxa)
        self.eps = real(eps, "eps", acima_de=0.0)

    def _atualizar(self, i, p, g, taxa):
        G = self._buffer(i, "G", p)
        G += g * g
        p -= taxa * g / (np.sqrt(G) + self.eps)


class RMSProp(Otimizador):
    r"""RMSProp: como o AdaGrad, mas com uma média móvel de $g^2$, $s \leftarrow \rho s + (1 - \rho) g^2$, que esquece o passado."""

    def __init__(self, taxa, rho: float = 0.9, eps: float = 1e-8):
        super().__init__(taxa)
        self.rho = real(rho, "rho", minimo=0.0, abaixo_de=1.0)
        self.eps = real(eps, "eps", acima_de=0.0)

    def _atualizar(self, i, p, g, taxa):
        s = self._buffer(i, "s", p)
        s *= self.rho
        s += (1.0 - self.rho) * (g * g)
        p -= taxa * g / (np.sqrt(s) + self.eps)


class Adam(Otimizador):
    r"""Adam (Kingma e Ba, 2015): momentum ($m$, média de $g$) mais RMSProp ($v$, média de $g^2$), com correção do começo.

    $$w \leftarrow w - \eta\,\frac{\hat m}{\sqrt{\hat v} + \varepsilon}, \qquad
      \hat m = \frac{m}{1 - \beta_1^t}, \quad \hat v = \frac{v}{1 - \beta_2^t}.$$

    A conta é feita como $w \leftarrow w - \eta\,\frac{\sqrt{1-\beta_2^t}}{1-\beta_1^t}\cdot
    \frac{m}{\sqrt{v} + \varepsilon\sqrt{1-\beta_2^t}}$, que é a mesma expressão
    com os fatores de correção postos em evidência (menos contas por elemento).
    """

    def __init__(self, taxa=1e-3, beta1: float = 0.9, beta2: float = 0.999, eps: float = 1e-8):
        super().__init__(taxa)
        self.beta1 = real(beta1, "beta1", minimo=0.0, abaixo_de=1.0)
        self.beta2 = real(beta2, "beta2", minimo=0.0, abaixo_de=1.0)
        self.eps = real(eps, "eps", acima_de=0.0)

    def _atualizar(self, i, p, g, taxa):
        m, v = self._buffer(i, "m", p), self._buffer(i, "v", p)
        m *= self.beta1
        m += (1.0 - self.beta1) * g
        v *= self.beta2
        v += (1.0 - self.beta2) * (g * g)
        t = self.passos
        correcao2 = math.sqrt(1.0 - self.beta2 ** t)
        passo = taxa * correcao2 / (1.0 - self.beta1 ** t)
        p -= passo * m / (np.sqrt(v) + self.eps * correcao2)


#: Otimizadores pelo nome.
OTIMIZADORES = {"sgd": SGD, "momentum": Momentum, "nesterov": Nesterov,
                "adagrad": AdaGrad, "rmsprop": RMSProp, "adam": Adam}
