r"""Rede de Hopfield: uma memória que se lembra do todo a partir de um pedaço.

A rede tem $N$ neurônios com estados $s_i \in \{-1, +1\}$, todos ligados a
todos por pesos simétricos ($w_{ij} = w_{ji}$) e sem ligação de um neurônio
com ele mesmo ($w_{ii} = 0$). Para guardar $P$ padrões $\boldsymbol\xi^\mu$,
a regra de Hebb soma os produtos externos:

$$W = \frac{1}{N} \sum_{\mu=1}^{P} \boldsymbol\xi^\mu \boldsymbol\xi^{\mu\top}, \qquad w_{ii} = 0.$$

Cada estado tem uma energia, $E(\mathbf s) = -\tfrac12\, \mathbf s^\top W \mathbf s$.
Na atualização assíncrona um neurônio de cada vez olha o seu campo
$h_i = \sum_j w_{ij} s_j$ e passa a valer o sinal dele (num empate, $h_i = 0$,
fica como está). Cada troca muda a energia em $\Delta E = -\Delta s_i\, h_i \le 0$:
a energia nunca sobe, e a rede desce até um mínimo, que de preferência é um
padrão guardado. A atualização síncrona (todos ao mesmo tempo) não tem essa
garantia e pode ficar oscilando entre dois estados.

Os estados são arrays de $\pm 1$ com forma `(N,)`, ou `(m, N)` para um lote.
"""
from __future__ import annotations

import math
from typing import NamedTuple

import numpy as np

from ._validacao import _descrever, como_array, como_escalar
from .ativacoes import softmax

#: Campos menores que isto (em valor absoluto) contam como empate: o neurônio não muda.
EMPATE = 1e-12
LADO = 8

#: Quatro letras 8×8 ('#' = +1, '.' = −1), escolhidas por serem pouco parecidas entre si.
DESENHOS = {
    "A": ["..####..", ".##..##.", "##....##", "##....##", "########", "##....##", "##....##", "##....##"],
    "L": ["##......", "##......", "##......", "##......", "##......", "##......", "########", "########"],
    "X": ["##....##", "##....##", ".##..##.", "..####..", "..####..", ".##..##.", "##....##", "##....##"],
    "Z": ["########", "########", ".....##.", "....##..", "...##...", "..##....", "########", "########"],
}


def padrao_de_desenho(linhas) -> np.ndarray:
    """Converte um desenho em texto ('#' → +1, '.' → −1), linha por linha, num vetor de ±1."""
    if isinstance(linhas, str) or not all(isinstance(l, str) for l in linhas):
        raise TypeError(f"esperava uma lista de linhas de texto, como ['#..#', ...], recebi {_descrever(linhas)}")
    if len({len(l) for l in linhas}) != 1 or not set("".join(linhas)) <= {"#", "."}:
        raise ValueError("esperava linhas do mesmo tamanho, só com '#' e '.'")
    return np.array([1.0 if c == "#" else -1.0 for l in linhas for c in l])


LETRAS = {nome: padrao_de_desenho(d) for nome, d in DESENHOS.items()}


class Trajetoria(NamedTuple):
    """O caminho de uma recuperação: os estados visitados e a energia de cada um."""

    estados: np.ndarray      # (T + 1, N), o primeiro é o estado de partida
    energias: np.ndarray     # (T + 1,)


class Capacidade(NamedTuple):
    """Resultado de `capacidade`: uma posição por número de padrões guardados."""

    p: np.ndarray              # números de padrões
    bits_estaveis: np.ndarray  # fração de bits dos padrões que uma atualização não muda
    teoria: np.ndarray         # a mesma fração prevista pela aproximação gaussiana
    recuperados: np.ndarray    # fração de padrões recuperados sem nenhum bit errado
    sobreposicao: np.ndarray   # sobreposição média entre o estado final e o padrão


# ------------------------------------------------------------------ validação

def _estados(valor, nome: str = "estado", n: int | None = None, dims=(1, 2)) -> np.ndarray:
    s = como_array(valor, nome, dims=dims)
    if n is not None and s.shape[-1] != n:
        raise ValueError(f"esperava `{nome}` com {n} neurônios (último eixo), recebi forma {s.shape}")
    if not np.all(np.abs(s) == 1):
        raise ValueError(f"esperava `{nome}` só com valores +1 e −1, recebi valores {np.unique(s)[:6]}")
    return s


def _pesos(W) -> np.ndarray:
    W = como_array(W, "W", dims=2)
    if W.shape[0] != W.shape[1]:
        raise ValueError(f"esperava W quadrada, com forma (N, N), recebi {W.shape}")
    return W


def _inteiro(valor, nome: str, minimo: int = 0) -> int:
    if isinstance(valor, bool) or not isinstance(valor, (int, np.integer)) or valor < minimo:
        raise ValueError(f"esperava um inteiro ≥ {minimo} em `{nome}`, recebi {_descrever(valor)}")
    return int(valor)


