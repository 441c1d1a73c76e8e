r"""Entropia, entropia cruzada e divergência de Kullback–Leibler entre distribuições discretas.

Uma distribuição de probabilidade sobre $k$ classes é um vetor $p$ com
$p_c \ge 0$ e $\sum_c p_c = 1$. As três medidas, em *nats* (logaritmo natural,
o padrão) ou em outra base (`base=2` dá bits):

| medida | fórmula |
|---|---|
| `entropia(p)` | $H(p) = -\sum_c p_c \ln p_c$ |
| `entropia_cruzada(p, q)` | $H(p, q) = -\sum_c p_c \ln q_c$ |
| `divergencia_kl(p, q)` | $D_{KL}(p \Vert q) = \sum_c p_c \ln \dfrac{p_c}{q_c}$ |

e elas se ligam por $H(p, q) = H(p) + D_{KL}(p \Vert q)$. Como
$D_{KL} \ge 0$ (desigualdade de Gibbs), a entropia cruzada nunca fica abaixo
da entropia de $p$, e só a iguala quando $q = p$. Com $p$ one-hot,
$H(p) = 0$ e $H(p, q) = D_{KL}(p\Vert q) = -\ln q_y$, o custo de
log-verossimilhança da classe certa $y$.

Zeros: vale a convenção $0 \cdot \ln 0 = 0$ (o limite de $t \ln t$ quando
$t \to 0$), então um $p_c = 0$ não contribui, qualquer que seja $q_c$. Já
$p_c > 0$ com $q_c = 0$ dá $+\infty$: $q$ diz que é impossível algo que
acontece. Nenhuma das funções emite avisos do NumPy nesses casos.

Cada função aceita um vetor `(k,)` (devolve um `float`) ou um lote `(m, k)`,
uma distribuição por linha (devolve um array `(m,)`).
"""
from __future__ import annotations

import math

import numpy as np

from ._validacao import como_array, como_escalar

#: Tolerância para a soma de uma distribuição: |Σ p − 1| ≤ TOLERANCIA_SOMA.
TOLERANCIA_SOMA = 1e-6


def _distribuicao(valor, nome: str) -> np.ndarray:
    """`valor` como distribuição (vetor ou lote, uma por linha), conferida com mensagens em português."""
    p = como_array(valor, nome, dims=(1, 2))
    if p.shape[-1] == 0:
        raise ValueError(f"esperava pelo menos uma classe em `{nome}`, recebi forma {p.shape}")
    if np.any(p < 0):
        raise ValueError(f"`{nome}` não é uma distribuição de probabilidade: tem valor negativo "
                         f"({float(p.min()):g}); probabilidades são ≥ 0")
    somas = p.sum(axis=-1)
    if np.any(np.abs(somas - 1.0) > TOLERANCIA_SOMA):
        pior = float(np.atleast_1d(somas)[int(np.argmax(np.abs(np.atleast_1d(somas) - 1.0)))])
        raise ValueError(f"`{nome}` não é uma distribuição de probabilidade: soma {pior:.6g}, e não 1 "
                         f"(saídas de sigmoides não somam 1; use a softmax, ou normalize dividindo pela soma)")
    return p


def _par(p, q) -> tuple[np.ndarray, np.ndarray]:
    p, q = _distribuicao(p, "p"), _distribuicao(q, "q")
    if p.shape != q.shape:
        raise ValueError(f"esperava `p` e `q` com a mesma forma (as mesmas classes), recebi {p.shape} e {q.shape}")
    return p, q


def _log(base) -> float:
    """$\\ln(\\text{base})$, o divisor que troca nats pela unidade pedida."""
    b = como_escalar(base, "base")
    if b <= 0 or b == 1:
        raise ValueError(f"esperava uma base de logaritmo positiva e diferente de 1, recebi {b:g}")
    return math.log(b)


def _saida(valores: np.ndarray):
    return float(valores) if valores.ndim == 0 else valores


def entropia(p, base: float = math.e):
    r"""Entropia $H(p) = -\sum_c p_c \log p_c$, com $0 \log 0 = 0$.

    Mede a incerteza de $p$: 0 quando uma classe tem probabilidade 1 (one-hot)
    e $\log k$ quando as $k$ classes são igualmente prováveis. Exemplo: uma
    moeda honesta, `entropia([0.5, 0.5], base=2)`, dá 1 bit.
    """
    p = _distribuicao(p, "p")
    positivos = p > 0
    termos = np.zeros_like(p)
    termos[positivos] = p[positivos] * np.log(p[positivos])
    return _saida(-termos.sum(axis=-1) / _log(base) + 0.0)   # + 0.0 troca −0.0 por 0.0


def entropia_cruzada(p, q, base: float = math.e):
    r"""Entropia cruzada $H(p, q) = -\sum_c p_c \log q_c$ (repare no sinal de menos).

    $p$ é a distribuição verdadeira (por exemplo, one-hot), $q$ a prevista.
    Termos com $p_c = 0$ valem 0; $p_c > 0$ com $q_c = 0$ dá $+\infty$.
    Exemplo: $p = (0, 1, 0)$ e $q = (0{,}228;\ 0{,}619;\ 0{,}153)$ dão
    $-\ln 0{,}619 \approx 0{,}4797$.
    """
    p, q = _par(p, q)
    termos = np.zeros_like(p)
    usados = p > 0
    impossiveis = usados & (q == 0)
    validos = usados & ~impossiveis
    termos[validos] = p[validos] * np.log(q[validos])
    termos[impossiveis] = -np.inf
    return _saida(-termos.sum(axis=-1) / _log(base) + 0.0)   # + 0.0 troca −0.0 por 0.0


def divergencia_kl(p, q, base: float = math.e):
    r"""Divergência de Kullback–Leibler $D_{KL}(p \Vert q) = \sum_c p_c \log(p_c / q_c)$.

    É o quanto a entropia cruzada passa da entropia:
    $D_{KL}(p\Vert q) = H(p, q) - H(p) \ge 0$, com igualdade só se $q = p$.
    Não é simétrica ($D_{KL}(p\Vert q) \ne D_{KL}(q\Vert p)$ em geral), por isso
    não é uma distância. Termos com $p_c = 0$ valem 0; $p_c > 0$ com $q_c = 0$ dá $+\infty$.
    """
    p, q = _par(p, q)
    termos = np.zeros_like(p)
    usados = p > 0
    impossiveis = usados & (q == 0)
    validos = usados & ~impossiveis
    termos[validos] = p[validos] * (np.log(p[validos]) - np.log(q[validos]))
    termos[impossiveis] = np.inf
    # arredondamentos podem dar −1e-17 quando q = p; a divergência nunca é negativa
    return _saida(np.maximum(termos.sum(axis=-1), 0.0) / _log(base))
