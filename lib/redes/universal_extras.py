r"""Além da prova de uma entrada: torres em 2-D, calombos de ReLU, atributos aleatórios e o treino.

- **Torres.** Com duas entradas, um calombo em $x$ e outro em $y$ somados dão 2 dentro do
  retângulo, 1 nas faixas e 0 fora; um neurônio com limiar 1,5 deixa só o retângulo: uma torre.
- **ReLU.** Três ReLUs fazem um "chapéu"; $N$ ReLUs fazem a interpolação linear por partes, exata
  nos nós.
- **Atributos aleatórios.** Sorteamos os pesos da camada oculta e ajustamos só os de saída por
  mínimos quadrados.
- **Treino.** Uma rede de uma camada oculta treinada por descida do gradiente (Adam), para comparar
  com a construção à mão.
"""
from __future__ import annotations

import numpy as np

from ._validacao import como_array, como_escalar, como_inteiro
from .ativacoes import relu, sigmoide
from .modelo import mlp
from .otimizadores import Adam
from .treino import treinar
from .universal import PESO_DEGRAU, calombo

#: Peso do neurônio da torre: com a soma dos calombos em {0, 1, 2} e limiar 1,5, σ(±0,5·100) ≈ 0 ou 1.
PESO_TORRE = 100.0


def alvo_2d(x, y):
    r"""Uma função de duas entradas para as torres: $f(x, y) = 0{,}5 + 0{,}25\sin(5x)\cos(4y) + 0{,}15\,xy$."""
    x, y = como_array(x, "x"), como_array(y, "y")
    return 0.5 + 0.25 * np.sin(5 * x) * np.cos(4 * y) + 0.15 * x * y


def torre(x, y, x1, x2, y1, y2, h=1.0, w=PESO_DEGRAU, w_torre=PESO_TORRE):
    r"""Uma torre de altura $h$ sobre o retângulo $[x_1, x_2] \times [y_1, y_2]$.

    $$h\,\sigma\big(w_t\,(B_x(x) + B_y(y) - 1{,}5)\big),$$
    com $B_x$ e $B_y$ calombos de altura 1 (quatro neurônios ocultos) e o limiar $1{,}5$ no viés
    $-1{,}5\,w_t$ do neurônio da torre.
    """
    x, y = como_array(x, "x"), como_array(y, "y")
    soma = calombo(x, x1, x2, 1.0, w) + calombo(y, y1, y2, 1.0, w)
    return como_escalar(h, "h") * sigmoide(como_escalar(w_torre, "w_torre") * (soma - 1.5))


def aproximar_com_torres(f2, N, x, y, w=PESO_DEGRAU, w_torre=PESO_TORRE):
    r"""Soma de $N \times N$ torres, com alturas $f_2$ no centro de cada quadradinho de $[0, 1]^2$.

    `x` e `y` são arrays que se combinam por *broadcasting* (por exemplo, os de `np.meshgrid`).
    """
    if not callable(f2):
        raise TypeError(f"esperava uma função em `f2`, recebi {type(f2).__name__}")
    N = como_inteiro(N, "N", 1, 200)
    x, y = como_array(x, "x"), como_array(y, "y")
    s = np.linspace(0, 1, N + 1)
    meios = (s[:-1] + s[1:]) / 2
    g = np.zeros(np.broadcast(x, y).shape)
    for i in range(N):
        for j in range(N):
            g += torre(x, y, s[i], s[i + 1], s[j], s[j + 1], float(f2(meios[i], meios[j])), w, w_torre)
    return g


def chapeu_relu(x, a, c, b):
    r"""Um chapéu de altura 1 em $c$, zero fora de $[a, b]$, feito com três ReLUs:

    $$\frac{\mathrm{relu}(x - a)}{c - a} - \Big(\frac{1}{c - a} + \frac{1}{b - c}\Big)\mathrm{relu}(x - c)
    + \frac{\mathrm{relu}(x - b)}{b - c}.$$
    """
    x = como_array(x, "x")
    a, c, b = como_escalar(a, "a"), como_escalar(c, "c"), como_escalar(b, "b")
    if not a < c < b:
        raise ValueError(f"esperava a < c < b, recebi a = {a}, c = {c}, b = {b}")
    return relu(x - a) / (c - a) - (1 / (c - a) + 1 / (b - c)) * relu(x - c) + relu(x - b) / (b - c)


