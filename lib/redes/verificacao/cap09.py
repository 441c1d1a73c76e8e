"""Verificações dos exercícios do capítulo 9 (função de custo e descida do gradiente).

Tudo roda em milissegundos, com entradas fixas ou sorteadas com semente.
"""
from __future__ import annotations

import numpy as np

from ._nucleo import NAO_IMPLEMENTADO, AINDA_NAO_DEFINIDA, Resultado, chamar, relatar, resumir, verificar_funcao
from ._nucleo import como_lista


# ---------------------------------------------------------------- referências

def _custo_quadratico(A, Y):
    A, Y = np.asarray(A, dtype=float), np.asarray(Y, dtype=float)
    return np.sum((Y - A) ** 2) / (2 * len(A))


def _descida(grad, v0, taxa, passos):
    v = np.array(v0, dtype=float)
    for _ in range(passos):
        v = v - taxa * np.asarray(grad(v), dtype=float)
    return v


def _taxa_maxima(H):
    return 2.0 / np.max(np.linalg.eigvalsh(np.asarray(H, dtype=float)))


def _variacao(C, grad, v, taxa):
    v = np.asarray(v, dtype=float)
    g = np.asarray(grad(v), dtype=float)
    return np.array([-taxa * g @ g, C(v - taxa * g) - C(v)])


# funções de teste (definidas no módulo para que as cópias dos argumentos funcionem)

def _grad_exercicio(v):
    """Gradiente de f = (v1 − 3)² + 2 (v2 + 1)²."""
    return np.array([2 * (v[0] - 3), 4 * (v[1] + 1)])


def _grad_3d(v):
    """Gradiente de ½ (v1² + 4 v2² + 9 v3²)."""
    return np.array([1.0, 4.0, 9.0]) * v


def _alongada(v):
    return 0.5 * (v[0] ** 2 + 10 * v[1] ** 2)


def _grad_alongada(v):
    return np.array([v[0], 10 * v[1]])


def _dois(v):
    return (v[0] ** 2 - 1) ** 2 + v[1] ** 2 + 0.3 * v[0]


def _grad_dois(v):
    return np.array([4 * v[0] * (v[0] ** 2 - 1) + 0.3, 2 * v[1]])


# ---------------------------------------------------------------- verificações

def custo_quadratico(funcao) -> Resultado:
    """Exercício: `funcao(A, Y)` devolve C = 1/(2n) Σ ‖y − a‖², um exemplo por linha."""
    rng = np.random.default_rng(9)
    A1 = np.array([[0.2, 0.8], [0.6, 0.4]])
    Y1 = np.array([[0.0, 1.0], [1.0, 0.0]])
    A2 = rng.random((5, 10))
    Y2 = np.eye(10)[rng.integers(0, 10, size=5)]
    A3 = rng.random((1, 10))
    Y3 = np.eye(10)[[3]]
    A4 = rng.normal(size=(7, 3))
    Y4 = rng.normal(size=(7, 3))
    casos = [("A = [[0.2, 0.8], [0.6, 0.4]], Y = [[0, 1], [1, 0]] (a resposta é 0.1)", (A1, Y1)),
             ("5 exemplos, 10 saídas entre 0 e 1, alvos one-hot", (A2, Y2)),
             ("um exemplo só, forma (1, 10), alvo one-hot do 3", (A3, Y3)),
             ("7 exemplos, 3 saídas, alvos reais quaisquer", (A4, Y4))]
    return verificar_funcao(
        "custo_quadratico", funcao, _custo_quadratico, casos,
        dica="some (y − a)² sobre TODAS as saídas de cada exemplo, some sobre os exemplos e divida por 2n, "
             "com n = número de LINHAS (exemplos), não o número de entradas da matriz.")


