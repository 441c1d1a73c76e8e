r"""O laboratório de treino do capítulo 12: uma rede $[n, h, k]$ de sigmoides treinada num pedaço dos dados.

A receita é a de Nielsen no capítulo 1 de *Neural Networks and Deep Learning*:
pesos e vieses sorteados de $\mathcal N(0, 1)$ (a inicialização `"grande"`),
custo quadrático

$$C = \frac{1}{2m}\sum_x \lVert y(x) - a^L(x)\rVert^2$$

e descida do gradiente estocástica em minilotes de tamanho $m$:
$w \leftarrow w - \eta\,\partial C/\partial w$, com $\partial C/\partial w$ já
sendo a média dos gradientes dos exemplos do minilote. Aqui só se juntam as
peças de `redes.modelo.mlp` e `redes.treino.treinar`, para que um painel
(ou um teste) mude os hiperparâmetros e receba de volta o que aconteceu:

    >>> r = treinar_mlp(X, y, X_val, y_val, ocultos=30, taxa=3.0, minilote=10, epocas=3, exemplos=5000)
    >>> r.historico["acuracia_validacao"]        # uma acurácia por época
    >>> r.acuracia_final, r.erros.indices[:5]     # e os exemplos que a rede errou no fim

A acurácia de um classificador é a fração de exemplos em que a maior saída
está na posição do rótulo certo: $\frac1m\sum_x [\arg\max_j a_j(x) = y(x)]$.
"""
from __future__ import annotations

from typing import Callable, NamedTuple

import numpy as np

from ._lotes import inteiro, inteiros, lote, numerico, real
from .callbacks import Callback
from .modelo import mlp
from .treino import treinar


class ErrosDeClassificacao(NamedTuple):
    """Os exemplos que o classificador errou: posição no conjunto, resposta dada e rótulo certo."""

    indices: np.ndarray
    previstos: np.ndarray
    verdadeiros: np.ndarray


class ResultadoTreino(NamedTuple):
    """O que `treinar_mlp` devolve.

    - `historico`: `{"custo": [...], "acuracia": [...], "custo_validacao": [...],
      "acuracia_validacao": [...], ...}`, um valor por época (veja `redes.treino.Historico`);
    - `acuracia_final`: a acurácia nos dados de avaliação depois da última época (entre 0 e 1);
    - `erros`: `ErrosDeClassificacao` nos dados de avaliação, com os pesos do fim;
    - `configuracao`: os hiperparâmetros usados.
    """

    historico: dict
    acuracia_final: float
    erros: ErrosDeClassificacao
    configuracao: dict


def _previsoes(saidas, nome: str = "saidas") -> np.ndarray:
    """Classes previstas: o argmax de cada linha de uma matriz `(m, k)`, ou o próprio vetor de inteiros `(m,)`."""
    array = numerico(saidas, nome)
    if array.ndim == 2:
        if array.shape[0] == 0 or array.shape[1] == 0:
            raise ValueError(f"esperava `{nome}` com pelo menos um exemplo e uma classe, recebi forma {array.shape}")
        return array.argmax(axis=1)
    if array.ndim == 1:
        if array.dtype.kind == "f" and np.any(array != np.round(array)):
            raise ValueError(f"esperava em `{nome}` uma matriz (m, k) de saídas ou rótulos inteiros (m,); "
                             "recebi um vetor com valores fracionários")
        return array.astype(np.int64)
    raise ValueError(f"esperava `{nome}` com forma (m, k) ou (m,), recebi {array.shape}")


def _rotulos(rotulos, m: int, nome: str = "rotulos") -> np.ndarray:
    array = numerico(rotulos, nome)
    if array.shape != (m,):
        raise ValueError(f"esperava `{nome}` com forma ({m},), um rótulo por exemplo, recebi {array.shape}")
    if array.dtype.kind == "f" and np.any(array != np.round(array)):
        raise ValueError(f"esperava rótulos inteiros em `{nome}`, recebi valores fracionários")
    return array.astype(np.int64)


def acuracia(saidas, rotulos) -> float:
    r"""Fração de acertos: $\frac1m\sum_x [\hat y(x) = y(x)]$, com $\hat y = \arg\max_j a_j$ (ou as classes já prontas).

    `saidas` é a matriz `(m, k)` das saídas da rede (ou um vetor `(m,)` de
    classes previstas); `rotulos`, os `m` rótulos certos.
    """
    previstos = _previsoes(saidas)
    return float(np.mean(previstos == _rotulos(rotulos, previstos.shape[0])))


