r"""Escolher hiperparâmetros (capítulo 18): primeiro algum sinal, depois a taxa de aprendizado e a parada antecipada.

Peças do capítulo:

- `filtrar_digitos(X, y, digitos)`: só os exemplos de alguns dígitos (o problema encolhido, 0 contra 1);
- `sinal(...)`: um treino curto e semeado num pedaço dos dados, com a acurácia de validação a cada época;
- `CustoDeTreino`: *callback* que mede o custo no treino inteiro antes da primeira época e no fim de
  cada uma, com a penalidade da regularização: $C = C_0 + \frac{\lambda}{2n}\sum_w w^2$;
- `curva_de_custo` e `curvas_de_custo`: esse custo, época a época, para uma ou várias taxas;
- `custo_desce`, `busca_da_taxa` e `maior_taxa_estavel`: o limiar da taxa, por ordens de grandeza;
- `epoca_de_parada`: a regra de `callbacks.ParadaAntecipada` aplicada a uma curva já medida;
- `escolher_melhor`: a configuração com a maior acurácia de validação, e em que época.

As épocas são contadas a partir de 1 em tudo o que este módulo devolve.
"""
from __future__ import annotations

import math
import time
import warnings
from typing import Callable, NamedTuple

import numpy as np

from ._lotes import inteiro, real
from ._validacao import como_array
from .callbacks import Callback
from .custos import SigmoideEntropiaCruzada
from .dados.exemplos import Exemplos
from .modelo import mlp
from .regularizacao import L2
from .treino import AvisoDeDivergencia, treinar


def filtrar_digitos(X, y, digitos=(0, 1)) -> Exemplos:
    """Só os exemplos cujo rótulo está em `digitos`, na ordem original; os rótulos não mudam.

    Com `digitos=(0, 1)` sobra o problema de Nielsen para ganhar tempo: separar zeros de uns.
    """
    X, y = np.asarray(X), np.asarray(y)
    if X.ndim == 0 or y.ndim != 1 or len(X) != len(y):
        raise ValueError(f"esperava um rótulo por exemplo: X tem forma {X.shape}, y tem forma {y.shape}")
    digitos = np.atleast_1d(np.asarray(digitos))
    if digitos.size == 0 or digitos.dtype.kind not in "iu":
        raise ValueError(f"esperava em `digitos` uma lista não vazia de inteiros, recebi {digitos.tolist()}")
    manter = np.isin(y, digitos)
    return Exemplos(X[manter], y[manter])


class Sinal(NamedTuple):
    """O resultado de `sinal`: a acurácia de validação por época (frações), se divergiu, o aviso e o fator $1 - \\eta\\lambda/n$."""

    acuracias: np.ndarray
    divergiu: bool
    aviso: str | None
    fator: float

    @property
    def mediana(self) -> float:
        """A mediana das acurácias das épocas (NaN se nenhuma época terminou)."""
        return float(np.median(self.acuracias)) if self.acuracias.size else math.nan


def sinal(dados, validacao, taxa: float, lmbda: float = 0.0, tamanhos=(784, 10), n: int = 1000,
          n_validacao: int = 100, epocas: int = 30, tamanho_lote: int = 10, inicializacao: str = "lecun",
          semente=0) -> Sinal:
    r"""Treino rápido para saber se há **algum** sinal: as primeiras `n` imagens, validação nas primeiras `n_validacao`.

    Rede `tamanhos` com sigmoides e entropia cruzada (`SigmoideEntropiaCruzada`), SGD com taxa `taxa`,
    L2 com `lmbda` (nenhuma se 0) e minilotes de `tamanho_lote`, como os testes rápidos de Nielsen. Se
    o custo virar NaN, o treino para (o aviso fica em `aviso`, em vez de ir para a tela). O fator
    $1 - \eta\lambda/n$ multiplica os pesos a cada passo: negativo, eles trocam de sinal e explodem.
    """
    X, y = dados
    Xv, yv = validacao
    n, n_validacao = inteiro(n, "n"), inteiro(n_validacao, "n_validacao")
    taxa, lmbda = real(taxa, "taxa", acima_de=0.0), real(lmbda, "lmbda", minimo=0.0)
    rede = mlp(list(tamanhos), "sigmoide", None, inicializacao, semente=semente)
    with warnings.catch_warnings(record=True) as avisos:
        warnings.simplefilter("always", AvisoDeDivergencia)
        historico = treinar(rede, (X[:n], y[:n]), SigmoideEntropiaCruzada(), taxa, epocas=epocas,
                            tamanho_lote=tamanho_lote, validacao=(Xv[:n_validacao], yv[:n_validacao]),
                            regularizacao=L2(lmbda) if lmbda > 0 else None, semente=semente, progresso=False)
    aviso = next((str(a.message) for a in avisos if issubclass(a.category, AvisoDeDivergencia)), None)
    return Sinal(np.array(historico["acuracia_validacao"], dtype=float), historico.divergiu, aviso,
                 1 - taxa * lmbda / min(n, len(X)))


