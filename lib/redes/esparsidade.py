r"""Regularização L1 na prática (o passo proximal e os pesos zerados) e as máscaras do dropout.

A penalidade L1, $\frac{\lambda}{n}\sum_w |w|$, tem derivada
$\frac{\lambda}{n}\operatorname{sinal}(w)$ fora de $w = 0$ (veja
`redes.regularizacao.L1`). Com a descida do gradiente, cada passo tira
$\eta\lambda/n$ do módulo do peso:

$$w \leftarrow w - \frac{\eta\lambda}{n}\operatorname{sinal}(w) - \eta\,\frac{\partial C_0}{\partial w}.$$

Esse passo quase nunca deixa um peso exatamente em zero: um peso pequeno
pula de um lado para o outro do zero, a uma distância de até $\eta\lambda/n$.
O remédio usual é o **passo proximal**: primeiro o passo só com os dados,
$u = w - \eta\,\partial C_0/\partial w$, depois o **limiar suave**
(*soft-thresholding*), com $t = \eta\lambda/n$:

$$S_t(u) = \operatorname{sinal}(u)\,\max(|u| - t,\ 0).$$

Todo $u$ com $|u| \le t$ vira zero exato; os outros encolhem $t$. $S_t(u)$
é o ponto que minimiza $\tfrac12 (v - u)^2 + t\,|v|$.

No dropout, cada neurônio oculto fica com probabilidade $1 - p$:
$r_j \sim \text{Bernoulli}(1 - p)$. `mascaras_dropout` sorteia as máscaras de
uma rede inteira com a mesma regra da camada `redes.camadas.Dropout`.
"""
from __future__ import annotations

import numpy as np

from ._lotes import gerador, inteiro, real
from ._validacao import como_array, escolher
from .arquitetura import validar_tamanhos
from .camadas import Dropout
from .otimizadores import SGD
from .regularizacao import L1, L2

PENALIDADES = ("L1", "L2", "L1 proximal")


def limiar_suave(w, t) -> np.ndarray:
    r"""Limiar suave $S_t(w) = \operatorname{sinal}(w)\max(|w| - t, 0)$, elemento a elemento ($t \ge 0$).

    Quem tem $|w| \le t$ vira 0 exato; os outros chegam $t$ mais perto do zero.
    """
    w = como_array(w, "w")
    t = real(t, "t", minimo=0.0)
    return np.sign(w) * np.maximum(np.abs(w) - t, 0.0)


def _conferir_passo(w, gradiente_dados, taxa, lmbda, n):
    w = como_array(w, "w")
    g = como_array(gradiente_dados, "gradiente_dados")
    if g.shape != w.shape and g.size != 1:
        raise ValueError(f"esperava gradiente_dados com a forma de w, {w.shape}, recebi {g.shape}")
    return w, g, real(taxa, "taxa", acima_de=0.0), real(lmbda, "lmbda", minimo=0.0), inteiro(n, "n")


def atualizar_l1(w, gradiente_dados, taxa, lmbda, n) -> np.ndarray:
    r"""Um passo com L1 pelo sinal: $w - \frac{\eta\lambda}{n}\operatorname{sinal}(w) - \eta\,\partial C_0/\partial w$.

    Usa `redes.regularizacao.L1`, com $\operatorname{sinal}(0) = 0$: um peso
    zero com gradiente dos dados zero fica em zero.
    """
    w, g, taxa, lmbda, n = _conferir_passo(w, gradiente_dados, taxa, lmbda, n)
    return w - taxa * (g + L1(lmbda).gradiente(w, n))


def atualizar_l2(w, gradiente_dados, taxa, lmbda, n) -> np.ndarray:
    r"""Um passo com L2: $(1 - \frac{\eta\lambda}{n})\,w - \eta\,\partial C_0/\partial w$ (via `regularizacao.L2`)."""
    w, g, taxa, lmbda, n = _conferir_passo(w, gradiente_dados, taxa, lmbda, n)
    return w - taxa * (g + L2(lmbda).gradiente(w, n))


def passo_proximal_l1(w, gradiente_dados, taxa, lmbda, n) -> np.ndarray:
    r"""Um passo proximal com L1: $S_{\eta\lambda/n}\big(w - \eta\,\partial C_0/\partial w\big)$; dá zeros exatos."""
    w, g, taxa, lmbda, n = _conferir_passo(w, gradiente_dados, taxa, lmbda, n)
    return limiar_suave(w - taxa * g, taxa * lmbda / n)


