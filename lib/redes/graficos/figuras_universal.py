"""Figuras do capítulo 22 (aproximação universal): degraus, calombos, a escada de calombos e além.

Cada função desenha e devolve um dicionário com a figura (`"figura"`) e os números que ela mostra,
para que os widgets (`interativo.Painel`) e os testes confiram o resultado sem olhar a imagem.
"""
from __future__ import annotations

import numpy as np

from .. import universal as uni
from .. import universal_extras as ext
from .._validacao import como_array, como_escalar, como_inteiro
from ..ativacoes import sigmoide
from .estilo import CORES, figura

_X = np.linspace(0, 1, 1001)
GRADE = np.linspace(0, 1, 2001)


def _eixos_01(ax, titulo, ylim=(-0.1, 1.1)):
    ax.set_xlim(0, 1)
    ax.set_ylim(*ylim)
    ax.set_xlabel("entrada x")
    ax.set_title(titulo, fontsize=10)


def figura_sigmoide_wb(w, b):
    """σ(wx + b) em [0, 1], com a marca em s = −b/w. Devolve {"figura", "s"}."""
    w, b = como_escalar(w, "w"), como_escalar(b, "b")
    fig, ax = figura(largura=5.2, altura=2.8)
    ax.plot(_X, sigmoide(w * _X + b), color=CORES["azul"])
    s = uni.posicao_degrau(w, b) if w != 0 else float("nan")
    if 0 <= s <= 1:
        ax.axvline(s, color=CORES["cinza"], ls="--", lw=1)
        ax.plot([s], [0.5], "o", color=CORES["vermelho"], ms=6, zorder=4)
    _eixos_01(ax, f"σ(w·x + b) com w = {w:.4g}, b = {b:.4g}: degrau em s = −b/w = {s:.3g}")
    return {"figura": fig, "s": s}


def figura_degrau(s, w=999.0):
    """Um neurônio com w = 999 e b = −w·s: um degrau em s. Devolve {"figura", "s", "b"}."""
    s, w = como_escalar(s, "s"), como_escalar(w, "w")
    b = uni.vies_para_degrau(s, w)
    fig, ax = figura(largura=5.2, altura=2.8)
    ax.plot(_X, uni.degrau_sigmoide(_X, s, w), color=CORES["azul"])
    ax.axvline(s, color=CORES["cinza"], ls="--", lw=1)
    _eixos_01(ax, f"w = {w:.0f}, s = {s:.2f} → b = −w·s = {b:.1f}")
    return {"figura": fig, "s": s, "b": b}


def figura_dois_neuronios(s1, s2, w1, w2, w=999.0):
    """Saída ponderada w1·a1 + w2·a2 de dois degraus em s1 e s2. Devolve {"figura", "alturas"}.

    `alturas` são os valores da saída à esquerda de tudo, no meio e à direita de tudo.
    """
    s1, s2, w1, w2 = (como_escalar(v, n) for v, n in ((s1, "s1"), (s2, "s2"), (w1, "w1"), (w2, "w2")))
    y = w1 * uni.degrau_sigmoide(_X, s1, w) + w2 * uni.degrau_sigmoide(_X, s2, w)
    fig, ax = figura(largura=5.2, altura=2.8)
    ax.plot(_X, y, color=CORES["vermelho"])
    for s in (s1, s2):
        ax.axvline(s, color=CORES["cinza"], ls=":", lw=1)
    meio = (s1 + s2) / 2
    no_meio = w1 * uni.degrau_sigmoide(meio, s1, w) + w2 * uni.degrau_sigmoide(meio, s2, w)
    alturas = tuple(round(float(a), 4) for a in (0.0, no_meio, w1 + w2))
    _eixos_01(ax, f"w1·a1 + w2·a2 com s1 = {s1:.2f}, s2 = {s2:.2f}, w1 = {w1:.2f}, w2 = {w2:.2f}", (-1.6, 1.6))
    return {"figura": fig, "alturas": alturas}