def descida_do_gradiente(funcao) -> Resultado:
    """Exercício: `funcao(grad, v0, taxa, passos)` devolve o ponto depois de `passos` passos v ← v − η ∇C(v)."""
    casos = [("f = (v1 − 3)² + 2(v2 + 1)², v0 = (0, 0), η = 0.1, 200 passos: deve chegar a (3, −1)",
              (_grad_exercicio, np.array([0.0, 0.0]), 0.1, 200)),
             ("a mesma f, v0 = (1, 2), η = 0.05, 1 passo", (_grad_exercicio, np.array([1.0, 2.0]), 0.05, 1)),
             ("a mesma f, v0 = (1, 2), η = 0.05, 3 passos", (_grad_exercicio, np.array([1.0, 2.0]), 0.05, 3)),
             ("a mesma f, v0 = (1, 2), 0 passos: devolve v0", (_grad_exercicio, np.array([1.0, 2.0]), 0.1, 0)),
             ("C = ½(v1² + 4v2² + 9v3²), v0 = (1, 1, 1), η = 0.2, 10 passos (três variáveis)",
              (_grad_3d, np.array([1.0, 1.0, 1.0]), 0.2, 10))]
    return verificar_funcao(
        "descida_do_gradiente", funcao, _descida, casos, rtol=1e-7, atol=1e-9,
        dica="repita `passos` vezes: v = v − taxa * grad(v), com o sinal de MENOS (descer, não subir); "
             "devolva só o ponto final, um array com a forma de v0.")


def minilotes_indices(funcao) -> Resultado:
    """Exercício: `funcao(n, m, rng)` devolve os minilotes de uma época: listas de índices que usam cada
    índice de 0 a n − 1 exatamente uma vez, todas de tamanho m exceto talvez a última, em ordem sorteada por `rng`."""
    nome = "minilotes_indices"
    if funcao is None:
        return relatar(nome, False, [f"… {nome}: {AINDA_NAO_DEFINIDA}"])
    if not callable(funcao):
        return relatar(nome, False, [f"✘ {nome}: esperava uma função, recebi {type(funcao).__name__}."])
    dica = ("  dica: embaralhe os índices com ordem = rng.permutation(n) e corte em pedaços: "
            "[ordem[i:i + m] for i in range(0, n, m)].")
    casos = [(10, 3), (12, 4), (100, 32), (7, 7), (5, 10), (1, 1), (1000, 128)]
    for n, m in casos:
        entrada = f"n = {n}, m = {m}, rng = np.random.default_rng({n + m})"
        obtido, problema = chamar(funcao, (n, m, np.random.default_rng(n + m)))
        if problema == NAO_IMPLEMENTADO:
            return relatar(nome, False, [f"… {nome}: {problema}"])
        if problema is None:
            obtido = como_lista(obtido)
            problema = _conferir_particao(obtido, n, m)
        if problema is None and n >= 100:
            de_novo = como_lista(chamar(funcao, (n, m, np.random.default_rng(n + m)))[0])
            outra = como_lista(chamar(funcao, (n, m, np.random.default_rng(n + m + 1)))[0])
            plano = np.concatenate([np.asarray(p).ravel() for p in obtido])
            if np.array_equal(plano, np.arange(n)):
                problema = "os índices saíram em ordem (0, 1, 2, ...): embaralhe-os com o rng antes de cortar"
            elif _conferir_particao(de_novo, n, m) or not _iguais(obtido, de_novo):
                problema = "duas chamadas com geradores de mesma semente deram minilotes diferentes: use o `rng` recebido"
            elif _conferir_particao(outra, n, m) is None and _iguais(obtido, outra):
                problema = "sementes diferentes deram os mesmos minilotes: o sorteio precisa vir do `rng` recebido"
        if problema is not None:
            return relatar(nome, False, [f"✘ {nome}: a entrada não confere.", f"  entrada: {entrada}",
                                         f"  {problema}", dica])
    return relatar(nome, True, [f"✔ {nome}: {len(casos)} de {len(casos)} casos corretos. Muito bem!"])


def _iguais(a, b) -> bool:
    try:
        return len(a) == len(b) and all(np.array_equal(np.asarray(p), np.asarray(q)) for p, q in zip(a, b))
    except Exception:  # noqa: BLE001
        return False


