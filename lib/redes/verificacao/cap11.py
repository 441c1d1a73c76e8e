"""Verificações dos exercícios do capítulo 11 (retropropagação).

Os nomes levam o prefixo `xor_` ou `bp_` para não colidir com os de outros
capítulos. As redes são pequenas e sorteadas com semente; a referência é
`redes.retropropagacao` (que confere com diferenças finitas e com `redes.modelo`).
"""
from __future__ import annotations

import numpy as np

from .. import ativacoes
from .. import retropropagacao as _rp
from ._nucleo import (NAO_IMPLEMENTADO, Resultado, chamar, comparar_arrays, relatar, resumir,
                      verificar_funcao)
from ._nucleo import sem_funcao


def _falha(nome, i, total, descricao, problema, dica):
    return relatar(nome, False, [f"✘ {nome}: o caso {i} de {total} não confere.", f"  entrada: {descricao}",
                                 f"  {problema}", f"  dica: {dica}"])


# ---------------------------------------------------------------- o truque da coluna de uns

def xor_coluna_de_uns(funcao) -> Resultado:
    """Exercício: `funcao(X)` devolve X, forma (m, n), com uma coluna de uns no fim: forma (m, n + 1)."""
    rng = np.random.default_rng(110)
    casos = [("a tabela do XOR, forma (4, 2)", (_rp.XOR_X.copy(),)),
             ("X = [[2.5, -1.0, 3.0]], um exemplo só", (np.array([[2.5, -1.0, 3.0]]),)),
             ("6 exemplos sorteados com 4 entradas", (rng.standard_normal((6, 4)),)),
             ("3 exemplos com uma entrada só, forma (3, 1)", (np.array([[0.0], [1.0], [7.0]]),))]
    return verificar_funcao(
        "xor_coluna_de_uns", funcao, _rp.adicionar_coluna_de_uns, casos, rtol=0, atol=0,
        dica="a coluna de uns vai no FIM (a entrada (0, 1) vira (0, 1, 1)); np.hstack([X, np.ones((m, 1))]) "
             "ou np.column_stack fazem isso. Não mude o X recebido.")


# ---------------------------------------------------------------- o passo para frente do livro

def _xor_para_frente(x, W1, w2):
    h = ativacoes.sigmoide(np.asarray(x, float) @ np.asarray(W1, float))
    return h, float(ativacoes.sigmoide(h @ np.asarray(w2, float)))


def xor_para_frente(funcao) -> Resultado:
    """Exercício: `funcao(x, W1, w2)` devolve `(h, a)`: as 3 saídas ocultas sigmoides e a saída da rede."""
    nome = "xor_para_frente"
    parada = sem_funcao(nome, funcao)
    if parada is not None:
        return parada
    W1, w2 = _rp.PESOS_LIVRO
    rng = np.random.default_rng(111)
    casos = [("x = (0, 1, 1) e os pesos do livro", (np.array([0.0, 1.0, 1.0]), W1.copy(), w2.copy())),
             ("x = (1, 0, 1) e os pesos do livro", (np.array([1.0, 0.0, 1.0]), W1.copy(), w2.copy())),
             ("x = (1, 1, 1), W1 e w2 sorteados (semente 111)",
              (np.array([1.0, 1.0, 1.0]), rng.standard_normal((3, 3)), rng.standard_normal(3)))]
    dica = ("h = sigmoide(x @ W1): a coluna j de W1 guarda os pesos do neurônio oculto j; depois "
            "a = sigmoide(h @ w2), um número. Devolva os dois: return h, a.")
    for i, (descricao, argumentos) in enumerate(casos, start=1):
        obtido, problema = chamar(funcao, argumentos)
        if problema == NAO_IMPLEMENTADO:
            return relatar(nome, False, [f"… {nome}: {problema}"])
        if problema is None:
            if not isinstance(obtido, (tuple, list)) or len(obtido) != 2:
                problema = f"esperava um par (h, a), recebi {resumir(obtido, 60)}"
            else:
                h_ref, a_ref = _xor_para_frente(*argumentos)
                problema = (comparar_arrays(obtido[0], h_ref, 1e-6, 1e-9) or
                            comparar_arrays(obtido[1], a_ref, 1e-6, 1e-9))
        if problema is not None:
            return _falha(nome, i, len(casos), descricao, problema, dica)
    h, a = _xor_para_frente(*casos[0][1])
    return relatar(nome, True, [f"✔ {nome}: {len(casos)} de {len(casos)} casos corretos. Com os pesos do livro, "
                                f"h = ({h[0]:.4f}, {h[1]:.4f}, {h[2]:.4f}) e a = {a:.4f}. Muito bem!"])


# ---------------------------------------------------------------- quantos passos para frente

def _passadas(n_parametros, centrada=False):
    return 2 * int(n_parametros) if centrada else int(n_parametros) + 1


def bp_passadas(funcao) -> Resultado:
    """Exercício: `funcao(n_parametros, centrada=False)` conta os passos para frente das diferenças finitas."""
    casos = [("n_parametros = 1000, centrada omitido (diferenças para frente)", (1000,)),
             ("n_parametros = 1000, centrada = True", (1000, True)),
             ("n_parametros = 1_000_000, centrada = False", (1_000_000, False)),
             ("n_parametros = 23_860 (a rede 784-30-10), centrada = True", (23_860, True)),
             ("n_parametros = 1, centrada = False", (1, False))]
    return verificar_funcao(
        "bp_passadas", funcao, _passadas, casos, rtol=0, atol=0.5,
        dica="para frente: um C(w) de referência e mais um C(w + ε e_j) por parâmetro, P + 1; centradas: "
             "C(w + ε e_j) e C(w − ε e_j) para cada parâmetro, 2P (o C(w) não entra).")


