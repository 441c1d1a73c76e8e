r"""Figuras do Playground (capítulo 21): o mapa de calor da saída, as miniaturas dos neurônios, a rede com os
pesos e as curvas de custo.

- `cores_da_grade`: converte uma grade de valores em cores RGB (laranja = −1 ou classe 0, branco = 0,
  azul = +1 ou classe 1; verde para a classe 2). É a mesma função que o widget usa para as imagens.
- `figura_saida`: a fronteira de decisão (mapa de calor) com os pontos de treino e de teste.
- `figura_neuronios`: o que cada neurônio oculto "vê" no plano, uma miniatura por neurônio.
- `figura_rede_pesos`: a rede desenhada, com a cor (sinal) e a espessura (módulo) de cada ligação pelo peso.
- `figura_custos_playground`: custo de treino e de teste por época.
- `figura_comparar_playgrounds`: vários mapas de calor lado a lado.

Cada função devolve um dicionário com o que calculou, para que um teste confira sem olhar a imagem.
"""
from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np

from .estilo import CORES

#: As cores do original: laranja (negativo, classe 0), azul (positivo, classe 1) e um verde para a classe 2.
LARANJA = np.array([245, 147, 34]) / 255
AZUL = np.array([8, 119, 189]) / 255
VERDE = np.array([0, 158, 115]) / 255
BRANCO = np.ones(3)
COR_PONTO = (tuple(LARANJA), tuple(AZUL), tuple(VERDE))


def cores_da_grade(grade, limite: float = 1.0) -> np.ndarray:
    r"""Cores RGB (floats de 0 a 1, forma `(r, r, 3)`) para uma grade `(r, r)` ou `(r, r, K)`.

    Grade `(r, r)`: $v$ recortado em $[-\text{limite}, \text{limite}]$; branco em 0, laranja em $-$limite,
    azul em $+$limite, com interpolação linear. Grade `(r, r, K)` de probabilidades: a mistura das cores
    das classes pesada pelas probabilidades, clareada onde a maior probabilidade é baixa (incerteza).
    NaN vira cinza.
    """
    grade = np.asarray(grade, dtype=float)
    if grade.ndim == 2:
        t = np.clip(np.nan_to_num(grade / limite, nan=0.0), -1, 1)[..., None]
        rgb = np.where(t >= 0, BRANCO + t * (AZUL - BRANCO), BRANCO - t * (LARANJA - BRANCO))
    elif grade.ndim == 3:
        cores = np.array(COR_PONTO[:grade.shape[2]] if grade.shape[2] <= 3 else
                         [plt.cm.tab10(k)[:3] for k in range(grade.shape[2])])
        p = np.nan_to_num(grade, nan=0.0)
        mistura = p @ cores
        certeza = np.clip((p.max(axis=2, keepdims=True) - 1 / grade.shape[2]) / (1 - 1 / grade.shape[2]), 0, 1)
        rgb = BRANCO + certeza * (mistura - BRANCO)
    else:
        raise ValueError(f"esperava uma grade (r, r) ou (r, r, K), recebi forma {grade.shape}")
    rgb = np.clip(rgb, 0, 1)
    rgb[np.isnan(grade).any(axis=-1) if grade.ndim == 3 else np.isnan(grade)] = 0.6
    return rgb


def _limite_da_grade(pg) -> float:
    if pg.cfg.regressao:
        return float(max(np.max(np.abs(pg.Y_treino)), 1e-9))
    return 1.0


def desenhar_saida(ax, pg, teste: bool = True, titulo: str | None = None) -> dict:
    """Desenha no eixo `ax` o mapa de calor da saída de `pg` e os pontos; devolve o que desenhou."""
    from ..playground import LIMITE
    grade = pg.grade_saida()
    rgb = cores_da_grade(grade, _limite_da_grade(pg))
    ax.imshow(rgb, origin="lower", extent=(-LIMITE, LIMITE, -LIMITE, LIMITE), interpolation="bilinear")
    def pontos(X, y, borda, **kw):
        if pg.cfg.regressao:
            cores = cores_da_grade(np.asarray(y, dtype=float)[None, :], _limite_da_grade(pg))[0]
        else:
            cores = [COR_PONTO[int(k)] for k in y]
        ax.scatter(X[:, 0], X[:, 1], c=cores, s=12, edgecolors=borda, linewidths=0.6, **kw)
    pontos(pg.X_treino, pg.y_treino, "white")
    if teste:
        pontos(pg.X_teste, pg.y_teste, "black")
    ax.set_xlim(-LIMITE, LIMITE)
    ax.set_ylim(-LIMITE, LIMITE)
    ax.set_aspect("equal")
    ax.grid(False)
    ax.set_xticks([-5, 0, 5])
    ax.set_yticks([-5, 0, 5])
    if titulo is None:
        titulo = f"época {pg.epoca}: custo de teste {pg.custo_teste[-1]:.3f}"
    ax.set_title(titulo)
    return {"grade": grade, "rgb": rgb, "titulo": titulo}


def figura_saida(pg, teste: bool = True, tamanho: float = 3.2) -> dict:
    """A fronteira de decisão de `pg` (um `redes.playground.Playground`) com os pontos: treino com borda
    branca, teste com borda preta."""
    fig, ax = plt.subplots(figsize=(tamanho, tamanho))
    resultado = desenhar_saida(ax, pg, teste)
    return {"fig": fig, "ax": ax, **resultado}


