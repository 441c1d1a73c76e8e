"""Figuras do capítulo 5: formas de arrays como grades de caixinhas, produtos, somas e lotes.

Cada array aparece como uma grade com uma caixinha por número: um vetor é uma
fileira, uma matriz é uma grade de linhas e colunas, um array de 3 eixos é uma
pilha de grades e um de 4 eixos, várias pilhas lado a lado. As funções desenham
num `Axes` (ou criam a figura) e devolvem o que calcularam, para ser conferido.
"""
from __future__ import annotations

import textwrap

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Rectangle

from .. import formas as _formas
from .._lotes import inteiro
from .._validacao import como_array
from .estilo import CORES, figura

_COR = {"A": CORES["azul"], "B": CORES["laranja"], "saida": CORES["verde"], "erro": CORES["vermelho"]}


def _grade(ax, x, y, linhas, colunas, cor, fantasma=None, rotulos=True, destaque=None, celula=1.0):
    """Uma grade `linhas × colunas` com o canto superior esquerdo em (x, y); devolve (largura, altura).

    `fantasma` é uma máscara booleana `(linhas, colunas)`: as caixinhas marcadas
    aparecem tracejadas e claras (cópias feitas pelo *broadcasting*).
    `destaque` = {"linhas": cor, "colunas": cor} pinta o número daquele eixo.
    """
    largura, altura = colunas * celula, linhas * celula
    finas = linhas <= 30 and colunas <= 30
    for i in range(linhas):
        for j in range(colunas):
            copia = fantasma is not None and fantasma[i, j]
            if not finas and not copia:
                continue
            ax.add_patch(Rectangle((x + j * celula, y - (i + 1) * celula), celula, celula,
                                   facecolor=cor, alpha=0.08 if copia else 0.35,
                                   edgecolor=cor, lw=0.6 if finas else 0, ls="--" if copia else "-"))
    if not finas:
        ax.add_patch(Rectangle((x, y - altura), largura, altura, facecolor=cor, alpha=0.35, edgecolor="none"))
    ax.add_patch(Rectangle((x, y - altura), largura, altura, fill=False, edgecolor=cor, lw=1.6))
    if rotulos:
        destaque = destaque or {}
        tamanho = 9 if celula >= 0.8 else 8
        if rotulos in (True, "colunas"):
            ax.text(x + largura / 2, y + 0.25 * celula, str(colunas), ha="center", va="bottom", fontsize=tamanho,
                    color=destaque.get("colunas", "black"), fontweight="bold" if "colunas" in destaque else None)
        if rotulos in (True, "linhas"):
            ax.text(x - 0.25 * celula, y - altura / 2, str(linhas), ha="right", va="center", fontsize=tamanho,
                    color=destaque.get("linhas", "black"), fontweight="bold" if "linhas" in destaque else None)
    return largura, altura


def tamanho_forma(forma, celula=1.0):
    """Largura e altura, em unidades de dados, do desenho de `desenhar_forma` (vetor como fileira)."""
    forma = _formas.validar_forma(forma)
    if len(forma) == 1:
        return forma[0] * celula, celula
    if len(forma) == 2:
        return forma[1] * celula, forma[0] * celula
    if len(forma) == 3:
        extra = (min(forma[0], 4) - 1) * 0.45 * celula
        return forma[2] * celula + extra, forma[1] * celula + extra
    w, h = tamanho_forma(forma[1:], celula)
    n = min(forma[0], 4)
    return n * w + (n - 1) * 1.2 * celula, h


