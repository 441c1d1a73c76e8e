r"""Figuras da regularização L1 e do dropout (capítulo 15).

- `figura_encolhimento`: o quanto a penalidade tira de um peso num passo, L1 contra L2;
- `figura_um_peso`: um peso sozinho, só com a penalidade, passo a passo;
- `figura_histograma_pesos` e `figura_comparar_pesos`: histogramas dos pesos treinados,
  com a contagem dos que ficaram perto de zero;
- `desenhar_rede_dropout` e `figura_dropout`: a rede com os neurônios desligados
  tracejados, e as ativações antes e depois da máscara;
- `figura_votacao` e `figura_curvas_dropout`: os experimentos do dropout no MNIST.
"""
from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.collections import LineCollection
from matplotlib.patches import Circle
from matplotlib.ticker import FuncFormatter, NullFormatter

from .. import ativacoes
from .._lotes import inteiro, real
from .._validacao import como_array
from ..arquitetura import validar_tamanhos
from ..esparsidade import PENALIDADES, contar_quase_zeros, mascaras_dropout, trajetoria_de_um_peso
from .estilo import CORES, eixos_cartesianos, figura

COR_PENALIDADE = {"L2": CORES["azul"], "L1": CORES["vermelho"], "L1 proximal": CORES["verde"]}


def _milhar(n: int) -> str:
    return f"{int(n):,}".replace(",", ".")


def _porcento(x: float) -> str:
    return f"{100 * x:.0f}%"


# ------------------------------------------------------------------ L1 contra L2

def figura_encolhimento(encolhimento: float = 0.1, limite: float = 2.0, ax=None) -> dict:
    r"""O passo da penalidade, $\Delta w$, contra $w$ (com $\partial C_0/\partial w = 0$).

    L1: $\Delta w = -\frac{\eta\lambda}{n}\operatorname{sinal}(w)$, um degrau de altura fixa;
    L2: $\Delta w = -\frac{\eta\lambda}{n} w$, uma reta. As duas se cruzam em $|w| = 1$.
    Devolve as curvas desenhadas (`w`, `L1`, `L2`).
    """
    t = real(encolhimento, "encolhimento", acima_de=0.0)
    limite = real(limite, "limite", acima_de=1.0)
    if ax is None:
        _, ax = figura(largura=4.8, altura=3.2)
    w = np.linspace(-limite, limite, 401)
    curvas = {"w": w, "L1": -t * np.sign(w), "L2": -t * w}
    eixos_cartesianos(ax)
    ax.plot(w, curvas["L2"], color=COR_PENALIDADE["L2"], label=r"L2: $-\frac{\eta\lambda}{n}\,w$")
    for lado in (w < 0, w > 0):  # sem ligar os dois patamares por uma reta vertical
        ax.plot(w[lado], curvas["L1"][lado], color=COR_PENALIDADE["L1"],
                label=r"L1: $-\frac{\eta\lambda}{n}\,\mathrm{sinal}(w)$" if lado[-1] else None)
    ax.scatter([0.0], [0.0], s=30, color=COR_PENALIDADE["L1"], zorder=4)
    ax.scatter([-1.0, 1.0], [t, -t], s=40, facecolor="white", edgecolor=CORES["preto"], zorder=5)
    ax.annotate("$|w| = 1$: as duas\nencolhem igual", xy=(1.0, -t), xytext=(0.15, -2.1 * t),
                fontsize=8, arrowprops={"arrowstyle": "->", "lw": 0.8})
    ax.set_xlabel("peso $w$")
    ax.set_ylabel(r"$\Delta w$ da penalidade")
    ax.set_title(rf"quanto a penalidade tira num passo ($\eta\lambda/n = {t:g}$)")
    ax.legend(fontsize=8, loc="upper right")
    return curvas