def figura_calombos(h1, h2, s=(0.2, 0.4, 0.6, 0.8), w=1000.0):
    """Dois calombos de 4 neurônios: alturas h1 em [s0, s1] e h2 em [s2, s3]. Devolve {"figura", "pesos_saida"}."""
    h1, h2 = como_escalar(h1, "h1"), como_escalar(h2, "h2")
    s = como_array(s, "s", forma=(4,))
    fig, ax = figura(largura=5.2, altura=2.8)
    y1 = uni.calombo(_X, s[0], s[1], h1, w)
    y2 = uni.calombo(_X, s[2], s[3], h2, w)
    ax.plot(_X, y1 + y2, color=CORES["verde"], lw=2)
    _eixos_01(ax, f"4 neurônios: pesos de saída ±h1 e ±h2 (h1 = {h1:.2f}, h2 = {h2:.2f})", (-1.1, 1.1))
    return {"figura": fig, "pesos_saida": (h1, -h1, h2, -h2)}


def figura_aproximacao(w, b, v, f=uni.alvo_nielsen, titulo="", saida="linear"):
    """A rede (w, b, v) contra f em [0, 1], com o erro médio na grade de 2001 pontos. Devolve {"figura", "erro_medio"}."""
    g = uni.funcao_da_rede(w, b, v, saida)
    erro = uni.erro_medio(g, f, GRADE)
    fig, ax = figura(largura=5.6, altura=3.0)
    ax.plot(_X, f(_X), color=CORES["cinza"], lw=2.5, label="f (alvo)")
    ax.plot(_X, g(_X), color=CORES["azul"], lw=1.2, label="g (rede)")
    ax.legend(loc="upper left", fontsize=8)
    _eixos_01(ax, f"{titulo}erro médio |g − f| = {erro:.4f}", (-0.05, 1.05))
    return {"figura": fig, "erro_medio": erro}


def figura_projetista(h1, h2, h3, h4, h5):
    """Cinco calombos em (0, 1/5), (1/5, 2/5), …, (4/5, 1) com as alturas dadas, contra o alvo de Nielsen."""
    alturas = [como_escalar(h, f"h{i}") for i, h in enumerate((h1, h2, h3, h4, h5), start=1)]
    return figura_aproximacao(*uni.pesos_de_calombos(alturas), titulo="N = 5: ")


def figura_n_calombos(N, saida="linear"):
    """N calombos com alturas automáticas h_i = f(meio_i) (ou σ⁻¹(f(meio_i)) com saída sigmoide)."""
    N = como_inteiro(N, "N", 1, 2000)
    return figura_aproximacao(*uni.rede_de_calombos(uni.alvo_nielsen, N, saida=saida), saida=saida,
                              titulo=f"N = {N} ({2 * N} neurônios, saída {saida}): ")


def figura_erro_por_n(valores_de_n, erros, rotulo="calombos", extras=()):
    """Erro em função de N em escala log-log; `extras` são tuplas (valores_de_n, erros, rótulo) a mais."""
    fig, ax = figura(largura=4.6, altura=3.0)
    for ns, es, r in ((valores_de_n, erros, rotulo), *extras):
        ax.loglog(como_array(ns, "valores_de_n"), como_array(es, "erros"), "o-", ms=4, label=r)
    ax.set_xlabel("N")
    ax.set_ylabel("erro")
    ax.legend(fontsize=8)
    return {"figura": fig}


def figura_descontinua(N=50):
    """A rede de calombos diante de um salto: longe dele tudo bem, perto dele o erro não cai de 0,3."""
    N = como_inteiro(N, "N", 1, 2000)
    g = uni.funcao_da_rede(*uni.rede_de_calombos(uni.alvo_degrau, N))
    perto = np.linspace(0.45, 0.55, 1001)
    fig, (a, b) = figura(colunas=2, largura=7.0, altura=2.8)
    for ax, xs, t in ((a, _X, f"N = {N} em [0, 1]"), (b, perto, "zoom perto do salto")):
        ax.plot(xs, uni.alvo_degrau(xs), color=CORES["cinza"], lw=2.5, label="f")
        ax.plot(xs, g(xs), color=CORES["azul"], lw=1.2, label="g")
        ax.set_title(t, fontsize=10)
        ax.set_xlabel("entrada x")
    a.legend(fontsize=8)
    return {"figura": fig, "erro_maximo_perto": uni.erro_maximo(g, uni.alvo_degrau, perto)}


