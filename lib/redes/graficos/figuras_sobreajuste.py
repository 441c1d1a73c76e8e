"""Figuras do capítulo 14: curvas de treino e de validação, o efeito da L2 e os polinômios.

Cada função devolve algo que um teste (ou um painel) confere: as melhores
épocas, o resumo de um treino, os erros de um ajuste.
"""
from __future__ import annotations

from functools import partial

import numpy as np

from .. import polinomios, sobreajuste
from .._lotes import inteiro, real
from .estilo import CORES, figura

_COR_TREINO, _COR_VALIDACAO = CORES["azul"], CORES["laranja"]


def _virgula(valor: float) -> str:
    """Número curto com vírgula decimal e o sinal de menos tipográfico."""
    return f"{float(valor):g}".replace(".", ",").replace("-", "−")


def _epocas(valores) -> np.ndarray:
    return np.arange(1, len(valores) + 1)


def figura_curvas(historico, titulo: str | None = None, ax=None):
    """Acurácia (treino e validação), custo de treino e custo de validação, época a época, em três painéis.

    O custo de validação ganha um painel só dele, com a própria escala, para
    a curva em U aparecer. Marca a época da maior acurácia de validação e a
    do menor custo de validação. `ax`, se dado, é uma sequência de três
    eixos. Devolve `sobreajuste.melhor_epoca(historico)`:
    `(época do menor custo, época da maior acurácia)`.
    """
    epoca_custo, epoca_acuracia = sobreajuste.melhor_epoca(historico)
    if ax is None:
        fig, ax = figura(3, largura=9.6, altura=2.9)
    else:
        fig = ax[0].figure
    acc, acc_v = 100 * np.asarray(historico["acuracia"]), 100 * np.asarray(historico["acuracia_validacao"])
    custo, custo_v = np.asarray(historico["custo"]), np.asarray(historico["custo_validacao"])
    e = _epocas(acc)
    ax[0].plot(e, acc, color=_COR_TREINO, label="treino")
    ax[0].plot(e, acc_v, color=_COR_VALIDACAO, label="validação")
    ax[0].plot(epoca_acuracia, acc_v[epoca_acuracia - 1], "o", color=CORES["preto"], ms=5)
    ax[0].annotate(f"máx. {acc_v[epoca_acuracia - 1]:.1f} % (época {epoca_acuracia})",
                   (epoca_acuracia, acc_v[epoca_acuracia - 1]), textcoords="offset points", xytext=(-4, -14),
                   ha="right" if epoca_acuracia > len(e) / 2 else "left", fontsize=8)
    ax[0].set_ylabel("acurácia (%)")
    ax[0].set_ylim(min(60.0, float(acc_v.min()) - 2), 101)
    ax[0].legend(loc="lower right")
    ax[0].set_title("acurácia")
    ax[1].plot(e, custo, color=_COR_TREINO)
    ax[1].set_ylim(0, float(custo[min(1, len(custo) - 1)]) * 1.1)
    ax[1].set_title("custo no treino")
    ax[2].plot(e, custo_v, color=_COR_VALIDACAO)
    ax[2].plot(epoca_custo, custo_v[epoca_custo - 1], "o", color=CORES["preto"], ms=5)
    ax[2].annotate(f"mín. na época {epoca_custo}", (epoca_custo, custo_v[epoca_custo - 1]),
                   textcoords="offset points", xytext=(0, -14), ha="center", fontsize=8)
    depois = custo_v[min(2, len(custo_v) - 1):]          # as primeiras épocas achatariam a escala
    margem = 0.15 * max(float(np.ptp(depois)), 1e-3)
    ax[2].set_ylim(float(custo_v.min()) - 2 * margem, float(depois.max()) + margem)
    ax[2].set_title("custo na validação")
    for a in ax:
        a.set_xlabel("época")
    if titulo:
        fig.suptitle(titulo, fontsize=10)
    return epoca_custo, epoca_acuracia


