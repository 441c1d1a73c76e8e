r"""Figuras do capítulo 4: cada ativação com a sua derivada, a saturação, a softmax e o degrau contra a sigmoide.

A **saturação** aqui é medida pela derivada: um trecho de $z$ está saturado
quando $|g'(z)| < \varepsilon$ (por padrão $\varepsilon = 0{,}01$). Ali uma
mudança em $z$ quase não muda a saída, e o gradiente que passa pelo neurônio
quase some. Para a sigmoide isso acontece em $|z| > 4{,}585$; para a tanh, em
$|z| > 2{,}993$; para a ReLU, em toda a metade $z \le 0$.

Todas as funções desenham e devolvem um número (ou um array) que os testes e
os widgets conferem.
"""
from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np

from .. import ativacoes
from .._validacao import como_array, como_escalar, escolher
from .estilo import CORES, eixos_cartesianos, figura

#: Ativações que não agem elemento a elemento (não têm curva $g(z)$ de uma variável).
VETORIAIS = ("softmax",)

#: Quantos pontos (centros de intervalos iguais) medem a fração saturada.
_PONTOS = 2400


def nomes_elemento_a_elemento() -> list[str]:
    """Nomes das ativações de `ativacoes.ATIVACOES` que agem elemento a elemento (todas menos a softmax)."""
    return [nome for nome in ativacoes.ATIVACOES if nome not in VETORIAIS]


def _funcao_e_derivada(nome: str, alfa: float | None):
    """A ativação `nome` e a sua derivada; `alfa` é a inclinação negativa da leaky ReLU (as outras a ignoram)."""
    nome = escolher(nome, "nome", ativacoes.ATIVACOES)
    if nome in VETORIAIS:
        raise ValueError(f"a {nome} age num vetor inteiro, não num número: use `barras_softmax` para vê-la")
    g = ativacoes.ATIVACOES[nome]
    if nome == "leaky_relu" and alfa is not None:
        a = como_escalar(alfa, "alfa")
        return nome, (lambda z: g(z, alfa=a)), (lambda z: g.derivada(z, alfa=a))
    return nome, g, g.derivada


def _limites(limites) -> tuple[float, float]:
    lim = como_array(limites, "limites", forma=(2,))
    if not lim[0] < lim[1]:
        raise ValueError(f"esperava limites (a, b) com a < b, recebi {tuple(lim)}")
    return float(lim[0]), float(lim[1])


def _limiar(limiar_saturacao) -> float:
    eps = como_escalar(limiar_saturacao, "limiar_saturacao")
    if eps <= 0:
        raise ValueError(f"esperava limiar_saturacao > 0, recebi {eps}")
    return eps


def trechos_saturados(nome: str, limiar_saturacao: float = 0.01, limites=(-6.0, 6.0),
                      alfa: float | None = None) -> list[tuple[float, float]]:
    r"""Os trechos de `limites` em que $|g'(z)| < \varepsilon$, como pares `(início, fim)`.

    O intervalo é dividido em 2400 pedaços iguais e cada pedaço é julgado
    pelo seu centro; por isso as pontas têm precisão de $(b - a)/2400$.
    Exemplo: para a sigmoide em $[-6, 6]$ dá cerca de
    `[(-6.0, -4.585), (4.585, 6.0)]`.
    """
    _, _, dg = _funcao_e_derivada(nome, alfa)
    a, b = _limites(limites)
    eps = _limiar(limiar_saturacao)
    passo = (b - a) / _PONTOS
    centros = a + passo * (np.arange(_PONTOS) + 0.5)
    saturado = np.abs(dg(centros)) < eps
    bordas = np.flatnonzero(np.diff(np.concatenate([[0], saturado.astype(int), [0]])))
    return [(float(a + passo * i), float(a + passo * j)) for i, j in zip(bordas[::2], bordas[1::2])]


def fracao_saturada(nome: str, limiar_saturacao: float = 0.01, limites=(-6.0, 6.0),
                    alfa: float | None = None) -> float:
    r"""Fração do intervalo `limites` em que $|g'(z)| < \varepsilon$ (entre 0 e 1).

    Para a sigmoide em $[-6, 6]$: $(6 - 4{,}585)/6 \approx 0{,}236$; para o degrau, 1; para a identidade, 0.
    """
    a, b = _limites(limites)
    trechos = trechos_saturados(nome, limiar_saturacao, (a, b), alfa)
    return float(sum(fim - inicio for inicio, fim in trechos) / (b - a))