# ---------------------------------------------------------------- BP1–BP4 num lote

def _casos_retro():
    casos = []
    for tamanhos, m, semente in (([3, 4, 2], 5, 1), ([2, 3, 3, 1], 4, 2), ([4, 2], 3, 3), ([3, 5, 4, 2], 1, 4)):
        pesos, vieses = _rp.iniciar(tamanhos, "grande", semente)
        rng = np.random.default_rng(semente + 100)
        X, Y = rng.standard_normal((m, tamanhos[0])), rng.random((m, tamanhos[-1]))
        casos.append((f"rede {tamanhos} (pesos N(0, 1), semente {semente}), lote de {m} exemplo(s)",
                      (pesos, vieses, X, Y)))
    return casos


def bp_retropropagar(funcao) -> Resultado:
    """Exercício: `funcao(pesos, vieses, X, Y)` devolve `(grad_W, grad_b)` do custo quadrático médio (sigmoides)."""
    nome = "bp_retropropagar"
    parada = sem_funcao(nome, funcao)
    if parada is not None:
        return parada
    dica = ("BP1: delta = (A_L − Y)/m ⊙ σ'(Z_L); BP2: delta = (delta @ W[l+1].T) ⊙ σ'(Z_l); "
            "BP3: grad_b = delta.sum(axis=0); BP4: grad_W = A_{l−1}.T @ delta. Lembre do 1/m da média.")
    casos = _casos_retro()
    for i, (descricao, argumentos) in enumerate(casos, start=1):
        obtido, problema = chamar(funcao, argumentos)
        if problema == NAO_IMPLEMENTADO:
            return relatar(nome, False, [f"… {nome}: {problema}"])
        if problema is None:
            ref = _rp.retropropagar(*argumentos)
            if not isinstance(obtido, (tuple, list)) or len(obtido) != 2:
                problema = f"esperava um par (grad_W, grad_b), recebi {resumir(obtido, 60)}"
            elif any(not isinstance(g, (list, tuple)) or len(g) != len(ref.W) for g in obtido):
                problema = f"esperava duas listas com {len(ref.W)} arrays cada (uma por camada)"
            else:
                for l in range(len(ref.W)):
                    for rotulo, o, e in ((f"grad_W[{l}]", obtido[0][l], ref.W[l]), (f"grad_b[{l}]", obtido[1][l], ref.b[l])):
                        diferenca = comparar_arrays(o, e, 1e-6, 1e-9)
                        if diferenca is not None:
                            problema = f"{rotulo}: {diferenca}"
                            break
                    if problema is not None:
                        break
        if problema is not None:
            return _falha(nome, i, len(casos), descricao, problema, dica)
    return relatar(nome, True, [f"✔ {nome}: {len(casos)} de {len(casos)} redes com todos os gradientes corretos. "
                                "Muito bem!"])


# ---------------------------------------------------------------- treinar o XOR

def xor_treinar(funcao) -> Resultado:
    """Exercício: `funcao()` treina uma rede no XOR e devolve as 4 saídas (entre 0 e 1), sempre as mesmas."""
    nome = "xor_treinar"
    parada = sem_funcao(nome, funcao)
    if parada is not None:
        return parada
    dica = ("use 2 ou 3 neurônios ocultos sigmoides, uma semente fixa (np.random.default_rng(...)), "
            "η entre 1 e 8 e alguns milhares de épocas; devolva sigmoide(...) da última camada, forma (4,) ou (4, 1).")
    saidas = []
    for _ in range(2):
        obtido, problema = chamar(funcao, ())
        if problema == NAO_IMPLEMENTADO:
            return relatar(nome, False, [f"… {nome}: {problema}"])
        if problema is None:
            try:
                obtido = np.asarray(obtido, dtype=float).ravel()
            except (TypeError, ValueError):
                problema = f"esperava 4 números, recebi {resumir(obtido, 60)}"
        if problema is None and obtido.shape != (4,):
            problema = f"esperava as 4 saídas da rede (forma (4,) ou (4, 1)), recebi {obtido.size} número(s)"
        if problema is None and not (np.all(np.isfinite(obtido)) and np.all((obtido > 0) & (obtido < 1))):
            problema = f"esperava saídas de uma sigmoide, entre 0 e 1, recebi {resumir(obtido)}"
        if problema is not None:
            return relatar(nome, False, [f"✘ {nome}: {problema}", f"  dica: {dica}"])
        saidas.append(obtido)
    y = _rp.XOR_Y.ravel()
    a = saidas[0]
    if not np.array_equal(saidas[0], saidas[1]):
        return relatar(nome, False, [f"✘ {nome}: duas chamadas deram saídas diferentes "
                                     f"({resumir(saidas[0])} e {resumir(saidas[1])}).",
                                     "  dica: sorteie os pesos com uma semente fixa, dentro da função."])
    acertos, custo = int(np.sum((a > 0.5) == (y > 0.5))), float(0.5 * np.mean((a - y) ** 2))
    if acertos < 4 or custo >= 0.05:
        return relatar(nome, False, [f"✘ {nome}: saídas {resumir(a)} para os alvos (0, 1, 1, 0): {acertos} de 4 "
                                     f"certos, custo {custo:.4f} (precisa de 4 de 4 e custo < 0,05).",
                                     f"  dica: {dica}"])
    return relatar(nome, True, [f"✔ {nome}: 4 de 4 certos, custo {custo:.4f}, e o mesmo resultado nas duas "
                                "chamadas. Muito bem!"])


__all__ = ["xor_coluna_de_uns", "xor_para_frente", "bp_passadas", "bp_retropropagar", "xor_treinar"]
