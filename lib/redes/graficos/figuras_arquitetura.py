r"""Figuras do capítulo 6: a arquitetura de uma rede densa, ligações densas e esparsas, e a recorrência.

Uma rede densa com $n_0$ entradas, camadas ocultas de larguras $n_1, \dots, n_{L-1}$
e $n_L$ saídas tem, na camada $l$, $n_{l-1} n_l$ pesos e $n_l$ vieses:

$$P = \sum_{l=1}^{L} \left(n_{l-1}\, n_l + n_l\right), \qquad
  \text{memória} = P \times (\text{bytes por número}) \quad (4 \text{ em float32}).$$

Numa camada esparsa em que cada um dos $n_{sai}$ neurônios recebe só $k$ das
$n_{ent}$ entradas, as ligações caem de $n_{ent}\, n_{sai}$ para $k\, n_{sai}$.

As funções desenham e devolvem números que um teste (ou um widget) pode conferir.
"""
from __future__ import annotations

import numbers

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import FancyArrowPatch

from ..arquitetura import memoria_parametros, parametros_por_camada, validar_tamanhos
from .estilo import CORES, figura
from .figuras_rede import desenhar_rede


def _inteiro(valor, nome: str, minimo: int, maximo: int | None = None) -> int:
    """Um inteiro (não bool) entre `minimo` e `maximo`, com mensagem em português."""
    if isinstance(valor, bool) or not isinstance(valor, numbers.Integral):
        raise TypeError(f"esperava um número inteiro em `{nome}`, recebi {valor!r}")
    if valor < minimo or (maximo is not None and valor > maximo):
        faixa = f"≥ {minimo}" if maximo is None else f"entre {minimo} e {maximo}"
        raise ValueError(f"esperava `{nome}` {faixa}, recebi {valor}")
    return int(valor)


def _milhar(n: int) -> str:
    """12960 → '12.960', como se escreve em português."""
    return f"{n:,}".replace(",", ".")


def _bytes_legiveis(n: int) -> str:
    """Bytes em B, KB ou MB (potências de 1000), com vírgula decimal."""
    for unidade, fator in (("MB", 10**6), ("KB", 10**3)):
        if n >= fator:
            return f"{n / fator:.1f} {unidade}".replace(".", ",")
    return f"{n} B"


def tamanhos_da_rede(entrada: int, ocultas: int, largura, saida: int) -> list[int]:
    r"""A lista $[n_0, n_1, \dots, n_L]$ de uma rede com `ocultas` camadas ocultas.

    `largura` é um inteiro (todas as camadas ocultas com a mesma largura) ou uma
    lista com uma largura por camada oculta (então `len(largura) == ocultas`).
    Com `ocultas = 0` a rede liga a entrada direto à saída.
    """
    entrada = _inteiro(entrada, "entrada", 1)
    ocultas = _inteiro(ocultas, "ocultas", 0)
    saida = _inteiro(saida, "saida", 1)
    if isinstance(largura, numbers.Integral) and not isinstance(largura, bool):
        larguras = [_inteiro(largura, "largura", 1)] * ocultas
    else:
        if isinstance(largura, (str, bytes)) or not hasattr(largura, "__iter__"):
            raise TypeError(f"esperava um inteiro ou uma lista de inteiros em `largura`, recebi {largura!r}")
        larguras = [_inteiro(n, "largura", 1) for n in largura]
        if len(larguras) != ocultas:
            raise ValueError(f"esperava {ocultas} larguras (uma por camada oculta), recebi {len(larguras)}: {larguras}")
    return [entrada, *larguras, saida]