def figura_comparar_playgrounds(playgrounds, titulos, tamanho: float = 2.6) -> dict:
    """Os mapas de calor de vários experimentos lado a lado (um título para cada)."""
    playgrounds, titulos = list(playgrounds), list(titulos)
    if len(playgrounds) != len(titulos) or not playgrounds:
        raise ValueError(f"esperava um título por experimento: {len(playgrounds)} experimentos, {len(titulos)} títulos")
    fig, eixos = plt.subplots(1, len(playgrounds), figsize=(tamanho * len(playgrounds), tamanho + 0.3), squeeze=False)
    grades = [desenhar_saida(ax, pg, True, t)["grade"] for ax, pg, t in zip(eixos[0], playgrounds, titulos)]
    return {"fig": fig, "eixos": eixos[0], "grades": grades}


def figura_neuronios(pg, tamanho: float = 0.8) -> dict:
    """Uma miniatura por neurônio oculto (uma linha por camada), com a sua ativação no plano.

    Cada miniatura é normalizada pelo maior módulo daquele neurônio (a cor mostra a forma, não a escala);
    um neurônio ReLU que nunca ativa fica todo branco.
    """
    grades = pg.grades_neuronios()
    if not grades:
        raise ValueError("esta rede não tem camadas ocultas: não há neurônios para mostrar")
    colunas = max(len(g) for g in grades)
    fig, eixos = plt.subplots(len(grades), colunas, figsize=(tamanho * colunas + 0.6, tamanho * len(grades) + 0.1),
                              squeeze=False)
    for i, camada in enumerate(grades):
        for j in range(colunas):
            ax = eixos[i, j]
            ax.set_xticks([])
            ax.set_yticks([])
            ax.grid(False)
            if j >= len(camada):
                ax.axis("off")
                continue
            for lado in ax.spines.values():
                lado.set_visible(True)
                lado.set_color(CORES["cinza"])
                lado.set_linewidth(0.6)
            g = camada[j]
            escala = float(np.nanmax(np.abs(g))) if np.isfinite(g).any() else 1.0
            ax.imshow(cores_da_grade(g, escala or 1.0), origin="lower", interpolation="bilinear")
        eixos[i, 0].set_ylabel(f"camada {i + 1}", fontsize=8)
    return {"fig": fig, "eixos": eixos, "grades": grades}


def figura_rede_pesos(pg, largura: float = 5.0, altura: float = 2.8) -> dict:
    """A rede de `pg`: um círculo por atributo e por neurônio; cada ligação com cor pelo sinal do peso
    (azul positivo, laranja negativo) e espessura proporcional a $|w|$ (relativa ao maior peso)."""
    from ..playground import ATRIBUTOS
    tamanhos = pg.cfg.tamanhos
    pesos = pg.modelo.pesos()
    maior = max(float(np.max(np.abs(W))) for W in pesos) or 1.0
    fig, ax = plt.subplots(figsize=(largura, altura))
    posicoes = [[(j, (n - 1) / 2 - i) for i in range(n)] for j, n in enumerate(tamanhos)]
    espessuras = []
    for l, W in enumerate(pesos):
        for a in range(W.shape[0]):
            for b in range(W.shape[1]):
                w = float(W[a, b])
                lw = 0.3 + 3.5 * abs(w) / maior
                espessuras.append(lw)
                (x0, y0), (x1, y1) = posicoes[l][a], posicoes[l + 1][b]
                ax.plot([x0, x1], [y0, y1], color=AZUL if w > 0 else LARANJA, lw=lw, alpha=0.8, zorder=1)
    for j, camada in enumerate(posicoes):
        for i, (x, y) in enumerate(camada):
            ax.scatter([x], [y], s=220, color="white", edgecolors=CORES["preto"], zorder=3)
            if j == 0:
                ax.text(x - 0.12, y, ATRIBUTOS[pg.cfg.atributos[i]][0], ha="right", va="center", fontsize=8)
    ax.set_axis_off()
    rotulos = ["entrada"] + [f"oculta {k}" for k in range(1, len(tamanhos) - 1)] + ["saída"]
    topo = max(tamanhos) / 2 + 0.1
    for j, r in enumerate(rotulos):
        ax.text(j, topo, r, ha="center", fontsize=8)
    ax.set_xlim(-0.9, len(tamanhos) - 0.5)
    ax.set_ylim(-topo, topo + 0.4)
    return {"fig": fig, "ax": ax, "espessuras": espessuras, "maior_peso": maior}


def figura_custos_playground(pg, largura: float = 4.0, altura: float = 2.4) -> dict:
    """Custo de treino e de teste por época (o gráfico do canto do original), em escala logarítmica."""
    fig, ax = plt.subplots(figsize=(largura, altura))
    epocas = np.arange(len(pg.custo_treino))
    ax.semilogy(epocas, pg.custo_treino, color=CORES["preto"], lw=1.5, label="treino")
    ax.semilogy(epocas, pg.custo_teste, color=CORES["cinza"], lw=1.5, ls="--", label="teste")
    ax.set_xlabel("época")
    ax.set_ylabel("custo")
    ax.legend()
    return {"fig": fig, "ax": ax, "treino": list(pg.custo_treino), "teste": list(pg.custo_teste)}
