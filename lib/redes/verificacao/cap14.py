"""Verificações dos exercícios do capítulo 14 (sobreajuste e regularização L2).

Entradas pequenas, fixas ou sorteadas com semente: nada de MNIST aqui, e cada
verificação roda em milissegundos.
"""
from __future__ import annotations

import numpy as np

from .. import polinomios
from ._nucleo import NAO_IMPLEMENTADO, Resultado, chamar, comparar_arrays, relatar, resumir, \
    verificar_funcao
from ._nucleo import sem_funcao, caso_falhou


# ---------------------------------------------------------------- L2

def _atualizacao_l2(w, g, taxa, lmbda, n):
    return (1 - taxa * lmbda / n) * np.asarray(w, dtype=float) - taxa * np.asarray(g, dtype=float)


def atualizacao_l2(funcao) -> Resultado:
    """Exercício: `funcao(w, g, taxa, lmbda, n)` devolve $(1 - \\eta\\lambda/n)\\,w - \\eta\\,g$."""
    rng = np.random.default_rng(14)
    casos = [
        ("w = [1, -2, 3], g = [0, 0, 0], taxa = 0.5, lmbda = 0.1, n = 1000 (só o decaimento)",
         (np.array([1.0, -2.0, 3.0]), np.zeros(3), 0.5, 0.1, 1000)),
        ("w = [1, -2, 3], g = [0.2, 0.4, -0.6], taxa = 0.5, lmbda = 0, n = 1000 (sem L2: o passo comum)",
         (np.array([1.0, -2.0, 3.0]), np.array([0.2, 0.4, -0.6]), 0.5, 0.0, 1000)),
        ("w e g (4, 3) sorteados, taxa = 0.1, lmbda = 5.0, n = 50000",
         (rng.normal(size=(4, 3)), rng.normal(size=(4, 3)), 0.1, 5.0, 50_000)),
        ("w e g (5, 2) sorteados, taxa = 0.5, lmbda = 0.1, n = 1000",
         (rng.normal(size=(5, 2)), rng.normal(size=(5, 2)), 0.5, 0.1, 1000)),
        ("w = [[2.0]], g = [[1.0]], taxa = 1.0, lmbda = 10, n = 20 (fator 1 − 10/20 = 0,5)",
         (np.array([[2.0]]), np.array([[1.0]]), 1.0, 10.0, 20)),
    ]
    return verificar_funcao(
        "atualizacao_l2", funcao, _atualizacao_l2, casos,
        dica="primeiro encolha o peso pelo fator (1 − taxa·lmbda/n), depois dê o passo −taxa·g; "
             "g já é a média do minilote, então não divida de novo por m.")


def _passo_camada_l2(W, b, gW, gb, taxa, lmbda, n):
    return _atualizacao_l2(W, gW, taxa, lmbda, n), np.asarray(b, dtype=float) - taxa * np.asarray(gb, dtype=float)


