"""Verificações dos exercícios do capítulo 23 (gradientes que somem e que explodem).

Entradas pequenas, fixas ou sorteadas com semente; todas rodam em milissegundos.
"""
from __future__ import annotations

import numpy as np

from .. import gradientes_por_camada as _gpc
from .. import profundidade as _prof
from ._nucleo import Resultado, verificar_funcao


def _cadeias():
    rng = np.random.default_rng(23)
    casos = [("w = [2], b = [0.5], a0 = 1, y = 0", (np.array([2.0]), np.array([0.5]), 1.0, 0.0)),
             ("w = [0.5, -1, 2], b = [0.1, 0.2, -0.3], a0 = 0.7, y = 1",
              (np.array([0.5, -1.0, 2.0]), np.array([0.1, 0.2, -0.3]), 0.7, 1.0))]
    for L in (4, 6, 10):
        w, b = rng.normal(0, 1.5, L), rng.normal(0, 1, L)
        a0, y = float(rng.random()), float(rng.random())
        casos.append((f"cadeia sorteada de {L} camadas, a0 = {a0:.3f}, y = {y:.3f}", (w, b, a0, y)))
    w = np.full(5, 100.0)
    casos.append(("w_j = 100 e os vieses que zeram z_j (gradiente que explode), a0 = 0.3, y = 0",
                  (w, _prof.vieses_que_explodem(w, 0.3), 0.3, 0.0)))
    return casos


def gradiente_cadeia(funcao) -> Resultado:
    """Exercício: `funcao(w, b, a0, y)` devolve ∂C/∂b_j de cada camada da cadeia, com C = ½(a_L − y)²."""
    return verificar_funcao(
        "gradiente_cadeia", funcao, _prof.gradiente_cadeia, _cadeias(), rtol=1e-5, atol=1e-9,
        dica="primeiro a ida (z_j = w_j·a_{j−1} + b_j, a_j = σ(z_j)); depois, de trás para frente: "
             "comece com ∂C/∂a_L = a_L − y; em cada camada j, ∂C/∂b_j = σ′(z_j)·∂C/∂a_j e "
             "∂C/∂a_{j−1} = w_j·∂C/∂b_j. Devolva um array com um valor por camada, na ordem j = 1, …, L.")


def _rede(profundidade, largura, entradas, saidas, exemplos, semente, escala=1.0):
    X, Y = _gpc.dados_de_brinquedo(exemplos, entradas, saidas, semente)
    pesos, vieses = _gpc.iniciar_rede(profundidade, largura, entradas, saidas, "lecun", escala, semente)
    return pesos, vieses, X, Y


def _velocidades(pesos, vieses, X, Y):
    return _gpc.velocidades(_gpc.gradientes(pesos, vieses, X, Y, "sigmoide", "entropia"))


def velocidades_das_camadas(funcao) -> Resultado:
    """Exercício: `funcao(pesos, vieses, X, Y)` devolve ‖∂C/∂bˡ‖ de cada camada oculta (sigmoide, entropia cruzada)."""
    casos = [(f"rede {[6] + [w] * p + [3]}, {m} exemplos, semente {s}", _rede(p, w, 6, 3, m, s))
             for p, w, m, s in ((1, 4, 5, 0), (2, 5, 8, 1), (4, 5, 10, 2), (6, 3, 12, 3))]
    casos.append(("rede [6, 8, 8, 8, 3] com pesos 3× maiores", _rede(3, 8, 6, 3, 10, 4, escala=3.0)))
    return verificar_funcao(
        "velocidades_das_camadas", funcao, _velocidades, casos, rtol=1e-6, atol=1e-12,
        dica="com saída sigmoide e entropia cruzada média, Δᴸ = (Aᴸ − Y)/m; para trás, "
             "Δˡ = (Δˡ⁺¹ (Wˡ⁺¹)ᵀ) ⊙ σ′(Zˡ); ∂C/∂bˡ é a soma das linhas de Δˡ. "
             "Devolva as normas só das camadas ocultas (sem a de saída), da primeira à última.")


def largura_da_regiao(funcao) -> Resultado:
    """Exercício: `funcao(w)` devolve a largura do intervalo de a em que |wσ′(wa + b)| ≥ 1 (0 se |w| < 4)."""
    ws = (0.5, 3.9, 4.0, 4.5, 6.0, 6.894, -6.894, 10.0, 25.0, -100.0)
    return verificar_funcao(
        "largura_da_regiao", funcao, _prof.largura_da_regiao, [(f"w = {w}", (w,)) for w in ws],
        rtol=1e-4, atol=1e-4,
        dica="use |w| (o sinal não importa) e devolva 0 quando |w| < 4; senão, "
             "(2/|w|)·ln(|w|·(1 + √(1 − 4/|w|))/2 − 1).")


def vieses_que_explodem(funcao) -> Resultado:
    """Exercício: `funcao(w, a0)` devolve os vieses b_j = −w_j·a_{j−1} que zeram todos os z_j."""
    rng = np.random.default_rng(5)
    casos = [("w = [100, 100, 100, 100], a0 = 0.3", (np.full(4, 100.0), 0.3)),
             ("w = [2], a0 = 0.8", (np.array([2.0]), 0.8)),
             ("w = [5, -3, 8], a0 = 0", (np.array([5.0, -3.0, 8.0]), 0.0)),
             ("w sorteados (7 camadas), a0 = 0.9", (rng.normal(0, 10, 7), 0.9))]
    return verificar_funcao(
        "vieses_que_explodem", funcao, _prof.vieses_que_explodem, casos, rtol=1e-9, atol=1e-12,
        dica="com z_j = 0, a_j = σ(0) = 1/2 em toda camada: b_1 = −w_1·a0 e, da segunda em diante, b_j = −w_j/2.")


def _paridade(bits):
    return int(np.sum(bits)) % 2


def paridade_em_arvore(funcao) -> Resultado:
    """Exercício: `funcao(bits)` devolve a paridade (0 ou 1) de uma lista de bits, por XORs aos pares."""
    rng = np.random.default_rng(7)
    casos = [([1], ), ([0], ), ([1, 1], ), ([1, 0, 1], ), ([1, 0, 1, 1, 1], ), ([1, 1, 1, 1, 1, 1, 1], )]
    casos += [(list(map(int, rng.integers(0, 2, n))), ) for n in (6, 8, 9, 16, 33)]
    return verificar_funcao(
        "paridade_em_arvore", funcao, _paridade, [(f"bits = {c[0]}", c) for c in casos], rtol=0, atol=0,
        dica="junte os vizinhos dois a dois com XOR (a ^ b) até sobrar um valor; se um nível tem número "
             "ímpar de elementos, o último sobe sozinho. O resultado é 1 se há um número ímpar de uns.")
