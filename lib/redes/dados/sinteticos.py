r"""Conjuntos de dados sintéticos em duas dimensões, para ver uma rede aprender.

São as formas do TensorFlow Playground e do livro NNFS: fáceis de desenhar,
rápidas de treinar e com dificuldade crescente. Cada função devolve `(X, y)`,
com `X` de forma `(m, 2)` (em `seno`, `(m, 1)`), e recebe `semente`: o sorteio
usa só `np.random.default_rng(semente)`, nunca o estado global do NumPy.

Classificação (`y` inteiro, classes equilibradas: os tamanhos diferem no máximo em 1):

- `linear`: separável por uma reta, $\mathbf{w}\cdot\mathbf{x} + b > 0$;
- `gaussianas`: nuvens normais em volta de centros num círculo;
- `xor`: classe 1 nos quadrantes em que $x_1 x_2 < 0$; nenhuma reta resolve;
- `circulos`: um anel em volta de um disco;
- `luas`: duas meias-luas encaixadas;
- `espiral`: espirais entrelaçadas, uma por classe (o desafio de NNFS).

Regressão (`y` real): `seno` ($y = \sin x$), `plano` ($y = \mathbf{w}\cdot\mathbf{x} + b$)
e `bolha` ($y = e^{-\|\mathbf{x}\|^2 / 2\ell^2}$), todas com ruído normal de desvio `ruido`.

Os exemplos saem agrupados por classe; `minilotes` (ou `dividir`) embaralha.
"""
from __future__ import annotations

import numpy as np

from .._validacao import como_array, como_escalar
from .exemplos import Exemplos, dividir, gerador, inteiro_positivo, minilotes, one_hot

__all__ = ["linear", "gaussianas", "xor", "circulos", "luas", "espiral", "seno", "plano", "bolha",
           "one_hot", "dividir", "minilotes", "Exemplos"]


def _ruido(valor) -> float:
    ruido = como_escalar(valor, "ruido")
    if ruido < 0:
        raise ValueError(f"`ruido` é um desvio padrão e não pode ser negativo, recebi {ruido}")
    return ruido


