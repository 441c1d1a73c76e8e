r"""Desenhos de grafos computacionais (`redes.autodiff.Valor`), só com matplotlib.

Cada nó aparece numa caixa com o rótulo e o valor (`c = 3`), a operação em
cinza acima da caixa e, embaixo, em vermelho, a derivada da saída em relação a
ele ($\partial e/\partial c$, o `grad` depois de `backward()`). Cada aresta leva, em
azul, a sua derivada local. As colunas seguem a profundidade: entradas à
esquerda, saída à direita.
"""
from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np

from .. import autodiff
from .._validacao import como_escalar
from .estilo import CORES, figura


def numero_curto(x: float) -> str:
    """Número curto para figuras (até 3 algarismos significativos), com o sinal de menos tipográfico."""
    x = float(x)
    if abs(x) < 5e-13:
        return "0"
    if abs(x - round(x)) < 1e-9 and abs(x) < 1e6:
        texto = str(int(round(x)))
    elif 1e-3 <= abs(x) < 1e4:
        texto = f"{x:.3g}"
    else:
        texto = f"{x:.2e}"
    return texto.replace("-", "−")


def _milhar(k: int) -> str:
    """Inteiro com o ponto separando os milhares, como se escreve em português: 23.860."""
    return f"{k:,}".replace(",", ".")


def _e_constante(no) -> bool:
    return not no.entradas and not no.rotulo


def _camadas(ordem, esconder):
    """Coluna de cada nó: operações na profundidade; folhas logo antes do primeiro nó que as usa."""
    coluna = {}
    for no in ordem:
        if no.entradas:
            coluna[no] = 1 + max(coluna.get(e, 0) for e in no.entradas)
        else:
            coluna[no] = 0
    usuarios = {}
    for no in ordem:
        for e in no.entradas:
            usuarios.setdefault(e, []).append(no)
    for no in ordem:
        if not no.entradas and no in usuarios:
            coluna[no] = min(coluna[u] for u in usuarios[no]) - 1
    visiveis = [no for no in ordem if not (esconder and _e_constante(no) and no in usuarios)]
    return coluna, visiveis, usuarios


def _posicoes(ordem, coluna, visiveis, usuarios, espaco):
    """Altura de cada nó na sua coluna: ordem da busca, depois duas rodadas de baricentro."""
    colunas = {}
    for no in visiveis:
        colunas.setdefault(coluna[no], []).append(no)
    y = {}

    def distribuir(col):
        n = len(colunas[col])
        for i, no in enumerate(colunas[col]):
            y[no] = ((n - 1) / 2 - i) * espaco

    for col in colunas:
        distribuir(col)
    for _ in range(2):
        for col in sorted(colunas):
            vizinhos = {no: [y[e] for e in no.entradas if e in y] or [y[u] for u in usuarios.get(no, []) if u in y]
                        for no in colunas[col]}
            colunas[col].sort(key=lambda no: -np.mean(vizinhos[no]) if vizinhos[no] else 0.0)
            distribuir(col)
    return {no: (float(coluna[no]), y[no]) for no in visiveis}


def _texto_operacao(no, esconder) -> str:
    constantes = [numero_curto(e.dados) for e in no.entradas if esconder and _e_constante(e)]
    op = no.operacao
    if constantes and len(no.entradas) == 2:
        return f"{op} {constantes[0]}" if _e_constante(no.entradas[1]) else f"{constantes[0]} {op}"
    return op


