r"""Figuras do capítulo 19 (o tamanho do minilote).

- `figura_tempo_por_exemplo`: o custo de uma ida e volta **por exemplo**, em função de $B$;
- `figura_curvas_minilote`: acurácia de validação contra épocas, atualizações, exemplos ou segundos;
- `figura_treino_por_minilote`: a função do painel: treina com o $B$ escolhido, mesmas épocas ou
  mesmas atualizações que o minilote de referência, e desenha as curvas;
- `figura_setas_do_gradiente`: um passo com $B = 2$ contra dois passos com $B = 1$, nas duas convenções;
- `figura_norma_somada`: a norma do gradiente somado contra $B$ (o experimento do capítulo 39 do livro).

Cada função desenha e devolve o que mediu ou leu, para ser conferido num teste.
"""
from __future__ import annotations

import numpy as np
from matplotlib import ticker

from .. import minilote
from .._lotes import inteiro, real
from .._validacao import _descrever, como_array, escolher
from ..custos import SoftmaxLogVerossimilhanca
from ..modelo import mlp
from .estilo import CORES, figura

_CORES = ("azul", "laranja", "verde", "vermelho", "roxo", "celeste", "preto")

#: Eixos horizontais que `figura_curvas_minilote` sabe desenhar.
EIXOS = {"epocas": "épocas", "atualizacoes": "atualizações dos pesos", "exemplos": "exemplos vistos",
         "segundos": "segundos de treino"}

COMPARACOES = ("mesmas épocas", "mesmas atualizações")


def _br(valor: float, formato: str = "g") -> str:
    """Número com vírgula decimal, para títulos e legendas."""
    return format(valor, formato).replace(".", ",")


def figura_tempo_por_exemplo(tempos: dict, ax=None) -> dict:
    r"""Microssegundos por exemplo de uma ida e volta, contra $B$ (log–log); devolve o ganho $t_1 / (t_B/B)$ de cada $B$.

    `tempos` é `{B: segundos de uma ida e volta no minilote de B}` e precisa ter $B = 1$.
    """
    if not isinstance(tempos, dict) or 1 not in tempos or len(tempos) < 2:
        raise ValueError(f"esperava {{B: segundos}} com B = 1 e pelo menos mais um tamanho, recebi {_descrever(tempos)}")
    lotes = np.array(sorted(inteiro(B, "B") for B in tempos))
    por_exemplo = np.array([real(tempos[B], f"tempos[{B}]", acima_de=0.0) / B for B in lotes])
    if ax is None:
        _, ax = figura(largura=5.0, altura=3.0)
    ax.loglog(lotes, 1e6 * por_exemplo, "o-", color=CORES["azul"], label="medido: minilote vetorizado")
    ax.axhline(1e6 * por_exemplo[0], color=CORES["vermelho"], ls="--", lw=1.2,
               label="sem vetorizar: passos de 1 exemplo")
    for B, t in zip(lotes, por_exemplo):
        ax.annotate(f"{por_exemplo[0] / t:.0f}×", (B, 1e6 * t), textcoords="offset points", xytext=(0, -13),
                    ha="center", fontsize=8)
    ax.set_xlabel("tamanho do minilote B")
    ax.set_ylabel("µs por exemplo (ida + volta)")
    ax.set_ylim(1e6 * por_exemplo.min() / 3, 1e6 * por_exemplo[0] * 2.5)
    ax.legend(fontsize=8)
    return {int(B): float(por_exemplo[0] / t) for B, t in zip(lotes, por_exemplo)}


def _eixo_x(curva: minilote.Curva, nome: str) -> np.ndarray:
    return np.asarray(curva.epocas if nome == "epocas" else getattr(curva, nome), dtype=float)


