"""Verificações dos exercícios do capítulo 3 (o perceptron)."""
from __future__ import annotations

import numpy as np

from .. import perceptron as _perceptron, portas
from ._nucleo import (AINDA_NAO_DEFINIDA, NAO_IMPLEMENTADO, Resultado, chamar, comparar_arrays, relatar, resumir,
                      verificar_funcao)
from ._nucleo import descrever, sem_funcao

_W_FESTIVAL = np.array([6.0, 2.0, 2.0])
_OITO_ENTRADAS = [np.array([(k >> 2) & 1, (k >> 1) & 1, k & 1]) for k in range(8)]


def _como_inteiro(valor) -> int | None:
    """O inteiro que `valor` representa (aceita 3, 3.0, np.int64(3), True), ou None."""
    try:
        numero = float(np.asarray(valor, dtype=float).reshape(()))
    except (TypeError, ValueError):
        return None
    return int(numero) if np.isfinite(numero) and numero == int(numero) else None


def decide_festival(funcao) -> Resultado:
    """Exercício: `funcao(x, limiar)` devolve 1 se 6·x1 + 2·x2 + 2·x3 > limiar, senão 0."""
    casos = [(x, limiar) for limiar in (5.0, 3.0, 6.0, 0.0, 4.5, 10.0) for x in _OITO_ENTRADAS]
    return verificar_funcao(
        "decide_festival", funcao, lambda x, limiar: int(_W_FESTIVAL @ x > limiar),
        [(descrever(x=x, limiar=limiar), (x, limiar)) for x, limiar in casos],
        dica="some 6·x1 + 2·x2 + 2·x3 e compare com o limiar usando > (estritamente maior); devolva 0 ou 1.")


def meio_somador(funcao) -> Resultado:
    """Exercício: `funcao(a, b, nand)` devolve `(soma, vai_um)` usando só a porta `nand` recebida."""
    nome = "meio_somador"
    falta = sem_funcao(nome, funcao)
    if falta is not None:
        return falta
    chamadas = []

    def nand_contado(p, q):
        chamadas.append(1)
        return int(_perceptron.nand(int(np.asarray(p).reshape(())), int(np.asarray(q).reshape(()))))

    maximo = 0
    for a, b in [(0, 0), (0, 1), (1, 0), (1, 1)]:
        chamadas.clear()
        obtido, problema = chamar(funcao, (a, b, nand_contado))
        if problema == NAO_IMPLEMENTADO:
            return relatar(nome, False, [f"… {nome}: {problema}"])
        esperado = (a ^ b, a & b)
        if problema is None:
            try:
                par = tuple(obtido)
            except TypeError:
                par = None
            if par is None or len(par) != 2:
                problema = f"esperava um par (soma, vai_um), recebi {resumir(obtido, 60)}"
            else:
                problema = comparar_arrays(np.array([_como_inteiro(v) if _como_inteiro(v) is not None else np.nan
                                                     for v in par]), np.array(esperado), 0, 0)
                if problema is not None:
                    problema = f"esperava (soma, vai_um) = {esperado}, obtive {resumir(par, 60)}"
        if problema is None and not chamadas:
            problema = ("esperava que a sua função chamasse a porta nand recebida, "
                        "mas ela não foi usada nenhuma vez")
        if problema is not None:
            return relatar(nome, False, [f"✘ {nome}: a entrada a = {a}, b = {b} não confere.", f"  {problema}",
                                         "  dica: com t = nand(a, b), a soma é nand(nand(a, t), nand(b, t)) "
                                         "e o vai-um é NOT t."])
        maximo = max(maximo, len(chamadas))
    extra = " (o mínimo possível)" if maximo <= 5 else "; dá para fazer com 5"
    return relatar(nome, True, [f"✔ {nome}: as 4 somas conferem, com até {maximo} chamadas de nand{extra}. Muito bem!"])


def passo_perceptron(funcao) -> Resultado:
    """Exercício: `funcao(w, b, x, y, eta)` devolve `(w_novo, b_novo)` pela regra de Rosenblatt."""
    nome = "passo_perceptron"
    falta = sem_funcao(nome, funcao)
    if falta is not None:
        return falta
    rng = np.random.default_rng(5)
    casos = [
        (np.array([0.0, 0.0]), 0.0, np.array([1.0, 1.0]), 1, 1.0),       # z = 0 com y = 1: erra e aprende
        (np.array([0.0, 0.0]), 0.0, np.array([0.0, 1.0]), 0, 1.0),       # z = 0 com y = 0: acerta
        (np.array([1.0, 1.0]), 1.0, np.array([0.0, 0.0]), 0, 1.0),       # só o viés muda
        (np.array([2.0, 1.0]), -2.0, np.array([1.0, 1.0]), 1, 1.0),      # acerta, nada muda
        (np.array([0.5, -0.3, 0.2]), 0.1, np.array([1.0, 2.0, -1.0]), 1, 0.1),
        (np.array([1.0, 2.0]), 0.5, np.array([1.0, 1.0]), 0, 0.25),
    ]
    for _ in range(4):
        casos.append((rng.normal(size=3), float(rng.normal()), rng.normal(size=3), int(rng.integers(0, 2)),
                      float(rng.choice([0.1, 0.5, 1.0]))))
    for i, (w, b, x, y, eta) in enumerate(casos, start=1):
        obtido, problema = chamar(funcao, (w, b, x, y, eta))
        if problema == NAO_IMPLEMENTADO:
            return relatar(nome, False, [f"… {nome}: {problema}"])
        w_certo, b_certo = _perceptron.passo_perceptron(w, b, x, y, eta)
        if problema is None:
            try:
                w_novo, b_novo = obtido
            except (TypeError, ValueError):
                w_novo = b_novo = None
                problema = f"esperava um par (w_novo, b_novo), recebi {resumir(obtido, 60)}"
        if problema is None:
            problema = comparar_arrays(w_novo, w_certo, 1e-9, 1e-12)
            if problema is not None:
                problema = "w_novo: " + problema
        if problema is None:
            problema = comparar_arrays(b_novo, b_certo, 1e-9, 1e-12)
            if problema is not None:
                problema = "b_novo: " + problema
        if problema is not None:
            return relatar(nome, False, [
                f"✘ {nome}: o caso {i} de {len(casos)} não confere.",
                f"  entrada: {descrever(w=w, b=b, x=x, y=y, eta=eta)}",
                f"  {problema}",
                "  dica: ŷ = 1 só se w·x + b > 0 (em z = 0, ŷ = 0); depois w + eta·(y − ŷ)·x e b + eta·(y − ŷ)."])
    return relatar(nome, True, [f"✔ {nome}: {len(casos)} de {len(casos)} casos corretos. Muito bem!"])


