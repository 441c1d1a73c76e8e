r"""O perceptron de Rosenblatt: um neurônio degrau e a regra que ajusta os pesos com exemplos.

O perceptron responde

$$\hat y = \text{degrau}(\mathbf{w}\cdot\mathbf{x} + b) =
\begin{cases}1 & \text{se } \mathbf{w}\cdot\mathbf{x} + b > 0\\ 0 & \text{caso contrário,}\end{cases}$$

o que é o mesmo que comparar a soma ponderada com um limiar $\theta = -b$.
Diante de um exemplo $(\mathbf{x}, y)$, a regra de aprendizado muda os parâmetros
só quando erra:

$$\mathbf{w} \leftarrow \mathbf{w} + \eta\,(y - \hat y)\,\mathbf{x}, \qquad b \leftarrow b + \eta\,(y - \hat y).$$

Se os dados são linearmente separáveis, a regra para de errar depois de um
número finito de atualizações (teorema de convergência); se não são, como no
XOR, ela erra para sempre.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from ._validacao import como_array, como_escalar

#: Pesos e viés de um perceptron de duas entradas para cada porta separável.
PESOS_DAS_PORTAS = {
    "AND": ((1.0, 1.0), -1.5),
    "OR": ((1.0, 1.0), -0.5),
    "NAND": ((-2.0, -2.0), 3.0),
    "NOR": ((-1.0, -1.0), 0.5),
}

#: NOT tem uma entrada só: peso −1 e viés 0,5.
PESOS_NOT = ((-1.0,), 0.5)


def _dados(X, y):
    X = como_array(X, "X", dims=2)
    y = como_array(y, "y", forma=(X.shape[0],))
    if not np.all((y == 0) | (y == 1)):
        raise ValueError("esperava rótulos y iguais a 0 ou 1")
    return X, y


def prever(X, w, b):
    r"""Saída do perceptron, 0 ou 1 (inteiros): $\hat y = [\mathbf{x}\cdot\mathbf{w} + b > 0]$.

    `X` é um exemplo `(n,)` ou um lote `(m, n)`; devolve um inteiro ou um array `(m,)`.
    """
    w = como_array(w, "pesos", dims=1)
    X = como_array(X, "X", dims=(1, 2))
    if X.shape[-1] != w.shape[0]:
        raise ValueError(f"esperava entradas com {w.shape[0]} valores, recebi forma {X.shape}")
    saida = (X @ w + como_escalar(b, "b") > 0).astype(int)
    return int(saida) if saida.ndim == 0 else saida


def decidir_com_limiar(X, w, limiar):
    r"""Forma com limiar: 1 se $\sum_j w_j x_j > \theta$, senão 0. Igual a `prever(X, w, -limiar)`."""
    X = como_array(X, "X", dims=(1, 2))
    w = como_array(w, "pesos", forma=(X.shape[-1],))
    saida = (X @ w > como_escalar(limiar, "limiar")).astype(int)
    return int(saida) if saida.ndim == 0 else saida


def porta(nome: str):
    """Devolve `(w, b)` de um perceptron que calcula a porta `nome` (AND, OR, NAND, NOR ou NOT)."""
    if not isinstance(nome, str):
        raise TypeError(f"esperava o nome de uma porta, recebi {type(nome).__name__}")
    chave = nome.strip().upper()
    if chave == "NOT":
        return np.array(PESOS_NOT[0]), PESOS_NOT[1]
    if chave not in PESOS_DAS_PORTAS:
        raise ValueError(f"porta sem perceptron: {nome!r}; opções: AND, NAND, NOR, NOT, OR "
                         "(XOR e XNOR não são linearmente separáveis)")
    w, b = PESOS_DAS_PORTAS[chave]
    return np.array(w), b


def nand(a, b):
    r"""Porta NAND feita com um perceptron: $\mathbf{w} = (-2, -2)$, viés 3.

    Aceita bits (0/1) ou arrays de bits da mesma forma; devolve do mesmo jeito.
    Os potenciais são 3, 1, 1 e −1 para 00, 01, 10 e 11.
    """
    a = np.asarray(a)
    b = np.asarray(b)
    saida = (-2 * a - 2 * b + 3 > 0).astype(int)
    return int(saida) if saida.ndim == 0 else saida


def meio_somador(a, b):
    r"""Soma de dois bits com cinco portas NAND: devolve `(soma, vai_um)`.

    Com $t = \text{NAND}(a, b)$: soma $= \text{NAND}(\text{NAND}(a, t), \text{NAND}(b, t))$
    (isto é, $a \oplus b$) e vai-um $= \text{NAND}(t, t) = a \wedge b$.
    """
    t = nand(a, b)
    return nand(nand(a, t), nand(b, t)), nand(t, t)


def somador_completo(a, b, vem_um):
    r"""Soma de três bits com nove portas NAND: devolve `(soma, vai_um)`.

    São dois meios somadores encadeados ($t_1 = \text{NAND}(a, b)$ no primeiro,
    $t_2 = \text{NAND}(s_1, c)$ no segundo, sem as portas do vai-um) e o vai-um
    $\text{OR}(a \wedge b,\ s_1 \wedge c) = \text{NAND}(t_1, t_2)$.
    """
    t1 = nand(a, b)
    s1 = nand(nand(a, t1), nand(b, t1))
    t2 = nand(s1, vem_um)
    soma = nand(nand(s1, t2), nand(vem_um, t2))
    return soma, nand(t1, t2)


def passo_perceptron(w, b, x, y, eta=1.0):
    r"""Um passo da regra de Rosenblatt para o exemplo `(x, y)`: devolve `(w_novo, b_novo)`.

    $\hat y = [\mathbf{w}\cdot\mathbf{x} + b > 0]$; então
    $\mathbf{w} \leftarrow \mathbf{w} + \eta(y - \hat y)\mathbf{x}$ e $b \leftarrow b + \eta(y - \hat y)$.
    Se o perceptron acerta, nada muda. Não altera os arrays recebidos.
    """
    w = como_array(w, "pesos", dims=1)
    x = como_array(x, "x", forma=(w.shape[0],))
    b = como_escalar(b, "b")
    y = como_escalar(y, "y")
    eta = como_escalar(eta, "eta")
    if eta <= 0:
        raise ValueError(f"a taxa de aprendizado eta precisa ser positiva, recebi {eta}")
    erro = y - float(x @ w + b > 0)
    return w + eta * erro * x, b + eta * erro


@dataclass
class Historico:
    """Tudo o que aconteceu num treino do perceptron, passo a passo.

    `pesos[k]` e `vieses[k]` são os parâmetros depois de `k` passos (o passo `k`
    apresenta o exemplo `indices[k - 1]`); `erros_por_passo[k]` conta os exemplos
    errados com esses parâmetros. Por época: `atualizacoes_por_epoca` (quantas vezes
    a regra mudou os pesos durante a passada) e `erros_por_epoca` (quantos exemplos
    ficam errados no fim dela). `epoca_convergencia` é a primeira época que termina
    com zero erros, ou `None`.
    """

    pesos: np.ndarray
    vieses: np.ndarray
    indices: np.ndarray
    erros_por_passo: np.ndarray
    atualizacoes_por_epoca: list[int] = field(default_factory=list)
    erros_por_epoca: list[int] = field(default_factory=list)
    epoca_convergencia: int | None = None
    exemplos_por_epoca: int = 0

    @property
    def convergiu(self) -> bool:
        return self.epoca_convergencia is not None

    @property
    def w(self) -> np.ndarray:
        return self.pesos[-1]

    @property
    def b(self) -> float:
        return float(self.vieses[-1])

    @property
    def total_de_atualizacoes(self) -> int:
        """Número de erros cometidos durante o treino (cada erro é uma atualização)."""
        return int(sum(self.atualizacoes_por_epoca))

    def estados_por_epoca(self) -> np.ndarray:
        """Parâmetros $(w_1, \\dots, w_n, b)$ no início e no fim de cada época, forma `(épocas + 1, n + 1)`."""
        k = np.arange(0, len(self.vieses), self.exemplos_por_epoca)
        return np.column_stack([self.pesos[k], self.vieses[k]])


def treinar_perceptron(X, y, eta=1.0, epocas=100, w0=None, b0=0.0, semente=None, parar=True) -> Historico:
    r"""Treina um perceptron com a regra de Rosenblatt, um exemplo por vez.

    Começa de `w0` (zeros, se `None`) e `b0`. Em cada época percorre os exemplos na
    ordem das linhas de `X` (ou numa ordem sorteada a cada época, se `semente` for
    dada) e aplica `passo_perceptron`. Com `parar=True`, para no fim da primeira época
    sem nenhum exemplo errado. Devolve um `Historico`.
    """
    X, y = _dados(X, y)
    m, n = X.shape
    w = np.zeros(n) if w0 is None else como_array(w0, "w0", forma=(n,)).copy()
    b = como_escalar(b0, "b0")
    eta = como_escalar(eta, "eta")
    if eta <= 0:
        raise ValueError(f"a taxa de aprendizado eta precisa ser positiva, recebi {eta}")
    if isinstance(epocas, bool) or not isinstance(epocas, (int, np.integer)) or epocas < 1:
        raise ValueError(f"esperava um número inteiro de épocas ≥ 1, recebi {epocas!r}")
    rng = None if semente is None else np.random.default_rng(semente)

    def errados(w, b):
        return int(np.sum((X @ w + b > 0) != (y > 0.5)))

    pesos, vieses, indices, erros = [w.copy()], [b], [], [errados(w, b)]
    hist = Historico(np.empty(0), np.empty(0), np.empty(0), np.empty(0), exemplos_por_epoca=m)
    for numero_da_epoca in range(1, int(epocas) + 1):
        ordem = np.arange(m) if rng is None else rng.permutation(m)
        mudancas = 0
        for i in ordem:
            w_novo, b_novo = passo_perceptron(w, b, X[i], y[i], eta)
            mudancas += int(b_novo != b)          # o viés muda em toda atualização (x̃ tem o 1)
            w, b = w_novo, b_novo
            pesos.append(w.copy())
            vieses.append(b)
            indices.append(int(i))
            erros.append(errados(w, b))
        hist.atualizacoes_por_epoca.append(mudancas)
        hist.erros_por_epoca.append(erros[-1])
        if erros[-1] == 0 and hist.epoca_convergencia is None:
            hist.epoca_convergencia = numero_da_epoca
            if parar:
                break
    hist.pesos, hist.vieses = np.array(pesos), np.array(vieses)
    hist.indices, hist.erros_por_passo = np.array(indices, dtype=int), np.array(erros, dtype=int)
    return hist


def periodo_do_ciclo(historico: Historico):
    """Procura repetição nos parâmetros do fim das épocas: devolve `(inicio, periodo)` ou `None`.

    Com a ordem fixa, o estado no fim de uma época decide todo o futuro; se o estado
    da época `inicio` volta na época `inicio + periodo`, o treino repete esse trecho
    para sempre.
    """
    estados = historico.estados_por_epoca()
    vistos: dict[tuple, int] = {}
    for k, estado in enumerate(estados):
        chave = tuple(np.round(estado, 9))
        if chave in vistos:
            return vistos[chave], k - vistos[chave]
        vistos[chave] = k
    return None


def limite_de_novikoff(X, y, w, b):
    r"""Teto do teorema de convergência para um separador $(\mathbf{w}, b)$: devolve `(R, gama, limite)`.

    Com $\tilde{\mathbf{x}} = (\mathbf{x}, 1)$ e $s = 2y - 1 \in \{-1, +1\}$:
    $R = \max_i \lVert\tilde{\mathbf{x}}_i\rVert$ e a margem
    $\gamma = \min_i s_i(\mathbf{w}\cdot\mathbf{x}_i + b)/\lVert(\mathbf{w}, b)\rVert$.
    Partindo de zero, o perceptron erra no máximo $(R/\gamma)^2$ vezes, em qualquer
    ordem e com qualquer $\eta > 0$. Levanta `ValueError` se $(\mathbf{w}, b)$ não separa os dados.
    """
    X, y = _dados(X, y)
    w = como_array(w, "pesos", forma=(X.shape[1],))
    b = como_escalar(b, "b")
    aumentado = np.column_stack([X, np.ones(len(X))])
    R = float(np.max(np.linalg.norm(aumentado, axis=1)))
    gama = float(np.min((2 * y - 1) * (X @ w + b)) / np.linalg.norm(np.append(w, b)))
    if gama <= 0:
        raise ValueError("(w, b) não separa os dados com folga: a margem precisa ser positiva")
    return R, gama, (R / gama) ** 2


def propagar(X, camadas):
    r"""Passa `X` por uma rede de perceptrons: cada camada é um par `(W, b)`, com `W` de forma `(n_entrada, n_saida)`.

    Cada camada calcula $A = \text{degrau}(A_{\text{anterior}} W + \mathbf{b})$. Devolve a lista das
    saídas de cada camada (a última é a saída da rede).
    """
    A = como_array(X, "X", dims=2)
    saidas = []
    for k, (W, b) in enumerate(camadas, start=1):
        W = como_array(W, f"W da camada {k}", dims=2)
        b = como_array(b, f"b da camada {k}", forma=(W.shape[1],))
        if A.shape[1] != W.shape[0]:
            raise ValueError(f"a camada {k} espera {W.shape[0]} entradas, recebeu {A.shape[1]}")
        A = (A @ W + b > 0).astype(int)
        saidas.append(A)
    return saidas


#: A rede XOR = AND(OR, NAND): camada oculta com OR e NAND, saída AND.
REDE_XOR = [
    (np.array([[1.0, -2.0], [1.0, -2.0]]), np.array([-0.5, 3.0])),
    (np.array([[1.0], [1.0]]), np.array([-1.5])),
]


class Perceptron:
    """Um perceptron com pesos `w` e viés `b`, que aprende com `ajustar`.

    >>> p = Perceptron(w=[-2, -2], b=3)     # NAND
    >>> p.prever([[1, 1], [0, 1]])
    array([0, 1])
    """

    def __init__(self, n_entradas: int | None = None, w=None, b: float = 0.0):
        if w is None:
            if isinstance(n_entradas, bool) or not isinstance(n_entradas, (int, np.integer)) or n_entradas < 1:
                raise ValueError(f"informe n_entradas (inteiro ≥ 1) ou os pesos w, recebi n_entradas={n_entradas!r}")
            w = np.zeros(int(n_entradas))
        self.w = como_array(w, "pesos", dims=1).copy()
        self.b = como_escalar(b, "b")
        self.historico: Historico | None = None

    def forward(self, X):
        r"""Potencial de ativação $z = X\mathbf{w} + b$."""
        X = como_array(X, "X", dims=(1, 2))
        if X.shape[-1] != self.w.shape[0]:
            raise ValueError(f"esperava entradas com {self.w.shape[0]} valores, recebi forma {X.shape}")
        return X @ self.w + self.b

    def prever(self, X):
        """Saídas 0/1: degrau do potencial."""
        return prever(X, self.w, self.b)

    def ajustar(self, X, y, eta=1.0, epocas=100, semente=None) -> Historico:
        """Treina a partir dos parâmetros atuais com `treinar_perceptron`; guarda e devolve o histórico."""
        self.historico = treinar_perceptron(X, y, eta, epocas, w0=self.w, b0=self.b, semente=semente)
        self.w, self.b = self.historico.w.copy(), self.historico.b
        return self.historico

    def __repr__(self) -> str:
        return f"Perceptron(w={np.round(self.w, 4).tolist()}, b={self.b:g})"
