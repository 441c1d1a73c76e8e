r"""O laço de treino: épocas, minilotes, históricos, callbacks e detecção de divergência.

Em cada época os exemplos são embaralhados e percorridos em minilotes de
`tamanho_lote`; para cada minilote:

1. ida: $a = \text{modelo}(X_{\text{lote}})$ e o custo $C$ do lote;
2. volta: $\partial C/\partial a$ e a retropropagação até os parâmetros;
3. regularização (se houver): soma $\tfrac{\lambda}{n}w$ (L2) aos gradientes dos pesos;
4. passo do otimizador, por exemplo $w \leftarrow w - \eta\,\partial C/\partial w$.

O histórico guarda, por época, o custo e a acurácia de treino (médias sobre
os minilotes da época, medidas durante o treino, mais a penalidade da
regularização com os pesos do fim da época) e, se houver `validacao`, o
custo e a acurácia nesses dados com os pesos do fim da época.

Se o custo virar NaN ou infinito, o treino para, os parâmetros voltam aos do
começo daquela época e um aviso (`AvisoDeDivergencia`) diz o que
provavelmente aconteceu.
"""
from __future__ import annotations

import math
import time
import warnings

import numpy as np

from . import custos as _custos
from ._lotes import alvos as _alvos
from ._lotes import gerador, inteiro, lote
from .callbacks import BarraDeTreino, Callback
from .otimizadores import SGD, Otimizador
from .regularizacao import Regularizacao


class AvisoDeDivergencia(RuntimeWarning):
    """O custo virou NaN ou infinito e o treino parou."""


warnings.simplefilter("always", AvisoDeDivergencia)


class Historico:
    """Medidas por época: `historico["custo"]`, `["acuracia"]`, `["custo_validacao"]`, `["acuracia_validacao"]`, `["taxa"]`, `["segundos"]`.

    Também guarda `parada` (por que o treino parou antes, ou None), `divergiu`
    e `melhor_epoca` (da parada antecipada, contada a partir de 0).
    """

    CHAVES = ("custo", "acuracia", "custo_validacao", "acuracia_validacao", "taxa", "segundos")

    def __init__(self, disponiveis, epocas_pedidas: int, lotes_por_epoca: int):
        self.disponiveis = tuple(disponiveis)
        self.epocas_pedidas = epocas_pedidas
        self.lotes_por_epoca = lotes_por_epoca
        self.medidas = {chave: [] for chave in self.disponiveis}
        self.parada: str | None = None
        self.divergiu = False
        self.melhor_epoca: int | None = None

    def __getitem__(self, chave: str) -> list:
        if chave not in self.medidas:
            raise KeyError(f"o histórico não tem {chave!r}; tem: {', '.join(self.medidas)}")
        return self.medidas[chave]

    def __contains__(self, chave) -> bool:
        return chave in self.medidas

    @property
    def epocas(self) -> int:
        """Quantas épocas terminaram."""
        return len(self.medidas["custo"])

    def como_dict(self) -> dict:
        return {chave: list(valores) for chave, valores in self.medidas.items()}

    def __repr__(self) -> str:
        ultimo = {k: v[-1] for k, v in self.medidas.items() if v}
        texto = ", ".join(f"{k}={v:.4g}" for k, v in ultimo.items())
        return f"Historico({self.epocas} épocas; última: {texto}{'; ' + self.parada if self.parada else ''})"


def rotulos_de_classe(Y: np.ndarray) -> np.ndarray | None:
    """Rótulos inteiros, se os alvos forem de classificação (one-hot, ou 0/1 com uma saída); senão None."""
    if Y.shape[1] == 1:
        coluna = Y[:, 0]
        return coluna.astype(np.int64) if np.all((coluna == 0) | (coluna == 1)) else None
    if np.all((Y == 0) | (Y == 1)) and np.all(Y.sum(axis=1) == 1):
        return Y.argmax(axis=1)
    return None


def contar_acertos(saida: np.ndarray, rotulos: np.ndarray, limiar: float) -> int:
    """Quantos exemplos a rede acerta: a maior saída (várias classes) ou a saída acima do `limiar` (uma saída só)."""
    if saida.shape[1] == 1:
        return int(np.count_nonzero((saida[:, 0] > limiar) == (rotulos == 1)))
    return int(np.count_nonzero(saida.argmax(axis=1) == rotulos))


