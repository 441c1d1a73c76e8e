"""Verificações dos exercícios do capítulo 20 (otimizadores: Newton, momentum, Adam).

Tudo roda em milissegundos, com entradas fixas ou sorteadas com semente.
"""
from __future__ import annotations

import numpy as np

from ._nucleo import Resultado, verificar_funcao


# ---------------------------------------------------------------- referências

def _passo_newton(g, H):
    return np.linalg.solve(np.asarray(H, dtype=float), -np.asarray(g, dtype=float))


def _passo_momentum(w, v, g, taxa, mu):
    v = mu * np.asarray(v, dtype=float) - taxa * np.asarray(g, dtype=float)
    return np.asarray(w, dtype=float) + v, v


def _passo_adam(w, m, v, g, t, taxa, beta1=0.9, beta2=0.999, eps=1e-8):
    g = np.asarray(g, dtype=float)
    m = beta1 * np.asarray(m, dtype=float) + (1 - beta1) * g
    v = beta2 * np.asarray(v, dtype=float) + (1 - beta2) * g * g
    m_hat, v_hat = m / (1 - beta1 ** t), v / (1 - beta2 ** t)
    return np.asarray(w, dtype=float) - taxa * m_hat / (np.sqrt(v_hat) + eps), m, v


def _passos(H, v0, taxa, mu, tolerancia, maximo=100_000):
    H = np.asarray(H, dtype=float)
    w, v = np.array(v0, dtype=float), np.zeros(len(v0))
    for t in range(maximo + 1):
        if 0.5 * w @ H @ w < tolerancia:
            return t
        v = mu * v - taxa * (H @ w)
        w = w + v
    return None


def _hessiana(grad, v, h):
    v = np.asarray(v, dtype=float)
    colunas = []
    for j in range(len(v)):
        e = np.zeros_like(v)
        e[j] = h
        colunas.append((np.asarray(grad(v + e)) - np.asarray(grad(v - e))) / (2 * h))
    return np.column_stack(colunas)


# funções de teste (no módulo, para que as cópias dos argumentos funcionem)

def _grad_rosenbrock(v):
    a, b = v[0], v[1]
    return np.array([-2 * (1 - a) - 400 * a * (b - a ** 2), 200 * (b - a ** 2)])


def _grad_quadratica(v):
    """Gradiente de ½ vᵀ A v + bᵀ v com A = [[3, 1, 0], [1, 2, 0.5], [0, 0.5, 1]] e b = (1, −2, 0.5)."""
    A = np.array([[3.0, 1.0, 0.0], [1.0, 2.0, 0.5], [0.0, 0.5, 1.0]])
    return A @ v + np.array([1.0, -2.0, 0.5])


def _grad_cubica(v):
    """Gradiente de v1³ + v1·v2² + e^(v2)."""
    return np.array([3 * v[0] ** 2 + v[1] ** 2, 2 * v[0] * v[1] + np.exp(v[1])])


def _spd(n, semente):
    rng = np.random.default_rng(semente)
    Q = np.linalg.qr(rng.normal(size=(n, n)))[0]
    H = Q @ np.diag(np.geomspace(0.5, 20.0, n)) @ Q.T
    return (H + H.T) / 2


# ---------------------------------------------------------------- verificações

def passo_newton(funcao) -> Resultado:
    """Exercício: `funcao(g, H)` devolve o passo de Newton Δw = −H⁻¹ g (de preferência com np.linalg.solve)."""
    rng = np.random.default_rng(20)
    H5 = _spd(5, 20)
    casos = [("g = (2, 4), H = diag(1, 4): Δw = (−2, −1)", (np.array([2.0, 4.0]), np.diag([1.0, 4.0]))),
             ("g = (1, 1), H = [[2, 1], [1, 2]] (não diagonal)",
              (np.array([1.0, 1.0]), np.array([[2.0, 1.0], [1.0, 2.0]]))),
             ("uma variável: g = (3,), H = [[6]]", (np.array([3.0]), np.array([[6.0]]))),
             ("Rosenbrock em (−1.5, 2): g = (−905, 50), H = [[1902, 600], [600, 200]]",
              (np.array([-905.0, 50.0]), np.array([[1902.0, 600.0], [600.0, 200.0]]))),
             ("5 variáveis, H simétrica definida positiva sorteada", (rng.normal(size=5), H5))]
    return verificar_funcao(
        "passo_newton", funcao, _passo_newton, casos, rtol=1e-7, atol=1e-10,
        dica="o passo resolve H Δw = −g: np.linalg.solve(H, -g). Repare no sinal de menos (descer) e em "
             "que H multiplica Δw, não g.")