def figura_arquitetura(entrada: int, ocultas: int, largura, saida: int,
                       bytes_por_numero: int = 4) -> tuple[int, int]:
    r"""Desenha a rede e, ao lado, os parâmetros de cada camada; devolve `(parametros, bytes)`.

    À esquerda, `desenhar_rede` com os tamanhos $[n_0, \dots, n_L]$ (veja
    `tamanhos_da_rede`); à direita, uma barra por camada com os seus
    $n_{l-1} n_l + n_l$ parâmetros. `bytes` é $P \times$ `bytes_por_numero`
    (4 em float32, 8 em float64).
    """
    tamanhos = tamanhos_da_rede(entrada, ocultas, largura, saida)
    bytes_totais = memoria_parametros(tamanhos, bytes_por_numero)
    por_camada = parametros_por_camada(tamanhos)
    _, (ax_rede, ax_barras) = figura(colunas=2, largura=9.0, altura=3.4)
    total = desenhar_rede(tamanhos, ax=ax_rede, maximo_por_camada=10)

    contagens = [p + v for p, v in por_camada]
    nomes = [f"{a} → {b}" for a, b in zip(tamanhos[:-1], tamanhos[1:])]
    posicoes = np.arange(len(contagens))[::-1]
    ax_barras.barh(posicoes, contagens, color=CORES["verde"], height=0.6)
    ax_barras.set_yticks(posicoes, [f"camada {i + 1}\n{n}" for i, n in enumerate(nomes)], fontsize=8)
    maior = max(contagens)
    for y, c in zip(posicoes, contagens):
        fora = c < 0.6 * maior
        ax_barras.text(c + 0.02 * maior if fora else c - 0.02 * maior, y, f"{_milhar(c)} ({c / total:.0%})",
                       va="center", ha="left" if fora else "right", fontsize=8,
                       color="black" if fora else "white")
    ax_barras.set_xlim(0, 1.05 * maior)
    ax_barras.set_xlabel("parâmetros (pesos + vieses)")
    ax_barras.grid(axis="y", visible=False)
    ax_barras.set_title(f"total: {_milhar(total)} parâmetros = {_milhar(bytes_totais)} bytes "
                        f"({_bytes_legiveis(bytes_totais)}, {bytes_por_numero} bytes cada)", fontsize=9)
    return total, bytes_totais


def mascara_local(n_entrada: int, n_saida: int, k: int) -> np.ndarray:
    r"""Máscara `(n_entrada, n_saida)` de uma camada esparsa: o neurônio $j$ vê $k$ entradas vizinhas.

    As janelas de $k$ entradas consecutivas são espalhadas de modo que a
    primeira comece na entrada 0 e a última termine na entrada $n_{ent} - 1$.
    Cada coluna tem exatamente $k$ valores `True`: são $k\, n_{sai}$ ligações.
    """
    n_entrada = _inteiro(n_entrada, "n_entrada", 1)
    n_saida = _inteiro(n_saida, "n_saida", 1)
    k = _inteiro(k, "k", 1, n_entrada)
    inicios = np.rint(np.linspace(0, n_entrada - k, n_saida)).astype(int)
    mascara = np.zeros((n_entrada, n_saida), dtype=bool)
    for j, i in enumerate(inicios):
        mascara[i:i + k, j] = True
    return mascara


def _camada(ax, mascara, titulo):
    n_ent, n_sai = mascara.shape
    y_ent = np.linspace(1, 0, n_ent)
    passo = 1 / max(n_ent - 1, 1)                       # mesmo espaçamento nas duas colunas
    meia_altura = (n_sai - 1) * passo / 2
    y_sai = np.linspace(0.5 + meia_altura, 0.5 - meia_altura, n_sai)
    for i, j in zip(*np.nonzero(mascara)):
        ax.plot([0, 1], [y_ent[i], y_sai[j]], color=CORES["cinza"], lw=0.9, alpha=0.7, zorder=1)
    ax.scatter(np.zeros(n_ent), y_ent, s=110, color="white", edgecolor=CORES["azul"], linewidth=1.6, zorder=3)
    ax.scatter(np.ones(n_sai), y_sai, s=110, color="white", edgecolor=CORES["verde"], linewidth=1.6, zorder=3)
    ax.set_xlim(-0.3, 1.3)
    ax.set_ylim(min(0.0, y_sai[-1]) - 0.12, max(1.0, y_sai[0]) + 0.12)
    ax.set_axis_off()
    ax.set_title(titulo, fontsize=9)