class CustoDeTreino(Callback):
    r"""Guarda em `valores` o custo no conjunto de treino inteiro: antes da 1ª época e no fim de cada uma.

    $C = C_0 + \frac{\lambda}{2n}\sum_w w^2$ com os pesos daquele momento, como o `monitor_training_cost`
    de Nielsen (o `historico["custo"]` de `treinar` é a média dos minilotes **durante** a época).
    """

    def __init__(self, dados, custo=None, regularizacao=None):
        self.X, self.y = dados
        self.custo = custo if custo is not None else SigmoideEntropiaCruzada()
        self.regularizacao = regularizacao
        self.valores: list[float] = []

    def _medir(self, modelo) -> float:
        with np.errstate(all="ignore"):
            valor = self.custo.valor(modelo.prever(self.X), self.y)
            if self.regularizacao is not None:
                valor += self.regularizacao.custo(modelo.pesos(), len(self.X))
        return float(valor)

    def ao_iniciar(self, modelo, historico):
        self.valores = [self._medir(modelo)]

    def ao_fim_da_epoca(self, t, historico, modelo):
        self.valores.append(self._medir(modelo))
        return False


class _Aviso(Callback):
    """Chama `funcao(t, custo, acuracia)` no fim de cada época (t contado a partir de 1)."""

    def __init__(self, medidor, funcao):
        self.medidor, self.funcao = medidor, funcao

    def ao_fim_da_epoca(self, t, historico, modelo):
        acuracias = historico["acuracia_validacao"] if "acuracia_validacao" in historico else [math.nan]
        self.funcao(t + 1, self.medidor.valores[-1], acuracias[-1])
        return False


class CurvaDeCusto(NamedTuple):
    """`custos` tem `epocas + 1` valores (o primeiro antes do treino; NaN depois de uma divergência)."""

    custos: np.ndarray
    acuracias_validacao: np.ndarray | None
    divergiu: bool
    segundos: float


