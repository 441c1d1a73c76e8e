"""Verificações dos exercícios do capítulo 10 (grafos computacionais e regra da cadeia).

As respostas de referência vêm de `redes.autodiff` (que tem os seus próprios
testes contra diferenças finitas). Tudo é pequeno e sorteado com semente, e
cada verificação roda em milissegundos. Os nomes começam com `grafo_` para
não colidir com os de outros capítulos.
"""
from __future__ import annotations

import math
import numpy as np

from ..autodiff import Valor as _Valor, soma as _soma
from ._nucleo import (AINDA_NAO_DEFINIDA, NAO_IMPLEMENTADO, Resultado, chamar, comparar_arrays, relatar, resumir,
                      verificar_funcao)


# ---------------------------------------------------------------- referências

def _derivadas_locais(operacao, x, y):
    u, v = _Valor(x), _Valor(y)
    contas = {"+": lambda: u + v, "-": lambda: u - v, "*": lambda: u * v, "/": lambda: u / v, "**": lambda: u ** v}
    z = contas[operacao]()
    return np.array(z.derivadas_locais)


def _derivada_por_caminhos(arestas, origem, destino):
    """Programação dinâmica: percorre os nós em ordem topológica somando derivada × derivada acumulada."""
    nos = {no for u, v, _ in arestas for no in (u, v)} | {origem, destino}
    chegando = {no: [(u, d) for u, v, d in arestas if v == no] for no in nos}
    memoria = {}

    def derivada(no):
        if no not in memoria:
            memoria[no] = 1.0 if no == origem else sum(d * derivada(u) for u, d in chegando[no])
        return memoria[no]
    return derivada(destino)


def _custos_em_camadas(larguras):
    larguras = [int(n) for n in larguras]
    arestas = sum(p * q for p, q in zip(larguras[:-1], larguras[1:]))
    return np.array([math.prod(larguras), arestas, larguras[0] * arestas, larguras[-1] * arestas], dtype=float)


def _gradiente_neuronio(x, w, b, y):
    pesos = [_Valor(float(wi)) for wi in np.asarray(w, dtype=float)]
    vies = _Valor(float(b))
    z = _soma([wi * float(xi) for wi, xi in zip(pesos, np.asarray(x, dtype=float))] + [vies])
    custo = 0.5 * (z.sigmoide() - float(y)) ** 2
    custo.backward()
    return np.array([p.grad for p in pesos] + [vies.grad])


# ---------------------------------------------------------------- exercício 1

def grafo_derivadas_locais(funcao) -> Resultado:
    """Exercício: `funcao(operacao, x, y)` devolve (∂z/∂x, ∂z/∂y) para z = x op y, op em + - * / **."""
    rng = np.random.default_rng(10)
    casos = [("+", 2.0, 1.0), ("*", 3.0, 2.0), ("*", 2.0, 3.0), ("-", 5.0, 2.0), ("/", 1.0, 4.0), ("**", 2.0, 3.0)]
    casos += [(op, float(rng.uniform(0.5, 3.0)), float(rng.uniform(-2.0, 2.0))) for op in ("+", "-", "*", "/", "**")]
    return verificar_funcao(
        "grafo_derivadas_locais", funcao, _derivadas_locais,
        [(f"operacao = {op!r}, x = {x:.4g}, y = {y:.4g}", (op, x, y)) for op, x, y in casos], rtol=1e-6, atol=1e-9,
        dica="derive z em relação a x tratando y como constante, e vice-versa: para z = x·y, ∂z/∂x = y e "
             "∂z/∂y = x; para z = x/y, ∂z/∂y = −x/y²; para z = x**y, ∂z/∂y = x**y · ln x.")


# ---------------------------------------------------------------- exercício 2

def _dag(rng, n, densidade):
    nomes = [f"n{i}" for i in range(n)]
    arestas = [(nomes[i], nomes[j], float(np.round(rng.uniform(-2, 2), 2)))
               for i in range(n) for j in range(i + 1, n) if rng.random() < densidade]
    rng.shuffle(arestas)
    return [tuple(a) for a in arestas], nomes