def passo_camada_l2(funcao) -> Resultado:
    """Exercício: `funcao(W, b, gW, gb, taxa, lmbda, n)` devolve `(W_novo, b_novo)`; só os pesos decaem."""
    nome = "passo_camada_l2"
    inicio = sem_funcao(nome, funcao)
    if inicio is not None:
        return inicio
    rng = np.random.default_rng(141)
    casos = [
        ("W = [[1, 2]], b = [3], gradientes zero, taxa = 0.5, lmbda = 0.1, n = 1000",
         (np.array([[1.0], [2.0]]), np.array([3.0]), np.zeros((2, 1)), np.zeros(1), 0.5, 0.1, 1000)),
        ("W (3, 2), b (2,) e gradientes sorteados, taxa = 0.5, lmbda = 0.1, n = 1000",
         (rng.normal(size=(3, 2)), rng.normal(size=2), rng.normal(size=(3, 2)), rng.normal(size=2), 0.5, 0.1, 1000)),
        ("W (4, 3), b (3,) e gradientes sorteados, taxa = 1.0, lmbda = 10, n = 20",
         (rng.normal(size=(4, 3)), rng.normal(size=3), rng.normal(size=(4, 3)), rng.normal(size=3), 1.0, 10.0, 20)),
    ]
    for i, (descricao, argumentos) in enumerate(casos, start=1):
        obtido, problema = chamar(funcao, argumentos)
        if problema == NAO_IMPLEMENTADO:
            return relatar(nome, False, [f"… {nome}: {problema}"])
        W_esp, b_esp = _passo_camada_l2(*argumentos)
        if problema is None:
            if not isinstance(obtido, (tuple, list)) or len(obtido) != 2:
                problema = f"esperava um par (W_novo, b_novo), recebi {resumir(obtido, 60)}"
            else:
                problema = comparar_arrays(obtido[0], W_esp, 1e-6, 1e-9)
                if problema is not None:
                    problema = "nos pesos: " + problema
                else:
                    problema = comparar_arrays(obtido[1], b_esp, 1e-6, 1e-9)
                    if problema is not None:
                        encolheu = _atualizacao_l2(argumentos[1], argumentos[3], *argumentos[4:])
                        if comparar_arrays(obtido[1], encolheu, 1e-6, 1e-9) is None:
                            problema = "nos vieses: eles também encolheram pelo fator (1 − ηλ/n), e não deviam"
                        else:
                            problema = "nos vieses: " + problema
        if problema is not None:
            return caso_falhou(nome, i, len(casos), descricao, problema,
                           "os pesos usam atualizacao_l2; o viés dá só o passo comum, b − taxa·gb (a L2 não o penaliza).")
    return relatar(nome, True, [f"✔ {nome}: {len(casos)} de {len(casos)} casos corretos; os vieses não encolhem. "
                                "Muito bem!"])


def _reescalar_lambda(lmbda, n, novo_n):
    return lmbda * novo_n / n


def reescalar_lambda(funcao) -> Resultado:
    """Exercício: `funcao(lmbda, n, novo_n)` devolve o λ que mantém λ/n: `lmbda * novo_n / n`."""
    casos = [(5.0, 50_000, 1000), (0.1, 1000, 50_000), (1.0, 100, 100), (0.0, 10, 20), (2.5, 60_000, 15_000),
             (0.3, 1000, 250)]
    return verificar_funcao(
        "reescalar_lambda", funcao, _reescalar_lambda,
        [(f"lmbda = {l}, n = {n}, novo_n = {m}", (l, n, m)) for l, n, m in casos], rtol=1e-9, atol=1e-12,
        dica="o fator 1 − ηλ/n fica igual se λ/n ficar igual: λ_novo / novo_n = λ / n. "
             "Com menos dados, λ diminui na mesma proporção (5,0 com 50 000 vira 0,1 com 1 000).")


# ---------------------------------------------------------------- curvas e validação

def _melhor_epoca(historico):
    custo = np.asarray(historico["custo_validacao"], dtype=float)
    acuracia = np.asarray(historico["acuracia_validacao"], dtype=float)
    return int(np.argmin(custo)) + 1, int(np.argmax(acuracia)) + 1


def melhor_epoca(funcao) -> Resultado:
    """Exercício: `funcao(historico)` devolve (época do menor custo, época da maior acurácia), contando de 1."""
    rng = np.random.default_rng(142)
    t = np.arange(1, 41)
    custo_em_u = 1.2 + 0.002 * (t - 12) ** 2 + 0.01 * rng.random(40)
    acuracia_sobe = 0.8 + 0.05 * (1 - np.exp(-t / 15)) + 0.003 * rng.random(40)
    casos = [
        ("custo_validacao = [1.0, 0.8, 0.9, 1.1], acuracia_validacao = [0.70, 0.75, 0.78, 0.77]",
         ({"custo_validacao": [1.0, 0.8, 0.9, 1.1], "acuracia_validacao": [0.70, 0.75, 0.78, 0.77]},)),
        ("empates: custo [0.5, 0.4, 0.4], acurácia [0.9, 0.9, 0.8] (vale a primeira época do empate)",
         ({"custo_validacao": [0.5, 0.4, 0.4], "acuracia_validacao": [0.9, 0.9, 0.8]},)),
        ("uma época só", ({"custo_validacao": [0.3], "acuracia_validacao": [0.5]},)),
        ("40 épocas: custo em U (mínimo perto da época 12) e acurácia que ainda sobe",
         ({"custo_validacao": custo_em_u.tolist(), "acuracia_validacao": acuracia_sobe.tolist(),
           "custo": list(np.linspace(2, 0.01, 40)), "acuracia": list(np.linspace(0.5, 1.0, 40))},)),
        ("as listas como arrays do NumPy",
         ({"custo_validacao": np.array([0.9, 0.7, 0.8]), "acuracia_validacao": np.array([0.6, 0.65, 0.7])},)),
    ]
    return verificar_funcao(
        "melhor_epoca", funcao, _melhor_epoca, casos, rtol=0, atol=0.5,
        dica="np.argmin no custo e np.argmax na acurácia dão o índice (contando de 0) da primeira ocorrência; "
             "some 1 para contar as épocas a partir de 1. Devolva as duas épocas num par, custo primeiro.")


