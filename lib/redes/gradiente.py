r"""Derivadas por diferenças finitas centradas, para conferir derivadas analíticas.

$$f'(z) \approx \frac{f(z + h) - f(z - h)}{2h}, \qquad h = 10^{-5},$$

com erro da ordem de $h^2$. O erro relativo entre duas derivadas $a$ e $n$ é
$|a - n| / \max(|a| + |n|, \varepsilon)$.

Para arrays inteiros (os pesos de uma camada, a saída de uma rede) a mesma
ideia vale coordenada a coordenada: empurra-se um número de cada vez, $x_i \pm h$,
e mede-se a mudança do custo. Com $P$ parâmetros isso custa $2P$ passadas
pela rede, contra uma ida e uma volta da retropropagação: serve para
conferir, não para treinar. A comparação de arrays usa
$\lVert a - n\rVert / (\lVert a\rVert + \lVert n\rVert)$; em float64, algo
abaixo de $10^{-7}$ indica uma retropropagação certa.

- `conferir_camada(camada, X)`: gradientes da entrada e dos parâmetros de uma camada;
- `conferir_custo(custo, a, y)`: o gradiente de um custo em relação à saída;
- `conferir_modelo(modelo, custo, X, y)`: todos os parâmetros de uma rede inteira.

As três trabalham numa cópia em float64 do que recebem, sem mudar o original.
"""
from __future__ import annotations

import copy

import numpy as np

from ._lotes import gerador, inteiro, lote
from ._validacao import como_array


def derivada_numerica(f, z, h: float = 1e-5):
    """Derivada de uma função elemento a elemento `f` em cada ponto de `z`."""
    z = como_array(z, "z")
    return (np.asarray(f(z + h)) - np.asarray(f(z - h))) / (2 * h)


def erro_relativo(analitica, numerica, eps: float = 1e-12):
    """Erro relativo $|a - n| / (|a| + |n|)$, elemento a elemento (0 onde as duas são 0)."""
    a = como_array(analitica, "analitica")
    n = como_array(numerica, "numerica")
    return np.abs(a - n) / np.maximum(np.abs(a) + np.abs(n), eps)


def diferenca_relativa(analitico, numerico, eps: float = 1e-12) -> float:
    r"""Um número para comparar dois gradientes inteiros: $\lVert a - n\rVert / \max(\lVert a\rVert + \lVert n\rVert, \varepsilon)$."""
    a = como_array(analitico, "analitico").ravel()
    n = como_array(numerico, "numerico").ravel()
    if a.shape != n.shape:
        raise ValueError(f"os dois gradientes precisam ter o mesmo tamanho: {a.size} e {n.size}")
    return float(np.linalg.norm(a - n) / max(np.linalg.norm(a) + np.linalg.norm(n), eps))


def gradiente_numerico(f, x: np.ndarray, h: float = 1e-5, indices=None) -> np.ndarray:
    r"""Gradiente de uma função escalar `f(x)` por diferenças centradas, coordenada a coordenada.

    `x` é mudado **no lugar** ($x_i \pm h$) e restaurado depois de cada
    coordenada; por isso funciona com os pesos de uma rede, em que `f` ignora
    o argumento e roda a rede: `gradiente_numerico(lambda _: perda(), camada.W)`.
    Com `indices` (posições planas), só essas coordenadas são calculadas; as outras ficam 0.
    """
    if not isinstance(x, np.ndarray) or x.dtype.kind != "f":
        raise TypeError(f"esperava um array de floats em `x` (ele é mudado no lugar), recebi {type(x).__name__}")
    plano = x.reshape(-1)
    if not np.shares_memory(plano, x):
        raise ValueError("`x` precisa ser contíguo na memória para ser mudado no lugar")
    gradiente = np.zeros(x.size, dtype=np.float64)
    for i in (range(x.size) if indices is None else indices):
        original = plano[i]
        plano[i] = original + h
        mais = float(f(x))
        plano[i] = original - h
        menos = float(f(x))
        plano[i] = original
        gradiente[i] = (mais - menos) / (2 * h)
    return gradiente.reshape(x.shape)


