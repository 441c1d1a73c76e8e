"""Figuras do capítulo 23 (gradientes que somem e que explodem). Funções puras: desenham e devolvem o que mostraram."""
from __future__ import annotations

import numpy as np

from .. import gradientes_por_camada as _gpc
from .. import profundidade as _prof
from .._lotes import inteiro
from .._validacao import como_array
from .estilo import CORES, figura

_PALETA = [CORES[c] for c in ("azul", "laranja", "verde", "vermelho", "roxo", "celeste", "cinza")]


def _v(x: float, casas: int = 3) -> str:
    return f"{x:.{casas}f}".replace(".", ",")


def _cientifico(x: float) -> str:
    return f"{x:.1e}".replace(".", ",")


# ------------------------------------------------------------------ paridade

def figura_portas_paridade(n: int = 8, maximo: int = 20) -> dict:
    """Portas da árvore de XORs ($n - 1$) e termos da forma normal disjuntiva ($2^{n-1}$), em escala log."""
    n, maximo = inteiro(n, "n"), inteiro(maximo, "maximo", minimo=2)
    ns = np.arange(2, max(n, maximo) + 1)
    arvore = np.array([_prof.portas_da_arvore(int(k)) for k in ns])
    fnd = np.array([_prof.termos_da_fnd(int(k)) for k in ns], dtype=float)
    fig, ax = figura(largura=5.6, altura=3.2)
    ax.semilogy(ns, arvore, "o-", color=CORES["azul"], ms=3, label="árvore de XORs: n − 1 portas")
    ax.semilogy(ns, fnd, "s-", color=CORES["laranja"], ms=3, label="circuito raso (FND): 2ⁿ⁻¹ termos")
    ax.axvline(n, color=CORES["cinza"], lw=0.8, ls="--")
    ax.set_xticks(ns[::2] if len(ns) > 12 else ns)
    ax.set_xlabel("número de bits n")
    ax.set_ylabel("portas (escala log)")
    ax.legend(fontsize=8, loc="upper left")
    r = {"n": n, "portas": _prof.portas_da_arvore(n), "niveis": _prof.profundidade_da_arvore(n),
         "termos": _prof.termos_da_fnd(n)}
    ax.set_title(f"n = {n}: {r['portas']} XORs em {r['niveis']} níveis contra {r['termos']} termos", fontsize=9)
    return r


def figura_arvore_paridade(bits) -> list:
    """Desenha a árvore de XORs sobre os bits (de baixo para cima); devolve os níveis."""
    niveis = _prof.niveis_da_arvore(bits)
    fig, ax = figura(largura=5.6, altura=0.9 + 0.7 * len(niveis))
    posicoes = [np.arange(len(niveis[0]), dtype=float)]
    for nivel in niveis[1:]:
        anterior = posicoes[-1]
        pares = [(anterior[i] + anterior[i + 1]) / 2 for i in range(0, len(anterior) - 1, 2)]
        posicoes.append(np.array(pares + ([anterior[-1]] if len(anterior) % 2 else [])))
    for y, (nivel, xs) in enumerate(zip(niveis, posicoes)):
        if y > 0:
            anterior = posicoes[y - 1]
            for k in range(len(nivel)):
                filhos = [2 * k, 2 * k + 1] if 2 * k + 1 < len(anterior) else [2 * k]
                for f in filhos:
                    ax.plot([anterior[f], xs[k]], [y - 1, y], color=CORES["cinza"], lw=1, zorder=0)
        for x, v in zip(xs, nivel):
            cor = CORES["laranja"] if v else CORES["azul"]
            ax.scatter([x], [y], s=330, color="white", edgecolor=cor, lw=1.6, zorder=2,
                       marker="s" if y == 0 else "o")
            ax.text(x, y, str(v), ha="center", va="center", fontsize=9, zorder=3)
    ax.set_yticks(range(len(niveis)))
    ax.set_yticklabels(["bits"] + [f"nível {k}" for k in range(1, len(niveis))], fontsize=8)
    ax.set_xticks([])
    ax.set_xlim(-0.7, len(niveis[0]) - 0.3)
    ax.set_ylim(-0.6, len(niveis) - 0.4)
    for lado in ("top", "right", "bottom"):
        ax.spines[lado].set_visible(False)
    ax.set_title(f"{len(niveis[0]) - 1} portas XOR em {len(niveis) - 1} níveis: paridade = {niveis[-1][0]}",
                 fontsize=9)
    return niveis


# ------------------------------------------------------------------ acurácia e velocidades

