"""Verificações dos exercícios do capítulo 18 (hiperparâmetros, taxa de aprendizado e parada antecipada).

Entradas pequenas, fixas ou sorteadas com semente: nada de MNIST aqui, e cada
verificação roda em milissegundos. Algumas respostas certas são `None` (a regra
de parada que não dispara, nenhuma taxa estável), por isso as comparações daqui
são feitas à mão, em vez de `verificar_funcao`.
"""
from __future__ import annotations

import math

import numpy as np

from .. import agendas, hiperparametros
from ._nucleo import NAO_IMPLEMENTADO, Resultado, chamar, relatar, resumir, verificar_funcao
from ._nucleo import sem_funcao, caso_falhou


def _conferir_casos(nome, funcao, casos, comparar, dica, elogio) -> Resultado:
    """Roda `funcao` em cada `(descrição, argumentos, esperado)`; `comparar(obtido, esperado)` dá None ou o problema."""
    inicio = sem_funcao(nome, funcao)
    if inicio is not None:
        return inicio
    for i, (descricao, argumentos, esperado) in enumerate(casos, start=1):
        obtido, problema = chamar(funcao, argumentos)
        if problema == NAO_IMPLEMENTADO:
            return relatar(nome, False, [f"… {nome}: {problema}"])
        if problema is None:
            problema = comparar(obtido, esperado)
        if problema is not None:
            return caso_falhou(nome, i, len(casos), descricao, problema, dica)
    return relatar(nome, True, [f"✔ {nome}: {len(casos)} de {len(casos)} casos corretos{elogio}. Muito bem!"])


# ---------------------------------------------------------------- filtrar dígitos

def filtrar_digitos(funcao) -> Resultado:
    """Exercício: `funcao(X, y, digitos)` devolve `(X_filtrado, y_filtrado)`, só com os rótulos de `digitos`, na ordem."""
    rng = np.random.default_rng(18)
    y_sorteado = rng.integers(0, 10, size=60)
    X_sorteado = rng.normal(size=(60, 4))
    X_pequeno = np.arange(16, dtype=float).reshape(8, 2)
    y_pequeno = np.array([0, 1, 2, 1, 0, 3, 8, 1])
    imagens = rng.random((30, 3, 3))
    y_imagens = rng.integers(0, 10, size=30)
    casos = [
        ("X (8, 2), y = [0, 1, 2, 1, 0, 3, 8, 1], digitos = (0, 1)", (X_pequeno, y_pequeno, (0, 1))),
        ("o mesmo X e y, digitos = (8,)", (X_pequeno, y_pequeno, (8,))),
        ("o mesmo X e y, digitos = [3, 8] (os rótulos 3 e 8 ficam como estão)", (X_pequeno, y_pequeno, [3, 8])),
        ("60 exemplos sorteados, digitos = (0, 1)", (X_sorteado, y_sorteado, (0, 1))),
        ("60 exemplos sorteados, digitos = (9, 2, 5) (fora de ordem)", (X_sorteado, y_sorteado, (9, 2, 5))),
        ("o mesmo X e y pequenos, digitos = (5,) (nenhum exemplo: formas (0, 2) e (0,))", (X_pequeno, y_pequeno, (5,))),
        ("imagens (30, 3, 3), digitos = (0, 1)", (imagens, y_imagens, (0, 1))),
    ]
    casos = [(d, args, hiperparametros.filtrar_digitos(*args)) for d, args in casos]

    def comparar(obtido, esperado):
        try:
            Xo, yo = obtido
            Xo, yo = np.asarray(Xo, dtype=float), np.asarray(yo)
        except (TypeError, ValueError):
            return f"esperava o par (X_filtrado, y_filtrado), recebi {resumir(obtido, 60)}"
        Xe, ye = esperado
        if yo.shape != ye.shape:
            return f"esperava {len(ye)} exemplos (y com forma {ye.shape}), recebi y com forma {yo.shape}"
        if Xo.shape != Xe.shape:
            return f"esperava X com forma {Xe.shape}, recebi {Xo.shape}"
        if not np.array_equal(yo, ye):
            return f"esperava os rótulos {resumir(ye)}, recebi {resumir(yo)}"
        if not np.array_equal(Xo, Xe):
            return "os rótulos conferem, mas as linhas de X não: use a mesma máscara em X e em y"
        return None

    return _conferir_casos("filtrar_digitos", funcao, casos, comparar,
                           "mascara = np.isin(y, digitos) marca os exemplos que ficam; devolva (X[mascara], y[mascara]), "
                           "sem reordenar e sem mudar os rótulos.", " (e na mesma ordem do original)")


