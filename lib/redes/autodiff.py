r"""Diferenciação automática de números, escrita do zero: o modo reverso (`Valor`).

**Modo reverso.** Cada conta feita com um `Valor` devolve um `Valor` novo que
guarda o resultado (`dados`), as suas entradas e a **derivada local** em relação
a cada entrada, isto é, o número escrito em cada aresta do grafo computacional.
O grafo é montado enquanto o Python executa as contas, como no PyTorch e no JAX.
Depois, `saida.backward()` visita os nós em ordem topológica invertida (da saída
para as entradas) e aplica a regra da cadeia em cada nó $u$:

$$\frac{\partial s}{\partial u} = \sum_{v:\ u \to v} \frac{\partial s}{\partial v}\,\frac{\partial v}{\partial u},$$

em que a soma percorre as arestas que saem de $u$. O resultado fica em `u.grad`.

    >>> a, b = Valor(2.0, "a"), Valor(1.0, "b")
    >>> e = (a + b) * (b + 1)           # c = a + b = 3, d = b + 1 = 2, e = c·d = 6
    >>> e.backward()
    >>> a.grad, b.grad                  # ∂e/∂a = d = 2;  ∂e/∂b = d + c = 5
    (2.0, 5.0)

O modo direto com números duais (`Dual`, `gradiente_modo_direto`) fica em
`redes.modo_direto` e é reexportado aqui.
"""
from __future__ import annotations

import math

import numpy as np

from ._validacao import como_array, como_escalar
from .modo_direto import Dual, _e_numero, _exp, _sigmoide, gradiente_modo_direto  # noqa: F401 (reexportados)


def _finito(x: float, conta: str) -> float:
    if not math.isfinite(x):
        raise ValueError(f"{conta} não deu um número finito ({x}); confira a escala das entradas")
    return x