def figura_um_peso(w0: float = 0.55, encolhimento: float = 0.1, passos: int = 12, ax=None) -> dict:
    r"""Um peso só com a penalidade (gradiente dos dados zero): L2, L1 pelo sinal e L1 proximal.

    A faixa cinza marca $|w| \le \eta\lambda/n$: é onde a L1 pelo sinal fica
    pulando. Devolve as trajetórias, uma por penalidade.
    """
    t = real(encolhimento, "encolhimento", acima_de=0.0, abaixo_de=1.0)
    passos = inteiro(passos, "passos")
    trajetorias = {nome: trajetoria_de_um_peso(w0, passos, t, nome) for nome in PENALIDADES}
    if ax is None:
        _, ax = figura(largura=4.8, altura=3.2)
    k = np.arange(passos + 1)
    ax.axhspan(-t, t, color=CORES["cinza"], alpha=0.15, lw=0)
    ax.axhline(0.0, color=CORES["cinza"], lw=0.8)
    estilos = {"L2": ("o", "-"), "L1": ("s", "-"), "L1 proximal": ("^", "--")}
    for nome, valores in trajetorias.items():
        marcador, linha = estilos[nome]
        ax.plot(k, valores, marker=marcador, ls=linha, ms=4, lw=1.4, color=COR_PENALIDADE[nome],
                label="L1 pelo sinal" if nome == "L1" else nome)
    ax.set_xlabel("passo")
    ax.set_ylabel("peso $w$")
    ax.set_title(rf"um peso sem gradiente dos dados ($\eta\lambda/n = {t:g}$)")
    ax.legend(fontsize=8)
    return trajetorias


def figura_histograma_pesos(pesos, limiar: float = 1e-3, ax=None, titulo: str | None = None,
                            faixa: float | None = None, caixas: int = 81, cor=None) -> int:
    r"""Histograma dos pesos (eixo vertical em escala log), com a contagem de $|w| <$ `limiar` no título.

    `pesos`: um array ou uma lista de arrays (como `modelo.pesos()`). Devolve a contagem.
    """
    todos = np.concatenate([como_array(w, "pesos").ravel() for w in pesos]) if isinstance(pesos, (list, tuple)) \
        else como_array(pesos, "pesos").ravel()
    quase = contar_quase_zeros(todos, limiar)
    faixa = real(faixa, "faixa", acima_de=0.0) if faixa is not None else float(np.abs(todos).max()) or 1.0
    if ax is None:
        _, ax = figura(largura=4.2, altura=3.0)
    bordas = np.linspace(-faixa, faixa, inteiro(caixas, "caixas", minimo=3))
    ax.hist(np.clip(todos, -faixa, faixa), bins=bordas, color=cor or CORES["azul"], alpha=0.85,
            histtype="stepfilled")                     # um polígono só: desenha bem mais rápido que 80 barras
    ax.set_yscale("log")
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:g}"))   # 1, 10, 100: texto simples, rápido
    ax.yaxis.set_minor_formatter(NullFormatter())
    ax.set_xlim(-faixa, faixa)
    ax.set_xlabel("peso $w$")
    ax.set_ylabel("quantos pesos")
    cabeca = f"{titulo}\n" if titulo else ""
    ax.set_title(f"{cabeca}$|w| < {limiar:g}$: {_milhar(quase)} de {_milhar(todos.size)} "
                 f"({_porcento(quase / todos.size)})", fontsize=9)
    return quase


def figura_comparar_pesos(pesos_por_nome: dict, limiar: float = 1e-3, faixa: float | None = None) -> dict:
    """Um histograma por rede, lado a lado, com as mesmas caixas; devolve nome → contagem de quase zeros."""
    if not isinstance(pesos_por_nome, dict) or not pesos_por_nome:
        raise ValueError("esperava um dicionário nome → pesos, com pelo menos uma rede")
    if faixa is None:
        faixa = max(float(np.abs(np.concatenate([np.ravel(w) for w in (v if isinstance(v, (list, tuple)) else [v])]))
                    .max()) for v in pesos_por_nome.values())
    _, eixos = figura(colunas=len(pesos_por_nome), largura=3.3 * len(pesos_por_nome), altura=3.0)
    eixos = np.atleast_1d(eixos)
    contagens = {}
    for ax, (nome, pesos) in zip(eixos, pesos_por_nome.items()):
        contagens[nome] = figura_histograma_pesos(pesos, limiar, ax=ax, titulo=nome, faixa=faixa,
                                                  cor=COR_PENALIDADE.get(nome, COR_PENALIDADE.get(nome.split()[0])))
    for ax in eixos[1:]:
        ax.set_ylabel("")
    return contagens


