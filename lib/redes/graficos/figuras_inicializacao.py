r"""Figuras da inicialização de pesos (capítulo 17).

- `figura_potencial`: histogramas de $z$ e de $\sigma(z)$ para um esquema, com a
  fração de neurônios saturados (a função do widget);
- `figura_densidades`: as densidades teóricas de $z$ de vários esquemas no mesmo eixo;
- `figura_curvas_inicializacao`: acurácia por época, inicialização antiga contra nova;
- `figura_camadas` e `figura_profundidade`: o desvio padrão dos sinais camada a
  camada numa rede profunda recém-inicializada (a segunda é a do widget).

Saturado quer dizer $|\sigma'(z)| < 0{,}01$, o critério de `fracao_saturada` (capítulo 4):
os trechos saturados vêm de `trechos_saturados`. Cada função devolve números que
os testes e os widgets conferem.
"""
from __future__ import annotations

import numpy as np
from matplotlib.ticker import FuncFormatter, MaxNLocator

from .. import ativacoes
from .._lotes import inteiro
from .._validacao import como_array
from ..saturacao import amostrar_potenciais, desvio_teorico, estatisticas_por_camada, fracao_de_saturados
from .estilo import CORES, figura
from .figuras_ativacoes import trechos_saturados

#: Como cada esquema aparece nas legendas e nos controles.
NOMES_ESQUEMAS = {"grande": "N(0, 1)", "lecun": "LeCun: N(0, 1/n)", "glorot": "Glorot", "he": "He"}
COR_ESQUEMA = {"grande": CORES["vermelho"], "lecun": CORES["azul"], "glorot": CORES["verde"], "he": CORES["roxo"]}


def _virgula(x: float, casas: int = 2) -> str:
    return f"{x:.{casas}f}".replace(".", ",")


def _limite_saturacao(limiar: float = 0.01) -> float:
    """O $|z|$ a partir do qual a sigmoide satura (4,585 para 0,01), lido de `trechos_saturados`."""
    return -trechos_saturados("sigmoide", limiar, limites=(-6.0, 0.0))[0][1]


def _sombrear_saturacao(ax, alcance: float, limite: float) -> None:
    for i, (a, b) in enumerate(((-alcance, -limite), (limite, alcance))):
        ax.axvspan(a, b, color=CORES["cinza"], alpha=0.15, lw=0, label="σ′(z) < 0,01" if i == 0 else None)


def _normal(z, desvio):
    return np.exp(-0.5 * (z / desvio) ** 2) / (desvio * np.sqrt(2 * np.pi))


def figura_potencial(n_entrada: int = 1000, fracao: float = 0.5, esquema: str = "grande", n_saida: int = 30,
                     neuronios: int = 3000, semente=0) -> dict:
    r"""Histogramas de $z$ e de $\sigma(z)$ de `neuronios` neurônios recém-inicializados pelo `esquema`.

    A entrada tem `round(fracao * n_entrada)` uns (veja `saturacao.amostrar_potenciais`).
    À esquerda, o histograma de $z$, a densidade normal teórica (tracejada) e, em cinza,
    a região $|z| > 4{,}585$ onde $\sigma'(z) < 0{,}01$; à direita, o histograma de
    $\sigma(z)$, com as barras saturadas em vermelho. Devolve `desvio_teorico`,
    `desvio_amostral`, `saturados` (fração) e `ativas`.
    """
    z = amostrar_potenciais(n_entrada, fracao, esquema, n_saida, neuronios, semente)
    teorico = desvio_teorico(n_entrada, fracao, esquema, n_saida)
    amostral = float(z.std())
    saturados = fracao_de_saturados(z, "sigmoide")
    limite = _limite_saturacao()
    alcance = max(30.0, 3.5 * teorico)
    fig, (ax_z, ax_s) = figura(2, largura=7.6, altura=2.9)
    _sombrear_saturacao(ax_z, alcance, limite)
    ax_z.hist(np.clip(z, -alcance, alcance), bins=np.linspace(-alcance, alcance, 81), density=True,
              color=COR_ESQUEMA.get(esquema.strip().lower(), CORES["azul"]), alpha=0.75)
    grade = np.linspace(-alcance, alcance, 801)
    if teorico > 0:
        ax_z.plot(grade, _normal(grade, teorico), color=CORES["preto"], lw=1.2, ls="--", label="normal teórica")
    ax_z.set_xlim(-alcance, alcance)
    ax_z.set_xlabel("potencial z")
    ax_z.set_ylabel("densidade")
    ax_z.set_title(f"z: desvio {_virgula(teorico)} (teoria), {_virgula(amostral)} (amostra)", fontsize=9)
    ax_z.legend(fontsize=7, loc="upper left")
    s = ativacoes.sigmoide(z)
    contagem, bordas, barras = ax_s.hist(s, bins=np.linspace(0, 1, 51), color=CORES["azul"], alpha=0.8)
    for i, barra in enumerate(barras):
        centro = 0.5 * (bordas[i] + bordas[i + 1])
        if centro * (1 - centro) < 0.01:               # σ' = σ(1 − σ) < 0,01 no centro da barra
            barra.set_color(CORES["vermelho"])
    ax_s.set_xlim(0, 1)
    ax_s.set_xlabel("saída σ(z)")
    ax_s.set_ylabel("neurônios")
    ax_s.set_title(f"{NOMES_ESQUEMAS.get(esquema.strip().lower(), esquema)}: "
                   f"{_virgula(100 * saturados, 1)}% saturados (vermelho)", fontsize=9)
    fig.suptitle(f"{n_entrada} entradas, {int(round(fracao * n_entrada))} ativas", fontsize=9)
    return {"esquema": esquema, "ativas": int(round(fracao * n_entrada)), "desvio_teorico": teorico,
            "desvio_amostral": amostral, "saturados": saturados}


