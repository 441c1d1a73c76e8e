r"""Retropropagação às claras: as equações BP1–BP4 para um lote, sobre listas de matrizes.

Convenção do curso (um exemplo por linha): a camada $l$ tem pesos $W^l$ de
forma $(n_{l-1}, n_l)$ e vieses $\mathbf b^l$ de forma $(n_l,)$, e

$$Z^l = A^{l-1} W^l + \mathbf b^l, \qquad A^l = g_l(Z^l), \qquad A^0 = X.$$

Com o custo quadrático $C = \frac{1}{2m}\sum_x \lVert y(x) - a^L(x)\rVert^2$
e $\Delta^l = \partial C/\partial Z^l$ (uma linha por exemplo):

$$\begin{aligned}
\text{(BP1)}\quad & \Delta^L = \nabla_A C \odot g_L'(Z^L), \quad \nabla_A C = (A^L - Y)/m \\
\text{(BP2)}\quad & \Delta^l = \big(\Delta^{l+1} (W^{l+1})^\top\big) \odot g_l'(Z^l) \\
\text{(BP3)}\quad & \nabla_{\mathbf b^l} C = \textstyle\sum_{\text{linhas}} \Delta^l \\
\text{(BP4)}\quad & \nabla_{W^l} C = (A^{l-1})^\top \Delta^l
\end{aligned}$$

Nielsen escreve $z^l = w^l a^{l-1} + b^l$ com vetores-coluna: a $w^l$ dele é
a nossa $W^l$ transposta. `pesos[0]` é $W^1$. As camadas de `redes.modelo`
fazem as mesmas contas; aqui elas estão num lugar só, para ler.
"""
from __future__ import annotations

import time
from typing import NamedTuple

import numpy as np

from . import ativacoes
from . import inicializacao as _inicializacao
from ._lotes import gerador, inteiro, lote, real
from ._validacao import como_array, escolher
from .gradiente import gradiente_numerico

#: O XOR: as quatro entradas, uma por linha, e os alvos (forma (4, 1)).
XOR_X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
XOR_Y = np.array([[0.0], [1.0], [1.0], [0.0]])
#: Pesos do exemplo do livro (cap. 15): `W1[:, j]` liga $(x_1, x_2, 1)$ ao neurônio oculto $j$; `w2`, à saída.
PESOS_LIVRO = (np.array([[0.351, 0.097, 0.457], [1.076, 0.165, 0.165], [1.116, 0.542, 0.331]]),
               np.array([0.383, -0.327, -0.329]))
#: Ativações das camadas ocultas aceitas pelo treinador do XOR (a saída é sempre sigmoide).
ATIVACOES_XOR = ("sigmoide", "tanh", "relu")


class Passagem(NamedTuple):
    """O que o passo para frente guarda: `Z[l]` é $Z^{l+1}$ e `A[l]` é $A^l$ (`A[0]` é a entrada $X$)."""
    Z: list
    A: list


class Gradientes(NamedTuple):
    """O passo para trás: listas $\\nabla_{W^l} C$, $\\nabla_{b^l} C$, $\\Delta^l$ (uma por camada) e o custo."""
    W: list
    b: list
    deltas: list
    custo: float


def adicionar_coluna_de_uns(X) -> np.ndarray:
    r"""O truque do viés: $[X \mid \mathbf 1]$. O último peso de cada neurônio passa a fazer o papel do viés."""
    X = como_array(X, "X", dims=2)
    return np.hstack([X, np.ones((X.shape[0], 1))])


def _funcoes(n_camadas: int, ativacao, saida) -> list:
    g = ativacoes.obter(ativacao)
    return [g] * (n_camadas - 1) + [ativacoes.obter(ativacao if saida is None else saida)]


def _conferir(pesos, vieses, X, Y=None):
    if not isinstance(pesos, (list, tuple)) or not isinstance(vieses, (list, tuple)) or not pesos:
        raise TypeError("esperava listas de matrizes em `pesos` e de vetores em `vieses` (uma por camada)")
    if len(pesos) != len(vieses):
        raise ValueError(f"esperava um vetor de vieses por camada: {len(pesos)} matrizes e {len(vieses)} vieses")
    W = [como_array(w, f"pesos[{l}]", dims=2) for l, w in enumerate(pesos)]
    b = [como_array(v, f"vieses[{l}]", forma=(w.shape[1],)) for l, (w, v) in enumerate(zip(W, vieses))]
    for l in range(1, len(W)):
        if W[l].shape[0] != W[l - 1].shape[1]:
            raise ValueError(f"pesos[{l}] tem forma {W[l].shape}, mas a camada anterior tem "
                             f"{W[l - 1].shape[1]} saídas")
    X = lote(X, "X", W[0].shape[0], np.float64)
    if Y is not None:
        Y = lote(Y, "Y", W[-1].shape[1], np.float64)
        if Y.shape[0] != X.shape[0]:
            raise ValueError(f"X tem {X.shape[0]} exemplos e Y tem {Y.shape[0]}: esperava um alvo por exemplo")
    return W, b, X, Y