def curva_de_custo(dados, otimizador, lmbda: float = 0.0, n: int | None = None, epocas: int = 30,
                   tamanhos=(784, 30, 10), tamanho_lote: int = 10, inicializacao: str = "lecun", semente=0,
                   validacao=None, ao_fim_da_epoca: Callable | None = None) -> CurvaDeCusto:
    r"""Treina a rede de Nielsen nas primeiras `n` imagens (todas, se None) e mede o custo de treino a cada época.

    `otimizador` é uma taxa (número) ou um otimizador de `redes.otimizadores`, que pode levar uma agenda.
    Rede `tamanhos`, sigmoides, entropia cruzada, pesos "lecun" ($\mathcal N(0, 1/n_{\text{entrada}})$,
    o padrão do `network2.py`), L2 com `lmbda`. `ao_fim_da_epoca(t, custo, acuracia_de_validacao)`, se
    dada, é chamada no fim de cada época (para mostrar o progresso).
    """
    X, y = dados
    n = len(X) if n is None else inteiro(n, "n")
    X, y = X[:n], y[:n]
    lmbda = real(lmbda, "lmbda", minimo=0.0)
    regularizacao = L2(lmbda) if lmbda > 0 else None
    medidor = CustoDeTreino((X, y), SigmoideEntropiaCruzada(), regularizacao)
    rede = mlp(list(tamanhos), "sigmoide", None, inicializacao, semente=semente)
    inicio = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", AvisoDeDivergencia)
        historico = treinar(rede, (X, y), SigmoideEntropiaCruzada(), otimizador, epocas=epocas,
                            tamanho_lote=tamanho_lote, validacao=validacao, regularizacao=regularizacao,
                            callbacks=[medidor, _Aviso(medidor, ao_fim_da_epoca)] if ao_fim_da_epoca else [medidor],
                            semente=semente, progresso=False)
    custos = np.full(epocas + 1, np.nan)
    custos[:len(medidor.valores)] = medidor.valores
    acuracias = np.array(historico["acuracia_validacao"]) if validacao is not None else None
    return CurvaDeCusto(custos, acuracias, historico.divergiu, time.perf_counter() - inicio)


def curvas_de_custo(dados, taxas, **opcoes) -> dict[float, np.ndarray]:
    """`{taxa: custos}` para cada taxa (com as mesmas `opcoes` de `curva_de_custo`, inclusive a semente)."""
    return {float(taxa): curva_de_custo(dados, float(taxa), **opcoes).custos for taxa in taxas}


def custo_desce(custos, epocas: int | None = None) -> bool:
    r"""Se o custo caiu em cada uma das primeiras `epocas` épocas: $C_0 > C_1 > \dots > C_k$ (sem NaN).

    `custos[0]` é o custo antes do treino; sem `epocas`, olha a curva inteira.
    """
    c = como_array(custos, "custos", dims=1, finito=False)
    if epocas is not None:
        c = c[:inteiro(epocas, "epocas") + 1]
    return bool(c.size >= 2 and np.all(np.isfinite(c)) and np.all(np.diff(c) < 0))


class BuscaDaTaxa(NamedTuple):
    """`ordem`: a ordem de grandeza do limiar; `limiar`: depois do refinamento; `sugerida`: metade do limiar."""

    ordem: float
    limiar: float
    sugerida: float
    tentativas: dict


def _arredondar(x: float) -> float:
    return float(f"{x:.10g}")


def busca_da_taxa(custos_de: Callable, inicio: float = 0.01, fator: float = 10.0, epocas: int = 3,
                  refinar=(2, 3, 5), maximo: int = 12) -> BuscaDaTaxa:
    r"""O roteiro de Nielsen para o limiar de $\eta$: a maior taxa em que o custo de treino já começa caindo.

    1. Treina com $\eta$ = `inicio` (`custos_de(η)` devolve o custo antes do treino e depois de cada época).
    2. Se o custo cai nas primeiras `epocas` épocas, multiplica $\eta$ por `fator` até ele oscilar ou
       subir; se não cai, divide até cair. A última taxa que desce é a **ordem de grandeza** do limiar.
    3. Refinamento: tenta `ordem × m` para cada `m` de `refinar`, em ordem, enquanto o custo descer.
    4. Sugere usar a metade do limiar.
    """
    fator = real(fator, "fator", acima_de=1.0)
    tentativas: dict[float, bool] = {}

    def desce(taxa):
        taxa = _arredondar(taxa)
        if taxa not in tentativas:
            tentativas[taxa] = custo_desce(custos_de(taxa), epocas)
        return tentativas[taxa]

    taxa = _arredondar(real(inicio, "inicio", acima_de=0.0))
    if desce(taxa):
        while len(tentativas) < maximo and desce(taxa * fator):
            taxa = _arredondar(taxa * fator)
    else:
        while True:
            taxa = _arredondar(taxa / fator)
            if desce(taxa):
                break
            if len(tentativas) >= maximo:
                raise ValueError(f"o custo não desceu com nenhuma das {len(tentativas)} taxas tentadas, até {taxa:g}")
    ordem = limiar = taxa
    for m in sorted(refinar):
        if not desce(ordem * m):
            break
        limiar = _arredondar(ordem * m)
    return BuscaDaTaxa(ordem, limiar, _arredondar(limiar / 2), tentativas)