# ---------------------------------------------------------------- parada antecipada

def _comparar_epoca(obtido, esperado):
    if esperado is None:
        if obtido is None:
            return None
        return f"a regra não dispara nesta curva: esperava None, recebi {resumir(obtido, 40)}"
    if obtido is None:
        return f"esperava a época {esperado}, recebi None (a regra dispara nesta curva)"
    if isinstance(obtido, bool) or not isinstance(obtido, (int, np.integer, float, np.floating)):
        return f"esperava um número inteiro (a época), recebi {resumir(obtido, 40)}"
    if not math.isfinite(float(obtido)) or float(obtido) != esperado:
        return f"esperava a época {esperado} (contando de 1), recebi {resumir(obtido, 40)}"
    return None


def _curva_ruidosa(semente, epocas=60):
    rng = np.random.default_rng(semente)
    t = np.arange(1, epocas + 1)
    return np.round(0.80 + 0.12 * (1 - np.exp(-t / 12)) + 0.012 * rng.standard_normal(epocas), 3)


def epoca_de_parada(funcao) -> Resultado:
    """Exercício: `funcao(acuracias, paciencia, min_delta)` devolve a época (de 1) em que o treino para, ou None."""
    casos = [
        ("acuracias = [0.5, 0.6, 0.7, 0.65, 0.66, 0.64], paciencia = 2, min_delta = 0",
         ([0.5, 0.6, 0.7, 0.65, 0.66, 0.64], 2, 0.0)),
        ("acuracias = [0.5, 0.6, 0.7, 0.8], paciencia = 2, min_delta = 0 (só melhora: não para)",
         ([0.5, 0.6, 0.7, 0.8], 2, 0.0)),
        ("acuracias = [0.5, 0.6, 0.6, 0.6], paciencia = 2, min_delta = 0 (empatar não é melhorar)",
         ([0.5, 0.6, 0.6, 0.6], 2, 0.0)),
        ("acuracias = [0.3, 0.2], paciencia = 1, min_delta = 0", ([0.3, 0.2], 1, 0.0)),
        ("acuracias = [0.50, 0.505, 0.509, 0.52], paciencia = 2, min_delta = 0.01",
         ([0.50, 0.505, 0.509, 0.52], 2, 0.01)),
        ("acuracias = [0.50, 0.505, 0.515, 0.512, 0.514], paciencia = 2, min_delta = 0.01 (0.505 não conta como melhora; 0.515 conta)",
         ([0.50, 0.505, 0.515, 0.512, 0.514], 2, 0.01)),
        ("acuracias = [0.9], paciencia = 1, min_delta = 0 (uma época só)", ([0.9], 1, 0.0)),
    ]
    for semente, paciencia, delta in ((1, 5, 0.0), (2, 10, 0.0), (3, 10, 0.005), (4, 20, 0.0)):
        curva = _curva_ruidosa(semente)
        casos.append((f"curva ruidosa de 60 épocas (semente {semente}), paciencia = {paciencia}, min_delta = {delta}",
                      (curva, paciencia, delta)))
    casos.append(("a mesma curva (semente 2) como lista, paciencia = 10, min_delta = 0",
                  (_curva_ruidosa(2).tolist(), 10, 0.0)))
    casos = [(d, args, hiperparametros.epoca_de_parada(*args).epoca) for d, args in casos]
    return _conferir_casos(
        "epoca_de_parada", funcao, casos, _comparar_epoca,
        "guarde a melhor marca e um contador; a época t (de 1) melhora se a_t > melhor + min_delta (aí zere o "
        "contador e guarde a_t); senão some 1 ao contador e, se ele chegar à paciência, devolva t. "
        "Se a curva acabar antes, devolva None.", " (inclusive os empates, o min_delta e as curvas sem parada)")


