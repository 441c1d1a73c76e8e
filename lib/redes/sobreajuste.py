r"""Sobreajuste no MNIST (capítulo 14): treinar num pedaço do treino, separar a validação, ler as curvas.

O experimento de Nielsen (capítulo 3 de *Neural Networks and Deep Learning*):
a rede $[784, 30, 10]$, sigmoide, pesos $\mathcal N(0, 1)$, entropia cruzada,
$\eta = 0{,}5$, minilote 10, treinada só com as **primeiras 1 000 imagens**.
Com tão poucos exemplos a rede decora o treino (acurácia de treino de 100 %)
enquanto a acurácia em dados que ela não viu para bem abaixo, e o custo
nesses dados desce, passa por um mínimo e volta a subir.

Nielsen acompanha o conjunto de **teste** a cada época, "para comparar".
Aqui acompanhamos a **validação**: o teste só é medido no fim, uma vez (veja
`redes.reproducoes.sobreajuste`).

Com a regularização L2 ($C = C_0 + \frac{\lambda}{2n}\sum_w w^2$), o $\lambda$
que dá o mesmo encolhimento por passo, $1 - \eta\lambda/n$, cresce com $n$:
$\lambda = 0{,}1$ com 1 000 imagens corresponde a $\lambda = 5{,}0$ com 50 000
(`redes.regularizacao.reescalar_lambda`).
"""
from __future__ import annotations

import numpy as np

from ._lotes import gerador, inteiro, real
from ._validacao import como_array
from .callbacks import Callback
from .custos import SigmoideEntropiaCruzada
from .dados.exemplos import Exemplos
from .modelo import mlp
from .regularizacao import L2
from .treino import treinar


def separar_validacao(X, y, n_validacao: int, semente=0) -> tuple[Exemplos, Exemplos]:
    r"""Sorteia `n_validacao` exemplos para a validação e deixa o resto para o treino (o método *hold-out*).

    A ordem vem de `np.random.default_rng(semente).permutation(m)`: os
    primeiros `n_validacao` índices sorteados vão para a validação, os outros
    para o treino, na ordem sorteada. As duas partes não têm exemplo em comum
    e, juntas, têm todos. Devolve `(treino, validacao)`, cada um um
    `Exemplos(X, y)`: o mesmo que `dados.dividir` com a fração
    `n_validacao / m`.
    """
    X = np.asarray(X)
    y = np.asarray(y)
    if X.ndim == 0 or y.ndim == 0 or X.shape[0] != y.shape[0]:
        raise ValueError(f"esperava um rótulo por exemplo: X tem forma {X.shape}, y tem forma {y.shape}")
    m = X.shape[0]
    n_validacao = inteiro(n_validacao, "n_validacao")
    if n_validacao >= m:
        raise ValueError(f"com {m} exemplos, a validação pode ter no máximo {m - 1}; recebi n_validacao={n_validacao}")
    ordem = gerador(semente).permutation(m)
    validacao, treino = ordem[:n_validacao], ordem[n_validacao:]
    return Exemplos(X[treino], y[treino]), Exemplos(X[validacao], y[validacao])


def _serie(historico, chave):
    try:
        valores = historico[chave]
    except (KeyError, TypeError, IndexError):
        raise ValueError(f"o histórico não tem {chave!r}: treine com `validacao=(X, y)`") from None
    valores = como_array(list(valores), chave, dims=1)
    if valores.size == 0:
        raise ValueError(f"o histórico está vazio em {chave!r}: nenhuma época terminou")
    return valores


def melhor_epoca(historico) -> tuple[int, int]:
    r"""`(época do menor custo de validação, época da maior acurácia de validação)`, contando de 1.

    Em empates vale a primeira época. `historico` é um `Historico` de
    `treinar` ou um dicionário com as listas `"custo_validacao"` e
    `"acuracia_validacao"`.
    """
    custo = _serie(historico, "custo_validacao")
    acuracia = _serie(historico, "acuracia_validacao")
    return int(np.argmin(custo)) + 1, int(np.argmax(acuracia)) + 1


def resumo(historico) -> dict:
    r"""As medidas do capítulo, em %: picos de treino e de validação, a lacuna entre eles e as melhores épocas.

    A lacuna é `pico_treino - pico_validacao` (em pontos percentuais): a
    medida de Nielsen (100 % − 82,27 % = 17,73 com 1 000 imagens).
    """
    acuracia = _serie(historico, "acuracia")
    validacao = _serie(historico, "acuracia_validacao")
    epoca_custo, epoca_acuracia = melhor_epoca(historico)
    pico_treino, pico_validacao = 100 * float(acuracia.max()), 100 * float(validacao.max())
    return {"epocas": int(validacao.size), "pico_treino": pico_treino, "pico_validacao": pico_validacao,
            "final_treino": 100 * float(acuracia[-1]), "final_validacao": 100 * float(validacao[-1]),
            "lacuna": pico_treino - pico_validacao, "epoca_menor_custo": epoca_custo,
            "epoca_maior_acuracia": epoca_acuracia,
            "primeira_epoca_100": int(np.argmax(acuracia >= 1.0)) + 1 if acuracia.max() >= 1.0 else None}


class NormaDosPesos(Callback):
    r"""Guarda, a cada época, a soma dos quadrados dos pesos, $\sum_w w^2$ (sem os vieses), em `self.valores`."""

    def __init__(self):
        self.valores: list[float] = []

    def ao_iniciar(self, modelo, historico):
        self.valores = []

    def ao_fim_da_epoca(self, t, historico, modelo):
        self.valores.append(float(sum(np.sum(np.square(w, dtype=np.float64)) for w in modelo.pesos())))
        return False


def experimento(dados, validacao, n: int = 1000, lmbda: float = 0.0, epocas: int = 30, taxa: float = 0.5,
                tamanho_lote: int = 10, oculta: int = 30, semente=0, callbacks=(), progresso=False):
    r"""Treina a rede de Nielsen nas primeiras `n` imagens de `dados` e devolve `(rede, historico)`.

    Rede `[784, oculta, 10]`, sigmoide, pesos $\mathcal N(0, 1)$ ("grande"),
    custo `SigmoideEntropiaCruzada`, SGD com taxa `taxa`, minilotes de
    `tamanho_lote`, L2 com `lmbda` (nenhuma se `lmbda = 0`), medindo
    `validacao` ao fim de cada época. `semente` fixa os pesos iniciais e a
    ordem dos exemplos.
    """
    X, y = dados
    n = inteiro(n, "n")
    if n > len(X):
        raise ValueError(f"pedi as primeiras {n} imagens, mas os dados só têm {len(X)}")
    lmbda = real(lmbda, "lmbda", minimo=0.0)
    rede = mlp([X.shape[1], inteiro(oculta, "oculta"), 10], "sigmoide", None, "grande", semente=semente)
    historico = treinar(rede, (X[:n], y[:n]), SigmoideEntropiaCruzada(), real(taxa, "taxa", acima_de=0.0),
                        epocas=epocas, tamanho_lote=tamanho_lote, validacao=validacao,
                        regularizacao=L2(lmbda) if lmbda > 0 else None, callbacks=list(callbacks),
                        semente=semente, progresso=progresso)
    return rede, historico