def grafo_soma_sobre_caminhos(funcao) -> Resultado:
    """Exercício: `funcao(arestas, origem, destino)` soma, sobre os caminhos, o produto das derivadas locais."""
    olah = [("a", "c", 1.0), ("b", "c", 1.0), ("b", "d", 1.0), ("c", "e", 2.0), ("d", "e", 3.0)]
    letras = [("X", f"p{i}", k) for i, k in enumerate((0.5, 2.0, -1.0))] + [(f"p{i}", "Y", 1.0) for i in range(3)]
    letras += [("Y", f"q{i}", k) for i, k in enumerate((1.5, -0.5, 3.0))] + [(f"q{i}", "Z", 1.0) for i in range(3)]
    rng = np.random.default_rng(11)
    casos = [("o grafo e = (a + b)(b + 1) com a = 2, b = 1; de b até e", (olah, "b", "e")),
             ("o mesmo grafo; de a até e", (olah, "a", "e")),
             ("X → três nós → Y → três nós → Z (derivadas 0,5; 2; −1 e 1,5; −0,5; 3); de X até Z",
              (letras, "X", "Z")),
             ("o mesmo grafo; de Y até Z", (letras, "Y", "Z")),
             ("o grafo de e; de e até a (contra as setas: nenhum caminho)", (olah, "e", "a")),
             ("o grafo de e; de c até c (o caminho vazio: produto de nada = 1)", (olah, "c", "c"))]
    for semente_local, (n, densidade) in enumerate([(6, 0.6), (8, 0.5), (9, 0.7)]):
        arestas, nomes = _dag(rng, n, densidade)
        casos.append((f"grafo sorteado (semente 11, nº {semente_local + 1}) com {n} nós e {len(arestas)} arestas, "
                      f"em ordem embaralhada; de {nomes[0]} até {nomes[-1]}", (arestas, nomes[0], nomes[-1])))
    return verificar_funcao(
        "grafo_soma_sobre_caminhos", funcao, _derivada_por_caminhos, casos, rtol=1e-9, atol=1e-9,
        dica="a derivada do destino em relação a um nó u é a soma, sobre as arestas u → v, de "
             "(derivada local da aresta) × (derivada do destino em relação a v); no destino ela vale 1. "
             "Uma função recursiva resolve; sem caminho, a soma é 0.")


# ---------------------------------------------------------------- exercício 3

def grafo_custos_em_camadas(funcao) -> Resultado:
    """Exercício: `funcao(larguras)` devolve (caminhos, arestas, visitas no modo direto, visitas no modo reverso)."""
    casos = [[1, 3, 1, 3, 1], [1, 1], [2, 3, 4], [1, 3, 3, 3, 1], [784, 30, 10], [3, 1], [1, 2, 2, 2, 2, 2, 1]]
    return verificar_funcao(
        "grafo_custos_em_camadas", funcao, _custos_em_camadas,
        [(f"larguras = {lar}", (lar,)) for lar in casos], rtol=1e-12, atol=0.5,
        dica="caminhos: um nó escolhido em cada camada, então o produto das larguras; arestas: cada camada "
             "liga-se inteira à seguinte, n_l·n_(l+1); o modo direto faz uma passada por ENTRADA (primeira "
             "camada) e o reverso uma por SAÍDA (última), e cada passada visita todas as arestas uma vez.")


# ---------------------------------------------------------------- exercício 4

def _par_de_gradientes(resposta, n):
    """Junta (grad_w, grad_b) num vetor só, ou explica o que está errado no formato."""
    if not isinstance(resposta, (tuple, list)) or len(resposta) != 2:
        return None, f"esperava um par (grad_w, grad_b), recebi {resumir(resposta, 60)}"
    try:
        grad_w, grad_b = np.asarray(resposta[0], dtype=float), np.asarray(resposta[1], dtype=float)
    except (TypeError, ValueError):
        return None, f"esperava números em (grad_w, grad_b), recebi {resumir(resposta, 60)}"
    if grad_w.shape != (n,) or grad_b.size != 1:
        return None, (f"esperava grad_w com forma ({n},) e grad_b um número, "
                      f"recebi formas {grad_w.shape} e {grad_b.shape}")
    return np.concatenate([grad_w, grad_b.reshape(1)]), None