def desenhar_forma(ax, forma, x=0.0, y=0.0, cor=None, celula=1.0, vetor="linha", destaque=None):
    """Desenha um array de 1 a 4 eixos com o canto superior esquerdo em (x, y); devolve (largura, altura).

    Um vetor `(n,)` vira uma fileira (`vetor="linha"`) ou uma coluna (`vetor="coluna"`);
    `(p, l, c)` vira uma pilha de `p` grades `l × c`, deslocadas na diagonal;
    `(a, p, l, c)`, `a` pilhas lado a lado. Pilhas grandes mostram só as 4 primeiras camadas.
    """
    forma = _formas.validar_forma(forma)
    cor = cor or _COR["A"]
    if not 1 <= len(forma) <= 4:
        raise ValueError(f"sei desenhar arrays de 1 a 4 eixos, recebi a forma {_formas.formatar(forma)}")
    if len(forma) == 1:                                # só o eixo que existe leva número
        if vetor == "linha":
            return _grade(ax, x, y, 1, forma[0], cor, celula=celula, destaque=destaque, rotulos="colunas")
        dest = {"linhas": destaque["colunas"]} if destaque and "colunas" in destaque else None
        return _grade(ax, x, y, forma[0], 1, cor, celula=celula, destaque=dest, rotulos="linhas")
    if len(forma) == 2:
        return _grade(ax, x, y, *forma, cor, celula=celula, destaque=destaque)
    if len(forma) == 3:
        p, l, c = forma
        passo = 0.45 * celula
        desenhadas = min(p, 4)
        for k in range(desenhadas - 1, -1, -1):          # as de trás primeiro
            qual = ("linhas" if k == 0 else "") + ("colunas" if k == desenhadas - 1 else "")
            qual = True if qual == "linhascolunas" else qual or False
            _grade(ax, x + k * passo, y + k * passo, l, c, cor, celula=celula, rotulos=qual, destaque=destaque)
        extra = (desenhadas - 1) * passo
        ax.text(x + c * celula + extra + 0.2 * celula, y + extra, f"×{p}", fontsize=9, color=cor, va="bottom")
        return c * celula + extra, l * celula + extra
    a = forma[0]
    largura_total = 0.0
    altura = 0.0
    for k in range(min(a, 4)):
        w, h = desenhar_forma(ax, forma[1:], x + largura_total, y, cor, celula)
        largura_total += w + 1.2 * celula
        altura = max(altura, h)
    if a > 4:
        ax.text(x + largura_total, y - altura / 2, "…", fontsize=14, va="center")
    return largura_total - 1.2 * celula, altura


def _quebrar(texto: str, largura: int = 92) -> str:
    return "\n".join(textwrap.wrap(texto, largura))


def _fantasmas(original: tuple, saida: tuple) -> np.ndarray:
    """Máscara (linhas, colunas) das caixinhas que o broadcasting copiou (só para até 2 eixos)."""
    l, c = (1, original[0]) if len(original) == 1 else original
    L, C = saida if len(saida) == 2 else (1, saida[0])
    mascara = np.ones((L, C), dtype=bool)
    mascara[:l, :c] = False
    return mascara


def figura_operacao(forma_a, forma_b, operacao: str = "@", ax=None):
    """Desenha `A @ B` ou `A + B` como grades e mostra a forma da saída ou por que a conta não existe.

    No produto, o número de colunas de A e o de linhas de B (as dimensões
    internas) ficam verdes quando coincidem e vermelhos quando não. Na soma,
    as caixinhas tracejadas são as cópias feitas pelo *broadcasting*. Sem `ax`,
    a explicação em português aparece embaixo do desenho. Devolve a
    `redes.formas.Explicacao`.
    """
    if operacao not in ("@", "+"):
        raise ValueError(f"esperava a operação '@' ou '+', recebi {operacao!r}")
    explicar = _formas.explicar_produto if operacao == "@" else _formas.explicar_soma
    exp = explicar(forma_a, forma_b)
    a, b = exp.forma_a, exp.forma_b
    for nome, forma in (("A", a), ("B", b)):
        if not 1 <= len(forma) <= 4:
            raise ValueError(f"sei desenhar arrays de 1 a 4 eixos, recebi {nome} com forma {_formas.formatar(forma)}")
    com_texto = ax is None
    if ax is None:
        fig, (ax, ax_texto) = plt.subplots(2, 1, figsize=(7.2, 3.6), gridspec_kw={"height_ratios": [3.2, 1]})
        ax_texto.set_axis_off()
        ax_texto.text(0.0, 1.0, _quebrar(exp.texto), ha="left", va="top", fontsize=9, transform=ax_texto.transAxes,
                      color=CORES["preto"] if exp.valida else _COR["erro"])
    ax.set_axis_off()
    ax.set_aspect("equal")
    dest_a = dest_b = None
    if operacao == "@" and len(a) <= 2 and len(b) <= 2:
        cor = _COR["saida"] if exp.valida else _COR["erro"]
        dest_a = {"colunas": cor}
        dest_b = {"linhas": cor} if len(b) == 2 else {"colunas": cor}
    pecas = []                                         # (nome, forma, desenho, largura, altura)
    fantasia = operacao == "+" and exp.valida and len(exp.forma) <= 2
    for nome, forma, dest in (("A", a, dest_a), ("B", b, dest_b)):
        if fantasia and len(forma) <= 2:
            alvo = exp.forma if len(exp.forma) == 2 else (1, exp.forma[0])
            pecas.append((nome, forma, ("fantasma", alvo), alvo[1], alvo[0]))
        elif operacao == "@" and nome == "B" and len(forma) == 1:
            pecas.append((nome, forma, ("coluna", dest), 1.0, float(forma[0])))
        else:
            pecas.append((nome, forma, ("linha", dest), *tamanho_forma(forma)))
    if exp.valida:
        w, h = tamanho_forma(exp.forma) if exp.forma else (1.0, 1.0)
        pecas.append(("saida", exp.forma, ("saida", None), w, h))
    else:
        pecas.append(("erro", None, ("erro", None), 2.0, 2.0))
    altura = max(p[4] for p in pecas)
    x = 0.0
    for i, (nome, forma, (modo, extra), w, h) in enumerate(pecas):
        topo = h / 2
        cor = _COR[nome]
        if modo == "fantasma":
            _grade(ax, x, topo, *extra, cor, fantasma=_fantasmas(forma, exp.forma), rotulos=False)
        elif modo in ("linha", "coluna"):
            desenhar_forma(ax, forma, x, topo, cor, vetor=modo, destaque=extra)
        elif modo == "saida" and forma:
            desenhar_forma(ax, forma, x, topo, cor)
        elif modo == "saida":                          # produto escalar: um número só
            _grade(ax, x, topo, 1, 1, cor, rotulos=False)
        else:
            ax.text(x + 1.0, 0.0, "✘", ha="center", va="center", fontsize=26, color=cor)
        if nome in ("A", "B"):
            rotulo = f"{nome} {_formas.formatar(forma)}"
        elif nome == "saida":
            rotulo = f"saída {_formas.formatar(forma)}" + ("\num número" if not forma else "")
        else:
            rotulo = ""
        ax.text(x + w / 2, -h / 2 - 0.5, rotulo, ha="center", va="top", fontsize=9, color=cor)
        x += w
        if i < 2:
            ax.text(x + 0.9, 0.0, operacao if i == 0 else "=", ha="center", va="center", fontsize=16)
            x += 2.6
    ax.set_xlim(-1.2, max(x + 0.5, 12.0))
    ax.set_ylim(-altura / 2 - 2.2, altura / 2 + 1.6)
    ax.set_title(exp.resumo, color=CORES["preto"] if exp.valida else _COR["erro"], fontsize=10)
    if com_texto:
        ax.figure.set_layout_engine("constrained")
    return exp


