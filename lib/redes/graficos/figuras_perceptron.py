"""Figuras do capítulo sobre o perceptron: o festival, o somador de NANDs, o treino passo a passo e o XOR."""
from __future__ import annotations

import matplotlib as mpl
import numpy as np

from .. import perceptron, portas
from .._validacao import como_array, como_escalar
from .estilo import COR_CLASSE, CORES, figura, pontos_binarios, regiao_de_decisao
from .figuras_neuronio import _numero


def figura_festival(w=(6.0, 2.0, 2.0), limiares=range(0, 11), destaque=(3, 5)):
    r"""Tabela colorida das 8 combinações de três fatores binários contra vários limiares.

    Cada linha é uma entrada $\mathbf{x} \in \{0,1\}^3$ (com a soma ponderada
    $\mathbf{w}\cdot\mathbf{x}$ ao lado); cada coluna, um limiar $\theta$; a célula fica
    azul quando $\mathbf{w}\cdot\mathbf{x} > \theta$ ("vai") e laranja quando não. As colunas
    de `destaque` ganham uma moldura. Devolve a matriz de decisões, forma `(8, len(limiares))`.
    """
    w = como_array(w, "pesos", forma=(3,))
    limiares = como_array(list(limiares), "limiares", dims=1)
    X = np.array([[(k >> 2) & 1, (k >> 1) & 1, k & 1] for k in range(8)], dtype=float)
    somas = X @ w
    decisoes = (somas[:, None] > limiares[None, :]).astype(int)
    fig, ax = figura(largura=6.4, altura=3.6)
    cmapa = mpl.colors.ListedColormap([COR_CLASSE[0], COR_CLASSE[1]])
    ax.imshow(decisoes, cmap=cmapa, vmin=0, vmax=1, alpha=0.75, aspect="auto")
    for i in range(8):
        for j in range(len(limiares)):
            ax.text(j, i, "vai" if decisoes[i, j] else "·", ha="center", va="center", fontsize=7.5,
                    color="white" if decisoes[i, j] else CORES["preto"])
    for t in destaque:
        onde = np.flatnonzero(np.isclose(limiares, t))
        for j in onde:
            ax.add_patch(mpl.patches.Rectangle((j - 0.5, -0.5), 1, 8, fill=False, ec=CORES["preto"], lw=2.2))
    ax.set_xticks(range(len(limiares)), [_numero(t) for t in limiares])
    ax.set_yticks(range(8), [f"{int(a)}{int(b)}{int(c)}   Σ = {_numero(s)}" for (a, b, c), s in zip(X, somas)],
                  fontfamily="monospace", fontsize=8.5)
    ax.set_xlabel("limiar θ")
    ax.set_ylabel("tempo · companhia · transporte")
    ax.set_title(f"Vai ao festival? w = ({', '.join(_numero(v) for v in w)}): 'vai' quando Σ > θ")
    ax.grid(False)
    return decisoes


def diagrama_meio_somador(a: int, b: int, ax=None):
    r"""O meio somador com cinco portas NAND, com o valor de cada fio para as entradas `a` e `b`.

    $t = \text{NAND}(a, b)$, $u = \text{NAND}(a, t)$, $v = \text{NAND}(b, t)$;
    soma $= \text{NAND}(u, v) = a \oplus b$ e vai-um $= \text{NAND}(t, t) = a \wedge b$.
    Devolve `(soma, vai_um)`.
    """
    if a not in (0, 1) or b not in (0, 1) or isinstance(a, bool) or isinstance(b, bool):
        raise ValueError(f"esperava bits a e b iguais a 0 ou 1, recebi a={a!r}, b={b!r}")
    t = perceptron.nand(a, b)
    u, v = perceptron.nand(a, t), perceptron.nand(b, t)
    soma, vai_um = perceptron.nand(u, v), perceptron.nand(t, t)
    if ax is None:
        _, ax = figura(largura=6.4, altura=2.9)
    ax.set_axis_off()
    portas_xy = {"t": (1.6, 1.0), "u": (3.0, 1.8), "v": (3.0, 0.2), "soma": (4.4, 1.0), "vai": (3.0, -0.9)}
    entradas = {"a": (0.0, 1.8), "b": (0.0, 0.2)}
    valores = {"a": a, "b": b, "t": t, "u": u, "v": v, "soma": soma, "vai": vai_um}

    def fio(origem, destino, dy=0.0):
        x0, y0 = entradas.get(origem) or portas_xy[origem]
        x1, y1 = portas_xy[destino]
        x0 += 0.0 if origem in entradas else 0.35
        x1 -= 0.35
        cor = CORES["azul"] if valores[origem] else CORES["cinza"]
        meio = (x0 + x1) / 2
        ax.plot([x0, meio, meio, x1], [y0, y0, y1 + dy, y1 + dy], color=cor, lw=2.2 if valores[origem] else 1.2)

    for origem, destino, dy in [("a", "t", 0.12), ("b", "t", -0.12), ("a", "u", 0.12), ("t", "u", -0.12),
                                ("b", "v", -0.12), ("t", "v", 0.12), ("u", "soma", 0.12), ("v", "soma", -0.12),
                                ("t", "vai", 0.12)]:
        fio(origem, destino, dy)
    x_t, y_t = portas_xy["t"]
    ax.plot([x_t + 0.35, x_t + 0.55, x_t + 0.55, portas_xy["vai"][0] - 0.35],
            [y_t, y_t, portas_xy["vai"][1] - 0.12, portas_xy["vai"][1] - 0.12],
            color=CORES["azul"] if t else CORES["cinza"], lw=2.2 if t else 1.2)
    for nome, (x, y) in portas_xy.items():
        ax.add_patch(mpl.patches.FancyBboxPatch((x - 0.35, y - 0.28), 0.7, 0.56, boxstyle="round,pad=0.02",
                                                fc="white", ec=CORES["preto"], lw=1.2, zorder=3))
        ax.text(x, y + 0.06, "NAND", ha="center", va="center", fontsize=8, zorder=4)
        ax.text(x, y - 0.15, f"{nome} = {valores[nome]}", ha="center", va="center", fontsize=7.5,
                color=CORES["vermelho"], zorder=4)
    for nome, (x, y) in entradas.items():
        ax.text(x - 0.08, y, f"{nome} = {valores[nome]}", ha="right", va="center", fontsize=10, fontweight="bold")
    for nome, rotulo in (("soma", "soma"), ("vai", "vai-um")):
        x, y = portas_xy[nome]
        ax.annotate("", xy=(x + 0.9, y), xytext=(x + 0.35, y),
                    arrowprops=dict(arrowstyle="-|>", color=CORES["preto"], lw=1.2))
        ax.text(x + 0.95, y, f"{rotulo} = {valores[nome]}", ha="left", va="center", fontsize=10, fontweight="bold")
    ax.set_xlim(-0.9, 6.3)
    ax.set_ylim(-1.35, 2.3)
    ax.set_title(f"meio somador com 5 NANDs: {a} + {b} = {2 * vai_um + soma} (binário {vai_um}{soma})")
    return soma, vai_um


