r"""O tamanho do minilote $B$ (capítulo 19): atualizações, tempo e o gradiente somado.

Com $n$ exemplos e minilotes de $B$, uma época tem $\lceil n/B\rceil$
minilotes e, portanto, $\lceil n/B\rceil$ atualizações dos pesos. Cada uma
usa a **média** dos gradientes do minilote (a convenção de `redes.custos`):

$$w \leftarrow w - \frac{\eta}{B}\sum_{x \in \text{minilote}} \nabla C_x .$$

- `minilotes_por_epoca`, `atualizacoes` e `atualizacoes_iguais` fazem as
  contas (a última dá o plano "mesmo número de atualizações" que um minilote
  de referência);
- `taxa_escalada` é a regra linear de Goyal et al. (2017), $\eta_B = \eta_{\text{ref}}\,B/B_{\text{ref}}$,
  e `escala_de_ruido` é a de Smith e Le (2018), $g = \eta\,(N/B - 1) \approx \eta N/B$;
- `tempo_do_passo` e `tempo_de_uma_epoca` medem o relógio;
- `treinar_por_atualizacoes` é o laço de `redes.treino.treinar` (mesma ordem
  dos exemplos, mesmo passo da SGD), mas para depois de um número de
  atualizações, mesmo no meio de uma época, e mede a acurácia de validação
  pelo caminho;
- o resto é o experimento do **gradiente somado** (capítulo 39 do livro),
  numa regressão linear de brinquedo com dois parâmetros $\theta = (w, b)$ e
  custo $C_x = \tfrac12 (w x + b - y)^2$ por exemplo.
"""
from __future__ import annotations

import math
import time
from typing import NamedTuple

import numpy as np

from . import custos as _custos
from ._lotes import gerador, inteiro, real
from ._validacao import como_array, escolher
from .otimizadores import SGD
from .treino import contar_acertos, preparar_dados, rotulos_de_classe, treinar


# ---------------------------------------------------------------- contas