def _congelar_sorteios(objeto):
    """Guarda o estado dos sorteadores (`gerador`) de uma camada ou de um modelo; devolve quem os restaura.

    Assim cada avaliação do custo usa os mesmos sorteios (a mesma máscara de dropout).
    """
    camadas = getattr(objeto, "camadas", [objeto])
    geradores = [c.gerador for c in camadas if isinstance(getattr(c, "gerador", None), np.random.Generator)]
    estados = [g.bit_generator.state for g in geradores]

    def restaurar():
        for g, estado in zip(geradores, estados):
            g.bit_generator.state = estado
    return restaurar


def _amostra(tamanho: int, amostra, sorteio) -> np.ndarray | None:
    if amostra is None or amostra >= tamanho:
        return None
    return np.sort(sorteio.choice(tamanho, size=inteiro(amostra, "amostra"), replace=False))


def _comparar(analitico, numerico, indices) -> float:
    if indices is not None:
        analitico, numerico = analitico.reshape(-1)[indices], numerico.reshape(-1)[indices]
    return diferenca_relativa(analitico, numerico)


def conferir_camada(camada, X, treino: bool = False, h: float = 1e-5, semente=0, amostra=None) -> dict:
    r"""Confere `backward` de uma camada contra diferenças finitas; devolve `{"X": erro, "W": erro, ...}`.

    Usa o custo $C = \sum R \odot \text{saída}$, com $R$ sorteado, para o qual
    $\partial C/\partial\text{saída} = R$. Com `treino=True` cada avaliação usa
    os mesmos sorteios (a mesma máscara de dropout). `amostra` limita quantas
    coordenadas de cada array são conferidas.
    """
    camada = copy.deepcopy(camada).como_tipo(np.float64)
    X = np.array(lote(X, "X", camada.n_entrada, np.float64))
    sorteio = gerador(semente)
    restaurar = _congelar_sorteios(camada)

    def ida():
        restaurar()
        return camada.forward(X, treino)
    R = sorteio.standard_normal(ida().shape)
    analiticos = {"X": camada.backward(R)}
    analiticos.update({nome: g.copy() for nome, g in camada.gradientes.items()})

    def custo(_):
        return float(np.sum(R * ida()))
    erros = {}
    for nome, array in [("X", X), *camada.parametros.items()]:
        idx = _amostra(array.size, amostra, sorteio)
        erros[nome] = _comparar(analiticos[nome], gradiente_numerico(custo, array, h, idx), idx)
    return erros


def conferir_custo(custo, a, y, h: float = 1e-6) -> float:
    """Diferença relativa entre `custo.gradiente(a, y)` e o gradiente numérico de `custo.valor(a, y)` (em float64)."""
    a = np.array(lote(a, "a", tipo=np.float64))
    y = custo.alvos(y, a)
    analitico = custo.gradiente(a, y)
    return diferenca_relativa(analitico, gradiente_numerico(lambda v: custo.valor(v, y), a, h))


def conferir_modelo(modelo, custo, X, y, treino: bool = False, h: float = 1e-5, amostra=None, semente=0) -> dict:
    """Confere a retropropagação de um modelo inteiro com um custo; devolve `{"0.W": erro, "0.b": erro, ...}`."""
    modelo = copy.deepcopy(modelo).como_tipo(np.float64)
    X = lote(X, "X", modelo.n_entrada, np.float64)
    sorteio = gerador(semente)
    restaurar = _congelar_sorteios(modelo)

    def ida():
        restaurar()
        return modelo.forward(X, treino)
    saida = ida()
    alvos = custo.alvos(y, saida)
    modelo.backward(custo.gradiente(saida, alvos))
    analiticos = [g.copy() for g in modelo.gradientes()]

    def perda(_):
        return custo.valor(ida(), alvos)
    erros = {}
    for nome, p, analitico in zip(modelo.nomes(), modelo.parametros(), analiticos):
        idx = _amostra(p.size, amostra, sorteio)
        erros[nome] = _comparar(analitico, gradiente_numerico(perda, p, h, idx), idx)
    return erros
