"""Figuras dos capítulos sobre o neurônio: retas, sigmoides, portas lógicas e diagramas."""
from __future__ import annotations

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np

from .. import ativacoes, neuronio, portas
from .._validacao import como_array, como_escalar
from .estilo import CORES, eixos_cartesianos, figura, pontos_binarios, regiao_de_decisao

def _numero(valor: float) -> str:
    """Número curto para figuras, com o sinal de menos tipográfico (−)."""
    return f"{float(valor):g}".replace("-", "−")


def figura_porta(porta: str, w1: float, w2: float, b: float, ax=None):
    """Pontos de uma porta lógica, a região de decisão do neurônio e o número de erros no título.

    Devolve o número de pontos classificados errado.
    """
    X, y = portas.tabela_verdade(porta)
    w = np.array([w1, w2], dtype=float)
    erros = neuronio.contar_erros(X, y, w, b)
    if ax is None:
        _, ax = figura(largura=3.8, altura=3.4)
    regiao_de_decisao(ax, w, b)
    pontos_binarios(ax, X, y)
    ax.set_title(f"{porta.upper()}: {erros} erro{'s' if erros != 1 else ''}\n"
                 f"w = ({_numero(round(w1, 2))}, {_numero(round(w2, 2))}), b = {_numero(round(b, 2))}")
    ax.set_aspect("equal")
    return erros


def figura_peso_vies(w: float, b: float, limites=(-4.0, 4.0)):
    r"""Dois painéis para um neurônio de uma entrada: a reta $z = wx + b$ e a sigmoide $\sigma(wx + b)$.

    Devolve a figura. Onde a sigmoide cruza 1/2 é $x = -b/w$, marcado no painel da direita.
    """
    w = como_escalar(w, "w")
    b = como_escalar(b, "b")
    x = np.linspace(*limites, 200)
    fig, (esq, dir_) = figura(colunas=2, largura=7.2, altura=3.0)
    esq.plot(x, w * x + b, color=CORES["azul"])
    esq.set_ylim(-8, 8)
    reta = f"{_numero(round(w, 2))}·x {'−' if b < 0 else '+'} {_numero(round(abs(b), 2))}"
    esq.set_title(f"z = {reta}")
    dir_.plot(x, ativacoes.sigmoide(w * x + b), color=CORES["vermelho"])
    dir_.set_ylim(-0.05, 1.05)
    dir_.set_title(f"a = σ({reta})")
    if w != 0 and limites[0] <= -b / w <= limites[1]:
        dir_.axvline(-b / w, color=CORES["cinza"], ls="--", lw=1)
        dir_.plot([-b / w], [0.5], "o", color=CORES["preto"], ms=5, zorder=4)
        dir_.annotate(f"x = −b/w = {_numero(round(-b / w, 2))}", (-b / w, 0.5), xytext=(6, -14),
                      textcoords="offset points", fontsize=9)
    for ax in (esq, dir_):
        eixos_cartesianos(ax)
        ax.set_xlabel("entrada x")
    return fig


def diagrama_neuronio(entradas, pesos, vies, ativacao: str | None = None, ax=None):
    r"""Desenha um neurônio com os valores: entradas, pesos nas setas, $\Sigma$, o viés e a saída.

    Cada entrada $x_i$ chega ao somador por uma seta marcada com o peso $w_i$; o
    viés $b$ entra no somador por baixo. O somador calcula
    $z = \sum_i w_i x_i + b$. Devolve o potencial $z$ (e, se `ativacao` for dada,
    a saída $g(z)$ aparece no desenho).
    """
    x = como_array(entradas, "entradas", dims=1)
    w = como_array(pesos, "pesos", forma=(x.shape[0],))
    b = como_escalar(vies, "vies")
    z = float(neuronio.potencial(x, w, b))
    n = x.shape[0]
    if ax is None:
        _, ax = figura(largura=6.0, altura=1.6 + 0.8 * n)
    ax.set_axis_off()
    ys = np.linspace(0.88, 0.32, n) if n > 1 else np.array([0.6])
    centro = (0.55, 0.6)
    seta = dict(arrowstyle="-|>", color=CORES["cinza"], lw=1.4, mutation_scale=12)
    for i, (xi, wi, yi) in enumerate(zip(x, w, ys), start=1):
        ax.annotate("", xy=centro, xytext=(0.13, yi), arrowprops=dict(seta, shrinkA=12, shrinkB=20))
        ax.text(0.02, yi, f"$x_{{{i}}}$", ha="right", va="center", fontsize=11)
        ax.text(0.08, yi, _numero(xi), ha="center", va="center", fontsize=11,
                bbox=dict(boxstyle="circle", fc="white", ec=CORES["azul"]))
        ax.text(0.33, yi + 0.42 * (centro[1] - yi) + 0.045, f"$w_{{{i}}}$ = {_numero(wi)}",
                ha="center", va="bottom", color=CORES["vermelho"], fontsize=10)
    ax.text(*centro, "Σ", ha="center", va="center", fontsize=16,
            bbox=dict(boxstyle="circle,pad=0.5", fc="white", ec=CORES["preto"]))
    ax.annotate("", xy=centro, xytext=(centro[0], 0.1), arrowprops=dict(seta, color=CORES["verde"], shrinkB=20))
    ax.text(centro[0], 0.06, f"viés b = {_numero(b)}", ha="center", va="center", color=CORES["verde"], fontsize=10)
    ax.annotate("", xy=(0.9, centro[1]), xytext=centro, arrowprops=dict(seta, shrinkA=20))
    texto = f"z = {_numero(z)}"
    if ativacao is not None:
        saida = float(ativacoes.obter(ativacao)(z))
        texto += f"\n{ativacao}(z) = " + f"{saida:.3g}".replace("-", "−")
    ax.text(0.92, centro[1], texto, ha="left", va="center", fontsize=12)
    ax.set_xlim(-0.05, 1.2)
    ax.set_ylim(0, 1)
    return z