def figura_densidades(esquemas=("grande", "lecun"), n_entrada: int = 1000, fracao: float = 0.5, n_saida: int = 30,
                      alcance: float = 30.0, ax=None) -> dict:
    r"""As densidades normais de $z$ previstas para cada esquema, no mesmo eixo, com a região saturada em cinza.

    Devolve `{esquema: desvio padrão teórico}`.
    """
    if ax is None:
        _, ax = figura(largura=6.0, altura=2.8)
    limite = _limite_saturacao()
    _sombrear_saturacao(ax, alcance, limite)
    grade = np.linspace(-alcance, alcance, 1201)
    desvios = {}
    for esquema in esquemas:
        d = desvio_teorico(n_entrada, fracao, esquema, n_saida)
        desvios[esquema] = d
        cor = COR_ESQUEMA.get(esquema, CORES["preto"])
        ax.plot(grade, _normal(grade, d), color=cor, label=f"{NOMES_ESQUEMAS.get(esquema, esquema)}: desvio {_virgula(d)}")
        ax.fill_between(grade, _normal(grade, d), color=cor, alpha=0.12)
    ax.set_xlim(-alcance, alcance)
    ax.set_ylim(bottom=0)
    ax.set_xlabel("potencial z")
    ax.set_ylabel("densidade")
    ax.set_title(f"z de um neurônio com {n_entrada} entradas, {int(round(fracao * n_entrada))} ativas", fontsize=9)
    ax.legend(fontsize=8, loc="upper right")
    return desvios


def figura_curvas_inicializacao(curvas: dict, ax=None, titulo: str | None = None) -> dict:
    r"""Acurácia de validação (em %) por época: `curvas = {rótulo: frações (épocas,) ou (sementes, épocas)}`.

    Com várias sementes, cada uma vira uma linha fina e a média uma linha grossa.
    A primeira época ganha um rótulo com o valor. Devolve, por rótulo, a média em %
    na `primeira` época, na `final` e a `maxima`.
    """
    if not curvas:
        raise ValueError("esperava pelo menos uma curva em `curvas`")
    if ax is None:
        _, ax = figura(largura=5.6, altura=3.0)
    cores = [CORES["vermelho"], CORES["azul"], CORES["verde"], CORES["roxo"]]
    resumo = {}
    for i, (rotulo, valores) in enumerate(curvas.items()):
        matriz = 100 * como_array(valores, f"curvas[{rotulo!r}]", dims=(1, 2))
        matriz = matriz.reshape(-1, matriz.shape[-1])
        epocas = np.arange(1, matriz.shape[1] + 1)
        media = matriz.mean(axis=0)
        cor = cores[i % len(cores)]
        if matriz.shape[0] > 1:
            for linha in matriz:
                ax.plot(epocas, linha, color=cor, lw=0.7, alpha=0.4)
        ax.plot(epocas, media, "o-", color=cor, lw=1.8, ms=3, label=rotulo)
        ax.annotate(f"{_virgula(media[0], 1)}%", xy=(1, media[0]), xytext=(6, -4 if i == 0 else 4),
                    textcoords="offset points", fontsize=8, color=cor, va="top" if i == 0 else "bottom")
        resumo[rotulo] = {"primeira": float(media[0]), "final": float(media[-1]), "maxima": float(media.max())}
    ax.margins(y=0.12)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel("época")
    ax.set_ylabel("acurácia de validação (%)")
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: _virgula(v, 0)))
    if titulo:
        ax.set_title(titulo, fontsize=9)
    ax.legend(fontsize=8, loc="lower right")
    return resumo


