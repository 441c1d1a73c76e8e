"""Verificações dos exercícios do capítulo 5 (vetores, matrizes, tensores e lotes)."""
from __future__ import annotations

import numpy as np

from .. import formas as _formas
from ._nucleo import AINDA_NAO_DEFINIDA, NAO_IMPLEMENTADO, Resultado, chamar, relatar, resumir, verificar_funcao
from ._nucleo import descrever


def _formas_de(**partes) -> str:
    return ", ".join(f"{k} com forma {np.shape(v)}" for k, v in partes.items())


def produto_escalar(funcao) -> Resultado:
    """Exercício: `funcao(a, b)` devolve a soma dos produtos a_i·b_i (um número)."""
    rng = np.random.default_rng(5)
    casos = [
        ([1.0, 2.0, 3.0], [3.0, 2.0, 1.0]),                                    # o 10 do texto
        ([1.0, 2.0, 3.0, 2.5], [0.2, 0.8, -0.5, 1.0]),                         # o 2,8 do texto
        (np.array([4.0]), np.array([-0.5])),
        (rng.normal(size=7), rng.normal(size=7)),
        (np.array([1.0, -1.0, 1.0, -1.0, 2.0]), np.array([3.0, 3.0, 3.0, 3.0, 0.5])),
    ]
    return verificar_funcao(
        "produto_escalar", funcao, lambda a, b: float(np.dot(a, b)),
        [(descrever(a=a, b=b), (a, b)) for a, b in casos],
        dica="multiplique os elementos na mesma posição e some tudo: a[0]*b[0] + a[1]*b[1] + …; "
             "o resultado é um número só, não um vetor.")


def camada_densa(funcao) -> Resultado:
    """Exercício: `funcao(X, W, b)` devolve X @ W + b, com W de forma (n_entrada, n_saida)."""
    rng = np.random.default_rng(6)
    W_texto = np.array([[20, 80, -50, 100], [50, -91, 26, -50], [-26, -27, 17, 87]]) / 100   # um neurônio por linha
    X_texto = np.array([[1, 2, 3, 2.5], [2, 5, -1, 2], [-1.5, 2.7, 3.3, -0.8]])
    casos = [
        (rng.normal(size=(5, 3)), rng.normal(size=(3, 3)), rng.normal(size=3)),   # W quadrada: W.T não dá erro
        (X_texto, W_texto.T, np.array([2.0, 3.0, 0.5])),
        (rng.normal(size=(1, 4)), rng.normal(size=(4, 2)), rng.normal(size=2)),   # um exemplo só
        (rng.normal(size=(6, 2)), rng.normal(size=(2, 5)), rng.normal(size=5)),
    ]
    return verificar_funcao(
        "camada_densa", funcao, lambda X, W, b: X @ W + b,
        [(_formas_de(X=X, W=W, b=b), (X, W, b)) for X, W, b in casos],
        dica="um exemplo por linha: X (m, n) @ W (n, k) dá (m, k); some b, de forma (k,), a cada linha. "
             "Não transponha W: ele já vem com uma coluna por neurônio.")


