"""Verificações dos exercícios do capítulo 15 (regularização L1 e dropout).

Entradas pequenas, fixas ou sorteadas com semente: cada verificação roda em
milissegundos e não precisa do MNIST. As de limiar suave e passo proximal
conferem também que os zeros são **exatos**, e a do dropout confere a
avaliação, a média sobre $10^4$ máscaras e a máscara exata de cada semente.
"""
from __future__ import annotations

import numpy as np

from ._nucleo import NAO_IMPLEMENTADO, Resultado, chamar, comparar_arrays, relatar, resumir, \
    verificar_funcao
from ._nucleo import sem_funcao, caso_falhou


def _zeros_exatos(obtido, esperado) -> str | None:
    """None se os zeros de `obtido` são exatamente os de `esperado` (os valores já conferem)."""
    obtido = np.asarray(obtido, dtype=float).reshape(np.shape(esperado))
    faltam = int(np.count_nonzero((esperado == 0) & (obtido != 0)))
    if faltam:
        quase = float(np.max(np.abs(obtido[(esperado == 0) & (obtido != 0)])))
        return (f"os valores estão perto, mas {faltam} deles deviam ser zero exato e não são "
                f"(o maior vale {quase:.3g})")
    return None


def _com_zeros_exatos(nome, funcao, referencia, casos, dica) -> Resultado:
    """Como `verificar_funcao`, mas também exige zero exato onde a referência dá zero."""
    inicio = sem_funcao(nome, funcao)
    if inicio is not None:
        return inicio
    for i, (descricao, argumentos) in enumerate(casos, start=1):
        obtido, problema = chamar(funcao, argumentos)
        if problema == NAO_IMPLEMENTADO:
            return relatar(nome, False, [f"… {nome}: {problema}"])
        esperado = np.asarray(referencia(*argumentos), dtype=float)
        if problema is None:
            problema = comparar_arrays(obtido, esperado, 1e-6, 1e-9)
        if problema is None:
            problema = _zeros_exatos(obtido, esperado)
        if problema is not None:
            return caso_falhou(nome, i, len(casos), descricao, problema, dica)
    return relatar(nome, True, [f"✔ {nome}: {len(casos)} de {len(casos)} casos corretos. Muito bem!"])


# ---------------------------------------------------------------- L1

def _atualizacao_l1(w, g, taxa, lmbda, n):
    w = np.asarray(w, dtype=float)
    return w - taxa * lmbda / n * np.sign(w) - taxa * np.asarray(g, dtype=float)


def atualizacao_l1(funcao) -> Resultado:
    """Exercício: `funcao(w, g, taxa, lmbda, n)` devolve $w - \\frac{\\eta\\lambda}{n}\\operatorname{sinal}(w) - \\eta g$."""
    rng = np.random.default_rng(15)
    casos = [
        ("w = [0.5, -0.5, 2.0], g = [0, 0, 0], taxa = 0.5, lmbda = 2, n = 100 (só a penalidade)",
         (np.array([0.5, -0.5, 2.0]), np.zeros(3), 0.5, 2.0, 100)),
        ("w = [0.0, 0.0, 0.3], g = [0, 0.1, 0], taxa = 0.5, lmbda = 2, n = 100 (pesos zero: sinal(0) = 0)",
         (np.array([0.0, 0.0, 0.3]), np.array([0.0, 0.1, 0.0]), 0.5, 2.0, 100)),
        ("w = [1, -2, 3], g = [0.2, 0.4, -0.6], taxa = 0.5, lmbda = 0, n = 1000 (sem L1: o passo comum)",
         (np.array([1.0, -2.0, 3.0]), np.array([0.2, 0.4, -0.6]), 0.5, 0.0, 1000)),
        ("w e g (4, 3) sorteados, taxa = 0.1, lmbda = 5.0, n = 500",
         (rng.normal(size=(4, 3)), rng.normal(size=(4, 3)), 0.1, 5.0, 500)),
        ("w = [[2.0]], g = [[1.0]], taxa = 1.0, lmbda = 10, n = 20",
         (np.array([[2.0]]), np.array([[1.0]]), 1.0, 10.0, 20)),
    ]
    return verificar_funcao(
        "atualizacao_l1", funcao, _atualizacao_l1, casos,
        dica="o passo tira taxa·lmbda/n·sinal(w) do peso (o mesmo tanto para todo peso não nulo) e depois "
             "taxa·g; use np.sign(w), que vale 0 em w = 0 (w/np.abs(w) dá NaN ali).")


def _limiar_suave(w, t):
    w = np.asarray(w, dtype=float)
    return np.sign(w) * np.maximum(np.abs(w) - t, 0.0)