def desenhar_grafo(saida, ax=None, derivadas="grad", formato: str | None = None, esconder_constantes: bool = True,
                   titulo: str | None = None, espaco: float = 1.0, locais: bool = True) -> dict:
    r"""Desenha o grafo computacional de `saida` (um `Valor`): valores, derivadas locais e derivadas dos nós.

    `derivadas` escolhe o número escrito sob cada nó: `"grad"` (o `grad` de cada
    nó, $\partial s/\partial u$, depois de `saida.backward()`), um dicionário
    `{nó: número}` (por exemplo, o de `autodiff.derivadas_modo_direto`) ou `None`.
    `formato` é o texto antes do número, com `{no}` no lugar do rótulo do nó
    (padrão: `"∂e/∂{no}"` para uma saída de rótulo `e`). Constantes sem rótulo
    somem e aparecem junto da operação (`+ 1`). Com `locais=False` as arestas
    ficam sem a derivada local. Devolve `{nó: (x, y)}`.
    """
    if not isinstance(saida, autodiff.Valor):
        raise TypeError(f"esperava um Valor em `saida`, recebi {type(saida).__name__}")
    if not (derivadas is None or derivadas == "grad" or isinstance(derivadas, dict)):
        raise ValueError("`derivadas` deve ser \"grad\", um dicionário {nó: número} ou None")
    ordem = autodiff.ordem_topologica(saida)
    coluna, visiveis, usuarios = _camadas(ordem, esconder_constantes)
    pos = _posicoes(ordem, coluna, visiveis, usuarios, espaco)
    largura_cols = max(x for x, _ in pos.values()) + 1
    if ax is None:
        _, ax = figura(largura=min(1.7 * largura_cols + 1.0, 9.0), altura=3.2)
    if formato is None:
        formato = f"∂{saida.rotulo or 's'}/∂{{no}}" if derivadas == "grad" else "{no}"
    caixas = {}
    for no, (x, y) in pos.items():
        rotulo = f"{no.rotulo} = {numero_curto(no.dados)}" if no.rotulo else numero_curto(no.dados)
        folha = not no.entradas
        caixas[no] = ax.text(x, y, rotulo, ha="center", va="center", fontsize=9, zorder=4,
                             bbox=dict(boxstyle="round,pad=0.35", fc="#EAF3FA" if folha else "white",
                                       ec=CORES["azul"] if folha else CORES["preto"], lw=1.2))
        if no.entradas:
            ax.annotate(_texto_operacao(no, esconder_constantes), (x, y), xytext=(0, 10), textcoords="offset points",
                        ha="center", va="bottom", fontsize=8, color=CORES["cinza"], zorder=4)
        valor = no.grad if derivadas == "grad" else None if derivadas is None else derivadas.get(no)
        if valor is not None:
            nome = f"{formato.format(no=no.rotulo)} = " if no.rotulo else ""
            ax.annotate(f"{nome}{numero_curto(valor)}", (x, y), xytext=(0, -11), textcoords="offset points",
                        ha="center", va="top", fontsize=8, color=CORES["vermelho"], zorder=4)
    vistos: dict[tuple, int] = {}
    for u, v, local in autodiff.arestas(saida):
        if u not in pos or v not in pos:
            continue
        repeticao = vistos.get((u, v), 0)
        vistos[(u, v)] = repeticao + 1
        curva = 0.25 * repeticao * (-1) ** repeticao
        ax.annotate("", xy=(0, 0.5), xycoords=caixas[v], xytext=(1, 0.5), textcoords=caixas[u],
                    arrowprops=dict(arrowstyle="-|>", color=CORES["cinza"], lw=1.1, shrinkA=4, shrinkB=4,
                                    connectionstyle=f"arc3,rad={curva}"), zorder=2)
        if not locais:
            continue
        (x0, y0), (x1, y1) = pos[u], pos[v]
        t = 0.55
        ax.text(x0 + t * (x1 - x0), y0 + t * (y1 - y0) + 0.12 * curva * espaco, numero_curto(local),
                ha="center", va="center", fontsize=8, color=CORES["azul"], zorder=3,
                bbox=dict(boxstyle="round,pad=0.12", fc="white", ec="none", alpha=0.9))
    ys = [y for _, y in pos.values()]
    ax.set_xlim(-0.55, largura_cols - 0.45)
    ax.set_ylim(min(ys) - 0.5 * espaco, max(ys) + 0.5 * espaco)
    ax.set_axis_off()
    if titulo:
        ax.set_title(titulo, fontsize=10)
    return pos


def grafo_exemplo(a: float = 2.0, b: float = 1.0):
    """O grafo de Olah, $c = a + b$, $d = b + 1$, $e = c\\cdot d$, já com `backward()`; devolve `(a, b, c, d, e)`."""
    a = autodiff.Valor(como_escalar(a, "a"), "a")
    b = autodiff.Valor(como_escalar(b, "b"), "b")
    c = a + b
    c.rotulo = "c"
    d = b + 1
    d.rotulo = "d"
    e = c * d
    e.rotulo = "e"
    e.backward()
    return a, b, c, d, e


def _e_de(a: float, b: float) -> float:
    return (a + b) * (b + 1)


