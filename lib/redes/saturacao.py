r"""Saturação e escala dos sinais na inicialização (capítulo 17): contas e amostras.

Um neurônio recebe $n_{ent}$ entradas, das quais $k$ valem 1 e as outras 0, e
tem pesos e viés sorteados, independentes e de média zero. O potencial
$z = \sum_j w_j x_j + b$ é uma soma de $k + 1$ variáveis independentes, e as
variâncias se somam:

$$\mathrm{Var}\,z = k\,\mathrm{Var}\,w + \mathrm{Var}\,b .$$

| esquema | $\mathrm{Var}\,w$ | $\mathrm{Var}\,b$ |
|---|---|---|
| `"grande"` | $1$ | $1$ |
| `"lecun"` | $1/n_{ent}$ | $1$ |
| `"glorot"` | $2/(n_{ent} + n_{sai})$ | $0$ |
| `"he"` | $2/n_{ent}$ | $0$ |

Com 1000 entradas e metade ativas: `"grande"` dá $\sqrt{501} \approx 22{,}38$ e
`"lecun"` dá $\sqrt{3/2} \approx 1{,}2247$ (`redes.inicializacao.desvio_do_potencial`
faz a mesma conta para `"grande"`, `"lecun"` e `"he"`).

Um neurônio está **saturado** quando $|g'(z)| < \varepsilon$ (por padrão
$\varepsilon = 0{,}01$, o mesmo critério de `graficos.fracao_saturada`): para a
sigmoide, $|z| > 4{,}585$. As amostras vêm de camadas de verdade, sorteadas
pelas funções de `redes.inicializacao`.
"""
from __future__ import annotations

import numpy as np

from . import ativacoes
from . import inicializacao as _inicializacao
from ._lotes import gerador, inteiro, real
from ._validacao import como_array, escolher

#: Os esquemas que o capítulo compara, na ordem dos controles.
ESQUEMAS = ("grande", "lecun", "glorot", "he")


def variancia_dos_pesos(esquema: str, n_entrada: int, n_saida: int) -> float:
    r"""$\mathrm{Var}\,w$ do esquema: 1, $1/n_{ent}$, $2/(n_{ent} + n_{sai})$ ou $2/n_{ent}$."""
    esquema = escolher(esquema, "esquema", ESQUEMAS)
    n_entrada, n_saida = inteiro(n_entrada, "n_entrada"), inteiro(n_saida, "n_saida")
    return {"grande": 1.0, "lecun": 1.0 / n_entrada, "glorot": 2.0 / (n_entrada + n_saida),
            "he": 2.0 / n_entrada}[esquema]


def variancia_dos_vieses(esquema: str) -> float:
    r"""$\mathrm{Var}\,b$ do esquema: 1 em `"grande"` e `"lecun"` (como em Nielsen), 0 em `"glorot"` e `"he"`."""
    return 1.0 if escolher(esquema, "esquema", ESQUEMAS) in ("grande", "lecun") else 0.0


def _ativas(n_entrada: int, fracao: float) -> int:
    real(fracao, "fracao", minimo=0.0, maximo=1.0)
    return int(round(fracao * n_entrada))


def desvio_teorico(n_entrada: int, fracao: float, esquema: str = "grande", n_saida: int = 30) -> float:
    r"""Desvio padrão de $z$ com `round(fracao * n_entrada)` entradas iguais a 1: $\sqrt{k\,\mathrm{Var}\,w + \mathrm{Var}\,b}$.

    `n_saida` (o número de neurônios da camada) só importa para `"glorot"`.
    """
    n_entrada = inteiro(n_entrada, "n_entrada")
    k = _ativas(n_entrada, fracao)
    return float(np.sqrt(k * variancia_dos_pesos(esquema, n_entrada, n_saida) + variancia_dos_vieses(esquema)))


