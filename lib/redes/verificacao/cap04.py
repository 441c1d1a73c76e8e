"""Verificações dos exercícios do capítulo 4 (funções de ativação)."""
from __future__ import annotations

import numpy as np

from .. import ativacoes
from ._nucleo import AINDA_NAO_DEFINIDA, NAO_IMPLEMENTADO, Resultado, chamar, comparar_arrays, relatar, resumir, \
    verificar_funcao
from ._nucleo import descrever


def _zs(semente: int) -> list[np.ndarray]:
    """Entradas comuns: um número, um vetor que passa por 0, valores grandes e um lote sorteado."""
    rng = np.random.default_rng(semente)
    return [np.array(1.5), np.array([-2.0, -0.5, 0.0, 0.5, 2.0]), np.array([-50.0, 50.0]),
            rng.normal(scale=3, size=(3, 4))]


def relu(funcao) -> Resultado:
    """Exercício: `funcao(z)` devolve max(0, z), elemento a elemento."""
    return verificar_funcao(
        "relu", funcao, ativacoes.relu, [(descrever(z=z), (z,)) for z in _zs(41)],
        dica="np.maximum(0, z) compara cada elemento com 0 (np.max, sem o 'imum', devolveria um número só).")


def derivada_relu(funcao) -> Resultado:
    """Exercício: `funcao(z)` devolve 1 onde z > 0 e 0 onde z ≤ 0 (inclusive em z = 0)."""
    return verificar_funcao(
        "derivada_relu", funcao, ativacoes.relu.derivada, [(descrever(z=z), (z,)) for z in _zs(42)],
        dica="a derivada é 1 onde z > 0 e 0 no resto; em z = 0 use a convenção do curso, 0.")


def derivada_tanh(funcao) -> Resultado:
    """Exercício: `funcao(z)` devolve 1 − tanh²(z), elemento a elemento."""
    return verificar_funcao(
        "derivada_tanh", funcao, ativacoes.tanh.derivada, [(descrever(z=z), (z,)) for z in _zs(43)],
        dica="tanh'(z) = 1 − tanh(z)²: eleve ao quadrado a tanh de z, não o próprio z; em z = 0 deve dar 1.")


def leaky_relu(funcao) -> Resultado:
    """Exercício: `funcao(z, alfa)` devolve z onde z > 0 e alfa·z onde z ≤ 0."""
    casos = [(z, alfa) for z, alfa in zip(_zs(44), [0.01, 0.1, 0.2, 0.05])]
    casos += [(np.array([-3.0, -1.0, 0.0, 1.0, 3.0]), 0.0), (np.array([[-4.0, 4.0], [-0.3, 0.3]]), 0.3)]
    return verificar_funcao(
        "leaky_relu", funcao, lambda z, alfa: ativacoes.leaky_relu(z, alfa=alfa),
        [(descrever(z=z, alfa=alfa), (z, alfa)) for z, alfa in casos],
        dica="do lado negativo a saída é alfa·z (uma reta de inclinação alfa), não o número alfa; "
             "use o alfa recebido, não um valor fixo.")


def softmax(funcao) -> Resultado:
    """Exercício: `funcao(Z)` aplica a softmax a cada linha de um lote Z de forma (m, k), sem transbordar."""
    rng = np.random.default_rng(45)
    casos = [
        np.array([[1.2, 0.9, 0.75]]),
        rng.normal(scale=2, size=(4, 3)),
        np.array([[1000.0, 1001.0]]),
        np.array([[-1000.0, -1000.0, -1000.0]]),
        np.array([[0.0, 1000.0], [-1000.0, -999.0]]),
        rng.normal(scale=5, size=(2, 5)),
    ]
    return verificar_funcao(
        "softmax", funcao, ativacoes.softmax, [(descrever(Z=Z), (Z,)) for Z in casos],
        dica="cada LINHA deve somar 1 (axis=1 ou axis=-1, com keepdims=True); antes da exponencial, subtraia "
             "o maior valor de cada linha, para que e^z nunca transborde nem zere a linha inteira.")


def _referencia_composicao(W1, b1, W2, b2):
    return W1 @ W2, b1 @ W2 + b2


def compor_lineares(funcao) -> Resultado:
    """Exercício: `funcao(W1, b1, W2, b2)` devolve (W, b) da camada linear única equivalente às duas."""
    nome = "compor_lineares"
    if funcao is None:
        return relatar(nome, False, [f"… {nome}: {AINDA_NAO_DEFINIDA}"])
    if not callable(funcao):
        return relatar(nome, False, [f"✘ {nome}: esperava uma função, recebi {type(funcao).__name__}."])
    rng = np.random.default_rng(46)
    formas = [(2, 3, 1), (3, 4, 2), (5, 2, 3), (1, 1, 1)]
    casos = [(rng.normal(size=(n, h)), rng.normal(size=h), rng.normal(size=(h, k)), rng.normal(size=k))
             for n, h, k in formas]
    for i, argumentos in enumerate(casos, start=1):
        obtido, problema = chamar(funcao, argumentos)
        if problema == NAO_IMPLEMENTADO:
            return relatar(nome, False, [f"… {nome}: {problema}"])
        if problema is None:
            if not isinstance(obtido, (tuple, list)) or len(obtido) != 2:
                problema = f"esperava um par (W, b), recebi {resumir(obtido, 60)}"
            else:
                W_certo, b_certo = _referencia_composicao(*argumentos)
                problema = comparar_arrays(obtido[0], W_certo, 1e-6, 1e-9)
                if problema is not None:
                    problema = "no W: " + problema
                else:
                    problema = comparar_arrays(obtido[1], b_certo, 1e-6, 1e-9)
                    if problema is not None:
                        problema = "no b: " + problema
        if problema is not None:
            W1, b1, W2, b2 = argumentos
            return relatar(nome, False, [
                f"✘ {nome}: o caso {i} de {len(casos)} não confere.",
                f"  entrada: W1 com forma {W1.shape}, b1 {b1.shape}, W2 {W2.shape}, b2 {b2.shape}",
                f"  {problema}",
                "  dica: escreva (x W1 + b1) W2 + b2 e distribua: o que multiplica x é W1 W2; o resto "
                "(b1 W2 + b2) é o viés."])
    return relatar(nome, True, [f"✔ {nome}: {len(casos)} de {len(casos)} casos corretos. Muito bem!"])
