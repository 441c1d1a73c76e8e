"""Verificações dos exercícios do capítulo 22 (aproximação universal).

Entradas pequenas e fixas; a mais lenta, a da rede de calombos, avalia redes de até 100 neurônios
numa grade de 2001 pontos (milésimos de segundo).
"""
from __future__ import annotations

import numpy as np

from .. import universal as uni
from .. import universal_extras as ext
from ._nucleo import NAO_IMPLEMENTADO, Resultado, caso_falhou, chamar, relatar, resumir, sem_funcao
from ._nucleo import verificar_funcao

GRADE = np.linspace(0, 1, 2001)


def posicao_degrau(funcao) -> Resultado:
    """Exercício: `funcao(w, b)` devolve a posição do degrau de σ(wx + b), s = −b/w."""
    casos = [(999.0, -399.6), (10.0, -5.0), (1000.0, 0.0), (-50.0, 20.0), (2.0, 3.0), (0.5, -0.1)]
    return verificar_funcao(
        "posicao_degrau", funcao, lambda w, b: -b / w, [(f"w = {w}, b = {b}", (w, b)) for w, b in casos],
        rtol=1e-9, atol=1e-12,
        dica="o degrau fica onde o potencial zera: w·s + b = 0, então s = −b/w (repare no sinal).")


def vies_para_degrau(funcao) -> Resultado:
    """Exercício: `funcao(s, w)` devolve o viés que põe o degrau em s: b = −w·s."""
    casos = [(0.4, 999.0), (0.0, 1000.0), (1.0, 10.0), (0.25, -40.0), (0.7, 3.0)]
    return verificar_funcao(
        "vies_para_degrau", funcao, lambda s, w: -w * s, [(f"s = {s}, w = {w}", (s, w)) for s, w in casos],
        rtol=1e-9, atol=1e-12,
        dica="isole b em s = −b/w: b = −w·s. Para s = 0,4 e w = 999, b ≈ −399,6.")


def calombo(funcao) -> Resultado:
    """Exercício: `funcao(x, s1, s2, h, w=1000)` devolve h·[σ(w(x − s1)) − σ(w(x − s2))]."""
    x = np.linspace(0, 1, 41)
    casos = [
        ("x = linspace(0, 1, 41), s1 = 0.2, s2 = 0.6, h = 0.5 (w padrão = 1000)", (x, 0.2, 0.6, 0.5)),
        ("x = linspace(0, 1, 41), s1 = 0.3, s2 = 0.4, h = -0.8, w = 50", (x, 0.3, 0.4, -0.8, 50.0)),
        ("x = [0.1, 0.5, 0.9], s1 = 0.0, s2 = 1.0, h = 2.0, w = 10", (np.array([0.1, 0.5, 0.9]), 0.0, 1.0, 2.0, 10.0)),
        ("x = [-2, 0.5, 3] (longe dos degraus, sem transbordar), s1 = 0.4, s2 = 0.6, h = 1.0",
         (np.array([-2.0, 0.5, 3.0]), 0.4, 0.6, 1.0)),
    ]
    return verificar_funcao(
        "calombo", funcao, lambda x, s1, s2, h, w=1000.0: uni.calombo(x, s1, s2, h, w), casos, rtol=1e-6, atol=1e-9,
        dica="dois neurônios: a1 = σ(w·(x − s1)) e a2 = σ(w·(x − s2)); a saída é h·a1 − h·a2. Use uma sigmoide "
             "que não transborde (por exemplo redes.ativacoes.sigmoide) e não esqueça o w padrão 1000.")


_CASOS_REDE = [
    ("f = alvo de Nielsen, N = 50", uni.alvo_nielsen, 50),
    ("f = alvo de Nielsen, N = 10", uni.alvo_nielsen, 10),
    ("f(x) = 0.5 + 0.4·sin(2πx), N = 20", lambda x: 0.5 + 0.4 * np.sin(2 * np.pi * np.asarray(x)), 20),
    ("f(x) = x², N = 7", lambda x: np.asarray(x) ** 2, 7),
]


