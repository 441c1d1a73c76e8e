"""Figuras do capítulo 7: padrões 8×8, uma recuperação com a sua curva de energia,
o experimento de capacidade e esquemas de como os neurônios se ligam em cada arquitetura.

Nos padrões, +1 sai escuro e −1 sai claro. Cada função devolve algo que um teste
(ou um painel) pode conferir: o número de bits errados, o resultado do experimento,
o número de ligações desenhadas.
"""
from __future__ import annotations

import matplotlib.pyplot as plt
from matplotlib.ticker import MaxNLocator
import numpy as np

from .. import hopfield
from .._validacao import como_escalar, como_inteiro
from .estilo import CORES, figura

_ORDEM_LETRAS = ("A", "L", "X", "Z")


_inteiro = como_inteiro


def _limpar(ax) -> None:
    ax.set_xticks([])
    ax.set_yticks([])
    ax.grid(False)


def desenhar_padrao(ax, padrao, titulo: str = "", errados=None) -> None:
    """Um padrão de ±1 com N = lado² bits como uma imagem (+1 escuro); `errados` marca bits em vermelho."""
    s = hopfield._estados(padrao, "padrao", dims=1)
    lado = int(round(np.sqrt(len(s))))
    if lado * lado != len(s):
        raise ValueError(f"esperava um padrão quadrado (N = lado²), recebi {len(s)} bits")
    ax.imshow(s.reshape(lado, lado), cmap="gray_r", vmin=-1.25, vmax=1.0, interpolation="nearest")
    if errados is not None:
        linhas, colunas = np.divmod(np.flatnonzero(np.asarray(errados)), lado)
        ax.scatter(colunas, linhas, marker="s", s=38, facecolor="none", edgecolor=CORES["vermelho"], linewidth=1.4)
    _limpar(ax)
    ax.set_title(titulo, fontsize=9)


def figura_padroes(padroes, titulos=None):
    """Os padrões lado a lado (um dicionário nome → padrão, ou um array `(P, N)`); devolve a figura."""
    if isinstance(padroes, dict):
        titulos = list(padroes) if titulos is None else titulos
        padroes = np.array(list(padroes.values()))
    X = hopfield._estados(padroes, "padroes", dims=2)
    titulos = [f"padrão {i + 1}" for i in range(len(X))] if titulos is None else list(titulos)
    if len(titulos) != len(X):
        raise ValueError(f"esperava {len(X)} títulos, recebi {len(titulos)}")
    fig, eixos = plt.subplots(1, len(X), figsize=(1.35 * len(X), 1.6), squeeze=False)
    for ax, x, t in zip(eixos[0], X, titulos):
        desenhar_padrao(ax, x, t)
    return fig


def padroes_do_painel(n_padroes: int, semente: int = 0) -> np.ndarray:
    """Os padrões que o painel guarda: as letras A, L, X, Z e, passando de 4, padrões aleatórios."""
    n_padroes = _inteiro(n_padroes, "n_padroes", 1, 40)
    letras = np.array([hopfield.LETRAS[k] for k in _ORDEM_LETRAS])[:n_padroes]
    extras = hopfield.padroes_aleatorios(max(0, n_padroes - len(letras)), letras.shape[1], semente=1000 + semente)
    return np.vstack([letras, extras])


def _recuperar_no_painel(n_padroes: int, ruido: float, semente: int):
    X = padroes_do_painel(n_padroes, _inteiro(semente, "semente", 0, 10_000))
    W = hopfield.pesos(X)
    pista = hopfield.ruido(X[0], como_escalar(ruido, "ruido"), semente)
    return W, X[0], pista, hopfield.recuperar(W, pista, passos=30, semente=semente)


def bits_errados_no_painel(n_padroes: int = 4, ruido: float = 0.2, semente: int = 0) -> int:
    """O número que `figura_recuperacao` devolve, sem desenhar nada (para contar muitos casos depressa)."""
    _, alvo, _, trajetoria = _recuperar_no_painel(n_padroes, ruido, semente)
    return int(np.sum(trajetoria.estados[-1] != alvo))