def figura_precisao_por_profundidade(nielsen, media, desvio) -> dict:
    """Precisão de validação (%) por número de camadas ocultas: Nielsen contra a média ± desvio das sementes."""
    nielsen, media, desvio = (como_array(v, nome, dims=1) for v, nome in
                              ((nielsen, "nielsen"), (media, "media"), (desvio, "desvio")))
    k = np.arange(1, len(media) + 1)
    fig, ax = figura(largura=4.6, altura=3.0)
    ax.plot(k[:len(nielsen)], nielsen, "s--", color=CORES["laranja"], label="Nielsen (1 rodada)")
    ax.errorbar(k, media, yerr=desvio, fmt="o-", color=CORES["azul"], capsize=4, label="nossa média ± desvio")
    ax.set_xticks(k)
    ax.set_xlabel("camadas ocultas de 30 neurônios")
    ax.set_ylabel("acurácia na validação (%)")
    ax.legend(fontsize=8)
    return {"media": media, "desvio": desvio, "nielsen": nielsen}


def figura_barras_neuronios(vieses_grad, neuronios: int = 6) -> np.ndarray:
    r"""Barras de $\partial C/\partial b$ dos primeiros `neuronios` de cada camada oculta (uma linha por camada)."""
    linhas = [como_array(g, f"camada {l + 1}", dims=1)[:inteiro(neuronios, "neuronios")]
              for l, g in enumerate(vieses_grad)]
    valores = np.array(linhas)
    fig, eixos = figura(len(linhas), largura=2.3 * len(linhas) + 0.6, altura=2.6)
    eixos = np.atleast_1d(eixos)
    limite = 1.1 * np.max(np.abs(valores))
    for l, (ax, v) in enumerate(zip(eixos, valores)):
        ax.bar(np.arange(1, len(v) + 1), v, color=_PALETA[l % len(_PALETA)])
        ax.axhline(0, color=CORES["cinza"], lw=0.6)
        ax.set_ylim(-limite, limite)
        ax.set_title(f"camada oculta {l + 1}: ‖δ‖ = {_v(np.linalg.norm(vieses_grad[l]))}", fontsize=8)
        ax.set_xlabel("neurônio")
    eixos[0].set_ylabel("∂C/∂b")
    return valores


def figura_velocidades(grupos: dict, titulo: str = "") -> dict:
    r"""Barras de $\lVert\delta^l\rVert$ por camada, em escala log; `grupos` é {rótulo: velocidades por camada}."""
    grupos = {k: como_array(v, str(k), dims=1) for k, v in grupos.items()}
    camadas = max(len(v) for v in grupos.values())
    largura = 0.8 / len(grupos)
    muitos = len(grupos) > 3
    fig, ax = figura(largura=9.0 if muitos else min(2.6 + 0.45 * camadas * len(grupos) ** 0.5, 8.4),
                     altura=3.4 if muitos else 3.0)
    for i, (rotulo, v) in enumerate(grupos.items()):
        x = np.arange(1, len(v) + 1) + (i - (len(grupos) - 1) / 2) * largura
        ax.bar(x, np.maximum(v, 1e-30), width=largura, color=_PALETA[i % len(_PALETA)], label=rotulo)
    ax.set_yscale("log")
    ax.set_xticks(np.arange(1, camadas + 1, 1 if camadas <= 12 else 2))
    ax.set_xlabel("camada oculta")
    ax.set_ylabel("‖δˡ‖ (escala log)")
    if muitos:
        ax.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.01, 1.0))
    elif len(grupos) > 1:
        ax.legend(fontsize=7)
    ax.set_title(titulo, fontsize=9)
    return grupos


def figura_velocidade_por_epoca(curvas: dict) -> dict:
    r"""$\lVert\delta^l\rVert$ ao longo do treino (eixo y log); `curvas` é {camadas ocultas: array (épocas+1, camadas)}."""
    curvas = {k: como_array(v, f"curvas[{k}]", dims=2) for k, v in curvas.items()}
    fig, eixos = figura(len(curvas), largura=2.9 * len(curvas), altura=2.8)
    eixos = np.atleast_1d(eixos)
    for ax, (rotulo, v) in zip(eixos, curvas.items()):
        for l in range(v.shape[1]):
            ax.semilogy(np.arange(v.shape[0]), v[:, l], color=_PALETA[l % len(_PALETA)], label=f"camada {l + 1}")
        ax.set_xlabel("época")
        ax.set_title(f"{rotulo} camadas ocultas", fontsize=9)
        ax.legend(fontsize=7)
    eixos[0].set_ylabel("‖δˡ‖ (escala log)")
    return curvas