def limiar_suave(funcao) -> Resultado:
    """Exercício: `funcao(w, t)` devolve $\\operatorname{sinal}(w)\\max(|w| - t, 0)$, com zeros exatos."""
    rng = np.random.default_rng(151)
    casos = [
        ("w = [-0.8, -0.1, -0.03, 0.0, 0.02, 0.3], t = 0.05",
         (np.array([-0.8, -0.1, -0.03, 0.0, 0.02, 0.3]), 0.05)),
        ("w = [3.0, -3.0, 0.5], t = 1.0 (um valor dentro da faixa vira zero)", (np.array([3.0, -3.0, 0.5]), 1.0)),
        ("w = [0.4, -0.7, 1e-12], t = 0 (t = 0: nada muda)", (np.array([0.4, -0.7, 1e-12]), 0.0)),
        ("w (5, 4) sorteado, t = 0.5", (rng.normal(size=(5, 4)), 0.5)),
        ("w (30,) sorteado perto de zero, t = 0.01 (muitos zeros exatos)", (rng.normal(0, 0.01, size=30), 0.01)),
    ]
    return _com_zeros_exatos(
        "limiar_suave", funcao, _limiar_suave, casos,
        dica="quem tem |w| ≤ t vira 0; os outros perdem t do módulo e mantêm o sinal: "
             "np.sign(w) * np.maximum(np.abs(w) - t, 0).")


def _passo_proximal_l1(w, g, taxa, lmbda, n):
    u = np.asarray(w, dtype=float) - taxa * np.asarray(g, dtype=float)
    return _limiar_suave(u, taxa * lmbda / n)


def passo_proximal_l1(funcao) -> Resultado:
    """Exercício: `funcao(w, g, taxa, lmbda, n)` devolve $S_{\\eta\\lambda/n}(w - \\eta g)$, com zeros exatos."""
    rng = np.random.default_rng(152)
    casos = [
        ("w = [0.5, -0.5, 0.02], g = [0, 0, 0], taxa = 0.5, lmbda = 2, n = 10 (t = 0.1)",
         (np.array([0.5, -0.5, 0.02]), np.zeros(3), 0.5, 2.0, 10)),
        ("w = [0.3, 0.3, -0.2], g = [0.5, -0.5, 0.3], taxa = 0.2, lmbda = 1, n = 10 (t = 0.02)",
         (np.array([0.3, 0.3, -0.2]), np.array([0.5, -0.5, 0.3]), 0.2, 1.0, 10)),
        ("w = [0.05, -0.05], g = [-0.2, 0.2], taxa = 0.5, lmbda = 2, n = 10 (o gradiente tira o peso do zero)",
         (np.array([0.05, -0.05]), np.array([-0.2, 0.2]), 0.5, 2.0, 10)),
        ("w e g (4, 3) sorteados, taxa = 0.1, lmbda = 5, n = 10",
         (rng.normal(size=(4, 3)), rng.normal(size=(4, 3)), 0.1, 5.0, 10)),
        ("w e g (6,) sorteados perto de zero, taxa = 0.5, lmbda = 1, n = 100",
         (rng.normal(0, 0.01, size=6), rng.normal(0, 0.01, size=6), 0.5, 1.0, 100)),
    ]
    return _com_zeros_exatos(
        "passo_proximal_l1", funcao, _passo_proximal_l1, casos,
        dica="primeiro o passo só com os dados, u = w − taxa·g; depois o limiar suave de u com "
             "t = taxa·lmbda/n (não lmbda/n). A ordem importa.")


def _contar_quase_zeros(pesos, limiar):
    return int(sum(np.count_nonzero(np.abs(np.asarray(w, dtype=float)) < limiar) for w in pesos))


def contar_quase_zeros(funcao) -> Resultado:
    """Exercício: `funcao(pesos, limiar)` conta os $|w| <$ limiar numa lista de arrays."""
    rng = np.random.default_rng(153)
    casos = [
        ("pesos = [array([0.0, 0.0005, -0.0005, 0.002, -0.3])], limiar = 0.001",
         ([np.array([0.0, 0.0005, -0.0005, 0.002, -0.3])], 0.001)),
        ("pesos = [W (3, 2), W (2, 4)] com valores fixos, limiar = 0.01 (conte nos dois arrays)",
         ([np.array([[0.001, -0.5], [0.0, 0.02], [-0.009, 1.0]]),
           np.array([[0.0, 0.0, 0.3, -0.002], [0.5, -0.5, 0.011, 0.0099]])], 0.01)),
        ("pesos = [array([0.001, -0.001, 0.0009])], limiar = 0.001 (|w| igual ao limiar não conta)",
         ([np.array([0.001, -0.001, 0.0009])], 0.001)),
        ("pesos = [W (20, 10) sorteado, W (10, 3) sorteado], limiar = 0.05",
         ([rng.normal(0, 0.1, size=(20, 10)), rng.normal(0, 0.1, size=(10, 3))], 0.05)),
    ]
    return verificar_funcao(
        "contar_quase_zeros", funcao, _contar_quase_zeros, casos, rtol=0.0, atol=0.0,
        dica="some, em todos os arrays da lista, quantos têm |w| < limiar (estritamente menor); "
             "np.count_nonzero(np.abs(w) < limiar) conta num array. Devolva um número, não uma fração.")


