"""Figuras do capítulo 18: os testes rápidos, o custo por taxa de aprendizado, agendas e parada antecipada.

Cada função desenha e devolve o que um teste (ou um painel) confere: medianas,
a taxa desenhada, a época de parada e a acurácia guardada.
"""
from __future__ import annotations

import math

import matplotlib.pyplot as plt
import numpy as np

from .. import hiperparametros
from .._lotes import inteiro, real
from .._validacao import como_array
from .estilo import CORES, figura

_SEQUENCIA = ("azul", "laranja", "verde", "vermelho", "roxo", "celeste", "preto")


def _cor(i: int) -> str:
    return CORES[_SEQUENCIA[i % len(_SEQUENCIA)]]


def _texto_taxa(taxa) -> str:
    return f"{taxa:g}".replace(".", ",") if isinstance(taxa, (int, float, np.number)) else str(taxa)


def _rotulo(chave) -> str:
    return f"η = {_texto_taxa(chave)}" if isinstance(chave, (int, float, np.number)) else str(chave)


def figura_sinais(sinais: dict, acaso: float = 0.1, titulo: str | None = None):
    """Acurácia de validação (%) por época de cada teste rápido, com a linha do acaso; devolve `{rótulo: mediana em %}`.

    `sinais` é `{rótulo: Sinal}` (de `hiperparametros.sinal`) ou `{rótulo: acurácias}`. Um treino que
    divergiu sem terminar nenhuma época aparece só na legenda.
    """
    fig, ax = figura(largura=6.4, altura=4.0)
    medianas = {}
    for i, (rotulo, s) in enumerate(sinais.items()):
        acuracias = s.acuracias if isinstance(s, hiperparametros.Sinal) else np.asarray(s, dtype=float)
        if acuracias.size == 0:
            ax.plot([], [], color=_cor(i), label=f"{rotulo}: divergiu na 1ª época")
            medianas[rotulo] = math.nan
            continue
        medianas[rotulo] = 100 * float(np.median(acuracias))
        ax.plot(np.arange(1, acuracias.size + 1), 100 * acuracias, "o-", ms=3, lw=1.4, color=_cor(i),
                label=f"{rotulo} (mediana {medianas[rotulo]:.0f} %)")
    ax.axhline(100 * acaso, color=CORES["cinza"], ls="--", lw=1.0, label=f"acaso ({100 * acaso:.0f} %)")
    ax.set_xlabel("época")
    ax.set_ylabel("acurácia na validação (%)")
    ax.set_ylim(0, 100)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), fontsize=8, ncol=2)
    if titulo:
        ax.set_title(titulo)
    return medianas


def _curva(custos) -> np.ndarray:
    return como_array(custos, "custos", dims=1, finito=False)


def figura_custos_por_taxa(curvas: dict, epocas_iniciais: int = 3, titulo: str | None = None, desde: int = 0, ax=None):
    """Custo de treino por época (a época 0 é antes do treino), uma curva por taxa, em escala logarítmica.

    `curvas` é `{taxa: custos}` (a chave pode ser um texto, como o nome de uma agenda); `desde` omite as
    primeiras épocas do desenho. Devolve `{chave: True se o custo caiu nas primeiras `epocas_iniciais` épocas}`.
    """
    desde = inteiro(desde, "desde", minimo=0)
    muitas = len(curvas) > 4
    if ax is None:
        fig, ax = figura(largura=6.4 if muitas else 5.6, altura=3.2)
    cores = plt.cm.viridis(np.linspace(0.0, 0.92, len(curvas))) if muitas else [_cor(i) for i in range(len(curvas))]
    desce = {}
    for cor, (taxa, custos) in zip(cores, curvas.items()):
        c = _curva(custos)
        desce[taxa] = hiperparametros.custo_desce(c, epocas_iniciais)
        ax.semilogy(np.arange(desde, c.size), c[desde:], "o-", ms=2.5, lw=1.5, color=cor, label=_rotulo(taxa))
    ax.set_xlabel("época")
    ax.set_ylabel("custo no treino")
    if muitas:
        ax.legend(loc="center left", bbox_to_anchor=(1.0, 0.5), fontsize=8)
    else:
        ax.legend(loc="upper right", fontsize=8)
    if titulo:
        ax.set_title(titulo)
    return desce


def _mais_perto(taxa: float, taxas) -> float:
    taxas = [float(t) for t in taxas]
    return min(taxas, key=lambda t: abs(math.log10(t) - math.log10(taxa)))


def figura_taxa(taxa: float, curvas: dict, epocas_iniciais: int = 3):
    """O painel da taxa: destaca a curva calculada com a taxa mais perto de `taxa` (em escala log).

    As outras curvas de `curvas` (`{taxa: custos}`) ficam em cinza, ao fundo. Devolve
    `{"taxa": a taxa desenhada, "desce": se o custo caiu nas primeiras épocas, "custo_final": ...}`.
    """
    taxa = real(taxa, "taxa", acima_de=0.0)
    if not curvas:
        raise ValueError("esperava pelo menos uma curva em `curvas`")
    por_taxa = {float(t): custos for t, custos in curvas.items()}
    escolhida = _mais_perto(taxa, por_taxa)
    fig, ax = figura(largura=5.6, altura=3.2)
    for t, custos in por_taxa.items():
        if t != escolhida:
            c = _curva(custos)
            ax.semilogy(np.arange(c.size), c, color=CORES["cinza"], lw=0.8, alpha=0.5)
    c = _curva(por_taxa[escolhida])
    desce = hiperparametros.custo_desce(c, epocas_iniciais)
    cor = CORES["azul"] if desce else CORES["vermelho"]
    ax.semilogy(np.arange(c.size), c, "o-", ms=3, color=cor, label=f"η = {_texto_taxa(escolhida)}")
    finitos = c[np.isfinite(c)]
    veredito = (f"cai nas {epocas_iniciais} primeiras épocas" if desce
                else f"oscila ou sobe nas {epocas_iniciais} primeiras épocas")
    ax.set_title(f"η = {_texto_taxa(escolhida)}: o custo {veredito}")
    ax.set_xlabel("época")
    ax.set_ylabel("custo no treino")
    ax.legend(loc="upper right", fontsize=8)
    return {"taxa": escolhida, "desce": desce, "custo_final": float(finitos[-1]) if finitos.size else math.nan}


