r"""Camadas: densa, de ativação, dropout e RReLU, com `forward` e `backward` sobre um lote.

Convenção do curso: um lote é uma matriz com um exemplo por linha. Cada camada
transforma a entrada $X$ (forma $(m, n)$) numa saída e, na volta, recebe
$G = \partial C/\partial(\text{saída})$ e devolve $\partial C/\partial X$,
guardando em `camada.gradientes` as derivadas de $C$ em relação aos seus
parâmetros (`camada.parametros`, dicionários com as mesmas chaves).

Camada densa, $Z = XW + \mathbf{b}$ (cada linha de $X$ vezes $W$, mais o viés):

$$\frac{\partial C}{\partial W} = X^\top G, \qquad
  \frac{\partial C}{\partial \mathbf b} = \sum_{\text{linhas}} G, \qquad
  \frac{\partial C}{\partial X} = G\,W^\top.$$

A soma sobre as linhas junta as contribuições dos $m$ exemplos; se o custo
é a média sobre o lote, o fator $1/m$ já veio dentro de $G$.

`forward(X, treino=False)`: `treino=True` liga o que só existe no treino
(o sorteio do dropout e da RReLU). Os métodos públicos conferem as entradas;
os internos (`_forward`, `_backward`) não, e são eles que o modelo usa por dentro.
"""
from __future__ import annotations

import numpy as np

from . import ativacoes
from . import inicializacao as _inicializacao
from ._lotes import gerador, inteiro, lote, mesma_forma, real, tipo_real


class Camada:
    """Base das camadas. Subclasses definem `_forward(X, treino)` e `_backward(G, precisa_entrada)`."""

    #: Nomes dos parâmetros que a regularização L1/L2 penaliza (os pesos, nunca os vieses).
    regularizaveis: tuple[str, ...] = ()

    def __init__(self, tipo="float32"):
        self.tipo = tipo_real(tipo)
        self.parametros: dict[str, np.ndarray] = {}
        self.gradientes: dict[str, np.ndarray] = {}
        self._saida_forma: tuple | None = None

    # ------------------------------------------------------------ interface pública
    def forward(self, X, treino: bool = False) -> np.ndarray:
        """Saída da camada para o lote `X` (forma `(m, n_entrada)`)."""
        X = lote(X, "X", self.n_entrada, self.tipo)
        saida = self._forward(X, bool(treino))
        self._saida_forma = saida.shape  # para conferir o gradiente que volta
        return saida

    def backward(self, G) -> np.ndarray:
        """Recebe $\\partial C/\\partial$(saída) e devolve $\\partial C/\\partial X$; guarda os gradientes dos parâmetros."""
        if self._saida_forma is None:
            raise RuntimeError("chame forward antes de backward: a camada ainda não viu nenhum lote")
        G = mesma_forma(G, self._saida_forma, "o gradiente da saída", self.tipo)
        return self._backward(G, True)

    @property
    def n_entrada(self) -> int | None:
        """Número de colunas que a entrada precisa ter (None: qualquer uma)."""
        return None

    def n_saida(self, n_entrada: int) -> int:
        """Número de colunas da saída para uma entrada de `n_entrada` colunas."""
        return n_entrada

    @property
    def n_parametros(self) -> int:
        return int(sum(p.size for p in self.parametros.values()))

    def como_tipo(self, tipo) -> "Camada":
        """Troca parâmetros e gradientes por cópias em float32 ou float64 e devolve a própria camada."""
        self.tipo = tipo_real(tipo)
        for dicionario in (self.parametros, self.gradientes):
            for nome, valor in dicionario.items():
                dicionario[nome] = valor.astype(self.tipo)
        return self

    def config(self) -> dict:
        """O que é preciso para recriar a camada (sem os parâmetros), em tipos que cabem num JSON."""
        return {"classe": type(self).__name__, "tipo": self.tipo.name}

    def descricao(self) -> str:
        return type(self).__name__

    def __repr__(self) -> str:
        return self.descricao()

    # ------------------------------------------------------------ a implementar
    def _forward(self, X: np.ndarray, treino: bool) -> np.ndarray:
        raise NotImplementedError

    def _backward(self, G: np.ndarray, precisa_entrada: bool) -> np.ndarray | None:
        raise NotImplementedError