def forma_do_produto(funcao) -> Resultado:
    """Exercício: `funcao(forma_a, forma_b)` devolve a forma de A @ B (vetores e matrizes) ou None."""
    nome = "forma_do_produto"
    if funcao is None:
        return relatar(nome, False, [f"… {nome}: {AINDA_NAO_DEFINIDA}"])
    if not callable(funcao):
        return relatar(nome, False, [f"✘ {nome}: esperava uma função, recebi {type(funcao).__name__}."])
    casos = [((3, 4), (4, 5)), ((4,), (3, 4)), ((3, 4), (4,)), ((4,), (4, 3)), ((4,), (4,)),
             ((64, 784), (784, 30)), ((3, 4), (3, 4)), ((2, 3), (2, 3)), ((5, 1), (1, 5)),
             ((1, 5), (5, 1)), ((4,), (5,)), ((3, 2), (4, 3)), ((7, 3), (3,))]
    for i, (a, b) in enumerate(casos, start=1):
        esperado = _formas.forma_do_produto(a, b)
        obtido, problema = chamar(funcao, (a, b))
        if problema == NAO_IMPLEMENTADO:
            return relatar(nome, False, [f"… {nome}: {problema}"])
        if problema is None:
            problema = _comparar_formas(obtido, esperado)
        if problema is not None:
            return relatar(nome, False, [
                f"✘ {nome}: o caso {i} de {len(casos)} não confere.",
                f"  entrada: forma_a = {a}, forma_b = {b}",
                f"  {problema}",
                "  dica: o último número de forma_a precisa ser igual ao primeiro de forma_b (o único, se B for "
                "um vetor); a saída junta o que sobra de cada lado. Um vetor com um vetor dá ()."])
    return relatar(nome, True, [f"✔ {nome}: {len(casos)} de {len(casos)} casos corretos. Muito bem!"])


def _comparar_formas(obtido, esperado) -> str | None:
    texto_esperado = "None (o produto não existe)" if esperado is None else repr(esperado)
    if obtido is None:
        return None if esperado is None else f"esperava {texto_esperado}, recebi None"
    if isinstance(obtido, (str, bytes)) or not isinstance(obtido, (tuple, list)):
        return f"esperava uma tupla (ou None), recebi {resumir(obtido, 60)}"
    if not all(isinstance(n, (int, np.integer)) and not isinstance(n, bool) for n in obtido):
        return f"esperava uma tupla de inteiros, recebi {resumir(obtido, 60)}"
    if esperado is None or tuple(int(n) for n in obtido) != esperado:
        return f"esperava {texto_esperado}, recebi {tuple(int(n) for n in obtido)!r}"
    return None


def duas_camadas(funcao) -> Resultado:
    """Exercício: `funcao(X, W1, b1, W2, b2)` devolve (X @ W1 + b1) @ W2 + b2."""
    rng = np.random.default_rng(7)
    casos = []
    for m, n, h, k in ((3, 4, 5, 2), (1, 4, 5, 2), (6, 3, 3, 3), (2, 2, 7, 1)):
        casos.append((rng.normal(size=(m, n)), rng.normal(size=(n, h)), rng.normal(size=h),
                      rng.normal(size=(h, k)), rng.normal(size=k)))
    return verificar_funcao(
        "duas_camadas", funcao, lambda X, W1, b1, W2, b2: (X @ W1 + b1) @ W2 + b2,
        [(_formas_de(X=X, W1=W1, b1=b1, W2=W2, b2=b2), (X, W1, b1, W2, b2)) for X, W1, b1, W2, b2 in casos],
        dica="a saída da primeira camada, H = X @ W1 + b1 (forma (m, h)), é a entrada da segunda: H @ W2 + b2.")


def erro_quadratico_medio(funcao) -> Resultado:
    """Exercício: `funcao(a, y)`, com a (m, 1) e y (m,), devolve a média de (a_i − y_i)² (um número)."""
    rng = np.random.default_rng(8)
    casos = [
        (np.array([[0.9], [0.2], [0.8], [0.4]]), np.array([1.0, 0.0, 1.0, 0.0])),
        (rng.random((7, 1)), rng.integers(0, 2, size=7).astype(float)),
        (np.array([[3.0]]), np.array([1.0])),
        (rng.normal(size=(5, 1)), rng.normal(size=5)),
    ]
    return verificar_funcao(
        "erro_quadratico_medio", funcao, lambda a, y: float(np.mean((a[:, 0] - y) ** 2)),
        [(descrever(a=a, y=y) + f" (formas {a.shape} e {y.shape})", (a, y)) for a, y in casos],
        dica="a - y com formas (m, 1) e (m,) vira uma matriz (m, m) pelo broadcasting, sem erro nenhum; "
             "ponha as duas na mesma forma antes (a[:, 0], a.ravel() ou y.reshape(-1, 1)).")