def figura_agendas(agendas: dict, epocas: int = 30):
    """A taxa $\\eta_t$ de cada agenda, época a época (escala log); devolve `{nome: array das taxas}`."""
    epocas = inteiro(epocas, "epocas")
    fig, ax = figura(largura=5.6, altura=2.8)
    taxas = {}
    for i, (nome, agenda) in enumerate(agendas.items()):
        taxas[nome] = np.array([agenda(t) for t in range(epocas)])
        ax.step(np.arange(1, epocas + 1), taxas[nome], where="mid", color=_cor(i), label=nome)
    ax.set_yscale("log")
    ax.set_xlabel("época")
    ax.set_ylabel("taxa de aprendizado η")
    ax.legend(loc="lower left", fontsize=8)
    return taxas


def figura_excesso_de_custo(excessos: dict, ultimas: int = 5, titulo: str | None = None):
    """Custo menos o custo mínimo, época a época (escala log); devolve `{rótulo: média das `ultimas` épocas}`."""
    fig, ax = figura(largura=5.6, altura=3.0)
    medias = {}
    for i, (rotulo, valores) in enumerate(excessos.items()):
        v = como_array(valores, f"excessos[{rotulo!r}]", dims=1)
        medias[rotulo] = float(np.mean(v[-ultimas:]))
        ax.semilogy(np.arange(1, v.size + 1), np.maximum(v, 1e-12), lw=1.6, color=_cor(i), label=rotulo)
    ax.set_xlabel("época")
    ax.set_ylabel("custo − custo mínimo")
    ax.legend(loc="lower left", fontsize=8)
    if titulo:
        ax.set_title(titulo)
    return medias


def figura_parada(acuracias, paciencia: int = 10, min_delta: float = 0.0, titulo: str | None = None, ax=None):
    """A curva de validação, a época em que a parada antecipada para e a época cujos pesos ela guarda.

    A faixa cinza são as `paciencia` épocas de espera depois da melhor marca. Devolve
    `{"parada": época ou None, "melhor_epoca", "acuracia_guardada", "acuracia_na_parada"}` (acurácias em %).
    """
    a = 100 * como_array(acuracias, "acuracias", dims=1)
    regra = hiperparametros.epoca_de_parada(a / 100, paciencia, min_delta)
    if ax is None:
        fig, ax = figura(largura=6.0, altura=3.0)
    e = np.arange(1, a.size + 1)
    fim = regra.epoca or a.size
    ax.plot(e[:fim], a[:fim], color=CORES["laranja"], lw=1.5, label="validação")
    if fim < a.size:
        ax.plot(e[fim - 1:], a[fim - 1:], color=CORES["laranja"], lw=1.0, alpha=0.3, label="o que não se treinou")
    b = regra.melhor_epoca
    ax.axvspan(b, fim, color=CORES["cinza"], alpha=0.15, lw=0)
    ax.plot(b, a[b - 1], "o", color=CORES["azul"], ms=6, zorder=3, label=f"guardada: época {b}, {a[b - 1]:.1f} %")
    if regra.epoca is not None:
        ax.axvline(regra.epoca, color=CORES["vermelho"], lw=1.2, ls="--", label=f"parada na época {regra.epoca}")
    ax.set_xlabel("época")
    ax.set_ylabel("acurácia (%)")
    baixo = float(np.percentile(a, 5))
    ax.set_ylim(baixo - 1.0, float(a.max()) + 0.8)
    ax.legend(loc="lower right", fontsize=8)
    delta = f", min_delta = {100 * min_delta:.1f} ponto" if min_delta else ""
    ax.set_title(titulo or f"paciência {paciencia}{delta}" + ("" if regra.epoca else ": não parou"), fontsize=9)
    return {"parada": regra.epoca, "melhor_epoca": b, "acuracia_guardada": float(a[b - 1]),
            "acuracia_na_parada": float(a[fim - 1])}


def figura_paciencias(acuracias, paciencias=(5, 10, 20)):
    """Três (ou mais) paciências lado a lado sobre a mesma curva; devolve `{paciência: resultado de figura_parada}`."""
    paciencias = [inteiro(p, "paciencia") for p in paciencias]
    fig, eixos = figura(len(paciencias), largura=3.3 * len(paciencias), altura=2.8)
    eixos = np.atleast_1d(eixos)
    resultados = {}
    for ax, p in zip(eixos, paciencias):
        resultados[p] = figura_parada(acuracias, p, ax=ax)
        ax.legend(loc="lower right", fontsize=7)
    for ax in eixos[1:]:
        ax.set_ylabel("")
    return resultados