def _sinal(h, atual):
    """+1 se h > 0, −1 se h < 0 e o valor atual num empate."""
    return np.where(h > EMPATE, 1.0, np.where(h < -EMPATE, -1.0, atual))


# ------------------------------------------------------------------ a rede

def pesos(padroes) -> np.ndarray:
    r"""Regra de Hebb: $W = \frac1N \sum_\mu \boldsymbol\xi^\mu \boldsymbol\xi^{\mu\top}$, com a diagonal zerada.

    `padroes` tem forma `(P, N)`, um padrão de ±1 por linha. Devolve `W`, `(N, N)`, simétrica.
    """
    X = _estados(padroes, "padroes", dims=2)
    W = X.T @ X / X.shape[1]
    np.fill_diagonal(W, 0.0)
    return W


def energia(W, estado):
    r"""Energia $E(\mathbf s) = -\tfrac12\,\mathbf s^\top W \mathbf s$ (um número, ou `(m,)` para um lote)."""
    W = _pesos(W)
    s = _estados(estado, n=W.shape[0])
    return -0.5 * np.einsum("...i,ij,...j->...", s, W, s)


def atualizar_neuronio(W, estado, i: int) -> np.ndarray:
    r"""Uma atualização assíncrona: o neurônio `i` passa a valer o sinal de $h_i = \sum_j w_{ij} s_j$.

    Num empate ($h_i = 0$) ele fica como está. Devolve um estado novo (não muda o recebido).
    """
    W = _pesos(W)
    s = _estados(estado, n=W.shape[0], dims=1).copy()
    i = _inteiro(i, "i")
    if i >= len(s):
        raise ValueError(f"esperava um neurônio entre 0 e {len(s) - 1}, recebi {i}")
    s[i] = _sinal(W[i] @ s, s[i])
    return s


def passo_sincrono(W, estado) -> np.ndarray:
    r"""Todos os neurônios ao mesmo tempo: $\mathbf s \leftarrow \operatorname{sinal}(W\mathbf s)$ (empates ficam)."""
    W = _pesos(W)
    s = _estados(estado, n=W.shape[0])
    return _sinal(s @ W.T, s)      # s @ Wᵀ = W s, e serve também para um lote (m, N)


def recuperar(W, estado, passos: int = 10, semente: int = 0, modo: str = "assincrono") -> Trajetoria:
    """Deixa a rede evoluir a partir de `estado` e devolve a `Trajetoria` (estados e energias).

    - modo "assincrono": cada passo é uma varredura pelos N neurônios, numa ordem
      sorteada com `semente`; a trajetória guarda o estado depois de cada neurônio
      visitado e para ao fim da primeira varredura que não muda nada (um ponto fixo).
    - modo "sincrono": cada passo atualiza todos de uma vez; para quando o estado se repete.
    """
    W = _pesos(W)
    s = _estados(estado, n=W.shape[0], dims=1).copy()
    passos = _inteiro(passos, "passos")
    if modo not in ("assincrono", "sincrono"):
        raise ValueError(f"`modo` desconhecido: {modo!r}; opções: assincrono, sincrono")
    rng = np.random.default_rng(semente)
    estados = [s.copy()]
    for _ in range(passos):
        if modo == "sincrono":
            novo = passo_sincrono(W, s)
            if np.array_equal(novo, s):
                break
            s = novo
            estados.append(s.copy())
            continue
        mudou = False
        for i in rng.permutation(len(s)):
            valor = _sinal(W[i] @ s, s[i])
            mudou |= bool(valor != s[i])
            s[i] = valor
            estados.append(s.copy())
        if not mudou:
            break
    estados = np.array(estados)
    return Trajetoria(estados, energia(W, estados))


def _convergir(Ws, S, rng, max_varreduras: int) -> np.ndarray:
    """Varreduras assíncronas em várias redes e vários estados de uma vez: Ws (R, N, N), S (R, m, N)."""
    S = S.copy()
    for _ in range(max_varreduras):
        mudou = False
        for i in rng.permutation(S.shape[-1]):
            h = np.einsum("rmn,rn->rm", S, Ws[:, i, :])
            novo = _sinal(h, S[:, :, i])
            mudou = mudou or bool(np.any(novo != S[:, :, i]))
            S[:, :, i] = novo
        if not mudou:
            break
    return S


def convergir(W, estados, semente: int = 0, max_varreduras: int = 50) -> np.ndarray:
    """Estados finais da atualização assíncrona para um lote `(m, N)` (mesma ordem sorteada para todos).

    Dá o mesmo estado final que `recuperar(W, estado, passos, semente)` para cada linha,
    só que muito mais rápido, porque atualiza o neurônio i em todo o lote de uma vez.
    """
    W = _pesos(W)
    S = _estados(estados, "estados", n=W.shape[0], dims=2)
    final = _convergir(W[None], S[None], np.random.default_rng(semente), _inteiro(max_varreduras, "max_varreduras"))
    return final[0]


# ------------------------------------------------------------------ ruído e comparação