def _desenhar_camadas(ax_z, ax_d, casos: dict) -> None:
    valores = {ax_z: [], ax_d: []}
    for rotulo, (r, cor) in casos.items():
        camadas = np.arange(1, r["camadas"] + 1)
        for ax, serie in ((ax_z, r["desvio_z"]), (ax_d, r["desvio_delta"])):
            ax.semilogy(camadas, serie, "o-", color=cor, ms=3, lw=1.6, label=rotulo or None)
            valores[ax].append(serie[serie > 0])
    n = max(r["camadas"] for r, _ in casos.values())
    for ax, titulo in ((ax_z, "ida: desvio dos potenciais z"), (ax_d, "volta: desvio do gradiente δ")):
        todos = np.concatenate(valores[ax])
        if todos.size:                                   # pelo menos uma década visível, para não exagerar ruído
            baixo, alto = todos.min(), todos.max()
            ax.set_ylim(min(baixo / 2, alto / 10), max(alto * 2, baixo * 10))
        ax.set_xlabel("camada")
        ax.set_title(titulo, fontsize=9)
        ax.set_xticks(np.arange(1, n + 1, 1 if n <= 12 else 2))


def figura_camadas(casos=(("tanh", "grande"), ("tanh", "glorot"), ("relu", "glorot"), ("relu", "he")),
                   camadas: int = 10, largura: int = 256, exemplos: int = 1000, semente=0) -> dict:
    r"""Desvio padrão dos potenciais $z$ (ida) e dos gradientes $\delta$ (volta), camada a camada, por `(ativação, esquema)`.

    Usa `saturacao.estatisticas_por_camada`; devolve `{(ativação, esquema): estatísticas}`.
    """
    cores = [CORES["vermelho"], CORES["verde"], CORES["laranja"], CORES["roxo"], CORES["azul"], CORES["preto"]]
    resultados, desenho = {}, {}
    for i, (ativacao, esquema) in enumerate(casos):
        r = estatisticas_por_camada(ativacao, esquema, camadas, largura, exemplos, semente=semente)
        resultados[(ativacao, esquema)] = r
        desenho[f"{ativacao} + {NOMES_ESQUEMAS.get(esquema, esquema)}"] = (r, cores[i % len(cores)])
    fig, (ax_a, ax_d) = figura(2, largura=7.6, altura=3.0)
    _desenhar_camadas(ax_a, ax_d, desenho)
    ax_d.legend(fontsize=7, loc="best")
    fig.suptitle(f"rede de {camadas} camadas com {largura} neurônios cada, recém-inicializada", fontsize=9)
    return resultados


def figura_profundidade(ativacao: str = "tanh", esquema: str = "glorot", camadas: int = 10, largura: int = 256) -> dict:
    r"""A função do widget de profundidade: desvios por camada (ida e volta) e a fração de neurônios saturados.

    Devolve as estatísticas de `saturacao.estatisticas_por_camada` (exemplos = 500).
    """
    camadas = inteiro(camadas, "camadas")
    r = estatisticas_por_camada(ativacao, esquema, camadas, largura, exemplos=500, semente=0)
    fig, (ax_a, ax_d, ax_s) = figura(3, largura=8.4, altura=2.8)
    _desenhar_camadas(ax_a, ax_d, {"": (r, COR_ESQUEMA.get(r["esquema"], CORES["azul"]))})
    ax_s.bar(np.arange(1, camadas + 1), 100 * r["saturados"], color=CORES["cinza"])
    ax_s.set_ylim(0, 100)
    ax_s.set_xticks(np.arange(1, camadas + 1, 1 if camadas <= 12 else 2))
    ax_s.set_xlabel("camada")
    ax_s.set_title("|g′(z)| < 0,01 (%)", fontsize=9)
    fig.suptitle(f"{r['ativacao']} + {NOMES_ESQUEMAS[r['esquema']]}: desvio de z na camada {camadas}: "
                 f"{_virgula(r['desvio_z'][-1], 3)}; desvio de δ na camada 1: {_virgula(r['desvio_delta'][0], 3)}",
                 fontsize=9)
    return r
