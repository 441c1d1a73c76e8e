"""Desenho de uma rede densa a partir da lista de tamanhos das camadas."""
from __future__ import annotations

import numpy as np

from ..arquitetura import contar_parametros, validar_tamanhos
from .estilo import CORES, figura

_NOMES = ("entrada", "saída")


def _posicoes(n: int, maximo: int) -> tuple[np.ndarray, bool]:
    """Alturas dos neurônios desenhados; com mais de `maximo`, desenha as pontas e reticências."""
    if n <= maximo:
        return np.linspace(0.5 + (n - 1) / 2, 0.5 - (n - 1) / 2, n) if n > 1 else np.array([0.5]), False
    metade = maximo // 2
    topo = np.arange(metade)[::-1] + 1.5
    return np.concatenate([topo, -topo + 1.0]), True


def desenhar_rede(tamanhos, ax=None, maximo_por_camada: int = 8, rotulos: bool = True) -> int:
    r"""Desenha a rede $[n_0, \dots, n_L]$: um círculo por neurônio e uma linha por peso.

    Camadas com mais de `maximo_por_camada` neurônios aparecem resumidas (as
    pontas e "⋮", com o número real embaixo). Devolve o número de parâmetros.
    """
    t = validar_tamanhos(tamanhos)
    if maximo_por_camada < 2:
        raise ValueError(f"esperava maximo_por_camada ≥ 2, recebi {maximo_por_camada}")
    if ax is None:
        _, ax = figura(largura=min(1.4 * len(t) + 1.5, 9.0), altura=3.4)
    colunas = []
    for i, n in enumerate(t):
        ys, resumida = _posicoes(n, maximo_por_camada)
        colunas.append((float(i), ys, resumida))
    for (x0, ys0, _), (x1, ys1, _) in zip(colunas, colunas[1:]):
        for y0 in ys0:
            for y1 in ys1:
                ax.plot([x0, x1], [y0, y1], color=CORES["cinza"], lw=0.5, alpha=0.45, zorder=1)
    base = min(ys.min() for _, ys, _ in colunas) - 0.9       # rótulos alinhados embaixo
    for i, (x, ys, resumida) in enumerate(colunas):
        cor = CORES["azul"] if i == 0 else CORES["vermelho"] if i == len(t) - 1 else CORES["verde"]
        ax.scatter(np.full(len(ys), x), ys, s=140, color="white", edgecolor=cor, linewidth=1.8, zorder=3)
        if resumida:
            ax.text(x, 0.5, "⋮", ha="center", va="center", fontsize=16, zorder=4)
        if rotulos:
            nome = _NOMES[0] if i == 0 else _NOMES[1] if i == len(t) - 1 else f"oculta {i}"
            ax.text(x, base, f"{nome}\n{t[i]}", ha="center", va="top", fontsize=9)
    altura = max(min(n, maximo_por_camada) for n in t)
    ax.set_xlim(-0.6, len(t) - 0.4)
    ax.set_ylim(0.5 - altura / 2 - 2.0, 0.5 + altura / 2 + 0.3)
    ax.set_axis_off()
    total = contar_parametros(t)
    milhares = f"{total:,}".replace(",", ".")          # 13.002, como se escreve em português
    ax.set_title(f"[{', '.join(map(str, t))}]: {milhares} parâmetros", fontsize=10)
    return total