def _desenhar(ax, nome, g, dg, a, b, eps, alfa, legenda=True, titulo=True) -> float:
    """Desenha g, g' e a sombra da saturação em `ax`; devolve a fração saturada."""
    z = np.linspace(a, b, 601)
    gz, dgz = np.asarray(g(z)), np.asarray(dg(z))
    trechos = trechos_saturados(nome, eps, (a, b), alfa)
    for i, (inicio, fim) in enumerate(trechos):
        ax.axvspan(inicio, fim, color=CORES["cinza"], alpha=0.18, lw=0,
                   label=f"|g′| < {eps:g}".replace(".", ",") if i == 0 else None)
    eixos_cartesianos(ax)
    ax.plot(z, gz, color=CORES["azul"], label="g(z)")
    ax.plot(z, dgz, color=CORES["laranja"], ls="--", lw=1.6, label="g′(z)")
    alcance = max(b, -a, 1.2)
    baixo = max(min(gz.min(), dgz.min()), -alcance)
    alto = min(max(gz.max(), dgz.max()), alcance)
    folga = 0.08 * (alto - baixo) + 0.05
    ax.set_ylim(baixo - folga, alto + folga)
    ax.set_xlim(a, b)
    fracao = float(sum(fim - inicio for inicio, fim in trechos) / (b - a))
    if titulo:
        ax.set_title(f"{nome}: |g′| < {eps:g} em {100 * fracao:.0f}% de [{a:g}; {b:g}]"
                     .replace(".", ",").replace("-", "−"))
    if legenda:
        ax.legend(fontsize=8, loc="upper left")
    return fracao


def figura_ativacao(nome: str, alcance: float = 6.0, alfa: float | None = None,
                    limiar_saturacao: float = 0.01, ax=None) -> float:
    r"""A ativação `nome` e a sua derivada em $[-\text{alcance}, \text{alcance}]$, com os trechos saturados em cinza.

    Saturado é onde $|g'(z)| < \varepsilon$ (`limiar_saturacao`). `alfa` muda a
    inclinação negativa da leaky ReLU (as outras funções a ignoram). Devolve a
    fração saturada do intervalo desenhado, a mesma de `fracao_saturada`.
    """
    alcance = como_escalar(alcance, "alcance")
    if alcance <= 0:
        raise ValueError(f"esperava alcance > 0, recebi {alcance}")
    nome, g, dg = _funcao_e_derivada(nome, alfa)
    eps = _limiar(limiar_saturacao)
    if ax is None:
        _, ax = figura(largura=5.6, altura=3.0)
    fracao = _desenhar(ax, nome, g, dg, -alcance, alcance, eps, alfa)
    ax.set_xlabel("potencial de ativação z")
    return fracao