def _tamanhos(n: int, classes: int) -> list[int]:
    """Divide `n` exemplos entre as classes da forma mais igual possível."""
    return [n // classes + (1 if k < n % classes else 0) for k in range(classes)]


def _rotulos(tamanhos) -> np.ndarray:
    return np.repeat(np.arange(len(tamanhos)), tamanhos).astype(np.int64)


def linear(n: int = 200, ruido: float = 0.1, semente=0, pesos=(1.0, -1.0), vies: float = 0.0):
    r"""Pontos no quadrado $[-1, 1]^2$; classe 1 onde $w_1 x_1 + w_2 x_2 + b > 0$.

    Os rótulos vêm dos pontos sem ruído; depois o ruído normal desloca os
    pontos, e alguns podem cruzar a reta.
    """
    n = inteiro_positivo(n, "n", 2)
    ruido, rng = _ruido(ruido), gerador(semente)
    w = como_array(pesos, "pesos", forma=(2,))
    b = como_escalar(vies, "vies")
    faltam = _tamanhos(n, 2)
    partes: list[list[np.ndarray]] = [[], []]
    for _ in range(100):
        candidatos = rng.uniform(-1, 1, size=(2 * n, 2))
        lado = (candidatos @ w + b > 0).astype(int)
        for classe in (0, 1):
            escolhidos = candidatos[lado == classe][:faltam[classe]]
            partes[classe].append(escolhidos)
            faltam[classe] -= len(escolhidos)
        if faltam == [0, 0]:
            X = np.concatenate(partes[0] + partes[1])
            return X + rng.normal(0, ruido, X.shape), _rotulos(_tamanhos(n, 2))
    raise ValueError("a reta quase não corta o quadrado [-1, 1]²: escolha pesos e viés que dividam os pontos")


def gaussianas(n: int = 200, classes: int = 2, ruido: float = 0.5, semente=0, distancia: float = 1.5):
    """Uma nuvem normal (desvio `ruido`) por classe, com centros a `distancia` da origem, igualmente espaçados."""
    n, classes = inteiro_positivo(n, "n"), inteiro_positivo(classes, "classes", 2)
    ruido, rng = _ruido(ruido), gerador(semente)
    raio = como_escalar(distancia, "distancia")
    tamanhos = _tamanhos(n, classes)
    angulos = 2 * np.pi * np.arange(classes) / classes
    centros = raio * np.column_stack([np.cos(angulos), np.sin(angulos)])
    X = np.repeat(centros, tamanhos, axis=0) + rng.normal(0, ruido, (n, 2))
    return X, _rotulos(tamanhos)


def xor(n: int = 200, ruido: float = 0.1, semente=0):
    r"""Pontos em $[-1, 1]^2$; classe 0 nos quadrantes ímpares ($x_1 x_2 > 0$), classe 1 nos pares."""
    n = inteiro_positivo(n, "n", 2)
    ruido, rng = _ruido(ruido), gerador(semente)
    tamanhos = _tamanhos(n, 2)
    y = _rotulos(tamanhos)
    modulo = rng.uniform(0.05, 1, size=(n, 2))
    sinal = rng.choice([-1.0, 1.0], size=n)
    X = modulo * np.column_stack([sinal, np.where(y == 0, sinal, -sinal)])
    return X + rng.normal(0, ruido, X.shape), y


def circulos(n: int = 200, ruido: float = 0.1, semente=0, fator: float = 0.5):
    """Classe 0 num círculo de raio 1, classe 1 num círculo de raio `fator`, ambos com ruído."""
    n = inteiro_positivo(n, "n", 2)
    ruido, rng = _ruido(ruido), gerador(semente)
    fator = como_escalar(fator, "fator")
    if not 0 < fator < 1:
        raise ValueError(f"`fator` (raio do círculo de dentro) precisa estar entre 0 e 1, recebi {fator}")
    tamanhos = _tamanhos(n, 2)
    y = _rotulos(tamanhos)
    angulo = rng.uniform(0, 2 * np.pi, n)
    raio = np.where(y == 0, 1.0, fator)
    X = raio[:, None] * np.column_stack([np.cos(angulo), np.sin(angulo)])
    return X + rng.normal(0, ruido, X.shape), y


def luas(n: int = 200, ruido: float = 0.1, semente=0):
    r"""Duas meias-luas encaixadas: $(\cos t, \sin t)$ e $(1 - \cos t, \tfrac12 - \sin t)$, $t \in [0, \pi]$."""
    n = inteiro_positivo(n, "n", 2)
    ruido, rng = _ruido(ruido), gerador(semente)
    tamanhos = _tamanhos(n, 2)
    y = _rotulos(tamanhos)
    t = rng.uniform(0, np.pi, n)
    X = np.where((y == 0)[:, None],
                 np.column_stack([np.cos(t), np.sin(t)]),
                 np.column_stack([1 - np.cos(t), 0.5 - np.sin(t)]))
    return X + rng.normal(0, ruido, X.shape), y


def espiral(n_por_classe: int = 100, classes: int = 3, ruido: float = 0.2, semente=0, voltas: float = 1.0):
    r"""Uma espiral por classe, saindo do centro.

    Para a classe $k$ de $K$ e $t$ indo de 0 a 1 em `n_por_classe` passos:
    raio $r = t$ e ângulo $\theta = 2\pi k / K + 2\pi \cdot \text{voltas} \cdot t + \varepsilon$,
    com $\varepsilon \sim N(0, \text{ruido}^2)$; o ponto é $r(\cos\theta, \sin\theta)$.
    """
    n = inteiro_positivo(n_por_classe, "n_por_classe")
    classes = inteiro_positivo(classes, "classes", 2)
    ruido, rng = _ruido(ruido), gerador(semente)
    voltas = como_escalar(voltas, "voltas")
    t = np.tile(np.linspace(0, 1, n), classes)
    k = np.repeat(np.arange(classes), n)
    theta = 2 * np.pi * (k / classes + voltas * t) + rng.normal(0, ruido, n * classes)
    X = t[:, None] * np.column_stack([np.cos(theta), np.sin(theta)])
    return X, k.astype(np.int64)


def seno(n: int = 100, ruido: float = 0.1, semente=0):
    r"""$x$ sorteado em $[-\pi, \pi]$ (em ordem crescente) e $y = \sin x + \varepsilon$. `X` tem forma `(n, 1)`."""
    n = inteiro_positivo(n, "n")
    ruido, rng = _ruido(ruido), gerador(semente)
    x = np.sort(rng.uniform(-np.pi, np.pi, n))
    return x[:, None], np.sin(x) + rng.normal(0, ruido, n)


def plano(n: int = 200, ruido: float = 0.1, semente=0, pesos=(2.0, -1.0), vies: float = 0.5):
    r"""Pontos em $[-1, 1]^2$ e $y = w_1 x_1 + w_2 x_2 + b + \varepsilon$: o que um neurônio linear aprende exatamente."""
    n = inteiro_positivo(n, "n")
    ruido, rng = _ruido(ruido), gerador(semente)
    w = como_array(pesos, "pesos", forma=(2,))
    b = como_escalar(vies, "vies")
    X = rng.uniform(-1, 1, (n, 2))
    return X, X @ w + b + rng.normal(0, ruido, n)


def bolha(n: int = 200, ruido: float = 0.05, semente=0, largura: float = 0.5):
    r"""Pontos em $[-1, 1]^2$ e $y = e^{-\|\mathbf{x}\|^2 / (2\ell^2)} + \varepsilon$, com $\ell$ = `largura`: um morro no centro."""
    n = inteiro_positivo(n, "n")
    ruido, rng = _ruido(ruido), gerador(semente)
    largura = como_escalar(largura, "largura")
    if largura <= 0:
        raise ValueError(f"`largura` precisa ser positiva, recebi {largura}")
    X = rng.uniform(-1, 1, (n, 2))
    return X, np.exp(-np.sum(X**2, axis=1) / (2 * largura**2)) + rng.normal(0, ruido, n)