class Densa(Camada):
    r"""Camada densa: $Z = XW + \mathbf b$, com $W$ de forma `(n_entrada, n_saida)`.

    Cada um dos `n_saida` neurônios recebe todas as `n_entrada` entradas; são
    `n_entrada * n_saida + n_saida` parâmetros. `inicializacao` é um nome de
    `redes.inicializacao` ("grande", "lecun", "glorot", "he", "zeros") ou uma
    função `f(n_entrada, n_saida, gerador) -> (W, b)`.
    """

    regularizaveis = ("W",)

    def __init__(self, n_entrada: int, n_saida: int, inicializacao="lecun", semente=0, tipo="float32"):
        super().__init__(tipo)
        self._n_entrada = inteiro(n_entrada, "n_entrada")
        self._n_saida = inteiro(n_saida, "n_saida")
        esquema = inicializacao if isinstance(inicializacao, str) else None
        W, b = _inicializacao.obter(inicializacao)(self._n_entrada, self._n_saida, gerador(semente))
        self.inicializacao = esquema.strip().lower() if esquema else "personalizada"
        self.semente = semente if isinstance(semente, int) else None
        W, b = np.asarray(W, dtype=self.tipo), np.asarray(b, dtype=self.tipo)
        if W.shape != (self._n_entrada, self._n_saida) or b.shape != (self._n_saida,):
            raise ValueError(f"a inicialização devolveu W {W.shape} e b {b.shape}; esperava "
                             f"({self._n_entrada}, {self._n_saida}) e ({self._n_saida},)")
        self.parametros = {"W": W, "b": b}
        self.gradientes = {"W": np.zeros_like(W), "b": np.zeros_like(b)}
        self._X = None

    W = property(lambda self: self.parametros["W"], doc="Pesos, forma `(n_entrada, n_saida)`.")
    b = property(lambda self: self.parametros["b"], doc="Vieses, forma `(n_saida,)`.")

    @property
    def n_entrada(self) -> int:
        return self._n_entrada

    def n_saida(self, n_entrada: int | None = None) -> int:
        return self._n_saida

    def _forward(self, X, treino):
        self._X = X
        Z = X @ self.parametros["W"]
        Z += self.parametros["b"]
        return Z

    def _backward(self, G, precisa_entrada):
        np.dot(self._X.T, G, out=self.gradientes["W"])        # X^T G
        np.sum(G, axis=0, out=self.gradientes["b"])             # soma sobre os exemplos
        return G @ self.parametros["W"].T if precisa_entrada else None

    def config(self) -> dict:
        return {**super().config(), "n_entrada": self._n_entrada, "n_saida": self._n_saida,
                "inicializacao": self.inicializacao, "semente": self.semente}

    def descricao(self) -> str:
        return f"Densa({self._n_entrada} → {self._n_saida}, {self.inicializacao})"


class Ativacao(Camada):
    r"""Aplica uma função de ativação a cada elemento: $A = g(Z)$; na volta, $\partial C/\partial Z = G \odot g'(Z)$.

    `funcao` é um nome de `redes.ativacoes.ATIVACOES` (ou a própria função);
    parâmetros extras vão para ela, como em `Ativacao("leaky_relu", alfa=0.1)`.
    Para a softmax a volta usa o jacobiano (veja `ativacoes.softmax.retropropagar`).
    """

    def __init__(self, funcao="sigmoide", tipo="float32", **parametros_da_funcao):
        super().__init__(tipo)
        self.funcao = ativacoes.obter(funcao)
        self.nome = ativacoes.nome_de(self.funcao) or getattr(self.funcao, "__name__", "personalizada")
        if self.nome == "rrelu":
            raise ValueError("a RReLU sorteia inclinações no treino: use a camada RReLU(...) em vez de Ativacao('rrelu')")
        if not hasattr(self.funcao, "retropropagar") and not hasattr(self.funcao, "derivada"):
            raise ValueError(f"a função {self.nome} não tem o atributo `derivada`: não dá para retropropagar")
        self.parametros_da_funcao = dict(parametros_da_funcao)
        self._Z = self._A = None

    def _forward(self, Z, treino):
        self._Z = Z
        self._A = self.funcao(Z, **self.parametros_da_funcao)
        return self._A

    def _backward(self, G, precisa_entrada):
        g = self.funcao
        if not self.parametros_da_funcao and hasattr(g, "retropropagar_pela_saida"):
            return g.retropropagar_pela_saida(self._A, G)
        if hasattr(g, "retropropagar"):
            return g.retropropagar(self._Z, G, **self.parametros_da_funcao)
        return G * g.derivada(self._Z, **self.parametros_da_funcao)

    def config(self) -> dict:
        if ativacoes.nome_de(self.funcao) is None:
            raise ValueError(f"a ativação {self.nome!r} não está em ativacoes.ATIVACOES: não dá para salvar pelo nome")
        return {**super().config(), "funcao": self.nome, "parametros": self.parametros_da_funcao}

    def descricao(self) -> str:
        extras = "".join(f", {k}={v}" for k, v in self.parametros_da_funcao.items())
        return f"Ativacao({self.nome}{extras})"