def passo_momentum(funcao) -> Resultado:
    """Exercício: `funcao(w, v, g, taxa, mu)` devolve (w_novo, v_novo): v ← μv − ηg e w ← w + v (com o v novo)."""
    rng = np.random.default_rng(21)
    casos = [("w = (1, −2), v = (0, 0), g = (0.5, 0.1), η = 0.1, μ = 0.9 (primeiro passo)",
              (np.array([1.0, -2.0]), np.zeros(2), np.array([0.5, 0.1]), 0.1, 0.9)),
             ("w = (1, −2), v = (−0.05, −0.01), g = (0.5, 0.1), η = 0.1, μ = 0.9 (segundo passo)",
              (np.array([1.0, -2.0]), np.array([-0.05, -0.01]), np.array([0.5, 0.1]), 0.1, 0.9)),
             ("μ = 0 (sem memória): deve ser o passo da descida, w − ηg",
              (np.array([0.3, 0.7, -1.0]), np.array([5.0, -5.0, 2.0]), np.array([1.0, 2.0, 3.0]), 0.2, 0.0)),
             ("g = 0 (terreno plano): a bola segue embalada, v ← μv",
              (np.array([0.0, 0.0]), np.array([1.0, -1.0]), np.zeros(2), 0.5, 0.5)),
             ("10 pesos sorteados, η = 0.03, μ = 0.99",
              (rng.normal(size=10), rng.normal(size=10), rng.normal(size=10), 0.03, 0.99))]
    return verificar_funcao(
        "passo_momentum", funcao, _passo_momentum, casos, rtol=1e-9, atol=1e-12,
        dica="primeiro a velocidade, v_novo = mu * v - taxa * g; depois a posição, com a velocidade NOVA: "
             "w_novo = w + v_novo. Devolva os dois, nessa ordem: return w_novo, v_novo.")


def passo_adam(funcao) -> Resultado:
    """Exercício: `funcao(w, m, v, g, t, taxa, beta1, beta2, eps)` devolve (w_novo, m_novo, v_novo), com a
    correção do começo: m̂ = m/(1 − β1ᵗ), v̂ = v/(1 − β2ᵗ) e w ← w − η m̂/(√v̂ + ε)."""
    rng = np.random.default_rng(22)
    g1 = np.array([0.5, -0.1, 2.0])
    m1 = 0.1 * g1
    v1 = 0.001 * g1 ** 2
    casos = [("primeiro passo (t = 1): m = v = 0, g = (0.5, −0.1, 2), η = 0.01; cada peso anda η = 0.01",
              (np.array([1.0, 2.0, 3.0]), np.zeros(3), np.zeros(3), g1, 1, 0.01, 0.9, 0.999, 1e-8)),
             ("segundo passo (t = 2) com o mesmo g e as médias do primeiro",
              (np.array([0.99, 2.01, 2.99]), m1, v1, g1, 2, 0.01, 0.9, 0.999, 1e-8)),
             ("t = 1000 (a correção quase não muda nada), 4 pesos sorteados",
              (rng.normal(size=4), 0.1 * rng.normal(size=4), 0.01 * rng.random(4), rng.normal(size=4), 1000,
               0.001, 0.9, 0.999, 1e-8)),
             ("β1 = 0.5, β2 = 0.9, ε = 0.1, t = 3 (outros hiperparâmetros)",
              (np.array([0.0, 1.0]), np.array([0.2, -0.1]), np.array([0.04, 0.01]), np.array([1.0, -3.0]), 3,
               0.1, 0.5, 0.9, 0.1))]
    return verificar_funcao(
        "passo_adam", funcao, _passo_adam, casos, rtol=1e-8, atol=1e-12,
        dica="atualize m e v primeiro; corrija com o passo t (contado a partir de 1): m_hat = m/(1 − beta1**t), "
             "v_hat = v/(1 − beta2**t); então w − taxa * m_hat/(np.sqrt(v_hat) + eps), com ε FORA da raiz. "
             "Devolva w, m e v (as médias sem a correção).")


