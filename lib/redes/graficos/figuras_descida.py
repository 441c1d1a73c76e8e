r"""Figuras do capítulo sobre custo e descida do gradiente: curvas de nível com o caminho, o vale em 3-D,
a estabilidade de $\eta$, acertos contra custo e o ruído dos minilotes.

As funções dos painéis (`figura_descida`, `figura_minilotes`) devolvem o que
calcularam (um `Caminho` ou uma `Trajetoria` de `redes.descida`), para que um
teste confira o resultado sem olhar a imagem.
"""
from __future__ import annotations

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np

from .. import descida, regressao
from .._validacao import como_array
from .estilo import CORES, figura

_PISO = 1e-12          # C − C* abaixo disso é desenhado como 1e-12 (escala logarítmica)


def _grade(sup: descida.Superficie, resolucao: int = 120):
    x0, x1, y0, y1 = sup.janela
    g1, g2 = np.meshgrid(np.linspace(x0, x1, resolucao), np.linspace(y0, y1, resolucao))
    return g1, g2, sup.valor(np.stack([g1, g2], axis=-1)) - sup.minimo_global


def desenhar_contorno(ax, sup, caminho: descida.Caminho | None = None, cor=None) -> None:
    r"""Curvas de nível de $C - C^*$ (espaçadas em escala logarítmica), os mínimos (estrelas) e o caminho."""
    sup = descida.superficie(sup)
    g1, g2, Z = _grade(sup)
    positivos = Z[Z > 0]
    niveis = np.geomspace(max(np.percentile(positivos, 1), 1e-3), positivos.max(), 12)
    ax.contourf(g1, g2, np.clip(Z, niveis[0] * 0.5, niveis[-1] * 2), levels=niveis, cmap="Blues_r",
                norm=mpl.colors.LogNorm(niveis[0], niveis[-1]), alpha=0.55, extend="both")
    ax.contour(g1, g2, Z, levels=niveis, colors=CORES["cinza"], linewidths=0.6)
    ax.plot(*sup.minimos[0], "*", color=CORES["amarelo"], mec=CORES["preto"], ms=13, zorder=5,
            label="mínimo" if len(sup.minimos) == 1 else "mínimo global")
    if len(sup.minimos) > 1:
        ax.plot(sup.minimos[1:, 0], sup.minimos[1:, 1], "*", color="white", mec=CORES["preto"], ms=12, zorder=5,
                label="mínimo local")
    if caminho is not None:
        p = caminho.pontos
        cor = cor or CORES["vermelho"]
        ax.plot(p[:, 0], p[:, 1], "-", color=cor, lw=1.4, zorder=6)
        ax.plot(p[:, 0], p[:, 1], ".", color=cor, ms=4, zorder=6)
        ax.plot(*p[0], "o", color="white", mec=cor, mew=2, ms=8, zorder=7, label="início")
        ax.plot(*p[-1], "X", color=cor, mec=CORES["preto"], ms=9, zorder=7, label="fim")
    x0, x1, y0, y1 = sup.janela
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    ax.set_xlabel("$v_1$")
    ax.set_ylabel("$v_2$")
    ax.grid(False)


def _custo_por_passo(ax, valores, minimo, cor, rotulo=None) -> None:
    ax.semilogy(np.arange(len(valores)), np.maximum(valores - minimo, _PISO), ".-", color=cor, ms=3, lw=1.2,
                label=rotulo)
    ax.set_xlabel("passo t")
    ax.set_ylabel("$C(v_t) - C^*$")


def figura_descida(superficie: str, taxa: float, v1: float, v2: float, passos: int) -> descida.Caminho:
    r"""Painel da taxa de aprendizado: o caminho da descida sobre as curvas de nível e o custo a cada passo.

    $C^*$ é o mínimo global da superfície; o eixo do custo é logarítmico, então
    uma reta descendo é uma convergência geométrica ($C - C^*$ cai pelo mesmo fator a cada passo).
    Devolve o `Caminho` (pontos, valores, `divergiu`).
    """
    sup = descida.superficie(superficie)
    caminho = descida.caminho_descida(sup.gradiente, [v1, v2], taxa, passos, valor=sup.valor)
    fig, (esq, dir_) = figura(colunas=2, largura=8.4, altura=3.5)
    desenhar_contorno(esq, sup, caminho)
    esq.legend(loc="lower right", fontsize=7.5, framealpha=0.8, frameon=True)
    esq.set_title(f"{sup.nome}, η = {taxa:.3g}")
    _custo_por_passo(dir_, caminho.valores, sup.minimo_global, CORES["vermelho"])
    dir_.set_xlim(-0.5, max(passos, 1) + 0.5)
    fim = caminho.final
    if caminho.divergiu:
        dir_.set_title(f"divergiu no passo {caminho.passos_feitos + 1}: |v| passou de 10⁶", color=CORES["vermelho"])
    else:
        dir_.set_title(f"{caminho.passos_feitos} passos: v = ({fim[0]:.3f}, {fim[1]:.3f}), "
                       f"C = {caminho.valores[-1]:.4g}")
    return caminho