def figura_densa_esparsa(n_entrada: int = 8, n_saida: int = 6, k: int = 3) -> tuple[int, int]:
    r"""Lado a lado: a camada densa ($n_{ent}\,n_{sai}$ ligações) e a esparsa ($k\,n_{sai}$).

    A esparsa usa `mascara_local`: cada neurônio vê $k$ entradas vizinhas.
    Devolve `(ligacoes_densa, ligacoes_esparsa)`.
    """
    mascara = mascara_local(n_entrada, n_saida, k)
    densa = np.ones_like(mascara)
    _, (esq, dir_) = figura(colunas=2, largura=6.4, altura=2.9)
    n_densa, n_esparsa = int(densa.sum()), int(mascara.sum())
    _camada(esq, densa, f"densa: {n_entrada} × {n_saida} = {n_densa} ligações")
    _camada(dir_, mascara, f"esparsa, k = {k}: {k} × {n_saida} = {n_esparsa} ligações")
    return n_densa, n_esparsa


def _seta(ax, inicio, fim, cor, curva=0.0):
    ax.add_patch(FancyArrowPatch(inicio, fim, arrowstyle="-|>", mutation_scale=11, lw=1.3, color=cor,
                                 connectionstyle=f"arc3,rad={curva}", shrinkA=11, shrinkB=11, zorder=2))


def _no(ax, x, y, texto, cor):
    ax.scatter([x], [y], s=520, color="white", edgecolor=cor, linewidth=1.8, zorder=3)
    ax.text(x, y, texto, ha="center", va="center", fontsize=9, zorder=4)


def diagrama_recorrente(passos: int = 3) -> int:
    r"""À esquerda, a célula recorrente com o laço $h_{t-1} \to h_t$; à direita, ela desenrolada no tempo.

    Desenrolada, a rede vira uma rede sem ciclos: em cada passo $t$ há as setas
    $x_t \to h_t$ e $h_t \to y_t$, e entre passos vizinhos $h_{t-1} \to h_t$,
    todas com os **mesmos** pesos. Devolve o número de setas desenhadas no
    desenrolado, $3 \cdot \text{passos} - 1$.
    """
    passos = _inteiro(passos, "passos", 1, 6)
    fig, (esq, dir_) = plt.subplots(1, 2, figsize=(2.4 + 1.6 * passos, 3.0),
                                    gridspec_kw={"width_ratios": [1.3, passos]})
    for ax in (esq, dir_):
        ax.set_axis_off()
        ax.set_ylim(-0.6, 2.6)
    esq.set_xlim(-0.7, 1.0)
    _no(esq, 0, 0, "$x_t$", CORES["azul"])
    _no(esq, 0, 1, "$h_t$", CORES["verde"])
    _no(esq, 0, 2, "$y_t$", CORES["vermelho"])
    _seta(esq, (0, 0), (0, 1), CORES["preto"])
    _seta(esq, (0, 1), (0, 2), CORES["preto"])
    esq.add_patch(FancyArrowPatch((0.1, 1.22), (0.1, 0.78), arrowstyle="-|>", mutation_scale=11, lw=1.3,
                                  color=CORES["laranja"], connectionstyle="arc3,rad=-1.6", zorder=2))
    esq.text(0.55, 1.0, "$W_h$", color=CORES["laranja"], va="center", fontsize=10)
    esq.set_title("recorrente: um laço", fontsize=10)

    setas = 0
    dir_.set_xlim(-0.7, passos - 0.3)
    for t in range(passos):
        _no(dir_, t, 0, f"$x_{t + 1}$", CORES["azul"])
        _no(dir_, t, 1, f"$h_{t + 1}$", CORES["verde"])
        _no(dir_, t, 2, f"$y_{t + 1}$", CORES["vermelho"])
        _seta(dir_, (t, 0), (t, 1), CORES["preto"])
        _seta(dir_, (t, 1), (t, 2), CORES["preto"])
        setas += 2
        if t > 0:
            _seta(dir_, (t - 1, 1), (t, 1), CORES["laranja"])
            setas += 1
    dir_.set_title(f"desenrolada em {passos} passos: sem ciclos, pesos repetidos", fontsize=10)
    return setas