# --- Capítulo 2: o neurônio ------------------------------------------------


def figura_retas_peso_vies(casos, limites=(-2.0, 2.0)):
    r"""Um painel para cada par $(w, b)$ com a reta $z = w\,x + b$ de um neurônio de uma entrada.

    Cada painel marca o ponto $(0, b)$, onde a reta corta o eixo vertical (o viés
    desloca a reta para cima ou para baixo), e um degrau de inclinação: de $x = 0$
    a $x = 1$ a saída muda $w$ (o peso inclina a reta). Com 4 casos os painéis
    ficam em 2 × 2; com menos, numa linha só. Devolve a figura (os eixos, na
    ordem dos casos, estão em `fig.axes`).
    """
    casos = como_array(casos, "casos", forma=(None, 2))
    if not 1 <= casos.shape[0] <= 6:
        raise ValueError(f"esperava de 1 a 6 pares (w, b) em `casos`, recebi {casos.shape[0]}")
    n = casos.shape[0]
    linhas, colunas = (2, (n + 1) // 2) if n >= 4 else (1, n)
    fig, eixos = plt.subplots(linhas, colunas, figsize=(3.1 * colunas, 2.6 * linhas), squeeze=False)
    x = np.linspace(limites[0], limites[1], 101)
    for ax in eixos.ravel()[n:]:
        ax.set_visible(False)
    for ax, (w, b) in zip(eixos.ravel(), casos):
        eixos_cartesianos(ax)
        ax.plot(x, w * x + b, color=CORES["azul"])
        ax.plot([0, 1], [b, b], color=CORES["vermelho"], lw=1.2, ls="--")
        ax.plot([1, 1], [b, b + w], color=CORES["vermelho"], lw=1.2, ls="--")
        ax.text(1.08, b + w / 2, f"Δz = {w:g}".replace("-", "−"), color=CORES["vermelho"], fontsize=8, va="center",
                clip_on=False)
        ax.plot([0], [b], "o", color=CORES["verde"], ms=6, zorder=4)
        ax.set_title(f"w = {w:g}, b = {b:g}".replace("-", "−"))
        ax.set_xlim(limites)
        ax.set_ylim(-4.5, 4.5)
        ax.set_xlabel("entrada x")
        ax.set_ylabel("saída z")
    return fig


def curvas_sigmoide(ax, pares, limites=(-6.0, 6.0)):
    r"""Desenha $\sigma(w\,x + b)$ para cada par $(w, b)$ e marca onde cada curva passa por 1/2.

    A sigmoide vale 1/2 quando o potencial é zero, $w\,x + b = 0$, isto é, em
    $x = -b/w$. Devolve um array com esses pontos, na ordem dos pares
    (`nan` quando $w = 0$, porque então a curva é constante).
    """
    pares = como_array(pares, "pares", forma=(None, 2))
    x = np.linspace(limites[0], limites[1], 241)
    cruzamentos = np.full(pares.shape[0], np.nan)
    for i, (w, b) in enumerate(pares):
        linha, = ax.plot(x, ativacoes.sigmoide(w * x + b), label=f"w = {w:g}, b = {b:g}".replace("-", "−"))
        if w != 0:
            cruzamentos[i] = -b / w + 0.0  # + 0.0 troca −0.0 por 0.0
            if limites[0] <= cruzamentos[i] <= limites[1]:
                ax.plot([cruzamentos[i]], [0.5], "o", color=linha.get_color(), ms=5, zorder=4)
    ax.axhline(0.5, color=CORES["cinza"], lw=0.8, ls=":", zorder=0)
    ax.set_xlim(limites)
    ax.set_ylim(-0.03, 1.03)
    ax.set_xlabel("entrada x")
    ax.set_ylabel("σ(w·x + b)")
    ax.legend(fontsize=8, loc="upper left")
    return cruzamentos


#: Cada parte do neurônio biológico e o que faz o papel dela no neurônio artificial.
ANALOGIA_NEURONIO = {
    "dendritos": "entradas $x_i$",
    "sinapse": "peso $w_i$",
    "soma": "$\\Sigma$ + viés",
    "axônio": "saída $a = g(z)$",
}


def esquema_neuronio_biologico(ax=None):
    """Esquema simplificado de um neurônio biológico, com o análogo artificial de cada parte.

    Dendritos (à esquerda) recebem sinais; o soma junta tudo; o axônio leva o
    disparo até os terminais, que fazem sinapse com o próximo neurônio. Embaixo de
    cada nome, em cinza, está a peça do neurônio artificial que faz o mesmo papel.
    Devolve o dicionário `ANALOGIA_NEURONIO` (parte → análogo) usado nos rótulos.
    """
    if ax is None:
        _, ax = figura(largura=7.2, altura=2.6)
    ax.set_axis_off()
    cor = CORES["azul"]
    soma = (2.6, 2.0)
    ax.add_patch(mpl.patches.Circle(soma, 0.55, fc="#d6e9f5", ec=cor, lw=1.8, zorder=3))
    ax.add_patch(mpl.patches.Circle(soma, 0.18, fc=cor, ec=cor, alpha=0.6, zorder=4))
    for angulo in (125, 150, 180, 210, 235):
        a = np.radians(angulo)
        p0 = np.array(soma) + 0.5 * np.array([np.cos(a), np.sin(a)])
        p1 = p0 + 1.0 * np.array([np.cos(a), np.sin(a)])
        ax.plot(*zip(p0, p1), color=cor, lw=2.2, solid_capstyle="round")
        for desvio in (-25, 25):
            d = np.radians(angulo + desvio)
            ax.plot(*zip(p1, p1 + 0.45 * np.array([np.cos(d), np.sin(d)])), color=cor, lw=1.4)
    fim_axonio = 7.6
    ax.plot([soma[0] + 0.55, fim_axonio], [2.0, 2.0], color=cor, lw=2.2)
    for inicio in np.arange(3.6, 7.2, 0.9):
        ax.add_patch(mpl.patches.FancyBboxPatch((inicio, 1.84), 0.62, 0.32, boxstyle="round,pad=0.02,rounding_size=0.15",
                                                fc=CORES["amarelo"], ec=CORES["cinza"], lw=0.8, zorder=3))
    for dy in (0.55, 0.0, -0.55):
        fim = (fim_axonio + 0.7, 2.0 + dy)
        ax.plot([fim_axonio, fim[0]], [2.0, fim[1]], color=cor, lw=1.4)
        ax.add_patch(mpl.patches.Circle(fim, 0.1, fc=cor, ec=cor, zorder=3))
    # a membrana do neurônio seguinte, separada do terminal do meio pela fenda sináptica
    ax.plot([fim_axonio + 0.95, fim_axonio + 0.95], [1.45, 2.55], color=CORES["roxo"], lw=3)
    ax.text(fim_axonio + 1.1, 2.0, "próximo\nneurônio", color=CORES["roxo"], fontsize=8, va="center")
    ax.annotate("", xy=(6.9, 2.75), xytext=(4.2, 2.75),
                arrowprops=dict(arrowstyle="-|>", color=CORES["cinza"], lw=1.2))
    ax.text(5.55, 2.85, "sentido do sinal", ha="center", fontsize=8, color=CORES["cinza"])
    posicoes = {"dendritos": (0.35, 3.6), "soma": (2.6, 0.75), "axônio": (5.3, 1.35), "sinapse": (8.45, 0.55)}
    for parte, (px, py) in posicoes.items():
        ax.text(px, py, parte, ha="center", va="center", fontsize=10, fontweight="bold")
        ax.text(px, py - 0.32, "→ " + ANALOGIA_NEURONIO[parte], ha="center", va="center", fontsize=9,
                color=CORES["cinza"])
    ax.set_xlim(-0.3, 9.9)
    ax.set_ylim(0.0, 3.9)
    ax.set_aspect("equal")
    return dict(ANALOGIA_NEURONIO)