def figura_torres(N=10, pontos=100):
    """Mapas de calor: o alvo 2-D, uma torre só e a soma de N × N torres. Devolve {"figura", "erro_medio"}."""
    N = como_inteiro(N, "N", 1, 60)
    eixo = np.linspace(0, 1, como_inteiro(pontos, "pontos", 2, 400))
    X, Y = np.meshgrid(eixo, eixo)
    alvo = ext.alvo_2d(X, Y)
    uma = ext.torre(X, Y, 0.3, 0.5, 0.6, 0.8)
    g = ext.aproximar_com_torres(ext.alvo_2d, N, X, Y)
    fig, eixos = figura(colunas=3, largura=8.4, altura=2.9)
    for ax, Z, t in zip(eixos, (uma, alvo, g), ("uma torre (4 + 1 neurônios)", "alvo f(x, y)", f"{N} × {N} torres")):
        im = ax.imshow(Z, origin="lower", extent=(0, 1, 0, 1), vmin=0, vmax=1, cmap="viridis")
        ax.set_title(t, fontsize=10)
        ax.set_xlabel("x")
        ax.grid(False)
    eixos[0].set_ylabel("y")
    fig.colorbar(im, ax=eixos, shrink=0.8)
    return {"figura": fig, "erro_medio": float(np.mean(np.abs(g - alvo)))}


def figura_relu(N=10):
    """À esquerda, o chapéu de 3 ReLUs; à direita, a interpolação com N ReLUs contra o alvo de Nielsen."""
    N = como_inteiro(N, "N", 1, 2000)
    t, v, c = ext.rede_relu_interpolante(uni.alvo_nielsen, N)
    g = lambda x: ext.saida_rede_relu(x, t, v, c)  # noqa: E731
    fig, (a, b) = figura(colunas=2, largura=7.4, altura=2.8)
    a.plot(_X, ext.chapeu_relu(_X, 0.2, 0.5, 0.8), color=CORES["verde"])
    a.set_title("chapéu com 3 ReLUs (0,2; 0,5; 0,8)", fontsize=10)
    b.plot(_X, uni.alvo_nielsen(_X), color=CORES["cinza"], lw=2.5, label="f")
    b.plot(_X, g(_X), color=CORES["vermelho"], lw=1.2, label=f"{N} ReLUs")
    nos = np.linspace(0, 1, N + 1)
    b.plot(nos, uni.alvo_nielsen(nos), "o", color=CORES["preto"], ms=3)
    b.legend(fontsize=8)
    erro = uni.erro_medio(g, uni.alvo_nielsen, GRADE)
    b.set_title(f"interpolação linear: erro médio {erro:.4f}", fontsize=10)
    for ax in (a, b):
        ax.set_xlabel("entrada x")
    return {"figura": fig, "erro_medio": erro}


def figura_comparacao(redes_rotuladas, f=uni.alvo_nielsen):
    """Várias aproximações (rótulo → função g) contra f, e o erro |g − f| de cada uma embaixo."""
    fig, (a, b) = figura(linhas=2, largura=6.0, altura=4.6)
    a.plot(_X, f(_X), color=CORES["cinza"], lw=3, label="f")
    erros = {}
    for rotulo, g in redes_rotuladas.items():
        y = g(_X)
        a.plot(_X, y, lw=1.2, label=rotulo)
        b.plot(_X, np.abs(y - f(_X)), lw=1, label=rotulo)
        erros[rotulo] = uni.erro_medio(g, f, GRADE)
    a.legend(fontsize=8)
    b.set_yscale("log")
    b.set_ylim(1e-5, 1)
    b.set_ylabel("|g − f|")
    b.set_xlabel("entrada x")
    return {"figura": fig, "erros": erros}