def passos_ate_convergir(funcao) -> Resultado:
    """Exercício: `funcao(H, v0, taxa, mu, tolerancia)` devolve quantos passos de momentum (μ = 0: descida)
    levam C = ½ vᵀHv abaixo de `tolerancia`, partindo de v0 com velocidade zero (0 se já começa abaixo)."""
    H100 = np.diag([0.01, 1.0])
    H10 = np.diag([0.1, 1.0])
    casos = [("H = diag(0.1, 1) (κ = 10), v0 = (−2, 1), descida com η = 1, tolerância 1e-6",
              (H10, np.array([-2.0, 1.0]), 1.0, 0.0, 1e-6)),
             ("H = diag(0.01, 1) (κ = 100), v0 = (−2, 1), descida com η = 1, tolerância 1e-6",
              (H100, np.array([-2.0, 1.0]), 1.0, 0.0, 1e-6)),
             ("o mesmo, com momentum: η = 1, μ = 0.9", (H100, np.array([-2.0, 1.0]), 1.0, 0.9, 1e-6)),
             ("o mesmo, com η e μ ótimos: η = 3.3058, μ = 0.6694",
              (H100, np.array([-2.0, 1.0]), 4 / 1.1 ** 2, (9 / 11) ** 2, 1e-6)),
             ("H = [[2, 1], [1, 2]], v0 = (1, 0), η = 0.5, μ = 0, tolerância 1e-10",
              (np.array([[2.0, 1.0], [1.0, 2.0]]), np.array([1.0, 0.0]), 0.5, 0.0, 1e-10)),
             ("já no mínimo: v0 = (0, 0) dá 0 passos", (H10, np.zeros(2), 1.0, 0.5, 1e-6))]
    return verificar_funcao(
        "passos_ate_convergir", funcao, _passos, casos, rtol=0, atol=0.5,
        dica="conte ANTES de andar: enquanto 0.5 * w @ H @ w >= tolerancia, dê um passo (v = mu*v − taxa*(H @ w); "
             "w = w + v) e some 1. Se w0 já está abaixo, a resposta é 0.")


def hessiana_numerica(funcao) -> Resultado:
    """Exercício: `funcao(grad, v, h)` devolve a hessiana por diferenças centradas do gradiente:
    coluna j = (∇C(v + h e_j) − ∇C(v − h e_j)) / (2h)."""
    casos = [("C = v1³ + v1·v2² + e^(v2) em (1, 0.5), h = 1e-3",
              (_grad_cubica, np.array([1.0, 0.5]), 1e-3)),
             ("quadrática em 3 variáveis, v = (0.3, −1, 2), h = 1e-4: a própria matriz A",
              (_grad_quadratica, np.array([0.3, -1.0, 2.0]), 1e-4)),
             ("Rosenbrock em (−1.5, 2), h = 1e-4: [[1902, 600], [600, 200]]",
              (_grad_rosenbrock, np.array([-1.5, 2.0]), 1e-4)),
             ("Rosenbrock no mínimo (1, 1), h = 1e-5: [[802, −400], [−400, 200]]",
              (_grad_rosenbrock, np.array([1.0, 1.0]), 1e-5))]
    return verificar_funcao(
        "hessiana_numerica", funcao, _hessiana, casos, rtol=1e-5, atol=1e-5,
        dica="para cada coordenada j, monte e = zeros, e[j] = h, e faça a coluna j da matriz "
             "(grad(v + e) − grad(v − e)) / (2h): a diferença centrada, que erra como h², e não a diferença "
             "para a frente, que erra como h. Devolva uma matriz (n, n).")