def figura_comparar_lambdas(historicos: dict, somas_dos_quadrados: dict | None = None):
    r"""Várias execuções lado a lado: acurácia de treino (tracejada) e de validação (cheia) por época,
    e, se `somas_dos_quadrados` for dado (rótulo → lista por época), $\sum_w w^2$ por época.

    `historicos`: rótulo (por exemplo "λ = 0") → histórico. Devolve rótulo → pico de validação em %.
    """
    if not historicos:
        raise ValueError("esperava pelo menos um histórico para comparar")
    colunas = 2 if somas_dos_quadrados else 1
    fig, eixos = figura(colunas, largura=3.8 * colunas, altura=3.0)
    eixos = np.atleast_1d(eixos)
    cores = [CORES[c] for c in ("azul", "vermelho", "verde", "roxo", "laranja")]
    picos = {}
    for (rotulo, h), cor in zip(historicos.items(), cores):
        acc, acc_v = 100 * np.asarray(h["acuracia"]), 100 * np.asarray(h["acuracia_validacao"])
        e = _epocas(acc)
        eixos[0].plot(e, acc, "--", color=cor, lw=1.3)
        eixos[0].plot(e, acc_v, color=cor, label=f"{rotulo} (máx. {acc_v.max():.1f} %)")
        picos[rotulo] = float(acc_v.max())
        if somas_dos_quadrados:
            s = np.asarray(somas_dos_quadrados[rotulo])
            eixos[1].plot(_epocas(s), s, color=cor, label=rotulo)
    eixos[0].set_ylim(70, 101)
    eixos[0].set_ylabel("acurácia (%)")
    eixos[0].set_title("tracejado: treino; cheio: validação")
    eixos[0].legend(loc="lower right")
    if somas_dos_quadrados:
        eixos[1].set_ylabel("soma dos quadrados dos pesos")
        eixos[1].set_title("o tamanho dos pesos")
        eixos[1].legend(loc="lower left")
    for a in eixos:
        a.set_xlabel("época")
    return picos


def figura_treino_subconjunto(dados, validacao, lmbda: float = 0.0, n: int = 1000, epocas: int = 30,
                              taxa: float = 0.5, semente: int = 0):
    r"""Treina a rede [784, 30, 10] nas primeiras `n` imagens (com L2 `lmbda`) e desenha as curvas.

    O título mostra o fator $1 - \eta\lambda/n$ que encolhe os pesos a cada
    passo. Para o painel do capítulo (rode com um botão: leva alguns
    segundos). Devolve `sobreajuste.resumo(historico)` mais `"fator"`.
    """
    lmbda = real(lmbda, "lmbda", minimo=0.0)
    n, epocas = inteiro(n, "n"), inteiro(epocas, "epocas")
    _, historico = sobreajuste.experimento(dados, validacao, n=n, lmbda=lmbda, epocas=epocas, taxa=taxa,
                                           semente=semente)
    fator = 1 - taxa * lmbda / n
    figura_curvas(historico, f"n = {n} imagens, λ = {lmbda:g}, {epocas} épocas: "
                             f"cada passo multiplica os pesos por 1 − ηλ/n = {fator:.6f}")
    return {**sobreajuste.resumo(historico), "fator": fator}


def painel_treino(dados, validacao):
    """A função do painel de treino com os dados já ligados (para `interativo.Painel`)."""
    return partial(figura_treino_subconjunto, dados, validacao)


# ---------------------------------------------------------------- polinômios

def figura_polinomios(x, y, inclinacao: float = 2.0, alcance: float = 1.5):
    r"""Os pontos, a reta $y = \text{inclinacao}\cdot x$ e o polinômio que passa por todos eles.

    À esquerda, a região dos dados; à direita, a mesma coisa até $x$ =
    `alcance`, onde o polinômio (dominado pelo termo de maior grau) se afasta
    da reta. Devolve `(coeficientes do interpolador, p(alcance))`.
    """
    a = polinomios.polinomio_interpolador(x, y)
    alcance = real(alcance, "alcance", acima_de=float(np.max(x)))
    fig, eixos = figura(2, largura=7.6, altura=3.0)
    for ax, fim in zip(eixos, (float(np.max(x)) + 0.05, alcance)):
        xs = np.linspace(0, fim, 400)
        ax.plot(xs, inclinacao * xs, "--", color=CORES["cinza"], lw=1.5, label=f"reta y = {inclinacao:g}x")
        ax.plot(xs, polinomios.avaliar(a, xs), color=CORES["vermelho"], lw=1.6,
                label=f"polinômio de grau {len(a) - 1}")
        ax.plot(x, y, "o", color=CORES["azul"], ms=6, zorder=3, label="os dados")
        ax.set_xlabel("x")
    eixos[0].set_ylim(-0.6, 2.6)
    eixos[0].set_ylabel("y")
    eixos[0].set_title("perto dos dados, os dois servem")
    eixos[0].legend(loc="lower right", fontsize=8)
    fim = float(polinomios.avaliar(a, [alcance])[0])
    texto = f"{fim:,.0f}".replace(",", ".").replace("-", "−")
    eixos[1].set_title(f"em x = {_virgula(alcance)}: reta {_virgula(inclinacao * alcance)}, polinômio {texto}")
    return a, fim