def rede_relu_interpolante(f, N):
    r"""Rede de $N$ ReLUs que interpola `f` linearmente entre os nós $t_k = k/N$.

    $g(x) = c + \sum_k v_k\,\mathrm{relu}(x - t_k)$, com $c = f(0)$, $v_0$ a inclinação do primeiro
    trecho e $v_k$ a mudança de inclinação no nó $t_k$. Devolve `(t, v, c)`.
    """
    if not callable(f):
        raise TypeError(f"esperava uma função em `f`, recebi {type(f).__name__}")
    N = como_inteiro(N, "N", 1, 100_000)
    nos = np.linspace(0, 1, N + 1)
    valores = np.asarray(f(nos), dtype=float).reshape(N + 1)
    inclinacoes = np.diff(valores) * N
    v = np.diff(inclinacoes, prepend=0.0)
    return nos[:-1], v, float(valores[0])


def saida_rede_relu(x, t, v, c):
    r"""$g(x) = c + \sum_k v_k\,\mathrm{relu}(x - t_k)$."""
    x = como_array(x, "x")
    t = como_array(t, "t", dims=1)
    v = como_array(v, "v", forma=t.shape)
    return como_escalar(c, "c") + relu(x[..., None] - t) @ v


def atributos_aleatorios(f, N, grade, semente=0, peso_maximo=60.0):
    r"""Sorteia $N$ neurônios sigmoides e ajusta só os pesos de saída por mínimos quadrados.

    Cada neurônio tem o degrau numa posição $s \sim U(0, 1)$ e peso $w = \pm U(1, \text{peso\_maximo})$,
    com viés $b = -ws$. Os pesos de saída $v$ minimizam $\sum_j (A v - f(x_j))^2$ na `grade`, com
    $A_{ji} = \sigma(w_i x_j + b_i)$ (`np.linalg.lstsq`). Devolve `(w, b, v)`.
    """
    if not callable(f):
        raise TypeError(f"esperava uma função em `f`, recebi {type(f).__name__}")
    N = como_inteiro(N, "N", 1, 10_000)
    grade = como_array(grade, "grade", dims=1)
    rng = np.random.default_rng(semente)
    s = rng.uniform(0, 1, N)
    w = rng.choice([-1.0, 1.0], N) * rng.uniform(1, como_escalar(peso_maximo, "peso_maximo"), N)
    b = -w * s
    A = sigmoide(grade[:, None] * w + b)
    v = np.linalg.lstsq(A, np.asarray(f(grade), dtype=float).reshape(grade.shape), rcond=None)[0]
    return w, b, v


def treinar_rede_oculta(f, n_ocultos=50, ativacao="sigmoide", epocas=600, taxa=0.01, tamanho_lote=20,
                        n_pontos=400, escala=10.0, semente=0):
    r"""Treina por descida do gradiente (Adam) uma rede $[1, n, 1]$ que aproxima `f` em $[0, 1]$.

    A entrada vai para a rede como $x' = \text{escala}\,(x - 0{,}5)$ (centrada e esticada, o que
    equivale a começar com pesos maiores). Usa `redes.modelo.mlp` e `redes.treino.treinar` com o custo
    quadrático e saída linear. Devolve `(modelo, (w, b, v, c))`, com os pesos já escritos em termos
    de $x$: $g(x) = c + \sum_i v_i\,a(w_i x + b_i)$.
    """
    if not callable(f):
        raise TypeError(f"esperava uma função em `f`, recebi {type(f).__name__}")
    escala = como_escalar(escala, "escala")
    X = np.linspace(0, 1, como_inteiro(n_pontos, "n_pontos", 2, 100_000))[:, None]
    Y = np.asarray(f(X[:, 0]), dtype=float).reshape(-1, 1)
    modelo = mlp([1, como_inteiro(n_ocultos, "n_ocultos", 1, 10_000), 1], ativacao=ativacao, saida=None,
                 semente=semente, tipo="float64")
    treinar(modelo, (escala * (X - 0.5), Y), custo="quadratico", otimizador=Adam(taxa), epocas=epocas,
            tamanho_lote=tamanho_lote, semente=semente, progresso=False)
    W1, b1, W2, b2 = (np.asarray(p, dtype=float) for p in modelo.parametros())
    w = escala * W1[0]
    return modelo, (w, b1 - 0.5 * w, W2[:, 0], float(b2[0]))