def figura_velocidades_rede(X, Y, profundidade: int = 4, largura: int = 30, ativacao: str = "sigmoide",
                            inicializacao: str = "lecun", escala: float = 1.0, semente: int = 0) -> dict:
    """A função do widget: sorteia a rede, mede $\\lVert\\delta^l\\rVert$ na inicialização e desenha as barras."""
    v = _gpc.normas_por_camada(X, Y, profundidade, largura, ativacao, inicializacao, escala, semente)
    razao = v[0] / v[-1] if v[-1] > 0 else float("inf")
    figura_velocidades({"": v}, f"{ativacao} + {inicializacao} ×{_v(escala, 2)}: "
                                f"‖δ¹‖/‖δᴸ‖ = {_cientifico(razao)}")
    return {"velocidades": v, "razao": float(razao)}


# ------------------------------------------------------------------ a região em que o fator passa de 1

def figura_regiao(w: float = 6.9, b: float = 0.0) -> dict:
    r"""$|w\,\sigma'(wa + b)|$ contra $a$, com a região $\ge 1$ sombreada e a largura medida e pela fórmula."""
    a = np.linspace(-3, 3, 1201)
    f = _prof.fator(w, a, b)
    largura_formula = _prof.largura_da_regiao(w)
    largura_medida = _prof.largura_medida(w, b)
    fig, ax = figura(largura=5.6, altura=3.0)
    ax.plot(a, f, color=CORES["azul"], label="|w σ′(wa + b)|")
    ax.axhline(1, color=CORES["vermelho"], lw=0.8, ls="--", label="fator = 1")
    ax.fill_between(a, 0, f, where=f >= 1, color=CORES["laranja"], alpha=0.35, label="região ≥ 1")
    ax.set_xlabel("ativação de entrada a")
    ax.set_ylabel("fator da camada")
    ax.set_ylim(0, max(1.6, 1.1 * f.max()))
    ax.legend(fontsize=7, loc="upper left")
    ax.set_title(f"w = {_v(w, 2)}, b = {_v(b, 2)}: largura da região = {_v(largura_medida)} "
                 f"(fórmula: {_v(largura_formula)})", fontsize=9)
    return {"largura": largura_medida, "largura_formula": largura_formula, "maximo": float(f.max())}


def figura_largura(ws=None) -> dict:
    r"""A largura $\ell(|w|)$ da região, com o máximo (≈ 0,45 em |w| ≈ 6,9) marcado."""
    ws = np.linspace(0, 30, 3001) if ws is None else como_array(ws, "ws", dims=1)
    larguras = _prof.largura_da_regiao(ws)
    w_max, l_max = _prof.maximo_da_largura()
    fig, ax = figura(largura=4.8, altura=2.8)
    ax.plot(ws, larguras, color=CORES["azul"])
    ax.plot([w_max], [l_max], "o", color=CORES["vermelho"])
    ax.annotate(f"máximo {_v(l_max)} em |w| = {_v(w_max, 2)}", (w_max, l_max), xytext=(10, -16),
                textcoords="offset points", fontsize=8)
    ax.axvline(4, color=CORES["cinza"], lw=0.8, ls=":")
    ax.set_xlabel("|w|")
    ax.set_ylabel("largura em a")
    return {"w_max": w_max, "largura_max": l_max}


def figura_cadeia(w: float = 0.8, b: float = 0.0, a0: float = 0.5, camadas: int = 6,
                  explodir: bool = False) -> dict:
    r"""A cadeia de `camadas` neurônios com o mesmo $w$ (e o mesmo $b$, ou os vieses que zeram $z_j$).

    Barras de $|\partial C/\partial b_j|$ em escala log, com $C = \tfrac12 a_L^2$.
    """
    camadas = inteiro(camadas, "camadas")
    ws = np.full(camadas, float(w))
    bs = _prof.vieses_que_explodem(ws, a0) if explodir else np.full(camadas, float(b))
    grad = _prof.gradiente_cadeia(ws, bs, a0)
    fatores = _prof.fatores_da_cadeia(ws, bs, a0)
    fig, ax = figura(largura=5.6, altura=3.0)
    ax.bar(np.arange(1, camadas + 1), np.maximum(np.abs(grad), 1e-300), color=CORES["azul"])
    ax.set_yscale("log")
    ax.set_xticks(np.arange(1, camadas + 1, 1 if camadas <= 12 else 2))
    ax.set_xlabel("camada j")
    ax.set_ylabel("|∂C/∂b_j| (escala log)")
    razao = abs(grad[0] / grad[-1]) if grad[-1] != 0 else float("inf")
    ax.set_title(f"w = {_v(w, 2)}{', vieses que zeram z' if explodir else f', b = {_v(b, 2)}'}: "
                 f"|∂C/∂b₁| / |∂C/∂b_L| = {_cientifico(razao)}", fontsize=9)
    return {"gradiente": grad, "fatores": fatores, "razao": float(razao), "vieses": bs}