def amostrar_potenciais(n_entrada: int, fracao: float, esquema: str = "grande", n_saida: int = 30,
                        neuronios: int = 3000, semente=0) -> np.ndarray:
    r"""Potenciais $z$ de `neuronios` neurônios recém-inicializados, todos vendo a mesma entrada.

    A entrada tem as primeiras `round(fracao * n_entrada)` posições iguais a 1 e
    as outras 0. Sorteiam-se camadas $n_{ent} \to n_{sai}$ com
    `redes.inicializacao.obter(esquema)` até juntar `neuronios` neurônios; cada
    um contribui com $z = \mathbf x \cdot \mathbf w + b$. Devolve um array `(neuronios,)`.
    """
    esquema = escolher(esquema, "esquema", ESQUEMAS)
    n_entrada, n_saida = inteiro(n_entrada, "n_entrada"), inteiro(n_saida, "n_saida")
    neuronios = inteiro(neuronios, "neuronios")
    k = _ativas(n_entrada, fracao)
    iniciar, rng = _inicializacao.obter(esquema), gerador(semente)
    blocos = []
    for _ in range(-(-neuronios // n_saida)):
        W, b = iniciar(n_entrada, n_saida, rng)
        blocos.append(W[:k].sum(axis=0) + b)          # x tem 1 nas k primeiras entradas: x·w = soma de k pesos
    return np.concatenate(blocos)[:neuronios]


def fracao_de_saturados(z, ativacao: str = "sigmoide", limiar: float = 0.01) -> float:
    r"""Fração dos potenciais `z` em que $|g'(z)| < \varepsilon$ (`limiar`): os neurônios saturados."""
    z = como_array(z, "z", finito=False)
    if z.size == 0:
        raise ValueError("esperava pelo menos um potencial em `z`")
    eps = real(limiar, "limiar", acima_de=0.0)
    g = ativacoes.obter(ativacao)
    with np.errstate(over="ignore", invalid="ignore"):
        return float(np.mean(np.abs(g.derivada(z)) < eps))


def estatisticas_por_camada(ativacao: str = "tanh", esquema: str = "glorot", camadas: int = 10, largura: int = 256,
                            exemplos: int = 1000, limiar: float = 0.01, semente=0) -> dict:
    r"""O que acontece com o sinal numa rede profunda recém-inicializada, camada por camada.

    Entradas $\mathbf x \sim \mathcal N(0, I)$ (`exemplos` × `largura`) passam por
    `camadas` camadas densas `largura → largura` com a `ativacao`. Na volta, um
    gradiente $\partial C/\partial \mathbf a^L \sim \mathcal N(0, I)$ desce pela regra
    $\delta^l = \bigl(\delta^{l+1} W^{l+1\,T}\bigr) \odot g'(\mathbf z^l)$.
    Devolve arrays `(camadas,)`: `desvio_z` e `desvio_a` (desvio padrão dos
    potenciais e das ativações), `saturados` (fração com $|g'(z)| < \varepsilon$)
    e `desvio_delta` (desvio padrão de $\delta^l$), mais os parâmetros usados.
    """
    escolher(ativacao, "ativacao", ("sigmoide", "tanh", "relu"))
    esquema = escolher(esquema, "esquema", ESQUEMAS)
    camadas, largura = inteiro(camadas, "camadas"), inteiro(largura, "largura")
    exemplos = inteiro(exemplos, "exemplos")
    g = ativacoes.obter(ativacao)
    rng = gerador(semente)
    iniciar = _inicializacao.obter(esquema)
    A = rng.standard_normal((exemplos, largura))
    pesos, derivadas = [], []
    desvio_z, desvio_a, saturados = [], [], []
    with np.errstate(over="ignore", invalid="ignore"):
        for _ in range(camadas):
            W, b = iniciar(largura, largura, rng)
            Z = A @ W + b
            A = g(Z)
            d = g.derivada(Z)
            pesos.append(W)
            derivadas.append(d)
            desvio_z.append(Z.std())
            desvio_a.append(A.std())
            saturados.append(np.mean(np.abs(d) < limiar))
        delta = rng.standard_normal((exemplos, largura)) * derivadas[-1]
        desvio_delta = [delta.std()]
        for l in range(camadas - 2, -1, -1):
            delta = (delta @ pesos[l + 1].T) * derivadas[l]
            desvio_delta.append(delta.std())
    return {"ativacao": ativacao, "esquema": esquema, "camadas": camadas, "largura": largura,
            "desvio_z": np.array(desvio_z), "desvio_a": np.array(desvio_a), "saturados": np.array(saturados),
            "desvio_delta": np.array(desvio_delta[::-1])}