def explorar_formas(operacao: str, linhas_a: int, colunas_a: int, linhas_b: int, colunas_b: int):
    """Versão do `figura_operacao` para controles deslizantes: `linhas = 0` quer dizer um vetor 1-D.

    A tem forma `(linhas_a, colunas_a)`, ou `(colunas_a,)` se `linhas_a == 0`; o mesmo para B.
    Devolve a `Explicacao`.
    """
    forma_a = (colunas_a,) if linhas_a == 0 else (linhas_a, colunas_a)
    forma_b = (colunas_b,) if linhas_b == 0 else (linhas_b, colunas_b)
    return figura_operacao(forma_a, forma_b, operacao)


def figura_tensores(formas=((3,), (2, 4), (2, 2, 2), (2, 3, 4, 5)), rotulos=None):
    """Um painel por array, do vetor ao array de 4 eixos, com a forma e o número de eixos no título.

    Devolve a figura; os painéis estão em `fig.axes`, na ordem de `formas`.
    """
    formas = [_formas.validar_forma(f) for f in formas]
    if not 1 <= len(formas) <= 5:
        raise ValueError(f"esperava de 1 a 5 formas, recebi {len(formas)}")
    rotulos = list(rotulos) if rotulos is not None else [None] * len(formas)
    if len(rotulos) != len(formas):
        raise ValueError(f"esperava {len(formas)} rótulos, um por forma, recebi {len(rotulos)}")
    larguras = []
    for f in formas:
        c = f[-1] + (0.45 * (min(f[-3], 4) - 1) if len(f) >= 3 else 0)
        larguras.append(c * (min(f[0], 4) if len(f) == 4 else 1) + 3)
    fig, eixos = plt.subplots(1, len(formas), figsize=(9.0, 2.9), squeeze=False,
                              gridspec_kw={"width_ratios": larguras})
    cores = [CORES["azul"], CORES["laranja"], CORES["verde"], CORES["roxo"], CORES["vermelho"]]
    for ax, f, rotulo, cor in zip(eixos[0], formas, rotulos, cores):
        w, h = desenhar_forma(ax, f, 0.0, 0.0, cor, celula=1.0)
        ax.set_xlim(-1.0, max(w + 1.0, 4.0))
        ax.set_ylim(-max(h, 3.0) - 0.5, 2.5)
        ax.set_aspect("equal")
        ax.set_axis_off()
        eixos_txt = f"{len(f)} eixo{'s' if len(f) != 1 else ''}"
        ax.set_title(f"{_formas.formatar(f)}: {eixos_txt}" + (f"\n{rotulo}" if rotulo else ""), fontsize=9)
    return fig


