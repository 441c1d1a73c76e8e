"""Verificações dos exercícios do capítulo 17 (inicialização de pesos).

Entradas pequenas, fixas ou sorteadas com semente; a mais lenta, a de
`inicializar_pesos`, sorteia uns poucos milhões de números (décimos de segundo).
"""
from __future__ import annotations

import numpy as np

from ._nucleo import NAO_IMPLEMENTADO, Resultado, chamar, relatar, resumir, verificar_funcao
from ._nucleo import sem_funcao, caso_falhou

_ESQUEMAS = ("grande", "lecun", "glorot", "he")


def _var_w(esquema, n_entrada, n_saida):
    return {"grande": 1.0, "lecun": 1.0 / n_entrada, "glorot": 2.0 / (n_entrada + n_saida),
            "he": 2.0 / n_entrada}[esquema]


def _var_b(esquema):
    return 1.0 if esquema in ("grande", "lecun") else 0.0


# ---------------------------------------------------------------- o desvio de z

def _desvio_de_z(n_entrada, fracao, esquema):
    return float(np.sqrt(round(fracao * n_entrada) * _var_w(esquema, n_entrada, 1) + _var_b(esquema)))


def desvio_de_z(funcao) -> Resultado:
    """Exercício: `funcao(n_entrada, fracao, esquema)` devolve o desvio padrão de z (22,38 e 1,2247 no exemplo)."""
    casos = [(1000, 0.5, "grande"), (1000, 0.5, "lecun"), (1000, 0.5, "he"), (784, 0.2, "grande"),
             (784, 0.2, "lecun"), (100, 1.0, "grande"), (100, 0.0, "lecun"), (500, 0.1, "he"), (30, 0.5, "lecun")]
    return verificar_funcao(
        "desvio_de_z", funcao, _desvio_de_z,
        [(f"n_entrada = {n}, fracao = {f}, esquema = {e!r}", (n, f, e)) for n, f, e in casos], rtol=1e-3, atol=1e-9,
        dica="z soma k = fracao·n_entrada pesos (as entradas iguais a 1) e o viés; as variâncias se somam: "
             "Var z = k·Var w + Var b. Var w é 1 ('grande'), 1/n_entrada ('lecun') ou 2/n_entrada ('he'); "
             "Var b é 1 em 'grande' e 'lecun' e 0 em 'he'. Devolva a raiz (o desvio), não a variância.")


# ---------------------------------------------------------------- inicializar uma rede

def _descricao_camada(l, n_ent, n_sai):
    return f"camada {l + 1} ({n_ent} → {n_sai})"


def _problema_das_camadas(obtido, tamanhos, esquema) -> str | None:
    if obtido is None:
        return "sua função devolveu None: faltou o `return`?"
    try:
        camadas = [(np.asarray(W, dtype=float), np.asarray(b, dtype=float)) for W, b in obtido]
    except (TypeError, ValueError):
        return f"esperava uma lista de pares (W, b), recebi {resumir(obtido, 60)}"
    if len(camadas) != len(tamanhos) - 1:
        return f"esperava {len(tamanhos) - 1} pares (W, b) para tamanhos {tamanhos}, recebi {len(camadas)}"
    for l, ((W, b), n_ent, n_sai) in enumerate(zip(camadas, tamanhos[:-1], tamanhos[1:])):
        onde = _descricao_camada(l, n_ent, n_sai)
        if W.shape != (n_ent, n_sai):
            return f"{onde}: esperava W com forma ({n_ent}, {n_sai}) (entradas nas linhas), recebi {W.shape}"
        if b.shape != (n_sai,):
            return f"{onde}: esperava b com forma ({n_sai},), recebi {b.shape}"
        if not (np.all(np.isfinite(W)) and np.all(np.isfinite(b))):
            return f"{onde}: há NaN ou infinito nos pesos ou nos vieses"
        alvo = np.sqrt(_var_w(esquema, n_ent, n_sai))
        desvio = W.std()
        if abs(desvio / alvo - 1) > 0.02:
            return (f"{onde}: o desvio padrão dos pesos deu {desvio:.4g}, esperava {alvo:.4g} "
                    f"(variância {alvo ** 2:.4g}), com 2% de tolerância")
        if abs(W.mean()) > 0.05 * alvo:
            return f"{onde}: a média dos pesos deu {W.mean():.4g}; esperava perto de 0"
        if _var_b(esquema) == 0 and np.any(b != 0):
            return f"{onde}: no esquema {esquema!r} os vieses começam em 0"
        if _var_b(esquema) == 1 and n_sai >= 200 and not 0.75 < b.std() < 1.25:
            return f"{onde}: no esquema {esquema!r} os vieses vêm de N(0, 1); o desvio deu {b.std():.3g}"
    return None


