"""Figuras do capítulo 11 (retropropagação): o passo para frente do XOR, o treino, os tempos e as normas."""
from __future__ import annotations

import matplotlib as mpl
import numpy as np

from .. import ativacoes
from .. import retropropagacao as rp
from .._validacao import como_array
from .estilo import COR_CLASSE, CORES, figura, pontos_binarios


def _no(ax, x, y, texto, cor, quadrado=False):
    marcador = "s" if quadrado else "o"
    ax.scatter([x], [y], s=1300, marker=marcador, color="white", edgecolor=cor, linewidth=2, zorder=3)
    ax.text(x, y, texto, ha="center", va="center", fontsize=8, zorder=4)


def _aresta(ax, origem, destino, peso, cor, t=0.25):
    """Uma ligação com o peso escrito perto da origem (onde as ligações de um mesmo nó se separam)."""
    (x0, y0), (x1, y1) = origem, destino
    ax.plot([x0, x1], [y0, y1], color=CORES["cinza"], lw=0.8, zorder=1)
    ax.text(x0 + t * (x1 - x0), y0 + t * (y1 - y0), f"{peso:.3f}", fontsize=6.5, color=cor, ha="center",
            va="center", zorder=2, bbox={"boxstyle": "round,pad=0.1", "fc": "white", "ec": "none"})


def diagrama_passo_xor(x=(0.0, 1.0, 1.0), W1=None, w2=None, no_de_vies: bool = False, ax=None):
    r"""A rede do exemplo do livro, com os pesos nas arestas e o valor de cada nó para a entrada `x`.

    `x = (x_1, x_2, 1)` já traz a coluna de uns; `W1` tem forma `(3, 3)` (coluna $j$ = pesos do
    neurônio oculto $j$, a última linha faz o papel do viés) e `w2` forma `(3,)`. Com
    `no_de_vies=False`, como no livro, os três nós ocultos são sigmoides; com `no_de_vies=True`,
    como deve ser, o terceiro é a constante 1 e `w2[2]` é o viés da saída.
    Devolve `(ocultos, saida)`.
    """
    x = como_array(x, "x", forma=(3,))
    W1 = como_array(rp.PESOS_LIVRO[0] if W1 is None else W1, "W1", forma=(3, 3))
    w2 = como_array(rp.PESOS_LIVRO[1] if w2 is None else w2, "w2", forma=(3,))
    h = ativacoes.sigmoide(x @ W1)
    if no_de_vies:
        h[2] = 1.0
    saida = float(ativacoes.sigmoide(h @ w2))
    if ax is None:
        _, ax = figura(largura=5.6, altura=3.6)
    ys = (2.0, 1.0, 0.0)
    ocultos_ligados = (0, 1) if no_de_vies else (0, 1, 2)
    for j in ocultos_ligados:
        for i in range(3):
            _aresta(ax, (0.0, ys[i]), (1.8, ys[j]), W1[i, j], CORES["azul"])
    for j in range(3):
        _aresta(ax, (1.8, ys[j]), (3.3, 1.0), w2[j], CORES["vermelho"], t=0.5)
    nomes = ("$x_1$", "$x_2$", "1")
    for i in range(3):
        _no(ax, 0.0, ys[i], f"{nomes[i]}\n{x[i]:g}" if i < 2 else "1", CORES["azul"], quadrado=i == 2)
    for j in range(3):
        constante = no_de_vies and j == 2
        _no(ax, 1.8, ys[j], "1" if constante else f"{h[j]:.4f}", CORES["verde"], quadrado=constante)
    _no(ax, 3.3, 1.0, f"{saida:.4f}", CORES["vermelho"])
    ax.set_xlim(-0.4, 3.7)
    ax.set_ylim(-0.45, 2.45)
    ax.set_axis_off()
    ax.set_title("nó de viés constante (correto)" if no_de_vies else "como no livro: 3 sigmoides ocultas",
                 fontsize=9)
    return h, saida


def superficie_xor(treino, resolucao: int = 61, limites=(-0.25, 1.25)):
    """A saída de uma rede de `treinar_xor` numa grade: `(eixo, saidas)`, `saidas[i, j]` em (eixo[j], eixo[i])."""
    if isinstance(resolucao, bool) or not isinstance(resolucao, int) or resolucao < 2:
        raise ValueError(f"esperava uma resolução inteira ≥ 2, recebi {resolucao!r}")
    eixo = np.linspace(limites[0], limites[1], resolucao)
    g1, g2 = np.meshgrid(eixo, eixo)
    saidas = rp.propagar(treino.pesos, treino.vieses, np.column_stack([g1.ravel(), g2.ravel()]),
                         treino.ativacao, saida="sigmoide").A[-1]
    return eixo, saidas.reshape(resolucao, resolucao)