def _partes(obtido):
    (Xt, yt), (Xv, yv) = obtido
    return np.asarray(Xt), np.asarray(yt), np.asarray(Xv), np.asarray(yv)


def separar_validacao(funcao) -> Resultado:
    """Exercício: `funcao(X, y, n_val, semente)` devolve `((X_treino, y_treino), (X_val, y_val))`, sorteados."""
    nome = "separar_validacao"
    inicio = sem_funcao(nome, funcao)
    if inicio is not None:
        return inicio
    dica = ("sorteie uma permutação dos índices com np.random.default_rng(semente).permutation(m); os primeiros "
            "n_val vão para a validação e o resto para o treino; use os mesmos índices em X e em y.")
    casos = [(50, 10, 0), (50, 10, 1), (37, 5, 7), (200, 50, 3), (30, 6, 2)]
    vistos = {}
    for i, (m, n_val, semente) in enumerate(casos, start=1):
        X = np.arange(m * 3, dtype=float).reshape(m, 3)       # a linha k começa com 3k: dá para saber quem é quem
        y = np.arange(m) % 10 + 100 * np.arange(m)
        descricao = f"X com forma ({m}, 3), y com forma ({m},), n_val = {n_val}, semente = {semente}"
        obtido, problema = chamar(funcao, (X, y, n_val, semente))
        if problema == NAO_IMPLEMENTADO:
            return relatar(nome, False, [f"… {nome}: {problema}"])
        if problema is None:
            try:
                Xt, yt, Xv, yv = _partes(obtido)
            except (TypeError, ValueError):
                problema = f"esperava ((X_treino, y_treino), (X_val, y_val)), recebi {resumir(obtido, 60)}"
        if problema is None:
            problema = _problema_da_divisao(X, y, n_val, Xt, yt, Xv, yv)
        if problema is None:
            de_novo, _ = chamar(funcao, (X, y, n_val, semente))
            try:
                igual = all(np.array_equal(a, b) for a, b in zip(_partes(de_novo), (Xt, yt, Xv, yv)))
            except (TypeError, ValueError):
                igual = False
            if not igual:
                problema = "chamando de novo com a mesma semente, a divisão mudou: use np.random.default_rng(semente)"
            vistos[(m, n_val, semente)] = yv
        if problema is not None:
            return caso_falhou(nome, i, len(casos), descricao, problema, dica)
    if np.array_equal(vistos[(50, 10, 0)], vistos[(50, 10, 1)]):
        return relatar(nome, False, [f"✘ {nome}: as sementes 0 e 1 deram a mesma validação: "
                                     "a semente precisa mudar o sorteio.", f"  dica: {dica}"])
    return relatar(nome, True, [f"✔ {nome}: {len(casos)} de {len(casos)} divisões corretas: sorteadas, "
                                "sem exemplos em comum e com os pares (x, y) juntos. Muito bem!"])