def figura_treino_perceptron(porta: str, passos: int, eta: float = 1.0, max_passos: int = 40):
    r"""O perceptron depois de `passos` apresentações de exemplos (regra de Rosenblatt, ordem fixa, começo em zero).

    À esquerda, a região de decisão atual sobre os quatro pontos da porta, com o
    exemplo do último passo marcado por um anel; à direita, o número de pontos
    errados a cada passo (linhas pontilhadas separam as épocas de 4 passos).
    Devolve um dicionário com `w`, `b`, `erros`, `epoca_atual` e `passo`.
    """
    if isinstance(passos, bool) or not isinstance(passos, (int, np.integer)) or not 0 <= passos <= max_passos:
        raise ValueError(f"esperava um número inteiro de passos entre 0 e {max_passos}, recebi {passos!r}")
    X, y = portas.tabela_verdade(porta)
    m = len(y)
    epocas = max(1, -(-max_passos // m))
    hist = perceptron.treinar_perceptron(X, y, eta=como_escalar(eta, "eta"), epocas=epocas, parar=False)
    w, b = hist.pesos[passos], float(hist.vieses[passos])
    erros = int(hist.erros_por_passo[passos])
    epoca_atual = 0 if passos == 0 else (passos - 1) // m + 1
    fig, (esq, dir_) = figura(colunas=2, largura=7.6, altura=3.3)
    regiao_de_decisao(esq, w, b)
    pontos_binarios(esq, X, y)
    if passos > 0:
        i = hist.indices[passos - 1]
        mudou = not np.isclose(hist.vieses[passos], hist.vieses[passos - 1])
        esq.scatter([X[i, 0]], [X[i, 1]], s=420, facecolor="none", lw=2.0, zorder=4,
                    edgecolor=CORES["vermelho"] if mudou else CORES["verde"])
        esq.text(-0.45, 1.43, "errou: pesos mudaram" if mudou else "acertou: nada muda", fontsize=8,
                 color=CORES["vermelho"] if mudou else CORES["verde"], va="top")
    esq.set_aspect("equal")
    esq.set_title(f"{porta.upper()}, passo {passos} (época {epoca_atual})\n"
                  f"w = ({_numero(w[0])}, {_numero(w[1])}), b = {_numero(b)}: "
                  f"{erros} erro{'s' if erros != 1 else ''}", fontsize=9)
    k = np.arange(max_passos + 1)
    serie = hist.erros_por_passo[: max_passos + 1]
    dir_.step(k, serie, where="post", color=CORES["cinza"], lw=1, alpha=0.5)
    dir_.step(k[: passos + 1], serie[: passos + 1], where="post", color=CORES["azul"])
    dir_.plot([passos], [erros], "o", color=CORES["vermelho"], ms=7, zorder=4)
    for fronteira in range(m, max_passos + 1, m):
        dir_.axvline(fronteira, color=CORES["cinza"], ls=":", lw=0.8)
    dir_.set_ylim(-0.3, m + 0.3)
    dir_.set_yticks(range(m + 1))
    dir_.set_xlim(0, max_passos)
    dir_.set_xlabel("passo (um exemplo por passo)")
    dir_.set_ylabel("pontos errados")
    dir_.set_title("erros depois de cada passo", fontsize=9)
    return {"w": w.copy(), "b": b, "erros": erros, "epoca_atual": epoca_atual, "passo": int(passos)}


def figura_erros_por_epoca(nomes=("AND", "OR", "XOR"), epocas: int = 20, eta: float = 1.0, tetos=None):
    r"""Treino de cada porta por `epocas` épocas: erros no fim de cada época e erros acumulados.

    O painel da direita mostra o total de atualizações (erros cometidos durante o
    treino): ele se estabiliza quando o perceptron converge e cresce sem parar no XOR.
    `tetos`, se dado, é um dicionário `{porta: número}` desenhado como linha tracejada
    nesse painel (por exemplo, o teto $(R/\gamma)^2$ do teorema de convergência).
    Devolve `{porta: Historico}`.
    """
    historicos = {}
    fig, (esq, dir_) = figura(colunas=2, largura=7.6, altura=3.0)
    for nome, cor, marca in zip(nomes, [CORES["azul"], CORES["verde"], CORES["vermelho"], CORES["roxo"]],
                                ["o", "s", "^", "D"]):
        X, y = portas.tabela_verdade(nome)
        hist = perceptron.treinar_perceptron(X, y, eta=eta, epocas=epocas, parar=False)
        historicos[nome] = hist
        e = np.arange(1, epocas + 1)
        esq.plot(e, hist.erros_por_epoca, marker=marca, ms=4, color=cor, label=nome)
        dir_.plot(e, np.cumsum(hist.atualizacoes_por_epoca), marker=marca, ms=4, color=cor, label=nome)
    for nome, teto in (tetos or {}).items():
        teto = como_escalar(teto, f"teto de {nome}")
        dir_.axhline(teto, color=CORES["cinza"], ls="--", lw=1.2)
        dir_.text(1, teto, f"teto do teorema para {nome}: {_numero(round(teto, 2))}", fontsize=8,
                  color=CORES["cinza"], va="bottom")
    esq.set_xlabel("época")
    esq.set_ylabel("pontos errados no fim da época")
    esq.set_ylim(-0.2, 4.2)
    esq.legend(fontsize=8)
    dir_.set_xlabel("época")
    dir_.set_ylabel("atualizações acumuladas")
    dir_.legend(fontsize=8)
    return historicos


def figura_xor_duas_camadas():
    r"""XOR em duas camadas: as retas do OR e do NAND no plano de entrada e, à direita, a reta do AND no plano oculto.

    A camada oculta leva cada entrada $(x_1, x_2)$ a $(h_1, h_2) = (\text{OR}, \text{NAND})$; lá os
    pontos do XOR ficam separáveis por uma reta só. Devolve a representação oculta, forma `(4, 2)`.
    """
    X, y = portas.tabela_verdade("XOR")
    (W1, b1), (W2, b2) = perceptron.REDE_XOR
    H = perceptron.propagar(X, perceptron.REDE_XOR)[0]
    fig, (esq, dir_) = figura(colunas=2, largura=7.6, altura=4.0)
    x1 = np.linspace(-0.5, 1.5, 50)
    for j, (nome, cor) in enumerate([("OR", CORES["verde"]), ("NAND", CORES["roxo"])]):
        esq.plot(x1, -(W1[0, j] * x1 + b1[j]) / W1[1, j], color=cor, lw=1.8, label=f"reta do {nome}")
    esq.fill_between(x1, 0.5 - x1, 1.5 - x1, color=COR_CLASSE[1], alpha=0.15, lw=0)
    pontos_binarios(esq, X, y)
    esq.set_xlim(-0.5, 1.5)
    esq.set_ylim(-0.5, 1.5)
    esq.set_aspect("equal")
    esq.set_xlabel("$x_1$")
    esq.set_ylabel("$x_2$")
    esq.set_title("entrada: duas retas (faixa = XOR dá 1)", fontsize=9)
    esq.legend(fontsize=7.5, loc="upper center", bbox_to_anchor=(0.5, -0.2), ncol=2)
    regiao_de_decisao(dir_, W2[:, 0], b2[0])
    pontos_binarios(dir_, H, y)
    for (a, b), (h1, h2) in zip(X.astype(int), H):
        dx = -0.12 if (a, b) == (0, 1) else 0.12 if (a, b) == (1, 0) else 0.0
        dir_.annotate(f"({a},{b})", (h1, h2), xytext=(h1 + dx, h2 - 0.2), ha="center", fontsize=7.5,
                      color=CORES["cinza"])
    dir_.set_aspect("equal")
    dir_.set_xlabel("$h_1$ = OR($x_1$, $x_2$)")
    dir_.set_ylabel("$h_2$ = NAND($x_1$, $x_2$)")
    dir_.set_title("camada oculta: o AND separa com uma reta", fontsize=9)
    return H