def figura_xor_treino(ocultos: int = 2, taxa: float = 4.0, ativacao: str = "sigmoide", semente: int = 1,
                      epocas: int = 2000):
    r"""Treina a rede 2-`ocultos`-1 no XOR (`redes.retropropagacao.treinar_xor`) e mostra o resultado.

    À esquerda, a saída da rede em cada ponto do plano (a fronteira de decisão é a curva
    em que ela vale 0,5) e as 4 previsões; à direita, o custo a cada época, em escala log.
    Devolve o `TreinoXOR`.
    """
    treino = rp.treinar_xor(ocultos, taxa, ativacao, semente, epocas)
    eixo, saidas = superficie_xor(treino)
    fig, (esq, dir_) = figura(colunas=2, largura=7.6, altura=3.3)
    mapa = mpl.colors.LinearSegmentedColormap.from_list("xor", [COR_CLASSE[0], "white", COR_CLASSE[1]])
    extensao = (eixo[0], eixo[-1], eixo[0], eixo[-1])
    esq.imshow(saidas, origin="lower", extent=extensao, cmap=mapa, vmin=0, vmax=1, alpha=0.6, aspect="auto")
    if saidas.min() < 0.5 < saidas.max():
        esq.contour(eixo, eixo, saidas, levels=[0.5], colors=CORES["preto"], linewidths=1.2)
    pontos_binarios(esq, rp.XOR_X, rp.XOR_Y.ravel())
    for (x1, x2), a in zip(rp.XOR_X, treino.previsoes):
        esq.annotate(f"{a:.2f}", (x1, x2), xytext=(x1, x2 + 0.13), ha="center", fontsize=8)
    esq.set_xlabel("$x_1$")
    esq.set_ylabel("$x_2$")
    esq.grid(False)
    esq.set_title(f"2-{ocultos}-1, {ativacao}: {treino.acertos} de 4 certos", fontsize=9)
    dir_.plot(np.arange(len(treino.custos)), np.maximum(treino.custos, 1e-12), color=CORES["azul"])
    dir_.set_yscale("log")
    dir_.set_xlabel("época")
    dir_.set_ylabel("custo C")
    dir_.set_title(f"η = {taxa:.3g}, semente {semente}: custo final {treino.custos[-1]:.4f}", fontsize=9)
    return treino


def figura_tempos(resultados, ax=None):
    r"""Tempo do gradiente contra o número de parâmetros $P$, em escala log–log, para os dois métodos.

    `resultados` é uma lista de dicionários de `redes.retropropagacao.comparar_metodos`.
    Devolve as razões tempo(diferenças)/tempo(retropropagação), na ordem recebida.
    """
    if not resultados:
        raise ValueError("esperava pelo menos um resultado de comparar_metodos, recebi uma lista vazia")
    P = np.array([r["n_parametros"] for r in resultados], dtype=float)
    dif = np.array([r["tempo_diferencas"] for r in resultados])
    retro = np.array([r["tempo_retro"] for r in resultados])
    if ax is None:
        _, ax = figura(largura=5.2, altura=3.3)
    ax.loglog(P, dif, "o-", color=CORES["vermelho"], label="diferenças finitas (2P passos para frente)")
    ax.loglog(P, retro, "s-", color=CORES["azul"], label="retropropagação (1 ida + 1 volta)")
    ax.set_xlabel("número de parâmetros P")
    ax.set_ylabel("tempo de um gradiente (s)")
    ax.legend(fontsize=8)
    return dif / retro


def figura_normas_por_camada(normas, ax=None, titulo: str | None = None):
    r"""Barras de $\lVert\nabla_{W^l} C\rVert$ para $l = 1, \dots, L$, em escala log. Devolve as normas."""
    normas = como_array(normas, "normas", dims=1)
    if ax is None:
        _, ax = figura(largura=4.8, altura=3.0)
    camadas = np.arange(1, len(normas) + 1)
    cores = [CORES["verde"]] * (len(normas) - 1) + [CORES["vermelho"]]
    ax.bar(camadas, np.maximum(normas, 1e-16), color=cores)
    ax.set_yscale("log")
    ax.set_xticks(camadas)
    ax.set_xlabel("camada l (a última é a de saída)")
    ax.set_ylabel(r"$\|\nabla_{W^l} C\|$")
    ax.set_title(titulo or "norma do gradiente por camada", fontsize=9)
    return normas


def figura_comparar_gradientes(profundidade: int = 3, largura: int = 10):
    r"""Painel de `redes.retropropagacao.comparar_metodos`: tempos dos dois métodos e normas por camada.

    Devolve o dicionário do resultado (tempos, razão, diferença máxima, normas).
    """
    r = rp.comparar_metodos(profundidade, largura)
    fig, (esq, dir_) = figura(colunas=2, largura=7.6, altura=3.1)
    tempos = [r["tempo_diferencas"], r["tempo_retro"]]
    esq.bar(["diferenças\nfinitas", "retro-\npropagação"], tempos, color=[CORES["vermelho"], CORES["azul"]])
    esq.set_yscale("log")
    esq.set_ylabel("tempo (s)")
    esq.set_title(f"P = {r['n_parametros']}: {r['passadas']} passos para frente\n"
                  f"retro ≈ {r['razao']:.0f}× mais rápida; max|dif| = {r['diferenca_maxima']:.1e}", fontsize=8.5)
    figura_normas_por_camada(r["normas"], ax=dir_, titulo=f"rede {'-'.join(map(str, r['tamanhos']))}")
    dir_.title.set_fontsize(8.5)
    return r