def _propagar(W, b, X, g) -> Passagem:
    Z, A = [], [X]
    for Wl, bl, gl in zip(W, b, g):
        Z.append(A[-1] @ Wl + bl)
        A.append(gl(Z[-1]))
    return Passagem(Z, A)


def _vezes_derivada(g, Z, A, G):
    """$G \\odot g'(Z)$; sigmoide, tanh e ReLU tiram $g'$ da própria saída (por exemplo $\\sigma' = A(1 - A)$)."""
    if hasattr(g, "retropropagar_pela_saida"):
        return g.retropropagar_pela_saida(A, G)
    return g.retropropagar(Z, G) if hasattr(g, "retropropagar") else G * g.derivada(Z)


def _retropropagar(W, b, X, Y, g) -> Gradientes:
    ida = _propagar(W, b, X, g)
    m, L = X.shape[0], len(W)
    erro = ida.A[-1] - Y
    deltas = [None] * L
    deltas[-1] = _vezes_derivada(g[-1], ida.Z[-1], ida.A[-1], erro / m)         # BP1
    for l in range(L - 2, -1, -1):
        deltas[l] = _vezes_derivada(g[l], ida.Z[l], ida.A[l + 1], deltas[l + 1] @ W[l + 1].T)   # BP2
    gW = [ida.A[l].T @ deltas[l] for l in range(L)]                         # BP4
    gb = [d.sum(axis=0) for d in deltas]                                    # BP3
    return Gradientes(gW, gb, deltas, float(0.5 * np.sum(erro * erro) / m))


def propagar(pesos, vieses, X, ativacao="sigmoide", saida=None) -> Passagem:
    r"""Passo para frente: $Z^l = A^{l-1}W^l + \mathbf b^l$ e $A^l = g(Z^l)$, guardando todos os $Z$ e $A$.

    `ativacao` vale para as camadas ocultas; `saida` para a última (None: a mesma).
    """
    W, b, X, _ = _conferir(pesos, vieses, X)
    return _propagar(W, b, X, _funcoes(len(W), ativacao, saida))


def retropropagar(pesos, vieses, X, Y, ativacao="sigmoide", saida=None) -> Gradientes:
    r"""Gradientes do custo quadrático $C = \frac{1}{2m}\sum_x\lVert y - a^L\rVert^2$ por BP1–BP4 (veja acima)."""
    W, b, X, Y = _conferir(pesos, vieses, X, Y)
    return _retropropagar(W, b, X, Y, _funcoes(len(W), ativacao, saida))


def custo_quadratico(pesos, vieses, X, Y, ativacao="sigmoide", saida=None) -> float:
    r"""$C = \frac{1}{2m}\sum_x \lVert y(x) - a^L(x)\rVert^2$ (o mesmo de `redes.custos.ErroQuadratico`)."""
    W, b, X, Y = _conferir(pesos, vieses, X, Y)
    erro = _propagar(W, b, X, _funcoes(len(W), ativacao, saida)).A[-1] - Y
    return float(0.5 * np.sum(erro * erro) / X.shape[0])


def gradiente_por_diferencas(pesos, vieses, X, Y, ativacao="sigmoide", saida=None, h: float = 1e-5):
    r"""O mesmo gradiente por diferenças centradas, $[C(\theta + h e_i) - C(\theta - h e_i)]/2h$.

    São $2P$ passos para frente. Devolve `(grad_W, grad_b)`, alinhadas com `pesos` e `vieses` (que não mudam).
    """
    W, b, X, Y = _conferir(pesos, vieses, X, Y)
    W, b = [w.copy() for w in W], [v.copy() for v in b]
    g = _funcoes(len(W), ativacao, saida)

    def custo(_):
        erro = _propagar(W, b, X, g).A[-1] - Y
        return 0.5 * np.sum(erro * erro) / X.shape[0]
    return [gradiente_numerico(custo, w, h) for w in W], [gradiente_numerico(custo, v, h) for v in b]


def normas_por_camada(gradientes: Gradientes, de: str = "W") -> np.ndarray:
    r"""$\lVert\nabla_{W^l} C\rVert$ (`de="W"`) ou $\lVert\Delta^l\rVert$ (`de="delta"`) por camada (Frobenius)."""
    de = escolher(de, "de", ("W", "delta"))
    return np.array([float(np.linalg.norm(x)) for x in (gradientes.W if de == "W" else gradientes.deltas)])


def iniciar(tamanhos, inicializacao="lecun", semente=0):
    """Pesos e vieses em float64 para a rede `tamanhos`, com os esquemas de `redes.inicializacao`."""
    tamanhos = [inteiro(t, "tamanhos") for t in tamanhos]
    if len(tamanhos) < 2:
        raise ValueError(f"esperava pelo menos dois tamanhos (entrada e saída), recebi {tamanhos}")
    esquema, rng = _inicializacao.obter(inicializacao), gerador(semente)
    pares = [esquema(a, b, rng) for a, b in zip(tamanhos[:-1], tamanhos[1:])]
    return [np.asarray(w, float) for w, _ in pares], [np.asarray(v, float) for _, v in pares]