def figura_curvas_minilote(curvas: dict, eixos=("epocas", "segundos"), log=("segundos",), largura: float = 8.4,
                           altura: float = 2.9, titulos=None, ax=None, limites=(0, 100), legenda: bool = True) -> dict:
    """Um painel por eixo horizontal, com a acurácia de validação (%) de cada curva; devolve `{rótulo: acurácia final}`.

    `curvas` é `{rótulo: Curva}` (de `minilote.treinar_por_atualizacoes`);
    `eixos` escolhe entre "epocas", "atualizacoes", "exemplos" e "segundos";
    os eixos em `log` saem em escala logarítmica (sem o ponto inicial, em zero).
    `ax` (opcional) é a lista de painéis já criados, um por eixo; `limites`, a faixa do eixo vertical (%);
    `legenda=False` omite a legenda (que vai no primeiro painel).
    """
    if not isinstance(curvas, dict) or not curvas or not all(isinstance(c, minilote.Curva) for c in curvas.values()):
        raise TypeError(f"esperava {{rótulo: Curva}} com pelo menos uma curva, recebi {_descrever(curvas)}")
    eixos = [escolher(e, "eixos", EIXOS) for e in ([eixos] if isinstance(eixos, str) else eixos)]
    if not eixos:
        raise ValueError("esperava pelo menos um eixo em `eixos`")
    if ax is None:
        _, paineis = figura(colunas=len(eixos), largura=largura, altura=altura)
    else:
        paineis = ax
    paineis = np.atleast_1d(paineis)
    if len(paineis) != len(eixos):
        raise ValueError(f"esperava um painel por eixo ({len(eixos)}), recebi {len(paineis)}")
    for k, (nome, painel) in enumerate(zip(eixos, paineis)):
        for (rotulo, curva), cor in zip(curvas.items(), _CORES * 3):
            x, a = _eixo_x(curva, nome), 100 * np.asarray(curva.acuracia_validacao)
            if nome in log:
                x, a = x[x > 0], a[x > 0]
            painel.plot(x, a, "o-", color=CORES[cor], ms=3, lw=1.6, label=rotulo)
        if nome in log:
            painel.set_xscale("log")
            painel.xaxis.set_major_formatter(ticker.FuncFormatter(lambda v, _: f"{v:g}"))
            painel.xaxis.set_minor_formatter(ticker.NullFormatter())
        painel.set_xlabel(EIXOS[nome] + (" (escala log)" if nome in log else ""))
        painel.set_ylabel("acurácia na validação (%)")
        painel.set_ylim(*limites)
        if titulos is not None:
            painel.set_title(titulos[k])
    if legenda:
        paineis[0].legend(fontsize=8, loc="lower right")
    return {rotulo: 100 * float(c.acuracia_validacao[-1]) for rotulo, c in curvas.items()}


def figura_treino_por_minilote(dados, validacao, tamanho_lote: int = 64, comparacao: str = "mesmas épocas",
                               referencia: int = 64, epocas: int = 10, taxa: float = 0.05, ocultos: int = 30,
                               semente=0) -> dict:
    r"""Treina a rede $[784, h, 10]$ (ReLU, He, softmax) com minilotes de $B$ e com os de referência; desenha as duas.

    Com "mesmas épocas", cada uma treina `epocas` épocas; com "mesmas
    atualizações", o minilote $B$ faz as $E\lceil n/B_{\text{ref}}\rceil$
    atualizações da referência. A taxa é a mesma para os dois. Escreve o tempo
    de treino por época medido e devolve um dicionário com o que aconteceu.
    """
    X, y = dados
    n, B = len(X), inteiro(tamanho_lote, "tamanho_lote")
    comparacao = escolher(comparacao, "comparacao", COMPARACOES)
    U_ref = minilote.atualizacoes(n, referencia, epocas)
    U = minilote.atualizacoes(n, B, epocas) if comparacao == "mesmas épocas" else U_ref
    classes = int(np.max(y)) + 1
    curvas = {}
    for lote, total in ((referencia, U_ref), (B, U)):
        rede = mlp([np.shape(X)[1], ocultos, classes], "relu", None, "he", semente=semente)
        curvas[f"B = {lote}"] = minilote.treinar_por_atualizacoes(rede, dados, SoftmaxLogVerossimilhanca(), taxa,
                                                                 lote, total, validacao, semente=semente)
    curva = curvas[f"B = {B}"]
    por_epoca = curva.segundos[-1] / curva.epocas[-1]
    print(f"B = {B}: {minilote.minilotes_por_epoca(n, B)} atualizações por época; {U} atualizações = "
          f"{curva.epocas[-1]:.3g} épocas; treino: {1000 * por_epoca:.0f} ms por época (medido agora)")
    finais = figura_curvas_minilote(curvas, eixos=("atualizacoes", "segundos"), log=("atualizacoes", "segundos"),
                                    titulos=(f"{comparacao}, η = {_br(taxa)}", "o mesmo, contra o relógio"))
    return {"tamanho_lote": B, "comparacao": comparacao, "atualizacoes": U, "epocas": curva.epocas[-1],
            "acuracia": finais[f"B = {B}"], "acuracia_referencia": finais[f"B = {referencia}"],
            "segundos_por_epoca": por_epoca}