# ------------------------------------------------------------------ dropout

def desenhar_rede_dropout(tamanhos, mascaras=None, ax=None, rotulos: bool = True) -> int:
    """Desenha a rede com os neurônios desligados tracejados e sem as suas ligações; devolve quantos saíram.

    `mascaras`: uma máscara booleana por camada (True = fica), como as de
    `esparsidade.mascaras_dropout`; None desenha a rede inteira. Até 12 neurônios por camada.
    """
    t = validar_tamanhos(tamanhos)
    if max(t) > 12:
        raise ValueError(f"esta figura desenha até 12 neurônios por camada, recebi {t}")
    if mascaras is None:
        mascaras = [np.ones(n, dtype=bool) for n in t]
    mascaras = [np.asarray(m, dtype=bool) for m in mascaras]
    if len(mascaras) != len(t) or any(m.shape != (n,) for m, n in zip(mascaras, t)):
        raise ValueError(f"esperava uma máscara por camada, com formas {[(n,) for n in t]}, "
                         f"recebi {[m.shape for m in mascaras]}")
    if ax is None:
        _, ax = figura(largura=3.6, altura=3.2)
    alturas = [np.linspace((n - 1) / 2, -(n - 1) / 2, n) for n in t]
    xs = 1.8 * np.arange(len(t))                  # colunas afastadas, para caber os rótulos
    ligadas, cortadas = [], []
    for i in range(len(t) - 1):
        for a, y0 in enumerate(alturas[i]):
            for b, y1 in enumerate(alturas[i + 1]):
                segmento = [(xs[i], y0), (xs[i + 1], y1)]
                (ligadas if mascaras[i][a] and mascaras[i + 1][b] else cortadas).append(segmento)
    ax.add_collection(LineCollection(ligadas, colors=CORES["cinza"], linewidths=0.7, alpha=0.55, zorder=1))
    ax.add_collection(LineCollection(cortadas, colors=CORES["cinza"], linewidths=0.5, alpha=0.12,
                                     linestyles=":", zorder=1))
    for i, (ys, m) in enumerate(zip(alturas, mascaras)):
        cor = CORES["azul"] if i == 0 else CORES["vermelho"] if i == len(t) - 1 else CORES["verde"]
        for y, fica in zip(ys, m):
            ax.add_patch(Circle((xs[i], y), 0.3, facecolor="white" if fica else "#eeeeee",
                                edgecolor=cor if fica else CORES["cinza"], lw=1.6 if fica else 1.2,
                                ls="-" if fica else "--", zorder=3))
    altura = max(t)
    if rotulos:
        for i in range(len(t)):
            nome = "entrada" if i == 0 else "saída" if i == len(t) - 1 else f"oculta {i}"
            ax.text(xs[i], -altura / 2 - 0.15, nome, ha="center", va="top", fontsize=8)
    ax.set_xlim(-0.8, xs[-1] + 0.8)
    ax.set_ylim(-altura / 2 - (0.9 if rotulos else 0.2), altura / 2 + 0.2)
    ax.set_aspect("equal")
    ax.set_axis_off()
    return int(sum(np.count_nonzero(~m) for m in mascaras))


def _rede_pequena(tamanhos):
    """Pesos fixos de uma rede pequena de sigmoides e uma entrada fixa, para a figura do dropout."""
    rng = np.random.default_rng(0)
    pesos = [(rng.normal(0, 1.5 / np.sqrt(a), (a, b)), rng.normal(0, 0.5, b)) for a, b in zip(tamanhos, tamanhos[1:])]
    return pesos, rng.uniform(0, 1, tamanhos[0])