def grade_ativacoes(nomes=None, alcance: float = 6.0, limiar_saturacao: float = 0.01,
                    colunas: int = 4) -> dict[str, float]:
    r"""Uma grade com cada ativação (azul) e a sua derivada (laranja, tracejada) em $[-a, a]$, $a$ = `alcance`.

    Sem `nomes`, desenha todas as que agem elemento a elemento. Os trechos
    com $|g'| < \varepsilon$ ficam em cinza. Devolve `{nome: fração saturada}`.
    """
    nomes = nomes_elemento_a_elemento() if nomes is None else list(nomes)
    if not nomes:
        raise ValueError("esperava pelo menos um nome de ativação em `nomes`")
    alcance = como_escalar(alcance, "alcance")
    if alcance <= 0:
        raise ValueError(f"esperava alcance > 0, recebi {alcance}")
    eps = _limiar(limiar_saturacao)
    colunas = int(colunas)
    if colunas < 1:
        raise ValueError(f"esperava colunas ≥ 1, recebi {colunas}")
    linhas = -(-len(nomes) // colunas)
    fig, eixos = plt.subplots(linhas, colunas, figsize=(2.3 * colunas, 1.85 * linhas), squeeze=False)
    fracoes = {}
    for ax in eixos.ravel()[len(nomes):]:
        ax.set_visible(False)
    for ax, nome in zip(eixos.ravel(), nomes):
        nome_certo, g, dg = _funcao_e_derivada(nome, None)
        fracoes[nome_certo] = _desenhar(ax, nome_certo, g, dg, -alcance, alcance, eps, None,
                                        legenda=False, titulo=False)
        ax.set_title(nome_certo, fontsize=9)
        ax.tick_params(labelsize=7)
    eixos.ravel()[0].legend(fontsize=7, loc="upper left")
    return fracoes


def barras_softmax(z1: float, z2: float, z3: float, temperatura: float = 1.0, ax=None) -> np.ndarray:
    r"""Barras dos potenciais $z$ (à esquerda) e das probabilidades $\mathrm{softmax}(z/T)$ (à direita).

    $$p_i = \frac{e^{z_i/T}}{\sum_j e^{z_j/T}}.$$

    Com $T$ pequeno a maior classe leva quase tudo; com $T$ grande as três se
    aproximam de 1/3. Devolve as três probabilidades (um array que soma 1).
    """
    z = np.array([como_escalar(z1, "z1"), como_escalar(z2, "z2"), como_escalar(z3, "z3")])
    t = como_escalar(temperatura, "temperatura")
    if t <= 0:
        raise ValueError(f"esperava temperatura > 0, recebi {t}")
    p = ativacoes.softmax(z / t)
    if ax is None:
        _, (ax_z, ax) = figura(colunas=2, largura=7.0, altura=2.9)
        posicoes = np.arange(3)
        ax_z.bar(posicoes, z, color=CORES["celeste"], edgecolor=CORES["azul"])
        ax_z.axhline(0, color=CORES["cinza"], lw=0.8)
        ax_z.set_xticks(posicoes, ["z₁", "z₂", "z₃"])
        ax_z.set_ylim(min(z.min(), 0) - 0.6, max(z.max(), 0) + 0.6)
        for x, v in zip(posicoes, z):
            rotulo = f"{v:.2f}".replace("-", "−").replace(".", ",")
            ax_z.text(x, v + (0.1 if v >= 0 else -0.1), rotulo, ha="center", va="bottom" if v >= 0 else "top",
                      fontsize=9)
        ax_z.set_title("potenciais z (escores)")
    cores = [CORES["azul"] if i == int(np.argmax(p)) else CORES["cinza"] for i in range(3)]
    ax.bar(np.arange(3), p, color=cores)
    ax.axhline(1 / 3, color=CORES["vermelho"], ls=":", lw=1)
    ax.set_xticks(np.arange(3), ["classe 1", "classe 2", "classe 3"])
    ax.set_ylim(0, 1.12)
    for x, v in enumerate(p):
        ax.text(x, v + 0.02, f"{v:.2f}".replace(".", ","), ha="center", va="bottom", fontsize=9)
    ax.set_title(f"softmax(z / T), T = {t:.2f}".replace(".", ","))
    return p


def figura_degrau_vs_sigmoide(w: float, x: float = 1.0, b: float = -1.0, limites=(-1.0, 3.0)):
    r"""Saída de um neurônio degrau e de um neurônio sigmoide, $g(w x + b)$, em função do peso $w$.

    Com a entrada $x$ e o viés $b$ fixos, as duas curvas mostram o que
    acontece quando só o peso muda: o degrau salta de 0 para 1 em
    $w = -b/x$; a sigmoide sobe devagar. O peso atual aparece marcado.
    Devolve `{"z": w·x + b, "degrau": saída do degrau, "sigmoide": saída da sigmoide}`.
    """
    w = como_escalar(w, "w")
    x = como_escalar(x, "x")
    b = como_escalar(b, "b")
    a, c = _limites(limites)
    pesos = np.linspace(min(a, w), max(c, w), 801)
    z = w * x + b
    saidas = {"z": z, "degrau": float(ativacoes.degrau(z)), "sigmoide": float(ativacoes.sigmoide(z))}
    _, ax = figura(largura=5.6, altura=3.0)
    degrau = ativacoes.degrau(pesos * x + b)
    salto = np.flatnonzero(np.diff(degrau))
    degrau_com_buraco = np.insert(degrau, salto + 1, np.nan)       # sem o risco vertical no salto
    pesos_com_buraco = np.insert(pesos, salto + 1, np.nan)
    ax.plot(pesos_com_buraco, degrau_com_buraco, color=CORES["laranja"], label="degrau (perceptron)")
    ax.plot(pesos, ativacoes.sigmoide(pesos * x + b), color=CORES["azul"], label="sigmoide")
    ax.axvline(w, color=CORES["cinza"], ls="--", lw=1)
    ax.plot([w], [saidas["degrau"]], "s", color=CORES["laranja"], ms=7, zorder=4)
    ax.plot([w], [saidas["sigmoide"]], "o", color=CORES["azul"], ms=7, zorder=4)
    ax.set_ylim(-0.08, 1.08)
    ax.set_xlim(pesos[0], pesos[-1])
    ax.set_xlabel(f"peso w   (entrada x = {x:g}; viés b = {b:g})".replace("-", "−").replace(".", ","))
    ax.set_ylabel("saída a")
    ax.set_title(f"w = {w:.2f}: degrau → {saidas['degrau']:.0f}, sigmoide → {saidas['sigmoide']:.3f}"
                 .replace("-", "−").replace(".", ","))
    ax.legend(fontsize=8, loc="upper left")
    return saidas
