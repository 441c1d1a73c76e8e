"""Verificações dos exercícios do capítulo 21 (o Playground: atributos, um passo de treino, XOR e a espiral).

Tudo roda em menos de um segundo e meio, com entradas fixas ou sorteadas com semente.
"""
from __future__ import annotations

import numpy as np

from .. import playground as _pg
from ._nucleo import (NAO_IMPLEMENTADO, Resultado, caso_falhou, chamar, comparar_arrays, relatar, resumir,
                      sem_funcao, verificar_funcao)

# ---------------------------------------------------------------- referências


def _mapa(X, nomes):
    return _pg.atributos(X, nomes)


def _softmax(Z):
    Z = Z - Z.max(axis=1, keepdims=True)
    E = np.exp(Z)
    return E / E.sum(axis=1, keepdims=True)


def _passo(W1, b1, W2, b2, X, Y, taxa):
    """Um passo de SGD numa rede entrada → tanh → softmax, com a entropia cruzada média do lote."""
    m = X.shape[0]
    A1 = np.tanh(X @ W1 + b1)
    P = _softmax(A1 @ W2 + b2)
    G2 = (P - Y) / m
    G1 = (G2 @ W2.T) * (1 - A1 ** 2)
    return (W1 - taxa * X.T @ G1, b1 - taxa * G1.sum(axis=0), W2 - taxa * A1.T @ G2, b2 - taxa * G2.sum(axis=0))


def _casos_passo():
    casos = []
    for i, (n0, n1, k, m, taxa) in enumerate([(2, 3, 2, 4, 0.1), (3, 4, 2, 10, 0.03), (2, 8, 3, 7, 0.5),
                                               (7, 2, 2, 1, 1.0)]):
        rng = np.random.default_rng(2100 + i)
        args = (rng.normal(0, 0.7, (n0, n1)), rng.normal(0, 0.1, n1), rng.normal(0, 0.7, (n1, k)),
                rng.normal(0, 0.1, k), rng.normal(0, 2, (m, n0)), np.eye(k)[rng.integers(0, k, m)], taxa)
        casos.append((f"{n0} atributos → {n1} tanh → {k} softmax, lote de {m}, η = {taxa}", args))
    return casos


# ---------------------------------------------------------------- verificações

def mapa_de_atributos(funcao) -> Resultado:
    """Exercício: `funcao(X, nomes)` devolve as colunas pedidas (x1, x2, x1_2, x2_2, x1x2, sen_x1, sen_x2), na ordem."""
    rng = np.random.default_rng(21)
    X = rng.uniform(-6, 6, (12, 2))
    casos = [("um ponto (2, −3), nomes = ('x1', 'x2')", (np.array([[2.0, -3.0]]), ("x1", "x2"))),
             ("um ponto (2, −3), nomes = ('x1_2', 'x2_2', 'x1x2')", (np.array([[2.0, -3.0]]), ("x1_2", "x2_2", "x1x2"))),
             ("12 pontos sorteados, nomes = ('sen_x1', 'sen_x2')", (X, ("sen_x1", "sen_x2"))),
             ("12 pontos, ordem trocada: ('x1x2', 'x2', 'x1')", (X, ("x1x2", "x2", "x1"))),
             ("12 pontos, os 7 atributos", (X, tuple(_pg.ATRIBUTOS))),
             ("12 pontos, só ('x2',)", (X, ("x2",)))]
    return verificar_funcao(
        "mapa_de_atributos", funcao, _mapa, casos, rtol=1e-9, atol=1e-12,
        dica="monte uma coluna por nome, na ordem de `nomes` (x1 = X[:, 0], x2 = X[:, 1], x1_2 = x1**2, "
             "x1x2 = x1*x2, sen_x1 = np.sin(x1), ...) e junte com np.column_stack: forma (m, len(nomes)).")


def passo_de_treino(funcao) -> Resultado:
    """Exercício: `funcao(W1, b1, W2, b2, X, Y, taxa)` devolve `(W1, b1, W2, b2)` depois de um passo de SGD
    na rede entrada → tanh → softmax com a entropia cruzada média do lote."""
    nome = "passo_de_treino"
    falta = sem_funcao(nome, funcao)
    if falta is not None:
        return falta
    casos = _casos_passo()
    partes = ("W1", "b1", "W2", "b2")
    for i, (descricao, args) in enumerate(casos, start=1):
        obtido, problema = chamar(funcao, args)
        if problema == NAO_IMPLEMENTADO:
            return relatar(nome, False, [f"… {nome}: {problema}"])
        if problema is None:
            esperado = _passo(*args)
            if not isinstance(obtido, (tuple, list)) or len(obtido) != 4:
                problema = f"esperava uma tupla (W1, b1, W2, b2), recebi {resumir(obtido, 60)}"
            else:
                for p, o, e in zip(partes, obtido, esperado):
                    problema = comparar_arrays(o, e, 1e-7, 1e-10)
                    if problema is not None:
                        problema = f"{p}: {problema}"
                        break
        if problema is not None:
            return caso_falhou(nome, i, len(casos), descricao, problema,
                               "ida: A1 = tanh(X W1 + b1), P = softmax(A1 W2 + b2); volta: G2 = (P − Y)/m, "
                               "G1 = (G2 W2ᵀ)·(1 − A1²); gradientes X.T @ G1, G1.sum(0), A1.T @ G2, G2.sum(0); "
                               "cada parâmetro menos taxa vezes o seu gradiente.")
    return relatar(nome, True, [f"✔ {nome}: {len(casos)} de {len(casos)} casos corretos. Muito bem!"])


