"""Verificações dos exercícios do capítulo 2 (o neurônio)."""
from __future__ import annotations

import numpy as np

from .. import ativacoes, neuronio as _neuronio, portas
from ._nucleo import AINDA_NAO_DEFINIDA, NAO_IMPLEMENTADO, Resultado, chamar, relatar, resumir, verificar_funcao
from ._nucleo import descrever


def neuronio(funcao) -> Resultado:
    """Exercício: `funcao(X, w, b)` devolve X @ w + b para um exemplo ou um lote."""
    rng = np.random.default_rng(2)
    X_and, _ = portas.tabela_verdade("AND")
    casos = [
        (np.array([2.0, 5.0]), np.array([3.0, 6.0]), -2.0),
        (X_and, np.array([1.0, 1.0]), -1.5),
        (rng.normal(size=(5, 3)), rng.normal(size=3), 0.7),
        (rng.normal(size=(1, 4)), rng.normal(size=4), -1.2),
    ]
    return verificar_funcao(
        "neuronio", funcao, _neuronio.potencial,
        [(descrever(X=X, w=w, b=b), (X, w, b)) for X, w, b in casos],
        dica="para um lote X de forma (m, n), X @ w tem forma (m,): uma soma ponderada por linha; some b a cada uma.")


def sigmoide(funcao) -> Resultado:
    """Exercício: `funcao(z)` devolve 1 / (1 + e^(−z)), elemento a elemento."""
    rng = np.random.default_rng(3)
    casos = [np.array(0.0), np.array([-2.0, -1.0, 0.0, 1.0, 2.0]), np.array([-30.0, 30.0]),
             rng.normal(scale=4, size=(3, 4))]
    return verificar_funcao(
        "sigmoide", funcao, ativacoes.sigmoide,
        [(descrever(z=z), (z,)) for z in casos],
        dica="σ(0) deve dar 0,5 e σ(z) deve crescer com z; confira o sinal no expoente.")


def pesos_and(w, b) -> Resultado:
    """Exercício: pesos `w` (dois números) e viés `b` com que um neurônio degrau calcula AND."""
    nome = "pesos_and"
    if w is None or b is None:
        return relatar(nome, False, [f"… {nome}: {AINDA_NAO_DEFINIDA}"])
    try:
        X, y = portas.tabela_verdade("AND")
        saidas = _neuronio.classificar(X, w, b)
    except (TypeError, ValueError) as erro:
        return relatar(nome, False, [f"✘ {nome}: não consegui usar w = {resumir(w)} e b = {resumir(b)}: {erro}"])
    errados = [f"({int(x1)}, {int(x2)}) → {s} (esperava {t})" for (x1, x2), s, t in zip(X, saidas, y) if s != t]
    if errados:
        return relatar(nome, False, [
            f"✘ {nome}: com w = {resumir(np.asarray(w, float))} e b = {resumir(float(b))}, "
            f"{len(errados)} das 4 entradas saem erradas:",
            *[f"  {e}" for e in errados],
            "  dica: só (1, 1) pode passar do limiar; w1 + w2 + b > 0, mas w1 + b ≤ 0 e w2 + b ≤ 0."])
    return relatar(nome, True, [f"✔ {nome}: as 4 entradas de AND saem certas. Muito bem!"])


def reta_de_decisao(funcao) -> Resultado:
    """Exercício: `funcao(x1, w, b)` devolve o x2 da fronteira w1·x1 + w2·x2 + b = 0."""
    casos = [
        (np.array([0.0, 1.0, 2.0]), np.array([1.0, 1.0]), -1.5),
        (np.array([-1.0, 0.5, 3.0]), np.array([2.0, -4.0]), 1.0),
        (np.array([0.0, 1.0]), np.array([-2.0, -2.0]), 3.0),
        (np.array(0.25), np.array([0.5, 3.0]), -2.0),
    ]
    return verificar_funcao(
        "reta_de_decisao", funcao, _neuronio.reta_de_decisao,
        [(descrever(x1=x1, w=w, b=b), (x1, w, b)) for x1, w, b in casos],
        dica="isole x2 em w1·x1 + w2·x2 + b = 0; cuidado com o sinal do viés.")


def menor_numero_de_erros(funcao) -> Resultado:
    """Exercício: `funcao(X, y)` devolve o menor número de erros de um neurônio degrau numa grade."""
    nome = "menor_numero_de_erros"
    esperado = {"AND": 0, "OR": 0, "NAND": 0, "XOR": 1, "XNOR": 1}
    if funcao is None:
        return relatar(nome, False, [f"… {nome}: {AINDA_NAO_DEFINIDA}"])
    if not callable(funcao):
        return relatar(nome, False, [f"✘ {nome}: esperava uma função, recebi {type(funcao).__name__}."])
    for porta, certo in esperado.items():
        X, y = portas.tabela_verdade(porta)
        obtido, problema = chamar(funcao, (X, y))
        if problema == NAO_IMPLEMENTADO:
            return relatar(nome, False, [f"… {nome}: {problema}"])
        if problema is None:
            try:
                valido = float(obtido) == int(float(obtido))
            except (TypeError, ValueError):
                valido = False
            if not valido:
                problema = f"esperava um número inteiro de erros, recebi {resumir(obtido, 60)}"
            elif int(float(obtido)) != certo:
                problema = f"esperava {certo}, obtive {int(float(obtido))}"
        if problema is not None:
            return relatar(nome, False, [f"✘ {nome}: a porta {porta} não confere.", f"  {problema}",
                                         "  dica: para cada (w1, w2, b) da grade conte os erros nas 4 entradas "
                                         "e guarde o menor valor."])
    return relatar(nome, True, [f"✔ {nome}: AND, OR e NAND chegam a 0 erros; XOR e XNOR param em 1. Muito bem!"])