def figura_recuperacao(n_padroes: int = 4, ruido: float = 0.2, semente: int = 0) -> int:
    """Guarda `n_padroes` padrões, estraga a letra A com `ruido` e deixa a rede recuperar.

    Os padrões são os de `padroes_do_painel`; `semente` sorteia os padrões extras, os
    bits trocados e a ordem das atualizações. Painéis: a letra guardada, a pista com
    ruído, o estado final (bits errados em vermelho) e a energia a cada neurônio
    visitado. Devolve o número de bits errados no fim.
    """
    W, alvo, pista, trajetoria = _recuperar_no_painel(n_padroes, ruido, semente)
    final = trajetoria.estados[-1]
    errados = final != alvo
    fig, eixos = plt.subplots(1, 4, figsize=(8.6, 2.3), gridspec_kw={"width_ratios": [1, 1, 1, 2.1]})
    desenhar_padrao(eixos[0], alvo, "guardado: A")
    desenhar_padrao(eixos[1], pista, f"pista: {int(np.sum(pista != alvo))} bits trocados")
    desenhar_padrao(eixos[2], final, f"final: {int(errados.sum())} bits errados", errados=errados)
    ax = eixos[3]
    energias = trajetoria.energias
    n = len(alvo)
    for k in range(n, len(energias), n):
        ax.axvline(k, color=CORES["cinza"], lw=0.8, ls=":", label="fim de uma varredura" if k == n else None)
    ax.plot(np.arange(len(energias)), energias, color=CORES["azul"], lw=1.8)
    ax.axhline(float(hopfield.energia(W, alvo)), color=CORES["verde"], lw=1.0, ls="--", label="E(A)")
    ax.set_xlabel("neurônios visitados")
    ax.set_ylabel("energia E")
    ax.legend(loc="upper right", fontsize=8)
    ax.set_title(f"{n_padroes} padrões guardados, ruído de {100 * ruido:.0f} %", fontsize=9)
    return int(errados.sum())


def figura_capacidade(n: int = 64, valores_p=range(2, 21), redes: int = 20, ruido: float = 0.1,
                      semente: int = 0) -> hopfield.Capacidade:
    """Roda `hopfield.capacidade` e desenha: bits estáveis (medidos e previstos) e padrões recuperados."""
    c = hopfield.capacidade(n, valores_p, redes=redes, ruido=ruido, semente=semente)
    fig, (esq, dir_) = figura(colunas=2, largura=8.6, altura=3.0)
    esq.plot(c.p, c.teoria, color=CORES["cinza"], lw=1.5, label="previsto")
    esq.plot(c.p, c.bits_estaveis, "o", color=CORES["azul"], ms=4, label="medido")
    esq.set_xlabel("padrões guardados P")
    esq.set_ylabel("fração de bits estáveis")
    esq.set_title(f"um passo a partir de cada padrão (N = {n})")
    esq.legend()
    limiar = 0.138 * n
    for ax in (esq, dir_):
        ax.axvline(limiar, color=CORES["vermelho"], lw=1.0, ls="--")
    dir_.plot(c.p, c.recuperados, "o-", color=CORES["azul"], ms=4, label="recuperados")
    dir_.plot(c.p, c.sobreposicao, "s-", color=CORES["laranja"], ms=3.5, label="sobreposição")
    dir_.text(limiar - 0.3, 0.45, f"0,138·N ≈ {limiar:.1f}".replace(".", ","), color=CORES["vermelho"], fontsize=8,
              ha="right")
    for ax in (esq, dir_):
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    dir_.set_ylim(-0.02, 1.05)
    dir_.set_xlabel("padrões guardados P")
    dir_.set_ylabel("fração ou sobreposição")
    dir_.set_title(f"partindo de {100 * ruido:.0f} % de ruído ({redes} redes por P)")
    dir_.legend(loc="lower left", fontsize=8)
    return c


# ------------------------------------------------------------------ esquemas

def _nos(ax, xs, ys, cor, tamanho=70):
    ax.scatter(xs, ys, s=tamanho, color="white", edgecolor=cor, linewidth=1.6, zorder=3)


def _ligar(ax, a, b, seta=False, cor=None):
    cor = cor or CORES["cinza"]
    if seta:
        ax.annotate("", xy=b, xytext=a, zorder=2,
                    arrowprops=dict(arrowstyle="-|>", color=cor, lw=1.0, shrinkA=6, shrinkB=6))
    else:
        ax.plot([a[0], b[0]], [a[1], b[1]], color=cor, lw=0.7, alpha=0.7, zorder=1)
    return 1


def _camadas(ax, tamanhos, cores=None) -> int:
    colunas = [np.linspace(-(t - 1) / 2, (t - 1) / 2, t) for t in tamanhos]
    arestas = 0
    for x, (ys0, ys1) in enumerate(zip(colunas, colunas[1:])):
        for y0 in ys0:
            for y1 in ys1:
                arestas += _ligar(ax, (x, y0), (x + 1, y1))
    for x, ys in enumerate(colunas):
        cor = (cores or {}).get(x, CORES["verde"])
        _nos(ax, np.full(len(ys), x), ys, CORES["azul"] if x == 0 else CORES["vermelho"] if x == len(tamanhos) - 1 else cor)
    return arestas


