r"""Figuras do MNIST: grades de dígitos, um dígito ao lado dos seus números, o achatamento,
a contagem por classe, as imagens médias, a "escuridão" de cada dígito e o desenho de uma rede.

As imagens podem vir como `(m, 28, 28)` ou achatadas, `(m, 784)`, com pixels
inteiros de 0 a 255 (`uint8`, como nos arquivos) ou reais de 0 a 1. No MNIST
o fundo vale **0** e o traço, valores altos; com o mapa de cores `"gray_r"`
(o padrão daqui) o zero sai branco e o traço sai escuro, como tinta no papel;
com `"gray"` a mesma imagem sai branca sobre fundo preto. Os números são os
mesmos: só muda a tinta que os pinta.

As funções que recebem o conjunto inteiro (`mostrar_digito`, por exemplo)
só convertem a imagem escolhida, para que um painel interativo sobre 50 000
imagens continue rápido.
"""
from __future__ import annotations

from typing import NamedTuple

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np

from .._validacao import _descrever, como_array, como_inteiro
from .estilo import CORES, figura

LADO = 28
PIXELS = LADO * LADO
CLASSES = 10


class Digito(NamedTuple):
    """O que um painel de dígitos mostrou: a posição no conjunto e o rótulo."""

    indice: int
    rotulo: int


# ------------------------------------------------------------------ validação

def _conjunto(imagens, nome: str = "imagens") -> np.ndarray:
    """Confere (sem copiar) que `imagens` tem forma (m, 28, 28) ou (m, 784) e devolve a versão (m, 28, 28)."""
    if isinstance(imagens, (str, bytes)) or imagens is None:
        raise TypeError(f"esperava um array de imagens em `{nome}`, recebi {_descrever(imagens)}")
    array = np.asarray(imagens)
    if array.dtype.kind not in "uif":
        raise TypeError(f"esperava números em `{nome}`, recebi {_descrever(array)}")
    if array.ndim == 2 and array.shape[1] == PIXELS:
        return array.reshape(len(array), LADO, LADO)
    if array.ndim == 3 and array.shape[1:] == (LADO, LADO):
        return array
    raise ValueError(f"esperava `{nome}` com forma (m, 28, 28) ou (m, 784), recebi {array.shape}")


def _imagem(imagem, nome: str = "imagem") -> np.ndarray:
    """Uma imagem só, (28, 28) ou (784,), devolvida como (28, 28) (mantém o tipo dos pixels)."""
    array = np.asarray(imagem)
    if array.dtype.kind not in "uif" or array.shape not in ((LADO, LADO), (PIXELS,)):
        raise ValueError(f"esperava `{nome}` com forma (28, 28) ou (784,), recebi {_descrever(array)}")
    return array.reshape(LADO, LADO)


def _rotulos(rotulos, m: int) -> np.ndarray:
    y = np.asarray(rotulos)
    if y.shape != (m,) or y.dtype.kind not in "iu":
        raise ValueError(f"esperava rótulos inteiros com forma ({m},), recebi {_descrever(y)}")
    if m and (y.min() < 0 or y.max() >= CLASSES):
        raise ValueError(f"esperava rótulos de 0 a 9, recebi valores de {y.min()} a {y.max()}")
    return y


_inteiro = como_inteiro


def _limpar(ax) -> None:
    """Sem marcas nos eixos e com uma moldura fina e clara nos quatro lados."""
    ax.set_xticks([])
    ax.set_yticks([])
    ax.grid(False)
    for lado in ax.spines.values():
        lado.set_visible(True)
        lado.set_color("#cccccc")
        lado.set_linewidth(0.6)


# ------------------------------------------------------------------ dígitos

