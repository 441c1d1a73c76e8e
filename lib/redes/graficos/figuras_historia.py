"""Figuras do capítulo de abertura: IA ⊃ aprendizado de máquina ⊃ deep learning e a linha do tempo."""
from __future__ import annotations

import numpy as np
from matplotlib.lines import Line2D
from matplotlib.patches import Ellipse

from .. import historia
from .._validacao import como_escalar
from .estilo import CORES, figura

#: Cor de cada categoria de marco na linha do tempo.
COR_CATEGORIA = {
    "modelo": CORES["azul"],
    "treino": CORES["vermelho"],
    "dados": CORES["verde"],
    "conquista": CORES["laranja"],
    "contexto": CORES["roxo"],
}

#: Períodos de pouco dinheiro e pouco interesse (datas aproximadas; cada autor as marca de um jeito).
INVERNOS = ((1974, 1980), (1987, 1993))

_PRIMEIRO, _ULTIMO = 1940, 2026

#: (nome, exemplos) de fora para dentro, no diagrama de conjuntos.
_CONJUNTOS = (
    ("inteligência artificial", "busca, lógica, regras escritas à mão"),
    ("aprendizado de máquina", "regressão, árvores, SVM, k-médias"),
    ("deep learning", "redes com muitas camadas"),
)


def diagrama_ia_ml_dl(ax=None) -> list[str]:
    """Três elipses encaixadas: IA contém aprendizado de máquina, que contém deep learning.

    Devolve os nomes dos conjuntos, de fora para dentro.
    """
    if ax is None:
        _, ax = figura(largura=5.6, altura=3.4)
    cores = (CORES["celeste"], CORES["verde"], CORES["azul"])
    # centro e semieixos de cada elipse: cada uma cabe inteira na anterior
    formas = (((0.0, 0.0), 5.6, 3.4), ((0.9, -0.45), 3.7, 2.4), ((1.6, -0.9), 2.0, 1.35))
    for (nome, exemplos), cor, (centro, a, b) in zip(_CONJUNTOS, cores, formas):
        ax.add_patch(Ellipse(centro, 2 * a, 2 * b, facecolor=cor, alpha=0.25, edgecolor=cor, lw=2))
        topo = centro[1] + b
        ax.text(centro[0], topo - 0.42, nome, ha="center", va="center", fontsize=10, fontweight="bold")
        ax.text(centro[0], topo - 0.82, exemplos, ha="center", va="center", fontsize=8, color="#333333")
    ax.set_xlim(-5.8, 5.8)
    ax.set_ylim(-3.6, 3.6)
    ax.set_aspect("equal")
    ax.set_axis_off()
    return [nome for nome, _ in _CONJUNTOS]


def _posicoes_dos_rotulos(n: int) -> np.ndarray:
    """Alturas (em anos) dos n rótulos, igualmente espaçadas ao longo do eixo."""
    return np.linspace(_PRIMEIRO + 2.0, _ULTIMO - 1.0, n)


def linha_do_tempo(ate_ano=_ULTIMO, ax=None) -> int:
    r"""Linha do tempo vertical com os marcos de `redes.historia` até `ate_ano` (inclusive).

    O tempo corre de cima para baixo, de 1940 a 2026, em escala; cada marco é
    um ponto na cor da sua categoria, ligado ao seu rótulo (os rótulos ficam
    igualmente espaçados, na ordem dos anos, para caberem). Os marcos depois de
    `ate_ano` não aparecem, mas o lugar deles fica reservado, para que a figura
    não pule quando o ano muda. As faixas cinza marcam os "invernos da IA".
    Devolve o número de marcos desenhados.
    """
    ate_ano = como_escalar(ate_ano, "ate_ano")
    todos = historia.EVENTOS
    mostrados = historia.eventos(ate=ate_ano)
    if ax is None:
        _, ax = figura(largura=6.4, altura=6.4)
    x_eixo, x_rotulo = 0.16, 0.34
    for inicio, fim in INVERNOS:
        ax.axhspan(inicio, fim, xmin=0.0, xmax=0.27, color=CORES["cinza"], alpha=0.18, lw=0)
        ax.text(0.015, (inicio + fim) / 2, "inverno\nda IA", fontsize=7, va="center", color="#444444")
    fim_visivel = min(max(ate_ano, _PRIMEIRO), _ULTIMO)
    ax.plot([x_eixo, x_eixo], [_PRIMEIRO, fim_visivel], color=CORES["preto"], lw=1.5, zorder=2)
    ax.plot([x_eixo, x_eixo], [fim_visivel, _ULTIMO], color=CORES["cinza"], lw=1, ls=":", zorder=2)
    for decada in range(_PRIMEIRO, _ULTIMO, 10):
        ax.plot([x_eixo - 0.012, x_eixo], [decada, decada], color=CORES["preto"], lw=1)
        ax.text(x_eixo - 0.02, decada, str(decada), ha="right", va="center", fontsize=8)
    for evento, y_rotulo in zip(todos, _posicoes_dos_rotulos(len(todos))):
        if evento.ano > ate_ano:
            continue
        cor = COR_CATEGORIA[evento.categoria]
        ax.plot([x_eixo, x_rotulo - 0.015], [evento.ano, y_rotulo], color=cor, lw=0.6, alpha=0.7, zorder=1)
        ax.scatter([x_eixo], [evento.ano], s=22, color=cor, edgecolor="white", linewidth=0.5, zorder=3)
        ax.text(x_rotulo, y_rotulo, f"{evento.ano}  {evento.titulo}", va="center", fontsize=7.5, color="#222222")
    if _PRIMEIRO <= ate_ano <= _ULTIMO:
        ax.plot([x_eixo], [ate_ano], marker=">", ms=7, color=CORES["preto"], zorder=4)
    legenda = [Line2D([], [], ls="", marker="o", color=cor, label=nome) for nome, cor in COR_CATEGORIA.items()]
    ax.legend(handles=legenda, loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=5, fontsize=7.5,
              handletextpad=0.2, columnspacing=0.9)
    ax.set_xlim(0, 1)
    ax.set_ylim(_ULTIMO + 1, _PRIMEIRO - 1)          # o tempo corre de cima para baixo
    ax.set_axis_off()
    ano_texto = f"{ate_ano:g}"
    ax.set_title(f"Marcos até {ano_texto}: {len(mostrados)} de {len(todos)}", fontsize=10, pad=22)
    return len(mostrados)