def inicializar_pesos(funcao) -> Resultado:
    """Exercício: `funcao(tamanhos, esquema, rng)` devolve `[(W, b), ...]` com W de forma (n_ent, n_sai)."""
    nome = "inicializar_pesos"
    inicio = sem_funcao(nome, funcao)
    if inicio is not None:
        return inicio
    dica = ("para cada par (n_ent, n_sai) de tamanhos vizinhos, sorteie W com rng.standard_normal((n_ent, n_sai)) "
            "multiplicado pelo desvio do esquema: 1, 1/√n_ent, √(2/(n_ent + n_sai)) ou √(2/n_ent); os vieses são "
            "rng.standard_normal(n_sai) em 'grande' e 'lecun' e np.zeros(n_sai) em 'glorot' e 'he'.")
    tamanhos = [1000, 500, 300]
    casos = [(esquema, tamanhos, semente) for semente, esquema in enumerate(_ESQUEMAS)]
    casos.append(("lecun", [400, 900, 200], 7))
    for i, (esquema, tam, semente) in enumerate(casos, start=1):
        descricao = f"tamanhos = {tam}, esquema = {esquema!r}, rng = np.random.default_rng({semente})"
        obtido, problema = chamar(funcao, (list(tam), esquema, np.random.default_rng(semente)))
        if problema == NAO_IMPLEMENTADO:
            return relatar(nome, False, [f"… {nome}: {problema}"])
        if problema is None:
            problema = _problema_das_camadas(obtido, tam, esquema)
        if problema is None:
            de_novo, _ = chamar(funcao, (list(tam), esquema, np.random.default_rng(semente)))
            try:
                igual = all(np.array_equal(W1, W2) for (W1, _), (W2, _) in zip(obtido, de_novo))
            except (TypeError, ValueError):
                igual = False
            if not igual:
                problema = ("com um gerador novo de mesma semente, os pesos mudaram: sorteie com o `rng` recebido, "
                            "não com np.random.randn")
        if problema is not None:
            return caso_falhou(nome, i, len(casos), descricao, problema, dica)
    return relatar(nome, True, [f"✔ {nome}: {len(casos)} de {len(casos)} redes corretas: formas, desvios "
                                "(dentro de 2%) e vieses de cada esquema. Muito bem!"])


# ---------------------------------------------------------------- saturação

def _fracao_de_saturados(z, limiar=0.01):
    z = np.asarray(z, dtype=float)
    s = 1.0 / (1.0 + np.exp(-np.clip(z, -500, 500)))
    return float(np.mean(s * (1 - s) < limiar))


def fracao_de_saturados(funcao) -> Resultado:
    """Exercício: `funcao(z, limiar=0.01)` devolve a fração de `z` em que σ'(z) < limiar."""
    rng = np.random.default_rng(17)
    casos = [
        ("z = [0, 1, -1, 5, -5, 10], limiar = 0.01", (np.array([0.0, 1.0, -1.0, 5.0, -5.0, 10.0]), 0.01)),
        ("z = [0.5, -2, 3], limiar = 0.01 (nenhum saturado)", (np.array([0.5, -2.0, 3.0]), 0.01)),
        ("z = [-1000, 1000, 0, 4.6], limiar = 0.01 (sem transbordar)", (np.array([-1000.0, 1000.0, 0.0, 4.6]), 0.01)),
        ("2000 valores sorteados com desvio 22.4, limiar = 0.01", (22.4 * rng.standard_normal(2000), 0.01)),
        ("2000 valores sorteados com desvio 1.22, limiar = 0.01", (1.22 * rng.standard_normal(2000), 0.01)),
        ("500 valores sorteados com desvio 3, limiar = 0.1", (3.0 * rng.standard_normal(500), 0.1)),
    ]
    return verificar_funcao(
        "fracao_de_saturados", funcao, _fracao_de_saturados, casos, rtol=1e-9, atol=1e-9,
        dica="calcule s = σ(z) e a derivada σ'(z) = s·(1 − s); saturado é onde σ'(z) < limiar. "
             "A média de um array de booleanos é a fração dos True. O critério não é |z| > 1: "
             "σ'(1) ≈ 0,197, quase 80% do máximo 0,25.")