class Valor:
    r"""Um número que lembra de onde veio, para calcular derivadas no modo reverso.

    Atributos: `dados` (o número), `grad` ($\partial s/\partial$ este nó, depois de
    `s.backward()`), `entradas` (os nós de que este depende), `derivadas_locais`
    (a derivada deste nó em relação a cada entrada, uma por aresta), `operacao`
    (o símbolo da conta) e `rotulo` (um nome para as figuras).

    Derivadas locais de cada operação, com $z$ o resultado:
    $x + y$: $(1, 1)$; $x - y$: $(1, -1)$; $xy$: $(y, x)$; $x/y$: $(1/y, -x/y^2)$;
    $x^n$: $n x^{n-1}$ (e $x^y \ln x$ se o expoente também é um `Valor`);
    $\tanh x$: $1 - z^2$; $\sigma(x)$: $z(1 - z)$; $\mathrm{relu}(x)$: 1 se $x > 0$, senão 0;
    $e^x$: $z$; $\ln x$: $1/x$.
    """

    __slots__ = ("dados", "grad", "entradas", "derivadas_locais", "operacao", "rotulo")

    def __init__(self, dados, rotulo: str = "", *, entradas=(), derivadas_locais=(), operacao: str = ""):
        if isinstance(dados, Valor):
            raise TypeError("`dados` já é um Valor: use-o diretamente, sem embrulhar de novo")
        if not isinstance(rotulo, str):
            raise TypeError(f"esperava um texto em `rotulo`, recebi {type(rotulo).__name__}")
        entradas, derivadas_locais = tuple(entradas), tuple(float(d) for d in derivadas_locais)
        if len(entradas) != len(derivadas_locais) or not all(isinstance(e, Valor) for e in entradas):
            raise ValueError("esperava uma derivada local para cada entrada, e entradas do tipo Valor")
        self.dados = como_escalar(dados, "dados")
        self.grad, self.entradas, self.derivadas_locais = 0.0, entradas, derivadas_locais
        self.operacao, self.rotulo = operacao, rotulo

    def __repr__(self) -> str:
        nome = f"{self.rotulo}: " if self.rotulo else ""
        return f"Valor({nome}dados={self.dados:.4g}, grad={self.grad:.4g})"

    # ------------------------------------------------------------ operações

    @staticmethod
    def _como_valor(outro, conta: str) -> "Valor":
        if isinstance(outro, Valor):
            return outro
        if _e_numero(outro):
            return Valor(outro)
        raise TypeError(f"não sei fazer {conta} entre um Valor e {type(outro).__name__} ({outro!r:.40}); "
                        "use números ou Valores")

    def _novo(self, dados: float, operacao: str, entradas, derivadas) -> "Valor":
        """Nó novo, sem passar de novo pela validação de `__init__` (as contas daqui já são confiáveis)."""
        novo = object.__new__(Valor)
        novo.dados = _finito(float(dados), f"a operação {operacao}")
        novo.derivadas_locais = tuple(_finito(float(d), f"a derivada de {operacao}") for d in derivadas)
        novo.grad, novo.entradas, novo.operacao, novo.rotulo = 0.0, tuple(entradas), operacao, ""
        return novo

    def __add__(self, outro):
        outro = self._como_valor(outro, "+")
        return self._novo(self.dados + outro.dados, "+", (self, outro), (1.0, 1.0))

    def __radd__(self, outro):
        return self._como_valor(outro, "+") + self

    def __neg__(self):
        return self._novo(-self.dados, "−x", (self,), (-1.0,))

    def __sub__(self, outro):
        outro = self._como_valor(outro, "−")
        return self._novo(self.dados - outro.dados, "−", (self, outro), (1.0, -1.0))

    def __rsub__(self, outro):
        return self._como_valor(outro, "−") - self

    def __mul__(self, outro):
        outro = self._como_valor(outro, "×")
        return self._novo(self.dados * outro.dados, "×", (self, outro), (outro.dados, self.dados))

    def __rmul__(self, outro):
        return self._como_valor(outro, "×") * self

    def __truediv__(self, outro):
        outro = self._como_valor(outro, "/")
        if outro.dados == 0:
            raise ZeroDivisionError("divisão por zero: o denominador do Valor vale 0")
        y = outro.dados
        return self._novo(self.dados / y, "/", (self, outro), (1.0 / y, -self.dados / y ** 2))

    def __rtruediv__(self, outro):
        return self._como_valor(outro, "/") / self

    def __pow__(self, expoente):
        x = self.dados
        if isinstance(expoente, Valor):
            if x <= 0:
                raise ValueError(f"x ** y com y variável exige base positiva (usa ln x), recebi x = {x}")
            z = x ** expoente.dados
            return self._novo(z, "**", (self, expoente), (expoente.dados * x ** (expoente.dados - 1), z * math.log(x)))
        if not _e_numero(expoente):
            raise TypeError(f"esperava um número ou um Valor no expoente, recebi {type(expoente).__name__}")
        n = float(expoente)
        if x == 0 and n < 1 and n != 0:
            raise ValueError(f"x ** {n:g} não tem derivada em x = 0")
        if x < 0 and not n.is_integer():
            raise ValueError(f"base negativa ({x}) com expoente não inteiro ({n:g}) não dá um número real")
        derivada = 0.0 if n == 0 else n * x ** (n - 1)
        return self._novo(x ** n, f"**{n:g}", (self,), (derivada,))

    def __rpow__(self, base):
        return self._como_valor(base, "**") ** self

    def tanh(self):
        z = math.tanh(self.dados)
        return self._novo(z, "tanh", (self,), (1.0 - z * z,))

    def sigmoide(self):
        z = _sigmoide(self.dados)
        return self._novo(z, "σ", (self,), (z * (1.0 - z),))

    def relu(self):
        x = self.dados
        return self._novo(max(x, 0.0), "relu", (self,), (1.0 if x > 0 else 0.0,))

    def exp(self):
        z = _exp(self.dados)
        return self._novo(z, "exp", (self,), (z,))

    def log(self):
        if self.dados <= 0:
            raise ValueError(f"log só existe para números positivos, recebi {self.dados:g}")
        return self._novo(math.log(self.dados), "log", (self,), (1.0 / self.dados,))

    # ------------------------------------------------------------ derivadas

    def backward(self) -> None:
        r"""Modo reverso: preenche `grad` = $\partial(\text{este nó})/\partial u$ em todo nó $u$ do grafo.

        Zera os `grad` do grafo, põe 1 neste nó e visita os nós da saída para as
        entradas; cada nó passa `derivada_local × grad` para cada entrada, e um nó
        usado em vários lugares soma o que recebe de cada um.
        """
        ordem = ordem_topologica(self)
        for no in ordem:
            no.grad = 0.0
        self.grad = 1.0
        for no in reversed(ordem):
            for entrada, local in zip(no.entradas, no.derivadas_locais):
                entrada.grad += local * no.grad