def grafo_gradiente_neuronio(funcao) -> Resultado:
    """Exercício: `funcao(x, w, b, y)` devolve (∂C/∂w, ∂C/∂b) para C = ½(σ(w·x + b) − y)²."""
    nome = "grafo_gradiente_neuronio"
    if funcao is None:
        return relatar(nome, False, [f"… {nome}: {AINDA_NAO_DEFINIDA}"])
    if not callable(funcao):
        return relatar(nome, False, [f"✘ {nome}: esperava uma função, recebi {type(funcao).__name__}."])
    rng = np.random.default_rng(12)
    casos = [(np.array([1.0, 2.0]), np.array([0.5, -0.25]), 0.1, 1.0),
             (np.array([1.0]), np.array([2.0]), -2.0, 0.0),
             (np.array([0.0, 0.0, 0.0]), np.array([1.0, 1.0, 1.0]), 0.0, 1.0)]
    casos += [(rng.normal(size=n), rng.normal(size=n), float(rng.normal()), float(rng.integers(0, 2)))
              for n in (2, 4, 5)]
    for k, (x, w, b, y) in enumerate(casos, start=1):
        resposta, problema = chamar(funcao, (x, w, b, y))
        if problema == NAO_IMPLEMENTADO:
            return relatar(nome, False, [f"… {nome}: {problema}"])
        if problema is None:
            obtido, problema = _par_de_gradientes(resposta, len(w))
        if problema is None:
            problema = comparar_arrays(obtido, _gradiente_neuronio(x, w, b, y), rtol=1e-6, atol=1e-9)
        if problema is not None:
            return relatar(nome, False, [
                f"✘ {nome}: o caso {k} de {len(casos)} não confere.",
                f"  entrada: x = {resumir(x, 40)}, w = {resumir(w, 40)}, b = {b:.4g}, y = {y:g}",
                f"  {problema} (os pesos primeiro, o viés por último)",
                "  dica: regra da cadeia de trás para frente: ∂C/∂a = a − y; ∂a/∂z = a(1 − a); ∂z/∂w_i = x_i e "
                "∂z/∂b = 1. Então ∂C/∂b = (a − y)·a·(1 − a), e ∂C/∂w é esse mesmo número vezes x."])
    return relatar(nome, True, [f"✔ {nome}: {len(casos)} de {len(casos)} casos corretos. Muito bem!"])


# ---------------------------------------------------------------- exercício 5

def _tanh(u):
    return math.tanh(u) if isinstance(u, float) else u.tanh()


def _expressoes(rng, quantas=6, n_entradas=3, passos=8):
    expressoes = []
    for _ in range(quantas):
        instrucoes = []
        for k in range(passos):
            op = str(rng.choice(["+", "*", "+c", "c+", "*c", "c*", "tanh"]))
            i, j = (int(t) for t in rng.integers(0, n_entradas + k, size=2))
            instrucoes.append((op, i, j, float(np.round(rng.uniform(-1.5, 1.5), 2))))
        expressoes.append(instrucoes)
    return expressoes


def _avaliar(instrucoes, entradas):
    nos = list(entradas)
    for op, i, j, c in instrucoes:
        u, v = nos[i], nos[j]
        nos.append({"+": lambda: u + v, "*": lambda: u * v, "+c": lambda: u + c, "c+": lambda: c + u,
                    "*c": lambda: u * c, "c*": lambda: c * u, "tanh": lambda: _tanh(u * 0.5)}[op]())
    return nos[-1] * nos[-2] + nos[-3]


def _descrever_expressao(instrucoes) -> str:
    nomes = ["x0", "x1", "x2"]
    for op, i, j, c in instrucoes:
        u, v = nomes[i], nomes[j]
        nomes.append({"+": f"({u} + {v})", "*": f"{u}·{v}", "+c": f"({u} + {c:g})", "c+": f"({c:g} + {u})",
                      "*c": f"{u}·{c:g}", "c*": f"{c:g}·{u}", "tanh": f"tanh({u}·0.5)"}[op])
    texto = f"{nomes[-1]}·{nomes[-2]} + {nomes[-3]}"
    return texto if len(texto) < 140 else texto[:139] + "…"