def _problema_da_rede(obtido, f, N) -> tuple[str | None, float]:
    if obtido is None:
        return "sua função devolveu None: faltou o `return`?", np.nan
    try:
        w, b, v = (np.asarray(a, dtype=float) for a in obtido)
    except (TypeError, ValueError):
        return f"esperava uma tupla (w, b, v) de arrays, recebi {resumir(obtido, 60)}", np.nan
    for nome, a in (("w", w), ("b", b), ("v", v)):
        if a.shape != (2 * N,):
            return f"esperava {nome} com forma ({2 * N},) (2N neurônios ocultos), recebi {a.shape}", np.nan
        if not np.all(np.isfinite(a)):
            return f"{nome} tem NaN ou infinito", np.nan
    erro = uni.erro_medio(uni.funcao_da_rede(w, b, v), f, GRADE)
    referencia = uni.erro_medio(uni.funcao_da_rede(*uni.rede_de_calombos(f, N)), f, GRADE)
    if erro > 1.25 * referencia + 5e-4:
        return (f"o erro médio |g − f| na grade de 2001 pontos deu {erro:.4f}; a construção de referência "
                f"(alturas no meio de cada intervalo) dá {referencia:.4f}"), erro
    return None, erro


def rede_de_calombos(funcao) -> Resultado:
    """Exercício: `funcao(f, N)` devolve (w, b, v) de 2N neurônios sigmoides que aproxima f em [0, 1]."""
    nome = "rede_de_calombos"
    inicio = sem_funcao(nome, funcao)
    if inicio is not None:
        return inicio
    dica = ("com s = np.linspace(0, 1, N + 1) e os meios m_i = (s_i + s_{i+1})/2, o calombo i usa um neurônio com "
            "degrau em s_i (peso de saída +f(m_i)) e outro em s_{i+1} (peso de saída −f(m_i)); todos com peso de "
            "entrada w = 1000 e viés b = −w·s.")
    erros = []
    for i, (descricao, f, N) in enumerate(_CASOS_REDE, start=1):
        obtido, problema = chamar(funcao, (f, N))
        if problema == NAO_IMPLEMENTADO:
            return relatar(nome, False, [f"… {nome}: {problema}"])
        if problema is None:
            try:
                problema, erro = _problema_da_rede(obtido, f, N)
            except Exception as e:  # noqa: BLE001 — a resposta pode ser qualquer coisa
                problema, erro = f"não consegui avaliar a sua rede: {type(e).__name__}: {e}", np.nan
            erros.append(erro)
        if problema is None and i == 1 and not erros[0] < 0.01:
            problema = f"com N = 50 o erro médio precisa ficar abaixo de 0,01; deu {erros[0]:.4f}"
        if problema is not None:
            return caso_falhou(nome, i, len(_CASOS_REDE), descricao, problema, dica)
    return relatar(nome, True, [f"✔ {nome}: {len(_CASOS_REDE)} de {len(_CASOS_REDE)} redes corretas; com N = 50 o "
                                f"erro médio deu {erros[0]:.4f} (< 0,01). Muito bem!"])


def chapeu_relu(funcao) -> Resultado:
    """Exercício: `funcao(x, a, c, b)` devolve o chapéu de três ReLUs (0 fora de [a, b], 1 em c)."""
    x = np.linspace(-0.5, 1.5, 81)
    casos = [(0.2, 0.5, 0.8), (0.0, 0.1, 1.0), (0.3, 0.9, 1.0), (-0.4, 0.0, 0.4)]
    return verificar_funcao(
        "chapeu_relu", funcao, ext.chapeu_relu,
        [(f"x = linspace(-0.5, 1.5, 81), a = {a}, c = {c}, b = {b}", (x, a, c, b)) for a, c, b in casos],
        rtol=1e-6, atol=1e-9,
        dica="some relu(x − a)/(c − a), tire (1/(c − a) + 1/(b − c))·relu(x − c) e some relu(x − b)/(b − c): "
             "a inclinação sobe até c, desce até b e volta a zero depois de b.")