def grade_digitos(imagens, rotulos=None, colunas: int = 10, cmap: str = "gray_r", celula: float = 0.5):
    """Desenha as imagens lado a lado, numa grade de `colunas` colunas, com o rótulo no canto de cada uma.

    As imagens viram um mosaico só (separadas por uma borda de 2 pixels), desenhado
    com um único `imshow`: fica rápido e leve mesmo com centenas de dígitos.
    Devolve a figura; `fig.axes[0].images[0].get_array()` é o mosaico.
    """
    imagens = _conjunto(imagens)
    m = len(imagens)
    if m == 0:
        raise ValueError("esperava pelo menos uma imagem em `imagens`")
    y = None if rotulos is None else _rotulos(rotulos, m)
    colunas = min(_inteiro(colunas, "colunas", 1, 40), m)
    linhas = -(-m // colunas)
    topo = 255.0 if imagens.dtype.kind in "iu" else 1.0
    passo = LADO + 2
    mosaico = np.full((linhas * passo, colunas * passo), np.nan)
    for i in range(m):
        l, c = divmod(i, colunas)
        mosaico[l * passo + 1:l * passo + 1 + LADO, c * passo + 1:c * passo + 1 + LADO] = imagens[i]
    fig, ax = figura(largura=celula * colunas, altura=celula * linhas)
    mapa = mpl.colormaps[cmap].with_extremes(bad="#dddddd")
    ax.imshow(mosaico, cmap=mapa, vmin=0, vmax=topo, interpolation="nearest")
    _limpar(ax)
    if y is not None:
        for i in range(m):
            l, c = divmod(i, colunas)
            ax.text(c * passo + 2, l * passo + 2, str(y[i]), ha="left", va="top", fontsize=7,
                    color=CORES["vermelho"])
    return fig


def centro_de_massa(imagem) -> tuple[float, float]:
    """`(linha, coluna)` média dos pixels, pesada pela intensidade (o meio da imagem, se ela for toda zero)."""
    img = _imagem(imagem).astype(float)
    total = img.sum()
    if total <= 0:
        return (LADO - 1) / 2, (LADO - 1) / 2
    return float(np.arange(LADO) @ img.sum(axis=1) / total), float(np.arange(LADO) @ img.sum(axis=0) / total)


def janela_da_tinta(imagem, tamanho: int = 12) -> tuple[int, int]:
    """Canto superior esquerdo `(linha, coluna)` de uma janela `tamanho`×`tamanho` centrada no traço.

    O centro é o `centro_de_massa`; a janela é empurrada para dentro da imagem
    se passar da borda.
    """
    tamanho = _inteiro(tamanho, "tamanho", 1, LADO)
    return tuple(int(np.clip(round(c - (tamanho - 1) / 2), 0, LADO - tamanho)) for c in centro_de_massa(imagem))


def figura_digito(imagem, titulo: str = "", janela=None, tamanho: int = 12, cmap: str = "gray_r"):
    """Dois painéis: à esquerda a imagem, com uma janela marcada; à direita, os números dessa janela.

    `janela` é o canto `(linha, coluna)` (padrão: centrada no traço, veja
    `janela_da_tinta`). Pixels inteiros aparecem como inteiros (0 a 255);
    pixels reais, com duas casas. Devolve o canto da janela.
    """
    img = _imagem(imagem)
    tamanho = _inteiro(tamanho, "tamanho", 1, LADO)
    l0, c0 = janela_da_tinta(img, tamanho) if janela is None else (
        _inteiro(janela[0], "janela[0]", 0, LADO - tamanho), _inteiro(janela[1], "janela[1]", 0, LADO - tamanho))
    inteiros = img.dtype.kind in "iu"
    topo = 255 if inteiros else 1.0
    fig, (esq, dir_) = figura(colunas=2, largura=7.0, altura=3.5)
    esq.imshow(img, cmap=cmap, vmin=0, vmax=topo)
    esq.add_patch(mpl.patches.Rectangle((c0 - 0.5, l0 - 0.5), tamanho, tamanho, fill=False,
                                        ec=CORES["vermelho"], lw=1.5))
    esq.set_xticks([0, 7, 14, 21, 27])
    esq.set_yticks([0, 7, 14, 21, 27])
    esq.grid(False)
    esq.set_title(titulo or "imagem 28×28")
    recorte = img[l0:l0 + tamanho, c0:c0 + tamanho]
    dir_.imshow(recorte, cmap=cmap, vmin=0, vmax=topo)
    fonte = 6.5 if inteiros else 5.5
    for (i, j), v in np.ndenumerate(recorte):
        escuro = (v / topo > 0.5) == (cmap == "gray_r")
        dir_.text(j, i, f"{int(v)}" if inteiros else f"{float(v):.2f}", ha="center", va="center",
                  fontsize=fonte, color="white" if escuro else ("#999999" if v == 0 else "black"))
    dir_.set_xticks(range(tamanho), [str(c0 + j) for j in range(tamanho)], fontsize=6)
    dir_.set_yticks(range(tamanho), [str(l0 + i) for i in range(tamanho)], fontsize=6)
    dir_.grid(False)
    dir_.set_title(f"linhas {l0}–{l0 + tamanho - 1}, colunas {c0}–{c0 + tamanho - 1}")
    return l0, c0


def comparar_mapas(imagem, mapas=("gray", "gray_r")) -> dict:
    """A mesma imagem pintada com cada mapa de cores; devolve `{mapa: cor RGB do valor 0}`.

    Serve para ver que "0 = branco" ou "0 = preto" é escolha da figura, não dos dados.
    """
    img = _imagem(imagem)
    mapas = list(mapas)
    if not mapas or not all(isinstance(m, str) and m in mpl.colormaps for m in mapas):
        raise ValueError(f"esperava nomes de mapas de cores do matplotlib em `mapas`, recebi {mapas!r}")
    topo = 255 if img.dtype.kind in "iu" else 1.0
    fig, eixos = plt.subplots(1, len(mapas), figsize=(2.3 * len(mapas), 2.5), squeeze=False)
    cores = {}
    for ax, mapa in zip(eixos[0], mapas):
        ax.imshow(img, cmap=mapa, vmin=0, vmax=topo)
        _limpar(ax)
        cores[mapa] = tuple(float(c) for c in mpl.colormaps[mapa](0.0)[:3])
        nome = {(0.0, 0.0, 0.0): "preto", (1.0, 1.0, 1.0): "branco"}.get(cores[mapa], "colorido")
        ax.set_title(f'cmap="{mapa}": 0 sai {nome}', fontsize=9)
    return cores


def mostrar_digito(imagens, rotulos, indice: int) -> Digito:
    """Desenha o dígito de posição `indice` com os seus números (para um painel); devolve `Digito`."""
    imagens = _conjunto(imagens)
    y = _rotulos(rotulos, len(imagens))
    indice = _inteiro(indice, "indice", 0, len(imagens) - 1)
    figura_digito(imagens[indice], titulo=f"índice {indice}: rótulo {y[indice]}")
    return Digito(indice, int(y[indice]))


def mostrar_digito_da_classe(imagens, rotulos, classe: int, n: int) -> Digito:
    """Desenha o `n`-ésimo exemplo (contando do 0) da `classe`; devolve `Digito` com a posição no conjunto."""
    imagens = _conjunto(imagens)
    y = _rotulos(rotulos, len(imagens))
    classe = _inteiro(classe, "classe", 0, CLASSES - 1)
    posicoes = np.flatnonzero(y == classe)
    n = _inteiro(n, "n", 0, len(posicoes) - 1)
    indice = int(posicoes[n])
    figura_digito(imagens[indice], titulo=f"o {n}º dígito {classe} (índice {indice})")
    return Digito(indice, classe)


def figura_achatamento(imagem, destaque=(8, 14), cmap: str = "gray_r") -> np.ndarray:
    """Achatamento 28×28 → 784: a imagem, com linhas destacadas, e o vetor, com as mesmas faixas.

    A linha $r$ da imagem ocupa as posições $28r$ a $28r + 27$ do vetor (ordem
    "linha por linha", a do NumPy). Devolve o vetor de 784 números.
    """
    img = _imagem(imagem)
    destaque = [_inteiro(r, "destaque", 0, LADO - 1) for r in destaque]
    vetor = img.reshape(PIXELS)
    cores = [CORES["vermelho"], CORES["azul"], CORES["verde"], CORES["roxo"]]
    fig, (esq, dir_) = plt.subplots(1, 2, figsize=(8.4, 2.6), width_ratios=[1, 3.2])
    esq.imshow(img, cmap=cmap, vmin=0, vmax=255 if img.dtype.kind in "iu" else 1)
    _limpar(esq)
    esq.set_title("imagem 28×28")
    dir_.plot(np.arange(PIXELS), vetor, color=CORES["preto"], lw=0.8)
    for k, r in enumerate(destaque):
        cor = cores[k % len(cores)]
        esq.add_patch(mpl.patches.Rectangle((-0.5, r - 0.5), LADO, 1, fill=False, ec=cor, lw=1.6))
        esq.text(-1, r, str(r), color=cor, ha="right", va="center", fontsize=8)
        dir_.axvspan(LADO * r - 0.5, LADO * r + LADO - 0.5, color=cor, alpha=0.25, lw=0)
        dir_.text(LADO * r + LADO / 2, 1.02, f"linha {r}\n{LADO * r}–{LADO * r + LADO - 1}", color=cor,
                  ha="center", va="bottom", fontsize=7, transform=dir_.get_xaxis_transform())
    dir_.set_xlim(0, PIXELS - 1)
    dir_.set_xticks(range(0, PIXELS + 1, 112))
    dir_.set_xlabel("posição no vetor (0 a 783)")
    dir_.set_ylabel("intensidade")
    return vetor


# ------------------------------------------------------------------ o conjunto

def barras_por_classe(conjuntos: dict, ax=None) -> dict:
    """Barras com a porcentagem de cada dígito em cada conjunto (`{"treino": y, "teste": y}`).

    A linha tracejada marca 10 %, o equilíbrio perfeito. Devolve `{nome: contagens}`,
    cada uma um array de 10 inteiros.
    """
    if not isinstance(conjuntos, dict) or not conjuntos:
        raise TypeError(f"esperava um dicionário {{nome: rótulos}} em `conjuntos`, recebi {_descrever(conjuntos)}")
    contagens = {}
    for nome, y in conjuntos.items():
        y = np.asarray(y)
        contagens[nome] = np.bincount(_rotulos(y, len(y)), minlength=CLASSES)
    if ax is None:
        _, ax = figura(largura=6.4, altura=2.8)
    largura = 0.8 / len(contagens)
    for k, (nome, c) in enumerate(contagens.items()):
        ax.bar(np.arange(CLASSES) + (k - (len(contagens) - 1) / 2) * largura, 100 * c / c.sum(), width=largura,
               label=f"{nome} ({c.sum():,} imagens)".replace(",", "."))
    ax.axhline(10, color=CORES["cinza"], ls="--", lw=1)
    ax.set_xticks(range(CLASSES))
    ax.set_xlabel("dígito")
    ax.set_ylabel("% das imagens")
    ax.set_ylim(0, 13.5)
    ax.legend(fontsize=8, loc="upper right", ncols=len(contagens))
    return contagens


def imagens_medias(imagens, rotulos, cmap: str = "gray_r") -> np.ndarray:
    """A imagem média de cada dígito, desenhada numa fileira; devolve um array (10, 28, 28)."""
    imagens = _conjunto(imagens)
    y = _rotulos(rotulos, len(imagens))
    medias = np.stack([imagens[y == d].mean(axis=0, dtype=np.float64) for d in range(CLASSES)])
    fig, eixos = plt.subplots(1, CLASSES, figsize=(7.5, 1.1))
    for d, ax in enumerate(eixos):
        ax.imshow(medias[d], cmap=cmap)
        _limpar(ax)
        ax.set_title(str(d), fontsize=9, pad=2)
    return medias


def figura_escuridao(escuridao, rotulos, destaque=(1, 4, 9, 0)) -> np.ndarray:
    """A "escuridão" (soma dos pixels) por dígito: histogramas de alguns e a faixa de todos.

    À esquerda, histogramas das classes em `destaque`, com a média de cada uma.
    À direita, para cada dígito (ordenados pela média): a faixa em que caem 80 %
    das imagens (percentis 10 a 90), a metade do meio (25 a 75) e a média; as
    linhas verticais separam as regiões em que a média mais próxima é de um ou de
    outro dígito. Devolve as 10 médias.
    """
    e = como_array(escuridao, "escuridao", dims=1)
    y = _rotulos(rotulos, len(e))
    destaque = [_inteiro(d, "destaque", 0, CLASSES - 1) for d in destaque]
    medias = np.array([e[y == d].mean() for d in range(CLASSES)])
    fig, (esq, dir_) = figura(colunas=2, largura=8.4, altura=3.2)
    caixas = np.linspace(0, np.percentile(e, 99.5), 50)
    cores = [CORES[c] for c in ("laranja", "azul", "verde", "vermelho", "roxo", "celeste")]
    for k, d in enumerate(destaque):
        cor = cores[k % len(cores)]
        esq.hist(e[y == d], bins=caixas, histtype="step", lw=1.6, color=cor, density=True, label=f"dígito {d}")
        esq.axvline(medias[d], color=cor, ls="--", lw=1)
    esq.set_title("histogramas de alguns dígitos")
    esq.set_xlabel("escuridão (soma dos pixels)")
    esq.set_ylabel("densidade")
    esq.legend(fontsize=8)
    ordem = np.argsort(medias)
    for pos, d in enumerate(ordem):
        p10, p25, p75, p90 = np.percentile(e[y == d], [10, 25, 75, 90])
        dir_.plot([p10, p90], [pos, pos], color=CORES["cinza"], lw=1.2)
        dir_.plot([p25, p75], [pos, pos], color=CORES["azul"], lw=5, solid_capstyle="butt")
        dir_.plot([medias[d]], [pos], "o", color=CORES["vermelho"], ms=4, zorder=3)
    for a, b in zip(medias[ordem][:-1], medias[ordem][1:]):
        dir_.axvline((a + b) / 2, color=CORES["preto"], lw=0.5, alpha=0.5)
    dir_.set_title("todos os dígitos, do mais claro ao mais escuro")
    dir_.set_yticks(range(CLASSES), [str(d) for d in ordem])
    dir_.set_ylabel("dígito (pela média)")
    dir_.set_xlabel("escuridão: percentis 10–90, 25–75 e média")
    dir_.grid(False)
    return medias


def partes_do_digito(imagem, cmap: str = "gray_r") -> np.ndarray:
    """Corta o dígito em quatro quadrantes pelo centro de massa e desenha as partes e o todo.

    Devolve um array (4, 28, 28): as partes de cima à esquerda, de cima à direita,
    de baixo à esquerda e de baixo à direita. Somadas, elas dão a imagem original.
    """
    img = _imagem(imagem).astype(float)
    l0, c0 = (int(round(c)) for c in centro_de_massa(img))
    linhas, colunas = np.indices((LADO, LADO))
    mascaras = [(linhas < l0) & (colunas < c0), (linhas < l0) & (colunas >= c0),
                (linhas >= l0) & (colunas < c0), (linhas >= l0) & (colunas >= c0)]
    partes = np.stack([np.where(m, img, 0.0) for m in mascaras])
    topo = img.max() or 1.0
    fig, eixos = plt.subplots(1, 5, figsize=(7.0, 1.7))
    nomes = ["cima, esquerda", "cima, direita", "baixo, esquerda", "baixo, direita", "as quatro juntas"]
    for ax, parte, nome in zip(eixos, [*partes, img], nomes):
        ax.imshow(parte, cmap=cmap, vmin=0, vmax=topo)
        _limpar(ax)
        ax.set_title(nome, fontsize=8)
    return partes