def _mensagem_de_divergencia(t, indice, custo_lote, taxa, X, regularizacao=None, n=1) -> str:
    o_que = "NaN" if math.isnan(custo_lote) else "infinito"
    texto = f"o treino divergiu na época {t + 1}, minilote {indice + 1}: o custo virou {o_que}. "
    fator = regularizacao.fator_de_decaimento(taxa, n) if hasattr(regularizacao, "fator_de_decaimento") else 1.0
    if fator < 0:
        texto += (f"Causa provável: a regularização forte demais para o número de exemplos. O fator de decaimento "
                  f"1 − ηλ/n = 1 − {taxa:g}·{regularizacao.lmbda:g}/{n} = {fator:.3g} é negativo: cada passo troca o "
                  f"sinal dos pesos e aumenta o seu tamanho. Reescale λ com n (λ' = λ·n'/n) ou diminua η.")
    else:
        texto += (f"Causa mais comum: a taxa de aprendizado pode estar alta demais (η = {taxa:g}); cada passo "
                  f"passa do mínimo e os pesos crescem sem parar. Tente uma taxa 10 vezes menor ({taxa / 10:g}).")
    maior = float(np.abs(X).max())
    if maior > 10:
        texto += (f" As entradas também chegam a {maior:g}: normalize-as (por exemplo, pixels de 0 a 255 "
                  f"divididos por 255).")
    return texto + f" Os parâmetros voltaram aos do começo da época {t + 1}."