class Dropout(Camada):
    r"""Dropout invertido: no treino zera cada entrada com probabilidade $p$ e divide as outras por $1 - p$.

    $$\tilde h = \frac{r \odot h}{1 - p}, \qquad r_j \sim \text{Bernoulli}(1 - p).$$

    Dividir por $1 - p$ mantém a média de cada neurônio igual à da rede
    inteira, então fora do treino a camada é a identidade (não é preciso
    encolher os pesos, como no esquema original). A máscara vem de
    `np.random.default_rng(semente)` e fica guardada para a volta:
    $\partial C/\partial h = G \odot r/(1 - p)$.
    """

    def __init__(self, p: float = 0.5, semente=0, tipo="float32"):
        super().__init__(tipo)
        self.p = real(p, "p", minimo=0.0, abaixo_de=1.0)
        self.semente = semente if isinstance(semente, int) else None
        self.gerador = gerador(semente)
        self._mascara = None

    def _forward(self, X, treino):
        if not treino or self.p == 0.0:
            self._mascara = None
            return X
        manter = self.gerador.random(X.shape, dtype=X.dtype) >= self.p
        self._mascara = manter * X.dtype.type(1.0 / (1.0 - self.p))
        return X * self._mascara

    def _backward(self, G, precisa_entrada):
        return G if self._mascara is None else G * self._mascara

    def config(self) -> dict:
        return {**super().config(), "p": self.p, "semente": self.semente}

    def descricao(self) -> str:
        return f"Dropout(p={self.p:g})"


class RReLU(Camada):
    r"""RReLU: leaky ReLU com inclinação negativa sorteada no treino, $a \sim U(\text{inferior}, \text{superior})$.

    Fora do treino usa a média $(\text{inferior} + \text{superior})/2$, como
    `ativacoes.rrelu`. As inclinações sorteadas ficam guardadas para a volta.
    """

    def __init__(self, inferior: float = 1 / 8, superior: float = 1 / 3, semente=0, tipo="float32"):
        super().__init__(tipo)
        self.inferior = real(inferior, "inferior", minimo=0.0)
        self.superior = real(superior, "superior", minimo=self.inferior)
        self.semente = semente if isinstance(semente, int) else None
        self.gerador = gerador(semente)
        self._inclinacoes = None

    def _forward(self, X, treino):
        if treino:
            a = self.gerador.uniform(self.inferior, self.superior, X.shape).astype(X.dtype)
        else:
            a = X.dtype.type((self.inferior + self.superior) / 2)
        self._inclinacoes = np.where(X > 0, X.dtype.type(1), a)
        return X * self._inclinacoes

    def _backward(self, G, precisa_entrada):
        return G * self._inclinacoes

    def config(self) -> dict:
        return {**super().config(), "inferior": self.inferior, "superior": self.superior, "semente": self.semente}

    def descricao(self) -> str:
        return f"RReLU({self.inferior:.3g}..{self.superior:.3g})"


#: Camadas que `redes.modelo.carregar` sabe recriar pelo nome da classe.
CAMADAS = {"Densa": Densa, "Ativacao": Ativacao, "Dropout": Dropout, "RReLU": RReLU}


def como_camada(item, tipo="float32") -> Camada:
    """Uma camada a partir de uma camada pronta ou do nome de uma ativação ("sigmoide", "softmax", "rrelu"...)."""
    if isinstance(item, Camada):
        return item
    if isinstance(item, str) and item.strip().lower() == "rrelu":
        return RReLU(tipo=tipo)
    if isinstance(item, str) or callable(item):
        return Ativacao(item, tipo=tipo)
    raise TypeError(f"esperava uma camada (Densa, Ativacao, Dropout...) ou o nome de uma ativação, recebi {type(item).__name__}")


def recriar(config: dict) -> Camada:
    """Recria uma camada a partir de `camada.config()` (os parâmetros vêm depois, à parte)."""
    config = dict(config)
    classe = CAMADAS.get(config.pop("classe", None))
    if classe is None:
        raise ValueError(f"camada desconhecida no arquivo: {config!r}; conheço {', '.join(CAMADAS)}")
    if classe is Densa:  # os pesos salvos entram logo depois: nada de sortear à toa
        original = config["inicializacao"], config["semente"]
        camada = Densa(config["n_entrada"], config["n_saida"], "zeros", 0, config["tipo"])
        camada.inicializacao, camada.semente = original
        return camada
    if classe is Ativacao:
        config.update(config.pop("parametros", {}))
    if config.get("semente", 0) is None:
        config["semente"] = 0
    return classe(**config)