def figura_erros_por_grau(x, y, x_novo, y_novo, graus=range(10), lmbda: float = 0.0):
    """EQM no treino e em dados novos, por grau (escala logarítmica); devolve `(eqm_treino, eqm_novos)`."""
    graus = list(graus)
    treino, novos = polinomios.erros_por_grau(x, y, x_novo, y_novo, graus, lmbda)
    piso = 1e-5
    fig, ax = figura(largura=5.2, altura=3.0)
    ax.semilogy(graus, np.maximum(treino, piso), "o-", color=_COR_TREINO, label="nos 10 pontos do treino")
    ax.semilogy(graus, novos, "s-", color=_COR_VALIDACAO, label=f"em {len(np.atleast_1d(x_novo))} pontos novos")
    if np.any(treino < piso):
        g = graus[int(np.argmin(treino))]
        ax.annotate("≈ 0: passa por\ntodos os pontos", (g, piso), textcoords="offset points", xytext=(-8, 10),
                    ha="right", fontsize=8)
    ax.set_xlabel("grau do polinômio")
    ax.set_ylabel("erro quadrático médio")
    ax.set_xticks(graus)
    ax.legend(loc="upper left", fontsize=8)
    return treino, novos


def figura_ajuste_polinomio(grau: int = 9, ruido: float = 0.1, ridge: bool = False, lmbda: float = 1e-3,
                            semente: int = 1, n: int = 10, n_novos: int = 200, semente_novos: int = 1000):
    r"""O painel dos polinômios: `n` pontos perto de $y = 2x$, o ajuste de grau `grau` e os erros.

    Com `ridge=True` o ajuste é o ridge com `lmbda`; senão, mínimos quadrados
    ($\lambda = 0$). Os "dados novos" são `n_novos` pontos sorteados no mesmo
    intervalo, com o mesmo ruído (semente `semente_novos`). Devolve
    `{"eqm_treino", "eqm_novos", "coeficientes", "lmbda"}`.
    """
    grau = inteiro(grau, "grau", minimo=0)
    lmbda = real(lmbda, "lmbda", minimo=0.0) if ridge else 0.0
    x, y = polinomios.pontos_da_reta(n, ruido, semente)
    x_novo, y_novo = polinomios.pontos_da_reta(n_novos, ruido, semente_novos, espacados=False)
    a = polinomios.ajuste_ridge(x, y, grau, lmbda)
    eqm_treino, eqm_novos = polinomios.eqm(a, x, y), polinomios.eqm(a, x_novo, y_novo)
    fig, ax = figura(largura=5.6, altura=3.2)
    xs = np.linspace(0, 1, 500)
    ax.plot(x_novo, y_novo, ".", color=CORES["cinza"], ms=3, alpha=0.6, label="dados novos")
    ax.plot(xs, 2 * xs, "--", color=CORES["preto"], lw=1.0, label="y = 2x")
    ax.plot(xs, polinomios.avaliar(a, xs), color=CORES["vermelho"], lw=1.8, label=f"ajuste de grau {grau}")
    ax.plot(x, y, "o", color=CORES["azul"], ms=6, zorder=3, label="treino")
    ax.set_ylim(-0.8, 2.8)
    ax.set_xlim(0, 1)
    ax.set_xlabel("x")
    ax.set_ylabel("y")
    rotulo = f"λ = {lmbda:.3g}" if ridge else "λ = 0"
    ax.set_title(f"grau {grau}, {rotulo}: EQM no treino {eqm_treino:.4f}, em dados novos {eqm_novos:.4f}")
    ax.legend(loc="lower right", fontsize=8, ncol=2)
    return {"eqm_treino": eqm_treino, "eqm_novos": eqm_novos, "coeficientes": a, "lmbda": lmbda}