def treinar(modelo, dados, custo="quadratico", otimizador=3.0, epocas: int = 30, tamanho_lote: int = 10,
            validacao=None, regularizacao=None, callbacks=(), semente=0, progresso=True) -> Historico:
    """Treina `modelo` com descida do gradiente em minilotes e devolve o `Historico`.

    - `dados` e `validacao`: pares `(X, y)` (ou `Exemplos`), com `y` em rótulos
      inteiros `(m,)` ou alvos `(m, k)`;
    - `custo`: nome ou objeto de `redes.custos`;
    - `otimizador`: um objeto de `redes.otimizadores` ou um número (a taxa de um `SGD`);
    - `regularizacao`: `L2(lmbda)` ou `L1(lmbda)`, com $n$ = número de exemplos de treino;
    - `callbacks`: por exemplo `[ParadaAntecipada(paciencia=10)]`;
    - `semente`: a ordem dos exemplos em cada época vem de `np.random.default_rng(semente)`;
    - `progresso`: barra no notebook, uma linha por época no terminal; `False` desliga.
    """
    custo = _custos.obter(custo)
    otimizador = otimizador if isinstance(otimizador, Otimizador) else SGD(otimizador)
    if regularizacao is not None and not isinstance(regularizacao, Regularizacao):
        raise TypeError(f"esperava L2(lmbda), L1(lmbda) ou None em `regularizacao`, recebi {type(regularizacao).__name__}")
    epocas = inteiro(epocas, "epocas")
    tamanho_lote = inteiro(tamanho_lote, "tamanho_lote")
    X, Y = preparar_dados(modelo, custo, dados, "dados")
    Xv, Yv = preparar_dados(modelo, custo, validacao, "validacao") if validacao is not None else (None, None)
    rotulos, rotulos_v = rotulos_de_classe(Y), (rotulos_de_classe(Yv) if Yv is not None else None)
    limiar = 0.0 if custo.recebe_potencial else 0.5  # uma saída: σ(z) > 0,5 equivale a z > 0
    n = X.shape[0]
    lotes_por_epoca = -(-n // tamanho_lote)

    disponiveis = ["custo"] + (["acuracia"] if rotulos is not None else [])
    if Xv is not None:
        disponiveis += ["custo_validacao"] + (["acuracia_validacao"] if rotulos_v is not None else [])
    historico = Historico(disponiveis + ["taxa", "segundos"], epocas, lotes_por_epoca)
    if progresso is True or isinstance(progresso, str):
        callbacks = [*callbacks, BarraDeTreino("auto" if progresso is True else progresso)]
    elif progresso not in (False, None):
        raise TypeError(f"esperava True, False ou um modo em `progresso`, recebi {progresso!r}")
    for cb in callbacks:
        if not isinstance(cb, Callback):
            raise TypeError(f"esperava callbacks derivados de redes.callbacks.Callback, recebi {type(cb).__name__}")
        cb.ao_iniciar(modelo, historico)
    barras = [cb for cb in callbacks if isinstance(cb, BarraDeTreino) and cb.modo == "notebook"]

    sorteio = gerador(semente)
    parametros, gradientes = modelo.parametros(), modelo.gradientes()
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        for t in range(epocas):
            inicio = time.perf_counter()
            otimizador.definir_epoca(t)
            guardados = modelo.copiar_parametros()
            ordem = sorteio.permutation(n)
            soma_custo, acertos = 0.0, 0
            for indice, comeco in enumerate(range(0, n, tamanho_lote)):
                idx = ordem[comeco:comeco + tamanho_lote]
                xb, yb = X[idx], Y[idx]
                saida = modelo._forward(xb, True)
                custo_lote = float(custo._valor(saida, yb))
                if not math.isfinite(custo_lote):
                    historico.divergiu = True
                    historico.parada = _mensagem_de_divergencia(t, indice, custo_lote, otimizador.taxa, X,
                                                                regularizacao, n)
                    modelo.restaurar_parametros(guardados)
                    break
                soma_custo += custo_lote * len(idx)
                if rotulos is not None:
                    acertos += contar_acertos(saida, rotulos[idx], limiar)
                modelo._backward(custo._gradiente(saida, yb))
                if regularizacao is not None:
                    regularizacao.aplicar(modelo, n)
                otimizador._passo(parametros, gradientes)
                for barra in barras:
                    barra.lote(t, indice, lotes_por_epoca)
            if historico.divergiu:
                warnings.warn(historico.parada, AvisoDeDivergencia, stacklevel=2)
                break
            _registrar(historico, modelo, custo, regularizacao, n, soma_custo / n, acertos / n, Xv, Yv,
                       rotulos_v, limiar, otimizador.taxa, time.perf_counter() - inicio)
            if any([bool(cb.ao_fim_da_epoca(t, historico, modelo)) for cb in callbacks]):
                break
    for cb in callbacks:
        cb.ao_terminar(historico, modelo)
    return historico


def preparar_dados(modelo, custo, par, nome):
    """Confere `(X, y)` contra o modelo e devolve X no tipo do modelo e os alvos `(m, k)`."""
    try:
        X, y = par
    except (TypeError, ValueError):
        raise TypeError(f"esperava `{nome}` como um par (X, y), recebi {type(par).__name__}") from None
    X = lote(X, f"X de {nome}", modelo.n_entrada, modelo.tipo)
    k = modelo.n_saida
    if k is None:
        raise ValueError("o modelo não tem nenhuma camada densa: não sei quantas saídas ele tem")
    y_array = np.asarray(y)
    if y_array.ndim == 0 or y_array.shape[0] != X.shape[0]:
        raise ValueError(f"esperava um alvo por exemplo em `{nome}`: X tem {X.shape[0]} linhas, "
                         f"y tem forma {y_array.shape}")
    Y = custo.alvos(_alvos(y, X.shape[0], k, modelo.tipo, f"y de {nome}"), np.empty((X.shape[0], k), modelo.tipo))
    return X, Y


def _registrar(historico, modelo, custo, regularizacao, n, custo_medio, acuracia, Xv, Yv, rotulos_v, limiar,
               taxa, segundos):
    penalidade = regularizacao.custo(modelo.pesos(), n) if regularizacao else 0.0
    historico["custo"].append(custo_medio + penalidade)
    if "acuracia" in historico:
        historico["acuracia"].append(acuracia)
    if Xv is not None:
        saida = modelo.prever(Xv)
        historico["custo_validacao"].append(float(custo._valor(saida, Yv)) + penalidade)
        if rotulos_v is not None:
            historico["acuracia_validacao"].append(contar_acertos(saida, rotulos_v, limiar) / len(Xv))
    historico["taxa"].append(taxa)
    historico["segundos"].append(segundos)