# ---------------------------------------------------------------- Glorot e He

def _variancia_dos_pesos(esquema, n_entrada, n_saida):
    return _var_w(esquema, n_entrada, n_saida)


def variancia_dos_pesos(funcao) -> Resultado:
    """Exercício: `funcao(esquema, n_entrada, n_saida)` devolve Var w: 1, 1/n_ent, 2/(n_ent + n_sai) ou 2/n_ent."""
    casos = [(e, n, m) for e in _ESQUEMAS for n, m in ((784, 30), (1000, 1000), (30, 10))]
    return verificar_funcao(
        "variancia_dos_pesos", funcao, _variancia_dos_pesos,
        [(f"esquema = {e!r}, n_entrada = {n}, n_saida = {m}", (e, n, m)) for e, n, m in casos], rtol=1e-9,
        atol=1e-12,
        dica="'grande': 1; 'lecun': 1/n_entrada; 'glorot': a média harmônica das duas exigências, "
             "2/(n_entrada + n_saida); 'he': 2/n_entrada (o 2 compensa a metade que a ReLU zera). "
             "Devolva a variância, não o desvio padrão.")


def _limite_uniforme_glorot(n_entrada, n_saida):
    return float(np.sqrt(6.0 / (n_entrada + n_saida)))


def limite_uniforme_glorot(funcao) -> Resultado:
    """Exercício: `funcao(n_entrada, n_saida)` devolve r = √(6/(n_ent + n_sai)), o limite de U(−r, r) de Glorot."""
    casos = [(784, 30), (1000, 1000), (30, 10), (1, 1), (256, 256)]
    return verificar_funcao(
        "limite_uniforme_glorot", funcao, _limite_uniforme_glorot,
        [(f"n_entrada = {n}, n_saida = {m}", (n, m)) for n, m in casos], rtol=1e-9, atol=1e-12,
        dica="a variância de U(−r, r) é r²/3; iguale a 2/(n_entrada + n_saida) e isole r.")


# ---------------------------------------------------------------- uma rede profunda

def _desvios_por_camada(X, camadas, g):
    A = np.asarray(X, dtype=float)
    desvios = []
    for W, b in camadas:
        Z = A @ np.asarray(W, dtype=float) + np.asarray(b, dtype=float)
        desvios.append(Z.std())
        A = g(Z)
    return np.array(desvios)


def _camadas(rng, larguras, escala, vies):
    return [(escala(n) * rng.standard_normal((n, m)), vies * rng.standard_normal(m))
            for n, m in zip(larguras[:-1], larguras[1:])]


def desvios_por_camada(funcao) -> Resultado:
    """Exercício: `funcao(X, camadas, g)` devolve o desvio padrão de z = a·W + b em cada camada (um array)."""
    rng = np.random.default_rng(170)
    relu = lambda z: np.maximum(z, 0.0)  # noqa: E731
    X = rng.standard_normal((200, 64))
    casos = [
        ("X (200, 64), 5 camadas 64 → 64 com pesos N(0, 1) e vieses N(0, 1), g = np.tanh",
         (X, _camadas(rng, [64] * 6, lambda n: 1.0, 1.0), np.tanh)),
        ("X (200, 64), 5 camadas 64 → 64 com Glorot normal e vieses 0, g = np.tanh",
         (X, _camadas(rng, [64] * 6, lambda n: np.sqrt(1.0 / n), 0.0), np.tanh)),
        ("X (200, 64), 4 camadas 64 → 48 → 32 → 32 → 16 com He e vieses 0, g = ReLU",
         (X, _camadas(rng, [64, 48, 32, 32, 16], lambda n: np.sqrt(2.0 / n), 0.0), relu)),
        ("X (3, 2), uma camada W = [[1, 0], [0, 2]], b = [0, 1], g = np.tanh",
         (np.array([[1.0, 2.0], [0.0, -1.0], [3.0, 0.5]]), [(np.array([[1.0, 0.0], [0.0, 2.0]]), np.array([0.0, 1.0]))],
          np.tanh)),
    ]
    return verificar_funcao(
        "desvios_por_camada", funcao, _desvios_por_camada, casos, rtol=1e-6, atol=1e-9,
        dica="comece com a = X; em cada camada faça z = a @ W + b, guarde z.std() (de todos os números de z, "
             "antes da ativação) e só então a = g(z) para a próxima camada. Devolva os desvios num array.")