def figura_vale(superficie, caminhos=(), cores=None):
    """A superfície em 3-D, como um vale, com o caminho de cada `Caminho` de `caminhos` desenhado sobre ela
    (a "bola" rolando). Devolve o `Axes3D`."""
    sup = descida.superficie(superficie)
    g1, g2, Z = _grade(sup, 60)
    fig = plt.figure(figsize=(5.6, 3.8))
    ax = fig.add_subplot(projection="3d", computed_zorder=False)
    ax.plot_surface(g1, g2, Z + sup.minimo_global, cmap="Blues_r", alpha=0.45, linewidth=0, rstride=2, cstride=2,
                    zorder=1)
    cores = cores or [CORES["vermelho"], CORES["preto"], CORES["verde"], CORES["roxo"]]
    for caminho, cor in zip(caminhos, cores):
        p, c = caminho.pontos, caminho.valores
        ax.plot(p[:, 0], p[:, 1], c, ".-", color=cor, ms=4, lw=2.0, zorder=10)
        ax.scatter(*p[0], c[0], s=70, color="white", edgecolor=cor, linewidth=2, depthshade=False, zorder=11)
        ax.scatter(*p[-1], c[-1], s=70, color=cor, edgecolor=CORES["preto"], depthshade=False, zorder=11)
    ax.set_xlabel("$v_1$")
    ax.set_ylabel("$v_2$")
    ax.set_zlabel("C")
    ax.view_init(elev=32, azim=-60)
    ax.set_title(sup.nome)
    return ax


def figura_estabilidade(a: float, taxas, v0: float = 1.0, passos: int = 12) -> list[str]:
    r"""Três (ou mais) descidas em $C = \tfrac a2 v^2$, uma por taxa, lado a lado: $v_t$ contra $t$.

    Devolve o regime de cada taxa (`redes.descida.regime_quadratica`).
    """
    taxas = como_array(taxas, "taxas", dims=1)
    fig, eixos = figura(colunas=len(taxas), largura=2.9 * len(taxas), altura=2.9)
    eixos = np.atleast_1d(eixos)
    regimes = []
    cores = [CORES["azul"], CORES["laranja"], CORES["vermelho"], CORES["verde"]]
    for ax, eta, cor in zip(eixos, taxas, cores * 3):
        regime = descida.regime_quadratica(a, eta)
        regimes.append(regime)
        v = v0 * (1 - eta * a) ** np.arange(passos + 1)
        ax.axhline(0, color=CORES["cinza"], lw=0.8)
        ax.plot(np.arange(passos + 1), v, "o-", color=cor, ms=4, lw=1.3)
        ax.set_title(f"η = {eta:g} (ηa = {eta * a:g}): {regime}", fontsize=9)
        ax.set_xlabel("passo t")
    eixos[0].set_ylabel("$v_t$")
    return regimes


def figura_acertos_e_custo(pesos, acertos, custos, rotulo: str = "peso w"):
    """Dois painéis contra o mesmo peso: o número de acertos (em degraus) e o custo quadrático (suave).

    Devolve o número de patamares (trechos de acertos constantes) da curva de acertos.
    """
    pesos = como_array(pesos, "pesos", dims=1)
    acertos = como_array(acertos, "acertos", forma=(len(pesos),))
    custos = como_array(custos, "custos", forma=(len(pesos),))
    fig, (esq, dir_) = figura(colunas=2, largura=8.0, altura=2.9)
    esq.step(pesos, acertos, where="mid", color=CORES["laranja"])
    esq.set_title("acertos: degraus, derivada 0 quase sempre")
    esq.set_ylabel("exemplos acertados")
    dir_.plot(pesos, custos, color=CORES["azul"])
    dir_.set_title("custo quadrático: suave")
    dir_.set_ylabel("C")
    for ax in (esq, dir_):
        ax.set_xlabel(rotulo)
    return int(1 + np.count_nonzero(np.diff(acertos)))


def _curva_minilote(ax, traj: regressao.Trajetoria, minimo: float, cor, rotulo, **estilo) -> None:
    ax.semilogy(traj.exemplos, np.maximum(traj.custos - minimo, _PISO), color=cor, label=rotulo, **estilo)


