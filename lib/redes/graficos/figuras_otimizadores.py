r"""Figuras do capítulo sobre otimizadores: a corrida nas curvas de nível, os passos contra $\kappa$ e a velocidade
do momentum.

- `figura_corrida`: a função do painel. Os caminhos de SGD, momentum, Nesterov e Newton (à esquerda) e de
  AdaGrad, RMSProp e Adam (no meio) sobre as curvas de nível, e $C - C^*$ a cada passo (à direita).
- `figura_passos_por_kappa`: quantos passos a descida e o momentum, cada um com os seus melhores
  hiperparâmetros, levam até uma tolerância, contra o número de condição $\kappa$.
- `figura_velocidade`: o momentum numa rampa de inclinação constante; a velocidade tende a
  $\eta g/(1 - \mu)$.

Cada função devolve o que calculou, para que um teste confira sem olhar a imagem.
"""
from __future__ import annotations

import numpy as np

from .. import corrida
from .._lotes import inteiro, real
from .._validacao import como_array
from .estilo import CORES, figura
from .figuras_descida import desenhar_contorno

_PISO = 1e-14      # C − C* abaixo disso é desenhado como 1e-14 (escala logarítmica)

#: Cor e estilo de cada método nos gráficos.
ESTILOS = {
    "SGD": (CORES["vermelho"], "-"),
    "Momentum": (CORES["laranja"], "-"),
    "Nesterov": (CORES["roxo"], "-"),
    "Newton": (CORES["preto"], "--"),
    "AdaGrad": (CORES["verde"], "-"),
    "RMSProp": (CORES["cinza"], "-"),
    "Adam": (CORES["azul"], "-"),
}


def _desenhar_caminho(ax, nome, caminho) -> None:
    cor, estilo = ESTILOS[nome]
    p = caminho.pontos
    largura = 2.4 if nome == "SGD" else 1.3            # o SGD, embaixo e mais grosso, aparece mesmo coberto
    ax.plot(p[:, 0], p[:, 1], estilo, color=cor, lw=largura, zorder=5 if nome == "SGD" else 6,
            label=nome + (" (divergiu)" if caminho.divergiu else ""))
    ax.plot(*p[-1], "o", color=cor, mec=CORES["preto"], ms=5, zorder=7)


def _custo_por_passo(ax, caminhos: dict, minimo: float) -> None:
    for nome, caminho in caminhos.items():
        cor, estilo = ESTILOS[nome]
        ax.semilogy(np.arange(len(caminho.valores)), np.maximum(caminho.valores - minimo, _PISO), estilo,
                    color=cor, lw=1.2, label=nome)
    ax.set_xlabel("passo t")
    ax.set_ylabel("$C(v_t) - C^*$")


def figura_corrida(superficie: str = "quadrática", taxa: float = 1.0, mu: float = 0.9, kappa: float = 100.0,
                   taxa_adaptativa: float = 0.1, passos: int = 200) -> dict:
    r"""Painel da corrida: seis otimizadores e o método de Newton na mesma superfície, do mesmo ponto.

    `superficie`: "quadrática" ou "quadrática girada" (com número de condição `kappa`) ou uma de
    `redes.descida` ("Rosenbrock", ...). SGD, Momentum e Nesterov usam `taxa` (e `mu`); AdaGrad,
    RMSProp e Adam usam `taxa_adaptativa`; Newton dá o passo cheio $-H^{-1}\nabla C$.
    Devolve `{nome: Caminho}` (de `redes.descida`), com "Newton" no fim.
    """
    sup = corrida.superficie_da_corrida(superficie, kappa)
    passos = inteiro(passos, "passos")
    caminhos = corrida.correr(sup, taxa, passos, mu=mu, taxa_adaptativa=taxa_adaptativa)
    caminhos["Newton"] = corrida.caminho_newton(sup, passos)
    fig, (esq, meio, dir_) = figura(colunas=3, largura=10.5, altura=3.5)
    for ax, nomes, titulo in ((esq, ("SGD", "Momentum", "Nesterov", "Newton"), f"η = {taxa:.3g}, μ = {mu:.2f}"),
                              (meio, corrida.ADAPTATIVOS, f"adaptativos, η = {taxa_adaptativa:.3g}")):
        desenhar_contorno(ax, sup)
        ax.plot(*sup.inicio, "o", color="white", mec=CORES["preto"], mew=1.5, ms=8, zorder=8)
        for nome in nomes:
            _desenhar_caminho(ax, nome, caminhos[nome])
        ax.legend(loc="upper right", fontsize=7, framealpha=0.85, frameon=True)
        ax.set_title(titulo)
    _custo_por_passo(dir_, caminhos, sup.minimo_global)
    dir_.set_xlim(-0.5, passos + 0.5)
    dir_.set_ylim(_PISO / 3, None)
    dir_.set_title(sup.nome, fontsize=9)
    return caminhos