def maior_taxa_estavel(custo: Callable, gradiente: Callable, w0, taxas, passos: int = 10) -> float | None:
    r"""A maior taxa de `taxas` com que a descida do gradiente, saindo de `w0`, baixa o custo em **cada** um dos `passos` passos.

    Cada passo é $w \leftarrow w - \eta\,\nabla C(w)$. Numa quadrática $C = \frac a2 w^2$ isso vale
    para $0 < \eta < 2/a$. Devolve None se nenhuma taxa servir. O critério é estrito: uma taxa que
    leva o ponto exatamente ao mínimo e para ali (como $\eta = 1/a$ na quadrática) não conta, porque o
    custo deixa de cair; com a maior taxa da lista isso só importa em exemplos de brinquedo.
    """
    passos = inteiro(passos, "passos")
    boas = []
    with np.errstate(all="ignore"):
        for taxa in taxas:
            w = np.array(w0, dtype=float)
            valores = [float(custo(w))]
            for _ in range(passos):
                w = w - float(taxa) * np.asarray(gradiente(w), dtype=float)
                valores.append(float(custo(w)))
            if custo_desce(valores):
                boas.append(float(taxa))
    return max(boas) if boas else None


class Parada(NamedTuple):
    """`epoca`: onde o treino para (None se a regra não disparou); `melhor_epoca` e `melhor`: o que a regra guardou."""

    epoca: int | None
    melhor_epoca: int
    melhor: float


def epoca_de_parada(valores, paciencia: int, min_delta: float = 0.0, maior_melhor: bool = True) -> Parada:
    r"""A regra de `ParadaAntecipada`, aplicada a uma curva já medida (épocas contadas a partir de 1).

    Uma época **melhora** se passa a melhor marca guardada por mais de `min_delta`; o treino para
    na primeira época $t$ com `paciencia` épocas seguidas sem melhora. Com `min_delta = 0` e acurácias,
    é a primeira $t$ com $\max_{s \le t} a_s = \max_{s \le t - P} a_s$.
    """
    valores = como_array(valores, "valores", dims=1)
    if valores.size == 0:
        raise ValueError("a curva está vazia: esperava pelo menos uma época")
    paciencia = inteiro(paciencia, "paciencia")
    min_delta = real(min_delta, "min_delta", minimo=0.0)
    sinal_ = 1.0 if maior_melhor else -1.0
    melhor, melhor_epoca, esperando = -math.inf, 0, 0
    for t, valor in enumerate(sinal_ * valores, start=1):
        if valor > melhor + min_delta:
            melhor, melhor_epoca, esperando = valor, t, 0
            continue
        esperando += 1
        if esperando >= paciencia:
            return Parada(t, melhor_epoca, sinal_ * melhor)
    return Parada(None, melhor_epoca, sinal_ * melhor)


def escolher_melhor(historicos: dict) -> tuple:
    """`(nome, época, acurácia)` da configuração com a maior acurácia de validação (empate: a primeira do dicionário).

    `historicos` é `{nome: historico}`, cada um um `Historico` ou um dicionário com "acuracia_validacao";
    a época é a primeira em que aquela configuração atingiu o seu máximo.
    """
    if not historicos:
        raise ValueError("esperava pelo menos um histórico")
    melhor = None
    for nome, historico in historicos.items():
        acuracias = como_array(list(historico["acuracia_validacao"]), f"acuracia_validacao de {nome!r}", dims=1)
        if acuracias.size == 0:
            raise ValueError(f"o histórico {nome!r} não tem nenhuma época")
        t = int(np.argmax(acuracias))
        if melhor is None or acuracias[t] > melhor[2]:
            melhor = (nome, t + 1, float(acuracias[t]))
    return melhor