def figura_minilotes(tamanho_lote: int, taxa: float = 0.1, epocas: int = 3, x=None, y=None,
                     semente=0) -> regressao.Trajetoria:
    r"""Painel do tamanho do minilote na regressão 1-D com ruído (`redes.regressao.dados_regressao()` por padrão).

    À esquerda, $C - C^*$ contra o número de exemplos usados, para o minilote escolhido
    e, em cinza, para a descida em lote (mesmo trabalho); à direita, o caminho de $(w, b)$
    sobre as curvas de nível do custo. Devolve a `Trajetoria` do minilote escolhido.
    """
    if x is None or y is None:
        x, y = regressao.dados_regressao()
    w_ot, b_ot, c_ot = regressao.minimo_regressao(x, y)
    traj = regressao.descida_minilotes(x, y, tamanho_lote, taxa, epocas, semente=semente)
    lote = regressao.descida_minilotes(x, y, len(x), taxa, epocas, semente=semente)
    fig, (esq, dir_) = figura(colunas=2, largura=8.4, altura=3.4)
    _curva_minilote(esq, lote, c_ot, CORES["cinza"], f"lote inteiro (m = {len(x)})", lw=2.5, ls="--",
                    marker="o", ms=4)
    _curva_minilote(esq, traj, c_ot, CORES["vermelho"], f"m = {tamanho_lote}", lw=1.0)
    esq.set_xlabel("exemplos usados (trabalho)")
    esq.set_ylabel("$C - C^*$")
    esq.legend(fontsize=8)
    esq.set_title(f"m = {tamanho_lote}: {traj.atualizacoes} atualizações com {traj.exemplos[-1]} exemplos")
    W, B = np.meshgrid(np.linspace(-0.5, 3.0, 120), np.linspace(-2.0, 0.8, 120))
    r = W[..., None] * x + B[..., None] - y
    Z = 0.5 * np.mean(r * r, axis=-1) - c_ot
    dir_.contour(W, B, Z, levels=np.geomspace(0.01, Z.max(), 10), colors=CORES["cinza"], linewidths=0.6)
    p = traj.parametros
    dir_.plot(p[:, 0], p[:, 1], "-", color=CORES["vermelho"], lw=0.8, label=f"m = {tamanho_lote}")
    dir_.plot(lote.parametros[:, 0], lote.parametros[:, 1], "o--", color=CORES["preto"], ms=4, lw=1.2,
              label="lote inteiro")
    dir_.plot([w_ot], [b_ot], "*", color=CORES["amarelo"], mec=CORES["preto"], ms=13, zorder=5, label="mínimo")
    dir_.legend(fontsize=7.5, loc="lower left", frameon=True, framealpha=0.85)
    dir_.set_xlim(-0.5, 3.0)
    dir_.set_ylim(-2.0, 0.8)
    dir_.set_xlabel("w")
    dir_.set_ylabel("b")
    dir_.set_title(f"caminho de (w, b); fim: ({p[-1, 0]:.2f}, {p[-1, 1]:.2f})")
    dir_.grid(False)
    return traj


def figura_ruido_minilote(x, y, tamanhos, taxa: float = 0.1, epocas: int = 3, semente=0,
                          ponto=(0.0, 0.0)) -> dict:
    r"""Figura estática dos minilotes: as curvas de custo de todos os `tamanhos` contra o trabalho, e o ruído
    do gradiente de um minilote, medido e exato ($\propto 1/\sqrt m$, zero no lote inteiro), no `ponto` $(w, b)$.

    Devolve `{"custo_final": {m: C}, "ruido": {m: medido}, "ruido_teorico": {m: exato}}`.
    """
    w_ot, b_ot, c_ot = regressao.minimo_regressao(x, y)
    tamanhos = [int(m) for m in tamanhos]
    fig, (esq, dir_) = figura(colunas=2, largura=8.4, altura=3.3)
    cores = [CORES["roxo"], CORES["laranja"], CORES["verde"], CORES["azul"], CORES["preto"], CORES["vermelho"]]
    finais = {}
    for m, cor in zip(tamanhos, cores * 2):
        traj = regressao.descida_minilotes(x, y, m, taxa, epocas, semente=semente)
        finais[m] = float(traj.custos[-1])
        _curva_minilote(esq, traj, c_ot, cor, f"m = {m}", lw=0.8 if m < 32 else 1.8, alpha=0.8 if m < 32 else 1.0,
                        marker="o" if m == len(x) else None, ms=4)
    esq.set_xlabel("exemplos usados (trabalho)")
    esq.set_ylabel("$C - C^*$")
    esq.legend(fontsize=7.5, ncol=2)
    esq.set_title(f"mesmo trabalho ({epocas} épocas), η = {taxa:g}")
    medido = regressao.ruido_do_gradiente(x, y, *ponto, tamanhos, semente=semente)
    exato = regressao.ruido_teorico(x, y, *ponto, tamanhos)
    uteis = [i for i, m in enumerate(tamanhos) if m < len(x)]
    continuo = np.arange(1, len(x))
    dir_.loglog(continuo, regressao.ruido_teorico(x, y, *ponto, continuo), color=CORES["cinza"], lw=1.5,
                label="exato")
    dir_.loglog(np.array(tamanhos)[uteis], medido[uteis], "o", color=CORES["vermelho"], ms=6,
                label="medido (300 sorteios)")
    dir_.set_xlabel("tamanho do minilote m")
    dir_.set_ylabel("ruído do gradiente")
    dir_.legend(fontsize=8)
    dir_.set_title(f"ruído ∝ 1/√m; no lote inteiro (m = {len(x)}), zero")
    return {"custo_final": finais, "ruido": dict(zip(tamanhos, medido.tolist())),
            "ruido_teorico": dict(zip(tamanhos, exato.tolist()))}