# ---------------------------------------------------------------- dropout

def _forma_numerica(obtido, forma) -> str | None:
    """None se `obtido` é um array de números finitos com a `forma` pedida; senão, a explicação."""
    if obtido is None:
        return "sua função devolveu None: faltou o `return`?"
    try:
        array = np.asarray(obtido, dtype=float)
    except (TypeError, ValueError):
        return f"esperava números, recebi {type(obtido).__name__} ({resumir(obtido, 60)})"
    if array.shape != tuple(forma):
        return f"esperava forma {tuple(forma)}, recebi {array.shape}"
    if not np.all(np.isfinite(array)):
        return "a resposta tem NaN ou infinito"
    return None


def _dropout_invertido(h, p, rng, treino):
    h = np.asarray(h, dtype=float)
    if not treino:
        return h.copy()
    manter = rng.random(h.shape) >= p
    return h * manter / (1 - p)


def dropout_invertido(funcao) -> Resultado:
    """Exercício: `funcao(h, p, rng, treino)`: identidade na avaliação; no treino, $r \\odot h/(1-p)$ com `rng.random(h.shape) >= p`."""
    nome = "dropout_invertido"
    inicio = sem_funcao(nome, funcao)
    if inicio is not None:
        return inicio
    h = np.array([[0.2, 0.9, 0.5, 0.7, 0.1, 0.6]])

    # 1. avaliação: a identidade, sem sortear nada
    for i, p in enumerate((0.5, 0.2), start=1):
        descricao = f"h = {resumir(h[0])}, p = {p}, treino = False"
        obtido, problema = chamar(funcao, (h, p, np.random.default_rng(0), False))
        if problema == NAO_IMPLEMENTADO:
            return relatar(nome, False, [f"… {nome}: {problema}"])
        problema = problema or comparar_arrays(obtido, h, 0.0, 1e-12)
        if problema is not None:
            return caso_falhou(nome, i, 5, descricao, problema,
                           "na avaliação (treino=False) o dropout invertido devolve h como está: nada de "
                           "máscara e nada de multiplicar por (1 − p), que é o esquema do livro.")

    # 2. média sobre 10⁴ máscaras (uma por linha): tem de dar h
    for i, p in enumerate((0.5, 0.2), start=3):
        H = np.repeat(h, 10_000, axis=0)
        descricao = f"10⁴ cópias de h = {resumir(h[0])}, p = {p}, treino = True: a média de cada coluna"
        obtido, problema = chamar(funcao, (H, p, np.random.default_rng(10 + i), True))
        if problema == NAO_IMPLEMENTADO:
            return relatar(nome, False, [f"… {nome}: {problema}"])
        if problema is None:
            problema = _forma_numerica(obtido, H.shape)
        if problema is None:
            media = np.asarray(obtido, dtype=float).mean(axis=0)
            if not np.allclose(media, h[0], atol=0.05):
                problema = f"a média sobre as máscaras devia ser h, {resumir(h[0])}; obtive {resumir(media)}"
        if problema is not None:
            return caso_falhou(nome, i, 5, descricao, problema,
                           "cada neurônio fica com probabilidade 1 − p (rng.random(h.shape) >= p) e quem fica é "
                           "dividido por (1 − p), para que a média não mude.")

    # 3. a máscara exata de cada semente
    rng = np.random.default_rng(154)
    exatos = [(rng.uniform(0, 1, size=(3, 5)), 0.5, 0), (rng.uniform(0, 1, size=8), 0.2, 1),
              (rng.uniform(0, 1, size=(2, 2, 3)), 0.7, 2), (rng.uniform(0, 1, size=(4, 6)), 0.0, 3)]
    for hx, p, semente in exatos:
        obtido, problema = chamar(funcao, (hx, p, np.random.default_rng(semente), True))
        esperado = _dropout_invertido(hx, p, np.random.default_rng(semente), True)
        problema = problema or comparar_arrays(obtido, esperado, 1e-9, 1e-12)
        if problema is not None:
            return caso_falhou(nome, 5, 5, f"h com forma {hx.shape}, p = {p}, rng = np.random.default_rng({semente}), "
                                       "treino = True", problema,
                           "a média já confere; falta sortear exatamente como pedido: um único "
                           "rng.random(h.shape), mantendo onde o sorteio é >= p.")
    return relatar(nome, True, [f"✔ {nome}: 5 de 5 casos corretos (avaliação, média de 10⁴ máscaras e as "
                                "máscaras de 4 sementes). Muito bem!"])