def _conferir_particao(obtido, n, m) -> str | None:
    """None se `obtido` é uma lista de minilotes válida para (n, m); senão, o problema."""
    if obtido is None:
        return "sua função devolveu None: faltou o `return`?"
    if isinstance(obtido, (str, bytes, dict)):
        return f"esperava uma lista de arrays de índices, recebi {type(obtido).__name__} ({resumir(obtido, 60)})"
    try:
        pedacos = [np.asarray(p) for p in obtido]
    except (TypeError, ValueError):
        return f"esperava uma lista de arrays de índices, recebi {type(obtido).__name__} ({resumir(obtido, 60)})"
    if not pedacos or any(p.ndim != 1 or p.dtype.kind not in "iu" for p in pedacos):
        return (f"esperava uma lista de arrays 1-D de índices inteiros, recebi {resumir(obtido, 60)} "
                "(lembre que um único array não é uma lista de minilotes)")
    esperado = -(-n // m)
    if len(pedacos) != esperado:
        return f"esperava {esperado} minilotes, recebi {len(pedacos)}"
    tamanhos = [len(p) for p in pedacos]
    ultimo = n - m * (esperado - 1)
    if tamanhos[:-1] != [m] * (esperado - 1) or tamanhos[-1] != ultimo:
        return f"esperava tamanhos {[m] * (esperado - 1) + [ultimo]}, recebi {tamanhos}"
    todos = np.sort(np.concatenate(pedacos))
    if not np.array_equal(todos, np.arange(n)):
        return "os minilotes precisam usar cada índice de 0 a n − 1 exatamente uma vez (sem repetir nem faltar)"
    return None


def taxa_maxima_estavel(funcao) -> Resultado:
    """Exercício: `funcao(H)` devolve 2/λ_max(H), a maior taxa (exclusive) com que a descida converge em ½ vᵀHv."""
    rng = np.random.default_rng(19)
    Q = np.linalg.qr(rng.normal(size=(3, 3)))[0]
    H3 = Q @ np.diag([0.5, 2.0, 8.0]) @ Q.T
    casos = [("H = [[4]] (C = 2v², uma variável): 0.5", (np.array([[4.0]]),)),
             ("H = diag(1, 10) (a tigela alongada): 0.2", (np.diag([1.0, 10.0]),)),
             ("H = [[2, 1], [1, 2]] (autovalores 1 e 3)", (np.array([[2.0, 1.0], [1.0, 2.0]]),)),
             ("H de Rosenbrock no mínimo, [[802, −400], [−400, 200]]", (np.array([[802.0, -400.0], [-400.0, 200.0]]),)),
             ("H 3×3 sorteada com autovalores 0.5, 2 e 8", ((H3 + H3.T) / 2,))]
    return verificar_funcao(
        "taxa_maxima_estavel", funcao, _taxa_maxima, casos, rtol=1e-6,
        dica="cada direção própria de H é uma parábola com curvatura igual ao autovalor; todas precisam de η < 2/λ, "
             "então manda o MAIOR autovalor. np.linalg.eigvalsh(H) dá os autovalores de uma matriz simétrica.")


def variacao_do_custo(funcao) -> Resultado:
    """Exercício: `funcao(C, grad, v, taxa)` devolve (ΔC previsto, ΔC real) de um passo da descida."""
    casos = [("tigela alongada, v = (−2, 1.5), η = 0.001", (_alongada, _grad_alongada, np.array([-2.0, 1.5]), 0.001)),
             ("tigela alongada, v = (−2, 1.5), η = 0.3 (o custo sobe)",
              (_alongada, _grad_alongada, np.array([-2.0, 1.5]), 0.3)),
             ("dois mínimos, v = (0.5, 1), η = 0.01", (_dois, _grad_dois, np.array([0.5, 1.0]), 0.01)),
             ("dois mínimos, v = (−1.5, −0.5), η = 0.05", (_dois, _grad_dois, np.array([-1.5, -0.5]), 0.05))]
    return verificar_funcao(
        "variacao_do_custo", funcao, _variacao, casos,
        dica="previsto = −taxa·‖∇C(v)‖² (np.sum(g**2) ou g @ g); real = C(v − taxa·g) − C(v), nessa ordem "
             "(depois menos antes). Devolva os dois, nessa ordem, por exemplo como (previsto, real).")
