r"""O Playground em NumPy: dados no plano, atributos, uma rede pequena e o treino passo a passo.

É a mesma ideia do TensorFlow Playground (playground.tensorflow.org), em
funções puras, sem widgets (a interface fica em `redes.interativo_playground`):

- `gerar_dados(cfg)`: pontos no plano $[-6, 6]^2$ vindos de `redes.dados.sinteticos`
  (círculos, xor, gaussianas, espiral com 2 ou 3 classes, plano e bolha), com
  ruído, proporção de treino e semente;
- `atributos(X, nomes)`: o mapa de atributos $X_1, X_2, X_1^2, X_2^2, X_1X_2,
  \sin X_1, \sin X_2$, escolhido por chaves;
- `Configuracao` (de `redes.playground_configuracao`, importada aqui): tudo o
  que define um experimento; `como_codigo()` escreve o Python que o repete;
- `Playground(cfg)`: o estado (rede, otimizador, época, históricos) com
  `passo(epocas=1)`, `reiniciar()`, `grade_saida()` e `grades_neuronios()`.

Um passo é uma época, como no original: os exemplos de treino são
embaralhados e percorridos em minilotes; em cada minilote, ida, custo,
retropropagação, regularização e o passo do otimizador.

Diferenças em relação ao original: o custo padrão aqui é softmax + entropia
cruzada (o original usa o erro quadrático, com saída tanh e alvos $\pm 1$,
mesmo para classificar — disponível em `custo="quadratico"`); há três classes
na espiral e nas gaussianas; e dá para trocar o otimizador (SGD, momentum, Adam).
A regularização segue o original: a taxa $r$ entra direto no gradiente,
$\partial C/\partial w \mathrel{+}= r\,w$ (L2) ou $r\,\operatorname{sinal}(w)$ (L1),
o que equivale a `L2(r·n)` de `redes.regularizacao` (que divide $\lambda$ por $n$).
"""
from __future__ import annotations

import math
import numpy as np

from . import ativacoes
from . import custos as _custos
from . import otimizadores as _otimizadores
from .dados import sinteticos
from .modelo import mlp
from .playground_configuracao import (ATIVACOES, ATRIBUTOS, CONJUNTOS, CUSTOS, LIMITE, N_PONTOS,  # noqa: F401
                                      OTIMIZADORES, PRESETS, REGRESSAO, REGULARIZACOES, Configuracao, n_saidas,
                                      preset)
from .regularizacao import L1, L2