def _problema_da_divisao(X, y, n_val, Xt, yt, Xv, yv) -> str | None:
    m = len(X)
    if Xv.shape != (n_val, 3) or Xt.shape != (m - n_val, 3):
        return f"esperava X_treino {(m - n_val, 3)} e X_val {(n_val, 3)}, recebi {Xt.shape} e {Xv.shape}"
    if yv.shape != (n_val,) or yt.shape != (m - n_val,):
        return f"esperava y_treino {(m - n_val,)} e y_val {(n_val,)}, recebi {yt.shape} e {yv.shape}"
    if not (np.all(np.mod(Xt[:, 0], 3) == 0) and np.all(np.mod(Xv[:, 0], 3) == 0)):
        return "as linhas de X foram alteradas: separe os exemplos sem mudar os números"
    k_treino, k_val = (Xt[:, 0] // 3).astype(int), (Xv[:, 0] // 3).astype(int)
    if np.intersect1d(k_treino, k_val).size:
        return f"{np.intersect1d(k_treino, k_val).size} exemplo(s) aparecem no treino e na validação"
    if np.unique(np.concatenate([k_treino, k_val])).size != m:
        return "faltam exemplos (ou há repetidos): treino e validação juntos devem ter todos, uma vez cada"
    if not (np.array_equal(yt, y[k_treino]) and np.array_equal(yv, y[k_val])):
        return "os rótulos não acompanham as imagens: use os mesmos índices em X e em y"
    if np.array_equal(k_val, np.arange(m - n_val, m)) or np.array_equal(k_val, np.arange(n_val)):
        return "a validação são as últimas (ou as primeiras) linhas, sem sorteio: embaralhe com a semente"
    return None


# ---------------------------------------------------------------- polinômios

def _ajuste_ridge(x, y, grau, lmbda):
    return polinomios.ajuste_ridge(x, y, grau, lmbda)


def ajuste_ridge(funcao) -> Resultado:
    """Exercício: `funcao(x, y, grau, lmbda)` devolve os coeficientes do ridge (constante sem penalidade)."""
    x, y = polinomios.pontos_da_reta(10, 0.1, 1)
    x2, y2 = polinomios.pontos_da_reta(12, 0.3, 5, espacados=False)
    casos = [
        ("os 10 pontos do capítulo, grau 1, lmbda = 0 (deve ser igual a np.polyfit)", (x, y, 1, 0.0)),
        ("os 10 pontos do capítulo, grau 3, lmbda = 0", (x, y, 3, 0.0)),
        ("os 10 pontos do capítulo, grau 3, lmbda = 0.1", (x, y, 3, 0.1)),
        ("os 10 pontos do capítulo, grau 9, lmbda = 0.001", (x, y, 9, 0.001)),
        ("12 pontos sorteados, grau 5, lmbda = 1.0", (x2, y2, 5, 1.0)),
        ("12 pontos sorteados, grau 0, lmbda = 3.0 (só a constante: não há o que penalizar)", (x2, y2, 0, 3.0)),
    ]
    return verificar_funcao(
        "ajuste_ridge", funcao, _ajuste_ridge, casos, rtol=1e-5, atol=1e-7,
        dica="V = np.vander(x, grau + 1); D = np.eye(grau + 1) com D[-1, -1] = 0 (o termo constante, o último, "
             "não é penalizado); a = np.linalg.solve(V.T @ V + lmbda * D, V.T @ y). Coeficientes do maior grau "
             "para a constante, como np.polyfit.")


def _eqm(coeficientes, x, y):
    return polinomios.eqm(coeficientes, x, y)


def eqm_polinomio(funcao) -> Resultado:
    """Exercício: `funcao(coeficientes, x, y)` devolve o erro quadrático médio do polinômio nos pontos."""
    rng = np.random.default_rng(143)
    x, y = polinomios.pontos_da_reta(10, 0.1, 1)
    casos = [
        ("coeficientes = [2, 0] (a reta y = 2x), os 10 pontos do capítulo", (np.array([2.0, 0.0]), x, y)),
        ("coeficientes = [1, 0, 0] (y = x²), x = [0, 1, 2], y = [0, 0, 0]",
         (np.array([1.0, 0.0, 0.0]), np.array([0.0, 1.0, 2.0]), np.zeros(3))),
        ("coeficientes = [0.5, -1, 3], 30 pontos sorteados",
         (np.array([0.5, -1.0, 3.0]), rng.uniform(-1, 1, 30), rng.normal(size=30))),
        ("coeficientes = [4] (constante), x = [1, 2], y = [3, 7]", (np.array([4.0]), np.array([1.0, 2.0]),
                                                                      np.array([3.0, 7.0]))),
    ]
    return verificar_funcao(
        "eqm_polinomio", funcao, _eqm, casos,
        dica="np.polyval(coeficientes, x) dá p(x) em cada ponto (o primeiro coeficiente é o do maior grau); "
             "o EQM é a média de (p(x) − y)², sem raiz.")