def _testes_do_valor(Classe):
    """Os testes, em ordem; cada um devolve None (passou) ou (descrição, esperado, obtido)."""
    a, b = Classe(2.0), Classe(1.0)
    e = (a + b) * (b + 1)
    e.backward()
    obtido = (float(e.dados), float(a.grad), float(b.grad))
    if not np.allclose(obtido, (6.0, 2.0, 5.0), rtol=0, atol=1e-12):
        yield ("e = (a + b)·(b + 1) com a = 2, b = 1: (e.dados, a.grad, b.grad)", (6.0, 2.0, 5.0), obtido)
    x = Classe(3.0)
    y = x * x + x
    y.backward()
    if not math.isclose(float(x.grad), 7.0, abs_tol=1e-12):
        yield ("y = x·x + x com x = 3 (x aparece três vezes: os caminhos se somam): x.grad", 7.0, float(x.grad))
    t = Classe(0.5)
    s = t.tanh()
    s.backward()
    esperado = (math.tanh(0.5), 1 - math.tanh(0.5) ** 2)
    obtido = (float(s.dados), float(t.grad))
    if not np.allclose(obtido, esperado, rtol=1e-9, atol=1e-12):
        yield ("s = tanh(t) com t = 0,5: (s.dados, t.grad)", esperado, obtido)
    rng = np.random.default_rng(13)
    h = 1e-5
    for instrucoes in _expressoes(rng):
        x0 = [float(v) for v in np.round(rng.uniform(-1.5, 1.5, size=3), 3)]
        entradas = [Classe(v) for v in x0]
        saida = _avaliar(instrucoes, entradas)
        saida.backward()
        obtido = [float(v.grad) for v in entradas]
        numerica = []
        for i in range(3):
            mais, menos = list(x0), list(x0)
            mais[i] += h
            menos[i] -= h
            numerica.append((_avaliar(instrucoes, mais) - _avaliar(instrucoes, menos)) / (2 * h))
        if not math.isclose(float(saida.dados), _avaliar(instrucoes, x0), rel_tol=1e-9, abs_tol=1e-12) \
                or not np.allclose(obtido, numerica, rtol=0, atol=1e-6):
            yield (f"x = {x0}, saída = {_descrever_expressao(instrucoes)}; gradiente (x0, x1, x2) contra "
                   "diferenças centrais (h = 1e−5, tolerância 1e−6)", np.round(numerica, 6), np.round(obtido, 6))


def grafo_valor(Classe) -> Resultado:
    """Exercício: uma classe `Valor` com `dados`, `grad`, `+`, `*` (números dos dois lados), `tanh` e `backward`."""
    nome = "grafo_valor"
    if Classe is None:
        return relatar(nome, False, [f"… {nome}: {AINDA_NAO_DEFINIDA}"])
    if not callable(Classe):
        return relatar(nome, False, [f"✘ {nome}: esperava a classe Valor, recebi {type(Classe).__name__}."])
    total = 3 + 6
    try:
        with np.errstate(all="ignore"):
            falha = next(_testes_do_valor(Classe), None)
    except NotImplementedError:
        return relatar(nome, False, [f"… {nome}: ainda não implementado: troque cada `raise NotImplementedError()` "
                                     "da classe pela sua solução e rode a célula de novo."])
    except RecursionError:
        return relatar(nome, False, [f"✘ {nome}: recursão infinita. Confira se `backward` visita cada nó uma vez "
                                     "só (guarde os já visitados num conjunto)."])
    except Exception as erro:  # noqa: BLE001 — qualquer erro da classe vira mensagem
        problema = f"a sua classe levantou {type(erro).__name__}: {resumir(str(erro), 100)}"
        return relatar(nome, False, [f"✘ {nome}: {problema}",
                                     "  dica: +, * e tanh devolvem um Valor novo; números (int ou float) dos dois "
                                     "lados viram Valor; backward existe e não recebe argumentos."])
    if falha is not None:
        descricao, esperado, obtido = falha
        return relatar(nome, False, [
            f"✘ {nome}: um dos {total} testes não confere.",
            f"  teste: {descricao}",
            f"  esperava {resumir(esperado)}, obtive {resumir(obtido)}",
            "  dica: guarde em cada nó as entradas e as derivadas locais; em backward, ponha grad = 1 na saída "
            "e visite os nós em ordem topológica invertida, SOMANDO (+=) derivada local × grad em cada entrada."])
    return relatar(nome, True, [f"✔ {nome}: {total} de {total} testes corretos (o exemplo e = 6 com a.grad = 2 e "
                                "b.grad = 5, um nó reaproveitado, tanh e 6 expressões sorteadas). Muito bem!"])