def parametros_do_modelo(modelo):
    """Cópias em float64 dos `(pesos, vieses)` das camadas densas de um `redes.modelo.Sequencial`."""
    densas = [c for c in modelo.camadas if "W" in c.parametros]
    return ([np.array(c.parametros["W"], dtype=float) for c in densas],
            [np.array(c.parametros["b"], dtype=float) for c in densas])


# ------------------------------------------------------------------ o XOR

class TreinoXOR(NamedTuple):
    """Resultado de `treinar_xor`: custo por época, as 4 saídas finais, acertos e a rede treinada."""
    custos: np.ndarray
    previsoes: np.ndarray
    acertos: int
    pesos: list
    vieses: list
    ativacao: str


def treinar_xor(ocultos: int = 2, taxa: float = 4.0, ativacao: str = "sigmoide", semente=1,
                epocas: int = 2000) -> TreinoXOR:
    r"""Treina a rede 2-`ocultos`-1 no XOR com descida do gradiente em lote (os 4 exemplos a cada passo).

    Pesos e vieses iniciais $\sim\mathcal N(0, 1)$; saída sigmoide, custo quadrático,
    $\theta \leftarrow \theta - \eta\,\nabla C$ (BP1–BP4). `custos[t]` é o custo antes do passo $t$
    (o último, depois do treino). Uma saída acima de 0,5 conta como 1.
    """
    ocultos = inteiro(ocultos, "ocultos")
    taxa = real(taxa, "taxa", acima_de=0.0)
    ativacao = escolher(ativacao, "ativacao", ATIVACOES_XOR)
    epocas = inteiro(epocas, "epocas", minimo=0)
    rng = gerador(semente)
    W = [rng.standard_normal((2, ocultos)), rng.standard_normal((ocultos, 1))]
    b = [rng.standard_normal(ocultos), rng.standard_normal(1)]
    g = _funcoes(2, ativacao, "sigmoide")
    custos = np.empty(epocas + 1)
    with np.errstate(over="ignore"):
        for t in range(epocas):
            grad = _retropropagar(W, b, XOR_X, XOR_Y, g)
            custos[t] = grad.custo
            for p, d in zip(W + b, grad.W + grad.b):
                p -= taxa * d
        saidas = _propagar(W, b, XOR_X, g).A[-1]
    custos[-1] = 0.5 * np.sum((saidas - XOR_Y) ** 2) / 4
    previsoes = saidas.ravel()
    acertos = int(np.sum((previsoes > 0.5) == (XOR_Y.ravel() > 0.5)))
    return TreinoXOR(custos, previsoes, acertos, W, b, ativacao)


# ------------------------------------------------------------------ quanto custa cada método

def comparar_metodos(profundidade: int, largura: int, entradas: int = 4, saidas: int = 2, exemplos: int = 8,
                     semente=0) -> dict:
    r"""Gradiente de uma rede sigmoide por diferenças centradas e por retropropagação: tempos e diferença.

    A rede tem `profundidade` camadas ocultas de `largura` neurônios (pesos "lecun").
    Devolve um dicionário com `tamanhos`, `n_parametros`, `passadas` ($2P$),
    `tempo_diferencas`, `tempo_retro` (segundos, média de várias repetições),
    `razao`, `diferenca_maxima` ($\max|\text{retro} - \text{diferenças}|$) e
    `normas` ($\lVert\nabla_{W^l} C\rVert$ por camada).
    """
    profundidade = inteiro(profundidade, "profundidade")
    largura = inteiro(largura, "largura")
    tamanhos = [inteiro(entradas, "entradas")] + [largura] * profundidade + [inteiro(saidas, "saidas")]
    pesos, vieses = iniciar(tamanhos, "lecun", semente)
    rng = gerador(semente)
    X = rng.standard_normal((inteiro(exemplos, "exemplos"), tamanhos[0]))
    Y = rng.random((X.shape[0], tamanhos[-1]))
    g = _funcoes(len(pesos), "sigmoide", None)
    inicio = time.perf_counter()
    numW, numb = gradiente_por_diferencas(pesos, vieses, X, Y)
    tempo_diferencas = time.perf_counter() - inicio
    repeticoes, inicio = 0, time.perf_counter()
    while repeticoes < 3 or time.perf_counter() - inicio < 0.02:
        grad = _retropropagar(pesos, vieses, X, Y, g)
        repeticoes += 1
    tempo_retro = (time.perf_counter() - inicio) / repeticoes
    diferenca = max(float(np.max(np.abs(a - n))) for a, n in zip(grad.W + grad.b, numW + numb))
    n_parametros = sum(w.size + v.size for w, v in zip(pesos, vieses))
    return {"tamanhos": tamanhos, "n_parametros": n_parametros, "passadas": 2 * n_parametros,
            "tempo_diferencas": tempo_diferencas, "tempo_retro": tempo_retro,
            "razao": tempo_diferencas / tempo_retro, "diferenca_maxima": diferenca,
            "normas": normas_por_camada(grad)}