def figura_esquemas() -> dict:
    """Seis esquemas de ligação: MLP, RNN desenrolada, Hopfield, Boltzmann restrita, autoencoder e GAN.

    Devolve `{nome: número de ligações desenhadas}` (setas, no caso da RNN e da GAN).
    """
    fig, eixos = plt.subplots(2, 3, figsize=(8.6, 4.6))
    eixos = eixos.ravel()
    contagem = {}
    contagem["MLP"] = _camadas(eixos[0], [3, 4, 2])
    eixos[0].set_title("MLP: camadas, sem ciclos")

    ax = eixos[1]
    setas = 0
    for t in range(4):
        _nos(ax, [t, t, t], [0, 1, 2], CORES["verde"])
        ax.text(t, -0.55, f"$x_{t + 1}$", ha="center", fontsize=8)
        ax.text(t, 2.4, f"$y_{t + 1}$", ha="center", fontsize=8)
        setas += _ligar(ax, (t, 0), (t, 1), seta=True) + _ligar(ax, (t, 1), (t, 2), seta=True)
        if t:
            setas += _ligar(ax, (t - 1, 1), (t, 1), seta=True, cor=CORES["vermelho"])
    contagem["RNN"] = setas
    ax.set_ylim(-0.9, 2.8)
    ax.set_title("RNN: o mesmo $U$ a cada passo")

    ax = eixos[2]
    angulos = np.linspace(0, 2 * np.pi, 6, endpoint=False) + np.pi / 2
    xy = np.column_stack([np.cos(angulos), np.sin(angulos)])
    contagem["Hopfield"] = sum(_ligar(ax, xy[i], xy[j]) for i in range(6) for j in range(i + 1, 6))
    _nos(ax, xy[:, 0], xy[:, 1], CORES["roxo"])
    ax.set_title("Hopfield: todos com todos")

    ax = eixos[3]
    visiveis = np.column_stack([np.linspace(-1.5, 1.5, 4), np.zeros(4)])
    ocultas = np.column_stack([np.linspace(-1, 1, 3), np.ones(3)])
    contagem["RBM"] = sum(_ligar(ax, v, h) for v in visiveis for h in ocultas)
    _nos(ax, visiveis[:, 0], visiveis[:, 1], CORES["azul"])
    _nos(ax, ocultas[:, 0], ocultas[:, 1], CORES["laranja"])
    ax.text(2.0, 0, "visíveis", va="center", fontsize=8)
    ax.text(1.5, 1, "ocultas", va="center", fontsize=8)
    ax.set_xlim(-2.0, 3.2)
    ax.set_ylim(-0.6, 1.6)
    ax.set_title("Boltzmann restrita: só entre camadas")

    contagem["autoencoder"] = _camadas(eixos[4], [5, 3, 2, 3, 5], cores={2: CORES["laranja"]})
    eixos[4].set_title("autoencoder: gargalo no meio")

    ax = eixos[5]
    caixas = {"ruído z": (0, 1), "gerador G": (1.3, 1), "dados reais": (1.3, 0), "discriminador D": (2.7, 0.5),
              "real ou falso?": (2.7, -0.6)}
    textos = {nome: ax.text(x, y, nome, ha="center", va="center", fontsize=8,
                            bbox=dict(boxstyle="round,pad=0.3", fc="white", ec=CORES["cinza"]))
              for nome, (x, y) in caixas.items()}
    pares = [("ruído z", "gerador G"), ("gerador G", "discriminador D"), ("dados reais", "discriminador D"),
             ("discriminador D", "real ou falso?")]
    for a, b in pares:
        ax.annotate("", xy=caixas[b], xytext=caixas[a],
                    arrowprops=dict(arrowstyle="-|>", color=CORES["preto"], lw=1.0,
                                    patchA=textos[a].get_bbox_patch(), patchB=textos[b].get_bbox_patch()))
    contagem["GAN"] = len(pares)
    ax.set_xlim(-0.6, 3.6)
    ax.set_ylim(-1.0, 1.4)
    ax.set_title("GAN: duas redes que competem")
    for ax in eixos:
        ax.set_axis_off()
        if ax is not eixos[5] and ax is not eixos[3] and ax is not eixos[1]:
            ax.margins(0.15)
    return contagem


__all__ = ["desenhar_padrao", "figura_padroes", "padroes_do_painel", "bits_errados_no_painel", "figura_recuperacao", "figura_capacidade",
           "figura_esquemas"]
