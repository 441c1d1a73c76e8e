"""Estilo comum das figuras e desenhos básicos (eixos, pontos, regiões de decisão)."""
from __future__ import annotations

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np

from .._validacao import como_array, como_escalar

CORES = {
    "azul": "#0072B2",
    "laranja": "#E69F00",
    "verde": "#009E73",
    "vermelho": "#D55E00",
    "roxo": "#CC79A7",
    "celeste": "#56B4E9",
    "amarelo": "#F0E442",
    "preto": "#000000",
    "cinza": "#7F7F7F",
}

#: Cor das classes 0 e 1 nos gráficos de classificação.
COR_CLASSE = (CORES["laranja"], CORES["azul"])

TAMANHO_PADRAO = (6.0, 3.4)


def aplicar_estilo() -> None:
    """Aplica o estilo do curso a todas as figuras seguintes do matplotlib."""
    mpl.rcParams.update({
        "figure.figsize": TAMANHO_PADRAO,
        "figure.dpi": 80,
        "savefig.dpi": 80,
        "figure.constrained_layout.use": True,
        "axes.prop_cycle": mpl.cycler(color=[CORES[c] for c in
                                             ("azul", "laranja", "verde", "vermelho", "roxo", "celeste", "preto")]),
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.grid": True,
        "grid.alpha": 0.3,
        "font.size": 10,
        "axes.titlesize": 10,
        "legend.frameon": False,
        "lines.linewidth": 2.0,
    })


def figura(colunas: int = 1, linhas: int = 1, largura: float | None = None, altura: float | None = None):
    """Cria uma figura com `linhas` × `colunas` eixos; devolve `(fig, eixos)`."""
    largura = largura or TAMANHO_PADRAO[0]
    altura = altura or TAMANHO_PADRAO[1]
    return plt.subplots(linhas, colunas, figsize=(largura, altura), squeeze=True)


def eixos_cartesianos(ax) -> None:
    """Desenha os eixos x = 0 e y = 0 em cinza, como num caderno."""
    ax.axhline(0, color=CORES["cinza"], lw=0.8, zorder=0)
    ax.axvline(0, color=CORES["cinza"], lw=0.8, zorder=0)


def pontos_binarios(ax, X, y, rotulos=("saída 0", "saída 1")) -> None:
    """Pontos 2-D coloridos pela classe (0 = laranja/quadrado, 1 = azul/círculo)."""
    X = como_array(X, "X", forma=(None, 2))
    y = como_array(y, "y", forma=(X.shape[0],))
    for classe, marcador in ((0, "s"), (1, "o")):
        sel = y == classe
        ax.scatter(X[sel, 0], X[sel, 1], s=90, marker=marcador, color=COR_CLASSE[classe],
                   edgecolor="black", linewidth=0.8, zorder=3, label=rotulos[classe])


def regiao_de_decisao(ax, w, b, limites=(-0.5, 1.5), resolucao=200) -> None:
    r"""Pinta as regiões onde um neurônio degrau dá 1 (azul) e 0 (laranja) e traça a fronteira $z = 0$."""
    w = como_array(w, "pesos", forma=(2,))
    b = como_escalar(b, "b")
    grade = np.linspace(limites[0], limites[1], resolucao)
    g1, g2 = np.meshgrid(grade, grade)
    z = g1 * w[0] + g2 * w[1] + b
    cmapa = mpl.colors.ListedColormap([COR_CLASSE[0], COR_CLASSE[1]])
    ax.imshow(z > 0, origin="lower", extent=(*limites, *limites), cmap=cmapa, vmin=0, vmax=1,
              alpha=0.18, aspect="auto", interpolation="nearest")
    if np.ptp(z) > 0 and z.min() < 0 < z.max():
        ax.contour(g1, g2, z, levels=[0.0], colors=CORES["preto"], linewidths=1.5)
    ax.set_xlim(limites)
    ax.set_ylim(limites)
    ax.set_xlabel("$x_1$")
    ax.set_ylabel("$x_2$")