def figura_dropout(p: float = 0.5, semente: int = 0, tamanhos=(4, 8, 8, 3)) -> dict:
    r"""A rede afinada pelo dropout invertido e as ativações ocultas, antes e depois da máscara.

    À esquerda, a rede com os desligados tracejados; à direita, para uma
    entrada fixa, as ativações $h$ da rede inteira (contorno) e
    $\tilde h = r \odot h/(1 - p)$ da rede afinada (barras). Devolve as
    máscaras, quantos ocultos saíram, `h` e `h_afinada` (uma lista por camada oculta).
    """
    t = validar_tamanhos(tamanhos)
    if len(t) < 3:
        raise ValueError(f"esperava pelo menos uma camada oculta, recebi {t}")
    p = real(p, "p", minimo=0.0, maximo=0.95)
    mascaras = mascaras_dropout(t, p, inteiro(semente, "semente", minimo=0))
    pesos, x = _rede_pequena(t)
    h, h_afinada = [], []
    a_cheia, a_afinada = x, x
    for l, (W, b) in enumerate(pesos[:-1], start=1):
        a_cheia = ativacoes.sigmoide(a_cheia @ W + b)
        a_afinada = mascaras[l] * ativacoes.sigmoide(a_afinada @ W + b) / (1 - p)
        h.append(a_cheia)
        h_afinada.append(a_afinada)
    ocultos = sum(t[1:-1])
    desligados = int(sum(np.count_nonzero(~m) for m in mascaras[1:-1]))

    _, (ax_rede, ax_barras) = figura(colunas=2, largura=7.6, altura=3.3)
    desenhar_rede_dropout(t, mascaras, ax=ax_rede)
    ax_rede.set_title(f"p = {p:.2f}: {desligados} de {ocultos} ocultos desligados", fontsize=9)
    posicao = 0
    for l, (cheia, afinada) in enumerate(zip(h, h_afinada), start=1):
        xs = posicao + np.arange(len(cheia))
        ax_barras.bar(xs, afinada, width=0.75, color=CORES["verde"], alpha=0.8,
                      label=r"rede afinada: $r \odot h/(1-p)$" if l == 1 else None)
        ax_barras.bar(xs, cheia, width=0.75, fill=False, edgecolor=CORES["preto"], lw=1.0,
                      label="rede inteira: $h$" if l == 1 else None)
        fora = ~mascaras[l]
        ax_barras.scatter(xs[fora], np.zeros(int(fora.sum())), marker="x", s=30, color=CORES["vermelho"],
                          zorder=4, label="desligado" if l == 1 else None)
        ax_barras.text(xs.mean(), -0.12, f"oculta {l}", ha="center", va="top", fontsize=8)
        posicao += len(cheia) + 1
    ax_barras.axhline(0.0, color=CORES["cinza"], lw=0.8)
    ax_barras.set_xticks([])
    ax_barras.set_ylim(-0.25, max(2.2, 1.1 * max(float(a.max()) for a in h_afinada)))
    ax_barras.set_ylabel("ativação")
    ax_barras.set_title("ativações ocultas para uma entrada fixa", fontsize=9)
    ax_barras.legend(fontsize=8, loc="upper right")
    return {"mascaras": mascaras, "desligados": desligados, "ocultos": ocultos, "h": h, "h_afinada": h_afinada}


def figura_votacao(individuais, votacao: dict, rede_inteira: float, ax=None) -> float:
    """Acurácia da votação de K sub-redes afinadas contra K, com a faixa das sub-redes sozinhas e a rede inteira.

    `individuais`: acurácias de sub-redes sorteadas, cada uma sozinha; `votacao`: K → acurácia da
    votação de K sub-redes; `rede_inteira`: a rede sem dropout (pesos de avaliação). Devolve a
    melhor acurácia da votação.
    """
    individuais = como_array(individuais, "individuais", dims=1)
    if not isinstance(votacao, dict) or not votacao:
        raise ValueError("esperava `votacao` como um dicionário K → acurácia")
    rede_inteira = real(rede_inteira, "rede_inteira", minimo=0.0, maximo=1.0)
    if ax is None:
        _, ax = figura(largura=4.8, altura=3.2)
    ks = np.array(sorted(votacao))
    acertos = np.array([votacao[k] for k in ks])
    ax.axhspan(100 * individuais.min(), 100 * individuais.max(), color=CORES["laranja"], alpha=0.25, lw=0,
               label=f"uma sub-rede sozinha ({len(individuais)} sorteios)")
    ax.plot(ks, 100 * acertos, marker="o", color=CORES["verde"], label="votação de K sub-redes")
    ax.axhline(100 * rede_inteira, color=CORES["azul"], ls="--", label="rede inteira (sem sorteio)")
    ax.set_xscale("log")
    ax.set_xticks(ks)
    ax.set_xticklabels([str(k) for k in ks])
    ax.minorticks_off()
    ax.set_xlabel("K, sub-redes que votam")
    ax.set_ylabel("acurácia na validação (%)")
    ax.legend(fontsize=8, loc="lower right")
    return float(acertos.max())