def gerar_dados(cfg: Configuracao):
    """`(X_treino, y_treino, X_teste, y_teste)`, com pontos no quadrado $[-6, 6]^2$ (coordenadas × 5).

    Classificação: `y` inteiro (0, 1, 2); regressão: `y` real. A divisão
    treino/teste é sorteada com `semente_dados`.
    """
    s, r = int(cfg.semente_dados), float(cfg.ruido)
    if cfg.dados == "circulos":
        X, y = sinteticos.circulos(N_PONTOS, ruido=r, semente=s)
    elif cfg.dados == "xor":
        X, y = sinteticos.xor(N_PONTOS, ruido=r, semente=s)
    elif cfg.dados in ("gaussianas", "gaussianas3"):
        X, y = sinteticos.gaussianas(N_PONTOS, classes=cfg.classes, ruido=0.15 + r, semente=s, distancia=0.55)
    elif cfg.dados in ("espiral", "espiral3"):
        X, y = sinteticos.espiral(N_PONTOS // cfg.classes, classes=cfg.classes, ruido=r, semente=s, voltas=1.75)
    elif cfg.dados == "plano":
        X, y = sinteticos.plano(N_PONTOS, ruido=r, semente=s, pesos=(0.5, -0.5), vies=0.0)
    else:
        X, y = sinteticos.bolha(N_PONTOS, ruido=r, semente=s, largura=0.4)
    X = 5.0 * X
    ordem = np.random.default_rng(s + 1).permutation(len(X))
    n_treino = int(round(float(cfg.proporcao_treino) * len(X)))
    tr, te = ordem[:n_treino], ordem[n_treino:]
    return X[tr], y[tr], X[te], y[te]


def atributos(X, nomes=("x1", "x2")) -> np.ndarray:
    r"""O mapa de atributos: para cada ponto $(x_1, x_2)$, as colunas pedidas em `nomes`, na ordem dada.

    Por exemplo, `nomes=("x1", "x2", "x1x2")` dá $(x_1, x_2, x_1 x_2)$.
    """
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.shape[1] != 2:
        raise ValueError(f"esperava pontos no plano, forma (m, 2); recebi {X.shape}")
    desconhecidos = [n for n in nomes if n not in ATRIBUTOS]
    if desconhecidos or not len(nomes):
        raise ValueError(f"atributos desconhecidos {desconhecidos}; conheço {', '.join(ATRIBUTOS)}")
    x1, x2 = X[:, 0], X[:, 1]
    return np.column_stack([ATRIBUTOS[n][1](x1, x2) for n in nomes])


def criar_modelo(cfg: Configuracao):
    """A rede `mlp` da configuração (inicialização de Glorot) e o seu custo de `redes.custos`."""
    saida = None if (cfg.custo == "entropia" and not cfg.regressao) else (
        "identidade" if cfg.regressao else ("tanh" if n_saidas(cfg) == 1 else "sigmoide"))
    modelo = mlp(cfg.tamanhos, ativacao=cfg.ativacao, saida=saida, inicializacao="glorot",
                 semente=int(cfg.semente), tipo="float64")
    custo = _custos.SoftmaxLogVerossimilhanca() if saida is None else _custos.ErroQuadratico()
    return modelo, custo


def criar_otimizador(cfg: Configuracao):
    taxa = float(cfg.taxa)
    return {"sgd": lambda: _otimizadores.SGD(taxa), "momentum": lambda: _otimizadores.Momentum(taxa, mu=0.9),
            "adam": lambda: _otimizadores.Adam(taxa)}[cfg.otimizador]()


def criar_regularizacao(cfg: Configuracao, n: int):
    """`L1`/`L2` com $\\lambda = r\\,n$, para que o gradiente some $r\\,w$ (ou $r\\,\\mathrm{sinal}(w)$), como no original."""
    if cfg.regularizacao == "nenhuma" or float(cfg.taxa_regularizacao) == 0:
        return None
    return (L2 if cfg.regularizacao == "L2" else L1)(float(cfg.taxa_regularizacao) * n)


def alvos(cfg: Configuracao, y) -> np.ndarray:
    """Os alvos `(m, k)` da rede: one-hot (softmax ou sigmoides), $\\pm 1$ (tanh, erro quadrático) ou o valor real."""
    y = np.asarray(y)
    if cfg.regressao:
        return y.astype(float)[:, None]
    if n_saidas(cfg) == 1:
        return (2.0 * y - 1.0)[:, None]
    return np.eye(cfg.classes)[y.astype(int)]


class Playground:
    """O estado de um experimento: dados, rede, otimizador, época e históricos de custo."""

    def __init__(self, cfg: Configuracao | None = None, resolucao: int = 50, **mudancas):
        cfg = cfg if cfg is not None else Configuracao()
        self.cfg = cfg.com(**mudancas) if mudancas else cfg
        self.resolucao = int(resolucao)
        self.reiniciar(novos_dados=True)

    # ------------------------------------------------------------ estado
    def reiniciar(self, novos_dados: bool = True) -> None:
        """Pesos novos (da semente), época 0, históricos vazios; `novos_dados` refaz os pontos e a grade."""
        cfg = self.cfg.validar()
        if novos_dados:
            self.X_treino, self.y_treino, self.X_teste, self.y_teste = gerar_dados(cfg)
            eixo = np.linspace(-LIMITE, LIMITE, self.resolucao)
            g1, g2 = np.meshgrid(eixo, eixo)
            self.eixo, self.pontos_grade = eixo, np.column_stack([g1.ravel(), g2.ravel()])
        self.A_treino, self.A_teste = atributos(self.X_treino, cfg.atributos), atributos(self.X_teste, cfg.atributos)
        self.A_grade = atributos(self.pontos_grade, cfg.atributos)
        self.Y_treino, self.Y_teste = alvos(cfg, self.y_treino), alvos(cfg, self.y_teste)
        self.modelo, self.custo = criar_modelo(cfg)
        self.otimizador = criar_otimizador(cfg)
        self.regularizacao = criar_regularizacao(cfg, len(self.X_treino))
        self.sorteio = np.random.default_rng(int(cfg.semente) + 12345)
        self.epoca = 0
        self.divergiu = False
        self.custo_treino = [self.medir_custo("treino")]
        self.custo_teste = [self.medir_custo("teste")]

    def configurar(self, **mudancas) -> None:
        """Troca campos da configuração e reinicia (refaz os dados só se algum campo dos dados mudou)."""
        dados = {"dados", "ruido", "proporcao_treino", "semente_dados"}
        novos = bool(dados & {k for k, v in mudancas.items() if getattr(self.cfg, k) != v})
        self.cfg = self.cfg.com(**mudancas)
        self.reiniciar(novos_dados=novos)

    # ------------------------------------------------------------ treino
    def passo(self, epocas: int = 1) -> "Playground":
        """Treina `epocas` épocas (minilotes embaralhados); para se o custo virar NaN ou infinito."""
        n = len(self.A_treino)
        lote = int(self.cfg.tamanho_lote)
        parametros, gradientes = self.modelo.parametros(), self.modelo.gradientes()
        for _ in range(int(epocas)):
            if self.divergiu:
                break
            ordem = self.sorteio.permutation(n)
            with np.errstate(all="ignore"):
                for comeco in range(0, n, lote):
                    idx = ordem[comeco:comeco + lote]
                    saida = self.modelo._forward(self.A_treino[idx], True)
                    self.modelo._backward(self.custo._gradiente(saida, self.Y_treino[idx]))
                    if self.regularizacao is not None:
                        self.regularizacao.aplicar(self.modelo, n)
                    self.otimizador._passo(parametros, gradientes)
            self.epoca += 1
            self.custo_treino.append(self.medir_custo("treino"))
            self.custo_teste.append(self.medir_custo("teste"))
            if not (math.isfinite(self.custo_treino[-1]) and math.isfinite(self.custo_teste[-1])):
                self.divergiu = True
        return self

    # ------------------------------------------------------------ medidas
    def _dados(self, parte):
        if parte == "treino":
            return self.A_treino, self.Y_treino, self.y_treino
        if parte == "teste":
            return self.A_teste, self.Y_teste, self.y_teste
        raise ValueError(f"`parte` é 'treino' ou 'teste', recebi {parte!r}")

    def medir_custo(self, parte: str = "teste") -> float:
        """O custo médio (sem a penalidade) em `parte`; NaN/inf se a rede divergiu."""
        A, Y, _ = self._dados(parte)
        with np.errstate(all="ignore"):
            return float(self.custo._valor(self.modelo._forward(A, False), Y))

    def prever(self, X) -> np.ndarray:
        """Classe prevista (classificação) ou valor (regressão) para pontos `(m, 2)` do plano."""
        with np.errstate(all="ignore"):
            saida = self.modelo._forward(atributos(X, self.cfg.atributos), False)
        if self.cfg.regressao:
            return saida[:, 0]
        return (saida[:, 0] > 0).astype(int) if saida.shape[1] == 1 else saida.argmax(axis=1)

    def acuracia(self, parte: str = "teste") -> float:
        """Fração de acertos em `parte` (na regressão, NaN)."""
        if self.cfg.regressao:
            return float("nan")
        X = self.X_treino if parte == "treino" else self.X_teste
        _, _, y = self._dados(parte)
        return float(np.mean(self.prever(X) == y))

    # ------------------------------------------------------------ grades
    def grade_saida(self) -> np.ndarray:
        """A saída sobre a grade, forma `(r, r)` entre −1 e 1 (2 classes: $2p_1 - 1$ ou a tanh; regressão: o valor),
        ou `(r, r, K)` com as probabilidades de cada classe (3 classes)."""
        r = self.resolucao
        with np.errstate(all="ignore"):
            saida = self.modelo._forward(self.A_grade, False)
        if self.cfg.regressao or saida.shape[1] == 1:
            return saida[:, 0].reshape(r, r)
        if self.cfg.custo == "entropia":
            saida = ativacoes.softmax(saida)
        if saida.shape[1] == 2:
            return (saida[:, 1] - saida[:, 0]).reshape(r, r) if self.cfg.custo == "entropia" else \
                (2 * saida[:, 1] / np.maximum(saida.sum(axis=1), 1e-12) - 1).reshape(r, r)
        return (saida / np.maximum(saida.sum(axis=1, keepdims=True), 1e-12)).reshape(r, r, -1)

    def grade_saida_discretizada(self) -> np.ndarray:
        """A grade de `grade_saida()` com a decisão em vez da confiança (o "Discretize output" do original).

        Duas classes: o sinal, +1 ou −1 (0 onde a saída é exatamente 0); três classes: 1 na classe mais
        provável e 0 nas outras; regressão: a saída como está (não há decisão a tomar).
        """
        grade = self.grade_saida()
        if self.cfg.regressao:
            return grade
        if grade.ndim == 2:
            return np.sign(grade)
        return (grade == grade.max(axis=-1, keepdims=True)).astype(grade.dtype)

    def grades_neuronios(self) -> list[np.ndarray]:
        """Uma lista por camada oculta com a ativação de cada neurônio na grade: arrays `(n_l, r, r)`."""
        r = self.resolucao
        grades, X = [], self.A_grade
        camadas = self.modelo.camadas
        with np.errstate(all="ignore"):
            for i, camada in enumerate(camadas):
                X = camada._forward(X, False)
                eh_oculta = type(camada).__name__ == "Ativacao" and i < len(camadas) - 1
                if eh_oculta:
                    grades.append(X.T.reshape(-1, r, r).copy())
        return grades[:len(self.cfg.camadas)]

    def grades_atributos(self) -> np.ndarray:
        """Cada atributo na grade, `(n_atributos, r, r)` (as miniaturas da coluna de entrada)."""
        r = self.resolucao
        return self.A_grade.T.reshape(-1, r, r)

    @property
    def estado(self) -> dict:
        """Um resumo legível: época, custos, acurácias, se divergiu e a configuração."""
        return {"época": self.epoca, "custo_treino": self.custo_treino[-1], "custo_teste": self.custo_teste[-1],
                "acuracia_treino": self.acuracia("treino"), "acuracia_teste": self.acuracia("teste"),
                "divergiu": self.divergiu, "configuracao": self.cfg.como_dict()}


def treinar(cfg: Configuracao, epocas: int) -> Playground:
    """Atalho: cria o Playground de `cfg` e treina `epocas` épocas."""
    return Playground(cfg).passo(epocas)