def soma(valores, rotulo: str = "") -> Valor:
    r"""Soma de muitos termos num nó só, $z = \sum_i x_i$, com derivada local 1 em cada aresta.

    Dá o mesmo que `x1 + x2 + ...`, mas com um nó em vez de uma fila de somas de dois termos.
    """
    nos = [Valor._como_valor(v, "+") for v in valores]
    if not nos:
        raise ValueError("esperava pelo menos um termo para somar")
    total = _finito(sum(no.dados for no in nos), "a soma")
    return Valor(total, rotulo, entradas=nos, derivadas_locais=[1.0] * len(nos), operacao="Σ")


def _exigir_valor(no, nome: str) -> Valor:
    if not isinstance(no, Valor):
        raise TypeError(f"esperava um Valor em `{nome}`, recebi {type(no).__name__}")
    return no


def ordem_topologica(saida: Valor) -> list[Valor]:
    """Os nós de que `saida` depende, cada um depois de todas as suas entradas (`saida` por último).

    Busca em profundidade com uma pilha (sem recursão), para aguentar grafos com milhares de nós.
    """
    _exigir_valor(saida, "saida")
    ordem, vistos, pilha = [], set(), [(saida, False)]
    while pilha:
        no, terminado = pilha.pop()
        if terminado:
            ordem.append(no)
        elif no not in vistos:
            vistos.add(no)
            pilha.append((no, True))
            pilha.extend((e, False) for e in reversed(no.entradas) if e not in vistos)
    return ordem


def arestas(saida: Valor) -> list[tuple[Valor, Valor, float]]:
    r"""Todas as arestas do grafo de `saida`: `(origem, destino, derivada local)` $= (u, v, \partial v/\partial u)$."""
    return [(e, no, d) for no in ordem_topologica(saida) for e, d in zip(no.entradas, no.derivadas_locais)]


def contar_caminhos(saida: Valor, origem: Valor) -> int:
    """Número de caminhos de `origem` até `saida`, por programação dinâmica (uma visita por aresta).

    Cada nó soma os caminhos que chegam às suas entradas; é a mesma fatoração
    que os dois modos de diferenciação fazem com as derivadas.
    """
    _exigir_valor(origem, "origem")
    caminhos: dict[Valor, int] = {}
    for no in ordem_topologica(saida):
        caminhos[no] = 1 if no is origem else sum(caminhos[e] for e in no.entradas)
    return caminhos[saida]


def derivadas_modo_direto(saida: Valor, origem: Valor) -> dict[Valor, float]:
    r"""Modo direto no grafo já montado: $\partial v/\partial(\text{origem})$ para todo nó $v$, numa passada.

    Visita os nós das entradas para a saída; cada nó soma, sobre as arestas que
    chegam nele, `derivada_local × derivada da entrada`. A origem vale 1.
    """
    _exigir_valor(origem, "origem")
    derivadas: dict[Valor, float] = {}
    for no in ordem_topologica(saida):
        chegando = (d * derivadas[e] for e, d in zip(no.entradas, no.derivadas_locais))
        derivadas[no] = 1.0 if no is origem else sum(chegando, 0.0)
    return derivadas


def gradiente_modo_reverso(f, x) -> np.ndarray:
    r"""Gradiente de $f(x_1, \dots, x_N)$ no modo reverso: uma avaliação que monta o grafo e **uma** volta."""
    x = como_array(x, "x", dims=1)
    entradas = [Valor(v) for v in x]
    saida = f(entradas)
    if not isinstance(saida, Valor):
        return np.zeros(x.size)
    saida.backward()
    return np.array([e.grad for e in entradas])