def figura_passos_por_kappa(kappas, tolerancia: float = 1e-6, passos_max: int = 20_000) -> dict:
    r"""Passos até $C - C^* <$ `tolerancia` na quadrática de cada $\kappa$ (sem girar, do início padrão), para a
    descida e o momentum com os hiperparâmetros de `redes.corrida.parametros_otimos`, em escala log-log.

    Devolve `{"kappas": [...], "SGD": [...], "Momentum": [...]}` (None onde não chegou em `passos_max`).
    """
    kappas = como_array(kappas, "kappas", dims=1)
    if np.any(kappas < 1):
        raise ValueError("esperava números de condição κ ≥ 1")
    tolerancia = real(tolerancia, "tolerancia", acima_de=0.0)
    passos_max = inteiro(passos_max, "passos_max")
    resultado = {"kappas": kappas.tolist(), "SGD": [], "Momentum": []}
    for kappa in kappas:
        sup = corrida.quadratica(kappa)
        p = corrida.parametros_otimos(1.0 / kappa, 1.0)
        for nome, otim in (("SGD", corrida.otimizador("SGD", p["taxa_gd"])),
                           ("Momentum", corrida.otimizador("Momentum", p["taxa_momentum"], p["mu"]))):
            caminho = corrida.caminho_otimizador(sup, otim, passos_max, tolerancia=tolerancia)
            resultado[nome].append(corrida.passos_ate(caminho, tolerancia))
    fig, ax = figura(largura=5.0, altura=3.2)
    for nome, marcador in (("SGD", "o"), ("Momentum", "s")):
        pares = [(k, t) for k, t in zip(kappas, resultado[nome]) if t]
        rotulo = "descida do gradiente (η ótimo)" if nome == "SGD" else "momentum (η e μ ótimos)"
        ax.loglog(*zip(*pares), marcador + "-", color=ESTILOS[nome][0], ms=5, label=rotulo)
    ref = np.array([kappas.min(), kappas.max()])
    t_gd, t_mo = resultado["SGD"][-1], resultado["Momentum"][-1]
    if t_gd and t_mo:
        ax.loglog(ref, t_gd * ref / ref[-1], ":", color=CORES["cinza"], lw=1.2, label="∝ κ")
        ax.loglog(ref, t_mo * np.sqrt(ref / ref[-1]), "--", color=CORES["cinza"], lw=1.2, label="∝ √κ")
    ax.set_xlabel("número de condição κ")
    expoente = np.log10(tolerancia)
    texto = f"$10^{{{int(round(expoente))}}}$" if np.isclose(expoente, round(expoente)) else f"{tolerancia:g}"
    ax.set_ylabel(f"passos até $C - C^* <$ {texto}")
    ax.legend(fontsize=8)
    return resultado


def figura_velocidade(mus=(0.0, 0.5, 0.9), taxa: float = 0.1, inclinacao: float = 1.0, passos: int = 40) -> dict:
    r"""O momentum numa rampa, $C(w) = g\,w$ (gradiente constante $g$): a velocidade
    $|v_t| = \eta g\,(1 - \mu^t)/(1 - \mu)$ cresce até a velocidade terminal $\eta g/(1 - \mu)$.

    Devolve `{mu: velocidades}` (os $|v_t|$, calculados com `redes.otimizadores.Momentum`).
    """
    mus = como_array(mus, "mus", dims=1)
    taxa = real(taxa, "taxa", acima_de=0.0)
    inclinacao = real(inclinacao, "inclinacao", acima_de=0.0)
    passos = inteiro(passos, "passos")
    fig, ax = figura(largura=5.0, altura=3.0)
    cores = [CORES["vermelho"], CORES["laranja"], CORES["azul"], CORES["verde"], CORES["roxo"]]
    velocidades = {}
    for mu, cor in zip(mus, cores * 3):
        otim = corrida.otimizador("Momentum", taxa, float(mu))
        w, anterior, v = np.zeros(1), 0.0, [0.0]
        for _ in range(passos):
            otim.passo([w], [np.array([inclinacao])])
            v.append(abs(float(w[0]) - anterior))
            anterior = float(w[0])
        velocidades[float(mu)] = np.array(v)
        terminal = taxa * inclinacao / (1 - mu)
        ax.plot(np.arange(passos + 1), v, "o-", color=cor, ms=3, lw=1.3, label=f"μ = {mu:g}")
        ax.axhline(terminal, color=cor, ls=":", lw=1.0)
    ax.set_xlabel("passo t")
    ax.set_ylabel("tamanho do passo $|v_t|$")
    ax.set_title(f"rampa com gradiente {inclinacao:g}, η = {taxa:g}: limites ηg/(1 − μ) pontilhados", fontsize=9)
    ax.legend(fontsize=8)
    return velocidades