def _classificar_xor(w, b, X):
    return (_pg.atributos(X, ("x1", "x2", "x1x2")) @ w + b > 0).astype(int)


def pesos_xor_com_x1x2(funcao) -> Resultado:
    """Exercício: `funcao()` devolve `(w, b)`, com `w` de 3 números para os atributos (x1, x2, x1x2), tal que um
    neurônio só (classe 1 onde w·φ + b > 0) acerte todos os pontos do XOR sem ruído."""
    nome = "pesos_xor_com_x1x2"
    falta = sem_funcao(nome, funcao)
    if falta is not None:
        return falta
    resposta, problema = chamar(funcao, ())
    if problema == NAO_IMPLEMENTADO:
        return relatar(nome, False, [f"… {nome}: {problema}"])
    if problema is None:
        try:
            w, b = resposta
            w, b = np.asarray(w, dtype=float).reshape(3), float(b)
        except (TypeError, ValueError):
            problema = f"esperava (w, b), com w de 3 números e b um número; recebi {resumir(resposta, 60)}"
    if problema is None and not (np.all(np.isfinite(w)) and np.isfinite(b)):
        problema = "os pesos precisam ser números finitos"
    if problema is not None:
        return relatar(nome, False, [f"✘ {nome}: {problema}"])
    for semente in (0, 1, 2):
        cfg = _pg.Configuracao(dados="xor", semente_dados=semente)
        X1, y1, X2, y2 = _pg.gerar_dados(cfg)
        X, y = np.concatenate([X1, X2]), np.concatenate([y1, y2])
        acertos = float(np.mean(_classificar_xor(w, b, X) == y))
        if acertos < 1.0:
            return relatar(nome, False, [
                f"✘ {nome}: com w = {resumir(w)} e b = {b:.3g}, o neurônio acerta {acertos:.1%} dos 500 pontos do "
                f"XOR (semente {semente}); queria 100%.",
                "  dica: no XOR a classe 1 fica onde x1 e x2 têm sinais opostos, isto é, onde x1·x2 < 0. "
                "Que peso no atributo x1x2 (e que pesos em x1 e x2) fazem w·φ + b > 0 exatamente aí?"])
    return relatar(nome, True, [f"✔ {nome}: w = {resumir(w)}, b = {b:.3g} acertam 100% do XOR em 3 sorteios. Muito bem!"])


#: O desafio: acurácia de teste mínima na espiral, depois de `EPOCAS_DESAFIO` épocas.
ACURACIA_DESAFIO = 0.9
EPOCAS_DESAFIO = 100


def configuracao_espiral(funcao) -> Resultado:
    """Exercício: `funcao()` devolve uma `Configuracao` (ou um dicionário com os seus campos) que, nos dados da
    espiral (2 classes, sem ruído, semente 0), passe de 90% de acurácia de teste em 100 épocas."""
    nome = "configuracao_espiral"
    falta = sem_funcao(nome, funcao)
    if falta is not None:
        return falta
    resposta, problema = chamar(funcao, ())
    if problema == NAO_IMPLEMENTADO:
        return relatar(nome, False, [f"… {nome}: {problema}"])
    if problema is None:
        try:
            campos = resposta.como_dict() if isinstance(resposta, _pg.Configuracao) else dict(resposta)
            campos.update(dados="espiral", ruido=0.0, proporcao_treino=0.5, semente_dados=0)
            cfg = _pg.Configuracao(**campos)
        except (TypeError, ValueError) as erro:
            problema = f"não consegui montar uma Configuracao com a sua resposta: {erro}"
    if problema is not None:
        return relatar(nome, False, [f"✘ {nome}: {problema}"])
    pg = _pg.Playground(cfg, resolucao=2).passo(EPOCAS_DESAFIO)
    acc = pg.acuracia("teste")
    if pg.divergiu or not acc >= ACURACIA_DESAFIO:
        return relatar(nome, False, [
            f"✘ {nome}: depois de {EPOCAS_DESAFIO} épocas a acurácia de teste é {acc:.1%}"
            f"{' (o treino divergiu)' if pg.divergiu else ''}; o desafio pede pelo menos {ACURACIA_DESAFIO:.0%}.",
            "  dica: mais camadas ocultas (3 ou 4 de 8 neurônios), ReLU ou tanh, Adam com η = 0,01; "
            "ou dê à rede os atributos sen X₁ e sen X₂."])
    return relatar(nome, True, [f"✔ {nome}: {acc:.1%} de acurácia de teste na espiral em {EPOCAS_DESAFIO} épocas "
                                f"(rede {list(cfg.camadas)}, {cfg.ativacao}, {cfg.otimizador}). Desafio vencido!"])