def _epocas_referencia(X, y, eta, epocas) -> int:
    hist = _perceptron.treinar_perceptron(X, y, eta=eta, epocas=epocas)
    return -1 if hist.epoca_convergencia is None else hist.epoca_convergencia


def epocas_ate_convergir(funcao) -> Resultado:
    """Exercício: `funcao(X, y, eta, epocas)` devolve a primeira época que termina sem erros, ou −1."""
    nome = "epocas_ate_convergir"
    falta = sem_funcao(nome, funcao)
    if falta is not None:
        return falta
    X8 = np.array(_OITO_ENTRADAS, dtype=float)
    casos = [(f"porta {p}, eta = 1, epocas = 100", *portas.tabela_verdade(p), 1.0, 100)
             for p in ("AND", "OR", "NAND", "XOR")]
    casos += [
        ("porta AND, eta = 0.5, epocas = 100", *portas.tabela_verdade("AND"), 0.5, 100),
        ("porta AND, eta = 1, epocas = 3 (não dá tempo)", *portas.tabela_verdade("AND"), 1.0, 3),
        ("festival com limiar 3 (8 exemplos, 3 entradas), eta = 1, epocas = 100",
         X8, (X8 @ _W_FESTIVAL > 3).astype(int), 1.0, 100),
        ("porta XNOR, eta = 1, epocas = 50", *portas.tabela_verdade("XNOR"), 1.0, 50),
    ]
    for descricao, X, y, eta, epocas in casos:
        certo = _epocas_referencia(X, y, eta, epocas)
        obtido, problema = chamar(funcao, (X, y, eta, epocas))
        if problema == NAO_IMPLEMENTADO:
            return relatar(nome, False, [f"… {nome}: {problema}"])
        if problema is None:
            inteiro = _como_inteiro(obtido)
            if obtido is None:
                problema = "sua função devolveu None: faltou o `return`?"
            elif inteiro is None:
                problema = f"esperava um número inteiro de épocas, recebi {resumir(obtido, 60)}"
            elif inteiro != certo:
                problema = f"esperava {certo}, obtive {inteiro}"
        if problema is not None:
            return relatar(nome, False, [
                f"✘ {nome}: o caso '{descricao}' não confere.", f"  {problema}",
                "  dica: comece com w = 0 e b = 0, percorra os exemplos na ordem das linhas e, no fim de cada "
                "época, conte os erros com os pesos atuais; devolva o número dessa época (1, 2, …) quando "
                "não houver erro, ou −1 se as épocas acabarem."])
    return relatar(nome, True, [f"✔ {nome}: {len(casos)} de {len(casos)} casos corretos; "
                                "o XOR nunca converge. Muito bem!"])


def pesos_xor(W1, b1, w2, b2) -> Resultado:
    """Exercício: pesos de uma rede 2-2-1 de perceptrons que calcula XOR."""
    nome = "pesos_xor"
    if any(v is None for v in (W1, b1, w2, b2)):
        return relatar(nome, False, [f"… {nome}: {AINDA_NAO_DEFINIDA}"])
    X, y = portas.tabela_verdade("XOR")
    try:
        W2 = np.asarray(w2, dtype=float).reshape(-1, 1)
        b2_ = np.asarray(b2, dtype=float).reshape(1)
        oculta, saida = _perceptron.propagar(X, [(W1, b1), (W2, b2_)])
    except (TypeError, ValueError) as erro:
        return relatar(nome, False, [f"✘ {nome}: não consegui montar a rede com esses pesos: {erro}",
                                     "  esperava W1 com forma (2, 2), b1 com forma (2,), w2 com forma (2,) "
                                     "e b2 um número."])
    saida = saida[:, 0]
    errados = [f"({int(a)}, {int(b)}) → oculta {tuple(int(h) for h in hid)} → {s} (esperava {t})"
               for (a, b), hid, s, t in zip(X, oculta, saida, y) if s != t]
    if errados:
        return relatar(nome, False, [f"✘ {nome}: {len(errados)} das 4 entradas saem erradas:",
                                     *[f"  {e}" for e in errados],
                                     "  dica: faça a coluna 0 de W1 calcular OR, a coluna 1 calcular NAND, "
                                     "e a saída calcular AND das duas."])
    return relatar(nome, True, [f"✔ {nome}: a rede acerta as 4 entradas do XOR. Muito bem!"])