# ---------------------------------------------------------------- maior taxa estável

def _quadratica(curvaturas):
    a = np.asarray(curvaturas, dtype=float)
    return (lambda w: 0.5 * float(np.sum(a * np.asarray(w, dtype=float) ** 2)),
            lambda w: a * np.asarray(w, dtype=float))


def _comparar_taxa(obtido, esperado):
    if esperado is None:
        if obtido is None:
            return None
        return f"nenhuma taxa da lista baixa o custo em todos os passos: esperava None, recebi {resumir(obtido, 40)}"
    if obtido is None:
        return f"esperava a taxa {esperado:g}, recebi None"
    try:
        valor = float(obtido)
    except (TypeError, ValueError):
        return f"esperava um número (uma das taxas da lista), recebi {resumir(obtido, 40)}"
    if not np.isclose(valor, esperado, rtol=1e-9, atol=1e-12):
        return f"esperava a taxa {esperado:g}, recebi {resumir(valor)}"
    return None


def maior_taxa_estavel(funcao) -> Resultado:
    """Exercício: `funcao(custo, gradiente, w0, taxas, passos)` devolve a maior taxa cujo custo cai a cada passo, ou None."""
    grade = np.round(np.arange(0.05, 1.0, 0.05), 2)
    c4, g4 = _quadratica([4.0])
    c1, g1 = _quadratica([1.0])
    c_aniso, g_aniso = _quadratica([1.0, 10.0])
    quartica = (lambda w: float(np.sum(np.asarray(w) ** 4)) / 4, lambda w: np.asarray(w, dtype=float) ** 3)
    casos = [
        ("C = 2w² (a = 4), w0 = [1], taxas = 0.05, 0.10, …, 0.95, passos = 10 (limiar 2/a = 0.5)",
         (c4, g4, np.array([1.0]), grade, 10)),
        ("C = w²/2 (a = 1), w0 = [3], taxas = [0.5, 1.0, 1.5, 1.9, 2.0, 2.5], passos = 5",
         (c1, g1, np.array([3.0]), [0.5, 1.0, 1.5, 1.9, 2.0, 2.5], 5)),
        ("a mesma quadrática, taxas fora de ordem: [2.5, 0.3, 1.2, 2.0, 0.7], passos = 5",
         (c1, g1, np.array([3.0]), [2.5, 0.3, 1.2, 2.0, 0.7], 5)),
        ("C = w²/2, w0 = [1], taxas = [2.5, 3.0, 4.0] (nenhuma serve)", (c1, g1, np.array([1.0]), [2.5, 3.0, 4.0], 5)),
        ("C = (w₁² + 10 w₂²)/2, w0 = [1, 0.01], taxas = [0.1, 0.15, 0.19, 0.21, 0.25], passos = 30 "
         "(com 0.21 o custo cai no começo e depois sobe)",
         (c_aniso, g_aniso, np.array([1.0, 0.01]), [0.1, 0.15, 0.19, 0.21, 0.25], 30)),
        ("C = w⁴/4, w0 = [2], taxas = [0.05, 0.1, 0.2, 0.3, 0.5], passos = 10",
         (quartica[0], quartica[1], np.array([2.0]), [0.05, 0.1, 0.2, 0.3, 0.5], 10)),
    ]
    casos = [(d, args, hiperparametros.maior_taxa_estavel(*args)) for d, args in casos]
    return _conferir_casos(
        "maior_taxa_estavel", funcao, casos, _comparar_taxa,
        "para cada taxa, parta de uma cópia de w0 e dê `passos` passos w ← w − taxa·gradiente(w), guardando o custo "
        "antes e depois de cada passo; a taxa serve se cada custo for estritamente menor que o anterior. Devolva a "
        "maior que serve (None se nenhuma).", " (quadráticas, a anisotrópica e a quártica)")


# ---------------------------------------------------------------- agenda em degraus

def _taxa_em_degraus(t, taxa, fator, a_cada):
    return agendas.Degraus(taxa, fator=fator, a_cada=a_cada)(t)