def trajetoria_de_um_peso(w0, passos: int, encolhimento: float, penalidade: str = "L1") -> np.ndarray:
    r"""Os valores de um peso ao longo de `passos` passos só com a penalidade (gradiente dos dados zero).

    `encolhimento` é $\eta\lambda/n$. L2: $w_{k+1} = (1 - \eta\lambda/n)\,w_k$ (só se
    aproxima do zero); L1: $w_{k+1} = w_k - \frac{\eta\lambda}{n}\operatorname{sinal}(w_k)$
    (anda em linha reta e depois oscila em volta do zero); "L1 proximal":
    $w_{k+1} = S_{\eta\lambda/n}(w_k)$ (chega ao zero e fica). Devolve
    os `passos + 1` valores, começando em `w0`.
    """
    w0 = real(w0, "w0")
    passos = inteiro(passos, "passos", minimo=0)
    t = real(encolhimento, "encolhimento", minimo=0.0, abaixo_de=1.0)
    penalidade = escolher(penalidade, "penalidade", PENALIDADES)
    valores = np.empty(passos + 1)
    valores[0] = w = w0
    for k in range(1, passos + 1):
        if penalidade == "L2":
            w = (1.0 - t) * w
        elif penalidade == "L1":
            w = w - t * np.sign(w)
        else:
            w = float(np.sign(w) * max(abs(w) - t, 0.0))
        valores[k] = w
    return valores


def _juntar(pesos) -> np.ndarray:
    """Todos os pesos num vetor só (aceita um array ou uma lista de arrays, como `modelo.pesos()`)."""
    if isinstance(pesos, (list, tuple)):
        if not pesos:
            raise ValueError("esperava pelo menos um array de pesos, recebi uma lista vazia")
        return np.concatenate([como_array(w, "pesos").ravel() for w in pesos])
    return como_array(pesos, "pesos").ravel()


def contar_quase_zeros(pesos, limiar: float = 1e-3) -> int:
    r"""Quantos pesos têm $|w| < \text{limiar}$ (um array ou uma lista de arrays)."""
    limiar = real(limiar, "limiar", acima_de=0.0)
    return int(np.count_nonzero(np.abs(_juntar(pesos)) < limiar))


def concentracao(pesos, fracao: float = 0.1) -> float:
    r"""Que parte de $\sum|w|$ fica com a `fracao` dos pesos de maior módulo (0,1 = os 10% maiores).

    Perto de `fracao`: o tamanho está espalhado por igual; perto de 1: poucos
    pesos carregam quase tudo.
    """
    fracao = real(fracao, "fracao", acima_de=0.0, maximo=1.0)
    modulos = np.sort(np.abs(_juntar(pesos)))[::-1]
    total = float(modulos.sum())
    if total == 0.0:
        return 0.0
    k = max(1, int(round(fracao * modulos.size)))
    return float(modulos[:k].sum() / total)


class SGDProximalL1(SGD):
    r"""Descida do gradiente estocástica com o passo proximal da L1 nos pesos.

    Cada passo faz $w \leftarrow S_{\eta\lambda/n}(w - \eta g)$ nos arrays de
    `pesos` (por exemplo `modelo.pesos()`, sem os vieses) e o passo comum
    $b \leftarrow b - \eta g$ nos outros. Use com `treinar(...,
    regularizacao=None)`: a penalidade já está aqui dentro.
    """

    def __init__(self, taxa, lmbda: float, n: int, pesos):
        super().__init__(taxa)
        self.lmbda = real(lmbda, "lmbda", minimo=0.0)
        self.n = inteiro(n, "n")
        pesos = list(pesos)
        if not all(isinstance(w, np.ndarray) for w in pesos):
            raise TypeError("esperava em `pesos` os arrays de pesos do modelo (modelo.pesos())")
        self._ids = {id(w) for w in pesos}

    def _passo(self, parametros, gradientes) -> None:
        super()._passo(parametros, gradientes)
        t = self._taxa * self.lmbda / self.n
        for p in parametros:
            if id(p) in self._ids:
                encolhido = np.maximum(np.abs(p) - p.dtype.type(t), 0)
                np.multiply(np.sign(p), encolhido, out=p)

    def __repr__(self) -> str:
        return f"SGDProximalL1(taxa={self.agenda!r}, lmbda={self.lmbda:g}, n={self.n})"


def mascaras_dropout(tamanhos, p: float, semente=0, p_entrada: float = 0.0) -> list[np.ndarray]:
    r"""Uma máscara booleana por camada da rede `tamanhos` (True = o neurônio fica).

    As camadas ocultas perdem cada neurônio com probabilidade `p`; a entrada,
    com `p_entrada` (0 = intocada, como no livro; Hinton et al. usaram 0,2);
    a saída nunca. O sorteio é o da camada `redes.camadas.Dropout`, camada
    por camada, do mesmo gerador.
    """
    t = validar_tamanhos(tamanhos)
    p = real(p, "p", minimo=0.0, abaixo_de=1.0)
    p_entrada = real(p_entrada, "p_entrada", minimo=0.0, abaixo_de=1.0)
    sorteio = gerador(semente)
    mascaras = []
    for i, n in enumerate(t):
        taxa = p_entrada if i == 0 else 0.0 if i == len(t) - 1 else p
        camada = Dropout(taxa, semente=sorteio)
        mascaras.append(camada.forward(np.ones((1, n), dtype=np.float32), treino=True)[0] > 0)
    return mascaras