def ruido(padrao, fracao: float, semente: int = 0) -> np.ndarray:
    """Cópia de `padrao` com `round(fracao · N)` bits trocados de sinal, em posições sorteadas sem repetição."""
    s = _estados(padrao, "padrao", dims=1).copy()
    fracao = como_escalar(fracao, "fracao")
    if not 0.0 <= fracao <= 1.0:
        raise ValueError(f"esperava `fracao` entre 0 e 1, recebi {fracao}")
    trocar = np.random.default_rng(semente).choice(len(s), size=int(round(fracao * len(s))), replace=False)
    s[trocar] *= -1
    return s


def sobreposicao(a, b) -> float:
    r"""Sobreposição $m = \frac1N \sum_i a_i b_i$: 1 se iguais, −1 se opostos, perto de 0 se sem relação."""
    a = _estados(a, "a", dims=1)
    b = _estados(b, "b", n=len(a), dims=1)
    return float(a @ b / len(a))


def padroes_aleatorios(quantidade: int, n: int = LADO * LADO, semente: int = 0) -> np.ndarray:
    """`quantidade` padrões sorteados, cada bit +1 ou −1 com chance 1/2; forma `(quantidade, n)`."""
    rng = np.random.default_rng(semente)
    return rng.choice([-1.0, 1.0], size=(_inteiro(quantidade, "quantidade"), _inteiro(n, "n", 1)))


# ------------------------------------------------------------------ capacidade

def estabilidade_teorica(n: int, p) -> np.ndarray:
    r"""Fração de bits estáveis prevista: $1 - \Phi\!\left(-\sqrt{(N-1)/(P-1)}\right)$ ($\Phi$: normal padrão).

    O campo do bit $i$ do padrão $\nu$, vezes $\xi_i^\nu$, é o sinal $(N-1)/N$ mais uma
    interferência dos outros $P - 1$ padrões, uma soma de $(P-1)(N-1)$ termos $\pm 1/N$,
    com variância $(P-1)(N-1)/N^2$; o bit vira quando a interferência vence o sinal.
    """
    p = np.atleast_1d(np.asarray(p, dtype=float))
    razao = np.sqrt((n - 1) / np.maximum(p - 1, 1e-300))
    return np.array([0.5 * (1 + math.erf(r / math.sqrt(2))) for r in razao])


def capacidade(n: int = 64, valores_p=range(2, 21), redes: int = 20, ruido: float = 0.1,
               semente: int = 0, max_varreduras: int = 30) -> Capacidade:
    """Experimento de capacidade com padrões aleatórios (veja `Capacidade`).

    Para cada P, sorteia `redes` redes de `n` neurônios com P padrões cada; mede a
    fração de bits que uma atualização deixa como estão e a fração de padrões
    recuperados sem erro a partir de uma cópia com `ruido` dos bits trocados.
    """
    n, redes = _inteiro(n, "n", 2), _inteiro(redes, "redes", 1)
    valores_p = [_inteiro(p, "valores_p", 1) for p in valores_p]
    fracao = como_escalar(ruido, "ruido")
    rng = np.random.default_rng(semente)
    trocas = int(round(fracao * n))
    medidas = []
    for p in valores_p:
        X = rng.choice([-1.0, 1.0], size=(redes, p, n))
        Ws = np.einsum("rpi,rpj->rij", X, X) / n
        Ws[:, np.arange(n), np.arange(n)] = 0.0
        H = np.einsum("rij,rpj->rpi", Ws, X)
        estaveis = float(np.mean(_sinal(H, X) == X))
        posicoes = np.argsort(rng.random((redes, p, n)), axis=-1)[..., :trocas]
        pistas = X.copy()
        np.put_along_axis(pistas, posicoes, -np.take_along_axis(X, posicoes, axis=-1), axis=-1)
        F = _convergir(Ws, pistas, rng, max_varreduras)
        medidas.append((estaveis, float(np.mean(np.all(F == X, axis=-1))), float(np.mean(F * X))))
    e, r, m = (np.array(c) for c in zip(*medidas))
    return Capacidade(np.array(valores_p), e, estabilidade_teorica(n, valores_p), r, m)


# ------------------------------------------------------------------ a versão moderna

def recuperar_moderna(padroes, estado, beta: float = 1.0) -> np.ndarray:
    r"""Um passo da rede de Hopfield moderna: $\mathbf s \leftarrow \Xi^\top \operatorname{softmax}(\beta\, \Xi\, \mathbf s)$.

    `padroes` é $\Xi$, `(P, N)`; `estado` é `(N,)` ou `(m, N)` (aqui pode ter valores reais).
    É a atenção de um transformer com a consulta = estado e chaves = valores = padrões.
    """
    X = como_array(padroes, "padroes", dims=2)
    s = como_array(estado, "estado", dims=(1, 2))
    if s.shape[-1] != X.shape[1]:
        raise ValueError(f"esperava `estado` com {X.shape[1]} valores (último eixo), recebi forma {s.shape}")
    pesos_atencao = softmax(como_escalar(beta, "beta") * (s @ X.T))
    return pesos_atencao @ X