def erros_de_classificacao(saidas, rotulos) -> ErrosDeClassificacao:
    """Os exemplos em que $\\arg\\max_j a_j$ difere do rótulo, na ordem do conjunto."""
    previstos = _previsoes(saidas)
    verdadeiros = _rotulos(rotulos, previstos.shape[0])
    indices = np.flatnonzero(previstos != verdadeiros)
    return ErrosDeClassificacao(indices, previstos[indices], verdadeiros[indices])


class _AoFimDaEpoca(Callback):
    """Chama `funcao(t, medidas)` no fim de cada época, com o último valor de cada medida."""

    def __init__(self, funcao: Callable):
        self.funcao = funcao

    def ao_fim_da_epoca(self, t, historico, modelo):
        self.funcao(t, {chave: valores[-1] for chave, valores in historico.medidas.items() if valores})
        return False


def treinar_mlp(X, y, X_avaliacao, y_avaliacao, ocultos: int = 30, taxa: float = 3.0, minilote: int = 10,
                epocas: int = 3, exemplos: int | None = None, semente=0, classes: int | None = None,
                ao_fim_da_epoca: Callable | None = None, tipo="float32") -> ResultadoTreino:
    r"""Treina uma rede $[n, \text{ocultos}, k]$ de sigmoides, como a de Nielsen, e devolve um `ResultadoTreino`.

    - `X`, `y`: exemplos de treino (um por linha) e rótulos inteiros; usa só os
      `exemplos` primeiros (todos, se `exemplos` for None);
    - `X_avaliacao`, `y_avaliacao`: onde medir a acurácia a cada época (a validação);
    - `ocultos`, `taxa` ($\eta$), `minilote` ($m$), `epocas`: os hiperparâmetros;
    - `semente`: sorteia os pesos iniciais ($\mathcal N(0, 1)$) e a ordem dos exemplos em cada época;
    - `classes`: $k$, o número de saídas (padrão: o maior rótulo + 1, pelo menos 2);
    - `ao_fim_da_epoca(t, medidas)`: chamada depois de cada época $t$ (contada do 0), com
      `medidas = {"custo": ..., "acuracia_validacao": ..., ...}` (para mostrar o progresso ao vivo).
    """
    X = lote(X, "X")
    X_avaliacao = lote(X_avaliacao, "X_avaliacao", X.shape[1])
    ocultos = inteiro(ocultos, "ocultos")
    taxa = real(taxa, "taxa", acima_de=0.0)
    minilote = inteiro(minilote, "minilote")
    epocas = inteiro(epocas, "epocas")
    n = X.shape[0] if exemplos is None else inteiro(exemplos, "exemplos")
    if n > X.shape[0]:
        raise ValueError(f"pedi {n} exemplos de treino, mas X só tem {X.shape[0]}")
    y = _rotulos(y, X.shape[0], "y")
    y_avaliacao = _rotulos(y_avaliacao, X_avaliacao.shape[0], "y_avaliacao")
    if classes is None:
        classes = max(2, int(max(y.max(), y_avaliacao.max())) + 1)
    classes = inteiro(classes, "classes", minimo=2)
    y = inteiros(y, "y", classes)
    y_avaliacao = inteiros(y_avaliacao, "y_avaliacao", classes)
    if ao_fim_da_epoca is not None and not callable(ao_fim_da_epoca):
        raise TypeError(f"esperava uma função em `ao_fim_da_epoca`, recebi {type(ao_fim_da_epoca).__name__}")

    rede = mlp([X.shape[1], ocultos, classes], "sigmoide", "sigmoide", "grande", semente=semente, tipo=tipo)
    callbacks = [_AoFimDaEpoca(ao_fim_da_epoca)] if ao_fim_da_epoca is not None else []
    historico = treinar(rede, (X[:n], y[:n]), "quadratico", taxa, epocas=epocas, tamanho_lote=minilote,
                        validacao=(X_avaliacao, y_avaliacao), callbacks=callbacks, semente=semente,
                        progresso=False)
    saidas = rede.prever(X_avaliacao)
    configuracao = {"tamanhos": [X.shape[1], ocultos, classes], "taxa": taxa, "minilote": minilote,
                    "epocas": epocas, "exemplos": n, "semente": semente}
    return ResultadoTreino(historico.como_dict(), acuracia(saidas, y_avaliacao),
                           erros_de_classificacao(saidas, y_avaliacao), configuracao)