def figura_regra_da_cadeia(a: float, b: float, h: float = 1e-5) -> dict:
    r"""Painel do capítulo 10: o grafo $e = (a + b)(b + 1)$ avaliado em `(a, b)` e as derivadas conferidas.

    À esquerda, o grafo (valores, derivadas locais, $\partial e/\partial\,\cdot$); à
    direita, $\partial e/\partial a$ e $\partial e/\partial b$ pela soma sobre caminhos,
    pelo `backward()` e por diferenças centradas com passo `h`. Devolve um
    dicionário com `c`, `d`, `e`, `de_da`, `de_db` (do `backward`) e
    `de_da_numerica`, `de_db_numerica`.
    """
    va, vb, vc, vd, ve = grafo_exemplo(a, b)
    a, b = va.dados, vb.dados
    numerica_a = (_e_de(a + h, b) - _e_de(a - h, b)) / (2 * h)
    numerica_b = (_e_de(a, b + h) - _e_de(a, b - h)) / (2 * h)
    fig, (esq, dir_) = plt.subplots(1, 2, figsize=(8.4, 3.0), gridspec_kw={"width_ratios": [1.9, 1]})
    desenhar_grafo(ve, ax=esq)
    dir_.set_axis_off()
    c_txt, d_txt = (numero_curto(v) if v >= 0 else f"({numero_curto(v)})" for v in (vc.dados, vd.dados))
    linhas = [
        ("∂e/∂a", f"1·d = 1·{d_txt}", va.grad, numerica_a),
        ("∂e/∂b", f"1·d + 1·c\n      = 1·{d_txt} + 1·{c_txt}", vb.grad, numerica_b),
    ]
    texto = []
    for nome, caminhos, grad, numerica in linhas:
        confere = "✔" if abs(grad - numerica) < 1e-6 else "✘"
        texto.append(f"{nome} = {caminhos}\n  backward:     {numero_curto(grad)}\n"
                     f"  dif. finitas: {numerica:.6f} {confere}")
    dir_.text(0.0, 0.92, "\n\n".join(texto), va="top", ha="left", family="monospace", fontsize=9,
              transform=dir_.transAxes)
    dir_.text(0.0, 0.08, "azul: derivada local de cada aresta\nvermelho: ∂e/∂ de cada nó (backward)", va="bottom",
              ha="left", fontsize=8, color=CORES["cinza"], transform=dir_.transAxes)
    esq.set_title(f"a = {numero_curto(a)}, b = {numero_curto(b)}: e = (a + b)(b + 1) = {numero_curto(ve.dados)}",
                  fontsize=10)
    return {"c": vc.dados, "d": vd.dados, "e": ve.dados, "de_da": va.grad, "de_db": vb.grad,
            "de_da_numerica": numerica_a, "de_db_numerica": numerica_b}


def figura_custo_dos_modos(n_entradas: float, n_saidas: float = 1, ax=None) -> dict:
    r"""Quantas passadas cada modo precisa para todas as derivadas de $f:\mathbb{R}^N \to \mathbb{R}^M$.

    O modo direto dá, por passada, as derivadas de tudo em relação a **uma**
    entrada: $N$ passadas. O modo reverso dá, por passada, as derivadas de **uma**
    saída em relação a tudo: $M$ passadas. Os números são arredondados para
    inteiros. Devolve `{"direto": N, "reverso": M, "vantagem_reverso": N / M}`.
    """
    n = como_escalar(n_entradas, "n_entradas")
    m = como_escalar(n_saidas, "n_saidas")
    if n < 1 or m < 1:
        raise ValueError(f"esperava pelo menos 1 entrada e 1 saída, recebi {n:g} e {m:g}")
    n, m = int(round(n)), int(round(m))
    if ax is None:
        _, ax = figura(largura=6.0, altura=2.4)
    barras = ax.barh([1, 0], [n, m], color=[CORES["laranja"], CORES["azul"]], height=0.55)
    ax.set_yticks([1, 0], ["modo direto", "modo reverso"])
    ax.set_xscale("log")
    ax.set_xlim(0.5, max(n, m) * 30)
    for barra, valor in zip(barras, [n, m]):
        ax.text(barra.get_width() * 1.3, barra.get_y() + barra.get_height() / 2, _milhar(valor),
                va="center", fontsize=9)
    ax.set_xlabel("passadas pelo grafo (escala log)")
    vencedor = "modo reverso" if n > m else "modo direto" if m > n else "empate"
    razao = f", {_milhar(round(max(n, m) / min(n, m)))}× menos passadas" if n != m else ""
    ax.set_title(f"N = {_milhar(n)} entrada{'s' if n != 1 else ''}, M = {_milhar(m)} saída{'s' if m != 1 else ''}: "
                 f"{vencedor}{razao}", fontsize=10)
    ax.grid(axis="y", visible=False)
    return {"direto": n, "reverso": m, "vantagem_reverso": n / m}


def figura_modos(a: float = 2.0, b: float = 1.0):
    r"""Os dois modos lado a lado no grafo de exemplo.

    À esquerda, o modo direto a partir de $b$ ($\partial/\partial b$ de cada nó); à
    direita, o modo reverso a partir de $e$ ($\partial e/\partial$ de cada nó).

    Devolve `(derivadas_diretas, gradientes)`: dois dicionários rótulo → número.
    """
    va, vb, vc, vd, ve = grafo_exemplo(a, b)
    diretas = autodiff.derivadas_modo_direto(ve, vb)
    fig, (esq, dir_) = figura(colunas=2, largura=9.0, altura=2.7)
    desenhar_grafo(ve, ax=esq, derivadas=diretas, formato="∂{no}/∂b",
                   titulo="modo direto a partir de b: uma passada, ∂/∂b de cada nó")
    desenhar_grafo(ve, ax=dir_, titulo="modo reverso a partir de e: uma passada, ∂e/∂ de cada nó")
    nos = (va, vb, vc, vd, ve)
    return ({no.rotulo: diretas[no] for no in nos}, {no.rotulo: no.grad for no in nos})