def minilotes_por_epoca(n: int, tamanho_lote: int) -> int:
    r"""Minilotes (e atualizações) numa época: $\lceil n/B \rceil$; o último pode ter menos de $B$ exemplos."""
    n, tamanho_lote = inteiro(n, "n"), inteiro(tamanho_lote, "tamanho_lote")
    return -(-n // tamanho_lote)


def atualizacoes(n: int, tamanho_lote: int, epocas: int) -> int:
    r"""Atualizações em `epocas` épocas: $\text{épocas}\cdot\lceil n/B\rceil$."""
    return inteiro(epocas, "epocas") * minilotes_por_epoca(n, tamanho_lote)


def atualizacoes_iguais(n: int, tamanho_lote: int, referencia: int, epocas_referencia: int) -> tuple[int, float]:
    r"""O plano "mesmo número de atualizações": devolve $(U, E_B)$.

    $U = E_{\text{ref}}\,\lceil n/B_{\text{ref}}\rceil$ são as atualizações que o
    minilote de referência faz em `epocas_referencia` épocas, e
    $E_B = U/\lceil n/B\rceil$ é quantas épocas (talvez fracionárias) o
    minilote $B$ precisa para fazer as mesmas $U$.
    """
    U = atualizacoes(n, referencia, epocas_referencia)
    return U, U / minilotes_por_epoca(n, tamanho_lote)


def taxa_escalada(taxa: float, lote_referencia: int, lote: int) -> float:
    r"""Regra linear (Goyal et al., 2017): $\eta_B = \eta_{\text{ref}}\cdot B/B_{\text{ref}}$."""
    taxa = real(taxa, "taxa", acima_de=0.0)
    return taxa * inteiro(lote, "lote") / inteiro(lote_referencia, "lote_referencia")


def escala_de_ruido(taxa: float, n: int, tamanho_lote: int) -> float:
    r"""Escala de ruído da SGD (Smith e Le, 2018): $g = \eta\,(N/B - 1)$, quase $\eta N/B$ quando $B \ll N$."""
    taxa = real(taxa, "taxa", acima_de=0.0)
    n, tamanho_lote = inteiro(n, "n"), inteiro(tamanho_lote, "tamanho_lote")
    return taxa * (n / tamanho_lote - 1.0)


# ---------------------------------------------------------------- relógio

def tempo_do_passo(modelo, custo, X, y, tamanho_lote: int, repeticoes: int | None = None, rodadas: int = 5,
                   relogio=time.perf_counter) -> float:
    """Segundos de uma ida e uma volta (sem mexer nos pesos) num minilote com as primeiras `tamanho_lote` linhas.

    Repete a conta `repeticoes` vezes (padrão: o bastante para somar uns 500
    exemplos, e pelo menos 3), tira a média e fica com a menor de `rodadas`
    médias: a menor é a que sofreu menos interrupções de outros programas.
    """
    custo = _custos.obter(custo)
    X, Y = preparar_dados(modelo, custo, (X, y), "dados")
    B = inteiro(tamanho_lote, "tamanho_lote")
    if B > len(X):
        raise ValueError(f"tamanho_lote = {B} passa do número de exemplos ({len(X)})")
    repeticoes = inteiro(repeticoes, "repeticoes") if repeticoes is not None else max(3, 500 // B)
    xb, yb = X[:B], Y[:B]
    modelo._backward(custo._gradiente(modelo._forward(xb, True), yb))       # aquecimento
    melhor = math.inf
    for _ in range(inteiro(rodadas, "rodadas")):
        inicio = relogio()
        for _ in range(repeticoes):
            modelo._backward(custo._gradiente(modelo._forward(xb, True), yb))
        melhor = min(melhor, (relogio() - inicio) / repeticoes)
    return melhor


def tempo_de_uma_epoca(modelo, dados, custo, taxa: float, tamanho_lote: int, semente=0) -> float:
    """Segundos de uma época de `redes.treino.treinar` com minilotes de `tamanho_lote`; os pesos voltam aos de antes."""
    guardados = modelo.copiar_parametros()
    try:
        historico = treinar(modelo, dados, custo, taxa, epocas=1, tamanho_lote=tamanho_lote, semente=semente,
                            progresso=False)
    finally:
        modelo.restaurar_parametros(guardados)
    return historico["segundos"][0]


# ---------------------------------------------------------------- treino por atualizações

class Curva(NamedTuple):
    """Acurácia de validação ao longo de um treino, medida depois de certas atualizações.

    `segundos` é o tempo de treino acumulado (sem contar as avaliações);
    `exemplos`, quantos exemplos a rede já tinha visto; `epocas = exemplos / n`.
    """

    tamanho_lote: int
    taxa: float
    n: int
    atualizacoes: list
    exemplos: list
    segundos: list
    acuracia_validacao: list

    @property
    def epocas(self) -> list:
        return [e / self.n for e in self.exemplos]


def treinar_por_atualizacoes(modelo, dados, custo, taxa: float, tamanho_lote: int, atualizacoes: int, validacao,
                             avaliacoes: int = 10, semente=0, relogio=time.perf_counter) -> Curva:
    r"""SGD em minilotes de $B$ por exatamente `atualizacoes` passos $w \leftarrow w - \eta\,\partial C/\partial w$.

    Os exemplos seguem a ordem de `treinar`: a cada época, uma permutação de
    `np.random.default_rng(semente)`, cortada em minilotes. Com
    `atualizacoes` $= E\lceil n/B\rceil$ os pesos finais são os de
    `treinar(..., epocas=E)`. A acurácia de validação é medida no começo e em
    `avaliacoes` pontos igualmente espaçados (em atualizações).
    """
    custo = _custos.obter(custo)
    taxa = real(taxa, "taxa", acima_de=0.0)
    B, U = inteiro(tamanho_lote, "tamanho_lote"), inteiro(atualizacoes, "atualizacoes")
    X, Y = preparar_dados(modelo, custo, dados, "dados")
    Xv, Yv = preparar_dados(modelo, custo, validacao, "validacao")
    rotulos_v = rotulos_de_classe(Yv)
    if rotulos_v is None:
        raise ValueError("a validação precisa ser de classificação (rótulos inteiros ou one-hot)")
    limiar = 0.0 if custo.recebe_potencial else 0.5
    marcos = set(np.linspace(0, U, inteiro(avaliacoes, "avaliacoes") + 1).round().astype(int).tolist())
    otimizador, sorteio, n = SGD(taxa), gerador(semente), len(X)
    parametros, gradientes = modelo.parametros(), modelo.gradientes()
    curva = Curva(B, taxa, n, [], [], [], [])

    def avaliar(feitas, vistos, gasto):
        curva.atualizacoes.append(feitas)
        curva.exemplos.append(vistos)
        curva.segundos.append(gasto)
        curva.acuracia_validacao.append(contar_acertos(modelo.prever(Xv), rotulos_v, limiar) / len(Xv))

    feitas, vistos, gasto = 0, 0, 0.0
    avaliar(0, 0, 0.0)
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        while feitas < U:
            ordem = sorteio.permutation(n)
            for comeco in range(0, n, B):
                if feitas == U:
                    break
                inicio = relogio()
                idx = ordem[comeco:comeco + B]
                saida = modelo._forward(X[idx], True)
                modelo._backward(custo._gradiente(saida, Y[idx]))
                otimizador._passo(parametros, gradientes)
                gasto += relogio() - inicio
                feitas, vistos = feitas + 1, vistos + len(idx)
                if feitas in marcos:
                    avaliar(feitas, vistos, gasto)
    return curva


# ---------------------------------------------------------------- o gradiente somado (regressão de brinquedo)

CONVENCOES = ("media", "soma")


def regressao_de_brinquedo(n: int = 20_000, semente=0, inclinacao: float = 2.0, intercepto: float = 1.0,
                           ruido: float = 0.5) -> tuple[np.ndarray, np.ndarray]:
    r"""Pontos $(x, y)$ com $x \sim \mathcal N(0, 1)$ e $y = 2x + 1 + \varepsilon$, $\varepsilon \sim \mathcal N(0, 0{,}5^2)$."""
    rng = gerador(semente)
    x = rng.normal(0.0, 1.0, inteiro(n, "n", 2))
    return x, inclinacao * x + intercepto + rng.normal(0.0, real(ruido, "ruido", minimo=0.0), x.shape)


def gradientes_por_exemplo(theta, x, y) -> np.ndarray:
    r"""Uma linha por exemplo: $\nabla C_x = r\,(x, 1)$, com o resíduo $r = w x + b - y$ e $\theta = (w, b)$."""
    w, b = como_array(theta, "theta", forma=(2,))
    x = como_array(x, "x", dims=1)
    y = como_array(y, "y", forma=x.shape)
    r = w * x + b - y
    return np.column_stack([r * x, r])


def gradiente_do_lote(theta, x, y, convencao: str = "media") -> np.ndarray:
    r"""$\frac1B\sum_x \nabla C_x$ (`"media"`, a convenção do curso) ou $\sum_x \nabla C_x$ (`"soma"`)."""
    convencao = escolher(convencao, "convencao", CONVENCOES)
    g = gradientes_por_exemplo(theta, x, y)
    return g.mean(axis=0) if convencao == "media" else g.sum(axis=0)


def minimos_quadrados(x, y) -> np.ndarray:
    r"""O $\theta^* = (w, b)$ que minimiza o custo médio: a solução de mínimos quadrados."""
    x = como_array(x, "x", dims=1)
    y = como_array(y, "y", forma=x.shape)
    return np.linalg.lstsq(np.column_stack([x, np.ones_like(x)]), y, rcond=None)[0]


def _lotes_que_dividem(lotes, amostra: int) -> list[int]:
    lotes = [inteiro(B, "lotes") for B in lotes]
    ruins = [B for B in lotes if amostra % B]
    if not lotes or ruins:
        raise ValueError(f"cada tamanho de lote precisa dividir a amostra ({amostra}); não dividem: {ruins or lotes}")
    return lotes


def normas_do_gradiente_somado(x, y, theta0, lotes, amostra: int = 1024, ensaios: int = 100,
                               convencao: str = "media", atualizar: bool = False, taxa: float = 0.01,
                               semente=0) -> dict[int, np.ndarray]:
    r"""O experimento do gradiente somado: para cada $B$, as normas $\lVert\sum_j g_j\rVert$ de `ensaios` ensaios.

    Em cada ensaio, `amostra` exemplos são sorteados (sem repetição) e
    divididos em $k = \text{amostra}/B$ minilotes; $g_j$ é o gradiente do
    minilote $j$ (média ou soma). Com `atualizar=True`, $\theta$ anda
    $-\eta\,g_j$ entre um minilote e o seguinte; sem isso, todos os $g_j$ são
    calculados em $\theta_0$. Os ensaios usam os mesmos sorteios para todo $B$.
    """
    convencao = escolher(convencao, "convencao", CONVENCOES)
    theta0 = como_array(theta0, "theta0", forma=(2,))
    x = como_array(x, "x", dims=1)
    y = como_array(y, "y", forma=x.shape)
    amostra, ensaios = inteiro(amostra, "amostra"), inteiro(ensaios, "ensaios")
    if amostra > len(x):
        raise ValueError(f"amostra = {amostra} passa do número de exemplos ({len(x)})")
    taxa = real(taxa, "taxa", minimo=0.0)
    rng = gerador(semente)
    sorteios = np.stack([rng.choice(len(x), amostra, replace=False) for _ in range(ensaios)])
    normas = {}
    for B in _lotes_que_dividem(lotes, amostra):
        theta = np.tile(theta0, (ensaios, 1))
        soma = np.zeros((ensaios, 2))
        for j in range(amostra // B):
            idx = sorteios[:, j * B:(j + 1) * B]
            xb, yb = x[idx], y[idx]
            r = theta[:, :1] * xb + theta[:, 1:] - yb
            g = np.column_stack([(r * xb).sum(axis=1), r.sum(axis=1)]) / (B if convencao == "media" else 1)
            soma += g
            if atualizar:
                theta = theta - taxa * g
        normas[B] = np.linalg.norm(soma, axis=1)
    return normas


def normas_de_um_minilote(x, y, theta, lotes, ensaios: int = 100, convencao: str = "soma",
                          semente=0) -> dict[int, np.ndarray]:
    r"""Para cada $B$, a norma do gradiente de **um** minilote de $B$ exemplos sorteados, em `ensaios` sorteios."""
    convencao = escolher(convencao, "convencao", CONVENCOES)
    x = como_array(x, "x", dims=1)
    y = como_array(y, "y", forma=x.shape)
    rng = gerador(semente)
    return {inteiro(B, "lotes"): np.array([np.linalg.norm(gradiente_do_lote(theta, x[i], y[i], convencao))
                                           for i in (rng.choice(len(x), B, replace=False) for _ in range(ensaios))])
            for B in lotes}


def normalizar_como_no_blog(medias, desvios, referencia: int = -1) -> tuple[np.ndarray, np.ndarray]:
    r"""A normalização do capítulo 39: $\bar\mu_i = \mu_{\text{ref}}$ e $\bar\sigma_i = \sigma_i\,\mu_{\text{ref}}/\mu_i$.

    É o coeficiente de variação $\sigma_i/\mu_i$ de cada $B$, multiplicado
    pela média de referência (o maior lote, por padrão).
    """
    medias = como_array(medias, "medias", dims=1)
    desvios = como_array(desvios, "desvios", forma=medias.shape)
    if np.any(medias <= 0):
        raise ValueError("as médias das normas precisam ser positivas")
    ref = medias[referencia]
    return np.full_like(medias, ref), desvios * ref / medias


def inclinacao_loglog(lotes, valores) -> float:
    r"""A inclinação $p$ da reta que melhor ajusta $\log(\text{valor}) \approx p \log B + c$: valor $\propto B^p$."""
    lotes = como_array(lotes, "lotes", dims=1)
    valores = como_array(valores, "valores", forma=lotes.shape)
    if len(lotes) < 2 or np.any(lotes <= 0) or np.any(valores <= 0):
        raise ValueError("esperava pelo menos dois lotes e valores positivos para ajustar a reta em escala log")
    return float(np.polyfit(np.log(lotes), np.log(valores), 1)[0])