def figura_curvas_dropout(historicos: dict) -> dict:
    """Acurácia e custo na validação por época, um traço por treino (nome → `Historico`); devolve as acurácias finais.

    Os treinos são desenhados em pares, na ordem do dicionário: o primeiro de cada par com traço
    contínuo, o segundo tracejado, os dois na mesma cor (por exemplo: sem e com dropout).
    """
    if not isinstance(historicos, dict) or not historicos:
        raise ValueError("esperava um dicionário nome → Historico, com pelo menos um treino")
    _, (ax_acc, ax_custo) = figura(colunas=2, largura=8.0, altura=3.0)
    cores = [CORES["azul"], CORES["laranja"], CORES["verde"], CORES["roxo"]]
    finais = {}
    for i, (nome, h) in enumerate(historicos.items()):
        estilo = {"color": cores[(i // 2) % len(cores)], "ls": "-" if i % 2 == 0 else "--", "label": nome}
        epocas = np.arange(1, len(h["acuracia_validacao"]) + 1)
        ax_acc.plot(epocas, 100 * np.asarray(h["acuracia_validacao"]), **estilo)
        ax_custo.plot(epocas, h["custo_validacao"], **estilo)
        finais[nome] = float(h["acuracia_validacao"][-1])
    ax_acc.set_xlabel("época")
    ax_acc.set_ylabel("acurácia na validação (%)")
    ax_custo.set_xlabel("época")
    ax_custo.set_ylabel("custo na validação")
    ax_acc.legend(fontsize=8, loc="lower right")
    return finais


def figura_campos_receptivos(pesos_por_nome: dict, neuronios: int = 6) -> dict:
    """Os pesos de entrada de alguns neurônios ocultos como imagens 28×28, uma linha por rede.

    `pesos_por_nome`: nome → matriz `(784, k)` da primeira camada. Azul é peso
    negativo, vermelho positivo e branco zero (escala simétrica por linha).
    Devolve nome → fração de pesos exatamente zero nos neurônios desenhados.
    """
    if not isinstance(pesos_por_nome, dict) or not pesos_por_nome:
        raise ValueError("esperava um dicionário nome → matriz (784, k) de pesos")
    neuronios = inteiro(neuronios, "neuronios")
    matrizes = {nome: como_array(W, f"pesos de {nome}", dims=2) for nome, W in pesos_por_nome.items()}
    for nome, W in matrizes.items():
        if W.shape[0] != 784 or W.shape[1] < neuronios:
            raise ValueError(f"esperava os pesos de {nome} com forma (784, k), k ≥ {neuronios}, recebi {W.shape}")
    _, eixos = plt.subplots(len(matrizes), neuronios, figsize=(1.05 * neuronios + 0.9, 1.15 * len(matrizes)),
                              squeeze=False)
    zeros = {}
    for linha, (nome, W) in zip(eixos, matrizes.items()):
        escolhidos = W[:, :neuronios]
        limite = float(np.abs(escolhidos).max()) or 1.0
        zeros[nome] = float(np.mean(escolhidos == 0))
        for j, ax in enumerate(linha):
            ax.imshow(escolhidos[:, j].reshape(28, 28), cmap="RdBu_r", vmin=-limite, vmax=limite,
                      interpolation="nearest")
            ax.set_xticks([])
            ax.set_yticks([])
            ax.grid(False)
        linha[0].set_ylabel(nome, fontsize=8, rotation=0, ha="right", va="center")
    return zeros