def taxa_em_degraus(funcao) -> Resultado:
    """Exercício: `funcao(t, taxa, fator, a_cada)` devolve $\\eta\\cdot\\text{fator}^{\\lfloor t/\\text{a\\_cada}\\rfloor}$."""
    casos = [(f"t = {t}, taxa = {taxa}, fator = {fator}, a_cada = {a_cada}", (t, taxa, fator, a_cada))
             for t, taxa, fator, a_cada in ((0, 0.25, 0.1, 20), (19, 0.25, 0.1, 20), (20, 0.25, 0.1, 20),
                                            (29, 0.25, 0.1, 20), (40, 0.25, 0.1, 20), (35, 1.0, 0.5, 10),
                                            (3, 0.1, 0.1, 1), (6, 0.3, 0.2, 7), (7, 0.3, 0.2, 7), (14, 0.3, 0.2, 7))]
    return verificar_funcao(
        "taxa_em_degraus", funcao, _taxa_em_degraus, casos, rtol=1e-9, atol=1e-15,
        dica="as épocas contam de 0: nas épocas 0 a a_cada − 1 a taxa é a inicial; use a divisão inteira t // a_cada "
             "como expoente do fator.")


# ---------------------------------------------------------------- escolher a melhor configuração

def _comparar_escolha(obtido, esperado):
    try:
        nome, epoca = obtido
    except (TypeError, ValueError):
        return f"esperava o par (nome, época), recebi {resumir(obtido, 60)}"
    if nome != esperado[0]:
        return f"esperava a configuração {esperado[0]!r}, recebi {resumir(nome, 40)}"
    if isinstance(epoca, bool) or not isinstance(epoca, (int, np.integer, float, np.floating)) or epoca != esperado[1]:
        return f"a configuração confere, mas esperava a época {esperado[1]} (contando de 1), recebi {resumir(epoca, 40)}"
    return None


def escolher_melhor(funcao) -> Resultado:
    """Exercício: `funcao(historicos)` devolve `(nome, época)` da maior acurácia de validação (empates: o primeiro)."""
    rng = np.random.default_rng(180)
    casos = [
        ("{'a': [0.80, 0.85, 0.84], 'b': [0.70, 0.88, 0.86], 'c': [0.82, 0.83, 0.87]} (acuracia_validacao)",
         ({"a": {"acuracia_validacao": [0.80, 0.85, 0.84]}, "b": {"acuracia_validacao": [0.70, 0.88, 0.86]},
           "c": {"acuracia_validacao": [0.82, 0.83, 0.87]}},)),
        ("empate entre configurações: 'x': [0.9, 0.8], 'y': [0.7, 0.9] (fica a primeira do dicionário)",
         ({"x": {"acuracia_validacao": [0.9, 0.8]}, "y": {"acuracia_validacao": [0.7, 0.9]}},)),
        ("empate dentro de uma configuração: 'só': [0.5, 0.7, 0.7, 0.6] (fica a primeira época)",
         ({"só": {"acuracia_validacao": [0.5, 0.7, 0.7, 0.6]}},)),
        ("a melhor no fim não é a melhor no pico: 'fim': [0.80, 0.81, 0.82], 'pico': [0.79, 0.90, 0.75]",
         ({"fim": {"acuracia_validacao": [0.80, 0.81, 0.82]}, "pico": {"acuracia_validacao": [0.79, 0.90, 0.75]}},)),
        ("históricos completos (custo e acurácia, de treino e de validação), como arrays",
         ({f"η = {t}": {"custo": rng.random(8), "acuracia": rng.random(8), "custo_validacao": rng.random(8),
                        "acuracia_validacao": np.round(rng.random(8), 3)} for t in (0.1, 0.5, 1.0, 3.0)},)),
    ]
    casos = [(d, args, hiperparametros.escolher_melhor(*args)[:2]) for d, args in casos]
    return _conferir_casos(
        "escolher_melhor", funcao, casos, _comparar_escolha,
        "para cada nome, pegue a maior acurácia de validação e a época em que ela aparece pela primeira vez "
        "(np.argmax + 1); fique com o nome de maior acurácia, trocando só quando outro for estritamente maior.", "")