def figura_setas_do_gradiente(pontos=((1.5, 4.5), (-1.5, -1.0)), theta0=(0.0, 0.0), taxa: float = 0.3) -> dict:
    r"""Um passo com os dois exemplos juntos ($B = 2$, roxo) contra dois passos de um exemplo ($B = 1$, azul e vermelho).

    A seta preta é a soma dos dois passos pequenos. Painel da esquerda: gradiente
    do minilote como **média**; da direita, como **soma**. O fundo são as curvas
    de nível do custo dos dois pontos, no plano $\theta = (w, b)$. Devolve
    `{convenção: (comprimento roxo, comprimento preto)}`.
    """
    pontos = como_array(pontos, "pontos", forma=(2, 2))
    theta0 = como_array(theta0, "theta0", forma=(2,))
    taxa = real(taxa, "taxa", acima_de=0.0)
    x, y = pontos[:, 0], pontos[:, 1]
    alvo = minilote.minimos_quadrados(x, y)
    _, paineis = figura(colunas=2, largura=8.4, altura=3.6)
    medidas = {}
    for ax, convencao, nome in zip(paineis, minilote.CONVENCOES, ("média", "soma")):
        roxa = -taxa * minilote.gradiente_do_lote(theta0, x, y, convencao)
        azul = -taxa * minilote.gradiente_do_lote(theta0, x[:1], y[:1], convencao)
        vermelha = -taxa * minilote.gradiente_do_lote(theta0 + azul, x[1:], y[1:], convencao)
        preta = azul + vermelha
        todos = np.array([theta0, theta0 + roxa, theta0 + azul, theta0 + preta, alvo])
        baixo, alto = todos.min(axis=0) - 0.6, todos.max(axis=0) + 0.6
        W, Bv = np.meshgrid(np.linspace(baixo[0], alto[0], 120), np.linspace(baixo[1], alto[1], 120))
        C = 0.5 * np.mean([(W * xi + Bv - yi) ** 2 for xi, yi in zip(x, y)], axis=0)
        ax.contour(W, Bv, C, levels=12, colors=CORES["cinza"], linewidths=0.6, alpha=0.6)
        estilo = {"angles": "xy", "scale_units": "xy", "scale": 1, "width": 0.012}
        ax.quiver(*theta0, *preta, color=CORES["preto"], label="soma dos dois passos", **estilo)
        ax.quiver(*theta0, *azul, color=CORES["azul"], label="passo 1 (B = 1)", **estilo)
        ax.quiver(*(theta0 + azul), *vermelha, color=CORES["vermelho"], label="passo 2 (B = 1)", **estilo)
        ax.quiver(*theta0, *roxa, color=CORES["roxo"], label="um passo com B = 2", **estilo)
        ax.plot(*alvo, "*", color=CORES["verde"], ms=12, label="mínimo")
        ax.set_xlim(baixo[0], alto[0])
        ax.set_ylim(baixo[1], alto[1])
        ax.set_aspect("equal")
        ax.set_xlabel("w")
        ax.set_ylabel("b")
        medidas[convencao] = (float(np.linalg.norm(roxa)), float(np.linalg.norm(preta)))
        ax.set_title(f"gradiente do minilote: {nome}\nroxa {_br(medidas[convencao][0], '.2f')} · "
                     f"preta {_br(medidas[convencao][1], '.2f')}")
    paineis[1].legend(fontsize=7, loc="lower right")
    return medidas


#: Taxa usada em `figura_norma_somada` em cada convenção: as duas coincidem em B = 64, o minilote de referência do blog.
TAXAS_DA_NORMA = {"media": 0.01, "soma": 0.01 / 64}
REGIMES = ("início", "fim")
LOTES_DA_NORMA = (1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024)


def figura_norma_somada(convencao: str = "media", atualizar: bool = True, regime: str = "início", ensaios: int = 100,
                        semente=0, ax=None) -> dict:
    r"""Média ± desvio da norma do gradiente somado (1 024 exemplos em $1024/B$ passos) contra $B$, em log–log.

    Regressão de brinquedo (`minilote.regressao_de_brinquedo`); "início" parte de
    $\theta = (0, 0)$, longe do mínimo, e "fim" parte do próprio mínimo. A linha
    tracejada cresce como $\sqrt B$ (o que o blog relatou). Devolve a inclinação
    $p$ (norma $\propto B^p$), as médias e os desvios.
    """
    convencao = escolher(convencao, "convencao", minilote.CONVENCOES)
    regime = escolher(regime, "regime", REGIMES)
    if not isinstance(atualizar, (bool, np.bool_)):
        raise TypeError(f"esperava True ou False em `atualizar`, recebi {_descrever(atualizar)}")
    x, y = minilote.regressao_de_brinquedo(semente=0)
    theta0 = np.zeros(2) if regime == "início" else minilote.minimos_quadrados(x, y)
    normas = minilote.normas_do_gradiente_somado(x, y, theta0, LOTES_DA_NORMA, ensaios=ensaios, convencao=convencao,
                                                 atualizar=bool(atualizar), taxa=TAXAS_DA_NORMA[convencao],
                                                 semente=semente)
    lotes = np.array(LOTES_DA_NORMA)
    medias = np.array([normas[B].mean() for B in lotes])
    desvios = np.array([normas[B].std() for B in lotes])
    p = minilote.inclinacao_loglog(lotes, medias)
    if ax is None:
        _, ax = figura(largura=5.2, altura=3.2)
    ax.errorbar(lotes, medias, yerr=desvios, fmt="o-", color=CORES["azul"], ms=4, capsize=2, label="medido")
    ax.loglog(lotes, medias[-1] * np.sqrt(lotes / lotes[-1]), "--", color=CORES["laranja"], lw=1.2, label="∝ √B")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("tamanho do minilote B")
    ax.set_ylabel("norma do gradiente somado")
    ax.set_title(f"{'média' if convencao == 'media' else 'soma'}, θ {'andando' if atualizar else 'parado'}, {regime}: "
                 f"p = {_br(0.0 if abs(p) < 5e-3 else p, '+.2f')}")
    ax.legend(fontsize=8)
    return {"inclinacao": p, "medias": medias, "desvios": desvios}