def figura_lote(m: int, X=None, W=None, b=None, ax=None):
    r"""Uma camada densa sobre um lote de `m` exemplos: $Z = XW + \mathbf b$, com as matrizes coloridas.

    Usa as `m` primeiras linhas de `X` (forma `(M, n)`, M ≥ m); `W` tem forma
    `(n, k)` e `b`, `(k,)`. Sem `X`, `W` e `b`, sorteia (semente 0) um lote de 64
    exemplos com 4 entradas e uma camada 4 → 5. Cores: azul negativo,
    vermelho positivo, na escala do lote inteiro (uma linha não muda de cor
    quando `m` muda). Com até 4 exemplos os números aparecem nas caixinhas.
    Devolve `Z`, de forma `(m, k)`.
    """
    m = inteiro(m, "m")
    rng = np.random.default_rng(0)
    X = np.round(rng.normal(size=(64, 4)), 1) if X is None else como_array(X, "X", dims=2)
    W = np.round(rng.normal(scale=0.5, size=(X.shape[1], 5)), 2) if W is None else como_array(W, "W", dims=2)
    b = np.round(rng.normal(scale=0.5, size=W.shape[1]), 2) if b is None else como_array(b, "b", dims=1)
    if m > X.shape[0]:
        raise ValueError(f"o lote tem só {X.shape[0]} exemplos, recebi m = {m}")
    if W.shape[0] != X.shape[1]:
        raise ValueError(f"esperava W com forma ({X.shape[1]}, k) para X com {X.shape[1]} colunas, recebi {W.shape}")
    if b.shape != (W.shape[1],):
        raise ValueError(f"esperava b com forma ({W.shape[1]},), recebi {b.shape}")
    Xm = X[:m]
    Z_todos = X @ W + b
    Z = Z_todos[:m]
    # a escala de cores vem do lote inteiro: uma linha não muda de cor quando m muda
    escalas = {"X": np.max(np.abs(X)), "W": np.max(np.abs(W)), "b": np.max(np.abs(b)), "Z": np.max(np.abs(Z_todos))}
    n, k = W.shape
    if ax is None:
        _, ax = figura(largura=7.2, altura=3.6)
    numeros = m <= 4
    blocos = [("X", Xm, f"X ({m}, {n})"), ("@", None, None), ("W", W, f"W ({n}, {k})"), ("+", None, None),
              ("b", b[None, :], f"b ({k},)"), ("=", None, None), ("Z", Z, f"Z ({m}, {k})")]
    x = 0.0
    altura = max(m, n)
    for nome, matriz, rotulo in blocos:
        if matriz is None:
            ax.text(x + 0.6, -min(altura, 4) / 2, nome, ha="center", va="center", fontsize=15)
            x += 1.2
            continue
        linhas, colunas = matriz.shape
        escala = max(float(escalas[nome]), 1e-12)
        ax.imshow(matriz, cmap="RdBu_r", vmin=-escala, vmax=escala, extent=(x, x + colunas, -linhas, 0),
                  aspect="auto", interpolation="nearest")
        ax.add_patch(Rectangle((x, -linhas), colunas, linhas, fill=False, edgecolor=CORES["preto"], lw=1.0))
        if numeros:
            for i in range(linhas):
                for j in range(colunas):
                    v = float(matriz[i, j])
                    texto = "0" if abs(v) < 0.005 else f"{v:.2g}".replace("-", "−")
                    ax.text(x + j + 0.5, -i - 0.5, texto, ha="center", va="center", fontsize=6.5,
                            color="white" if abs(v) > 0.6 * escala else "black")
        cor = _COR["saida"] if nome == "Z" else CORES["preto"]
        ax.annotate(rotulo, (x + colunas / 2, 0), xytext=(0, 4), textcoords="offset points", ha="center",
                    va="bottom", fontsize=9, color=cor)
        x += colunas + 0.4
    ax.set_xlim(-0.3, x)
    ax.set_ylim(-altura - 0.02 * altura, 0.14 * altura)
    ax.set_axis_off()
    ax.set_title(f"m = {m}: X ({m}, {n}) @ W ({n}, {k}) + b ({k},) → Z {Z.shape}; "
                 f"{m * n * k} multiplicações", fontsize=10)
    return Z
