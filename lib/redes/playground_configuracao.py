r"""A configuração de um experimento do Playground: o que o define, as opções válidas e as configurações prontas.

`Configuracao` guarda dados, atributos, camadas, ativação, taxa de aprendizado,
minilote, regularização, otimizador e custo; `como_codigo()` escreve o Python
que repete o experimento. `PRESETS` tem as configurações que o capítulo 21 usa
(o desafio da espiral do texto 003, o XOR com e sem $X_1X_2$, uma taxa que
diverge...). O treino fica em `redes.playground`.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, replace

import numpy as np

#: Os atributos que a rede pode receber, na ordem do original.
ATRIBUTOS = {
    "x1": ("X₁", lambda x1, x2: x1),
    "x2": ("X₂", lambda x1, x2: x2),
    "x1_2": ("X₁²", lambda x1, x2: x1 * x1),
    "x2_2": ("X₂²", lambda x1, x2: x2 * x2),
    "x1x2": ("X₁X₂", lambda x1, x2: x1 * x2),
    "sen_x1": ("sen X₁", lambda x1, x2: np.sin(x1)),
    "sen_x2": ("sen X₂", lambda x1, x2: np.sin(x2)),
}
CONJUNTOS = ("circulos", "xor", "gaussianas", "espiral", "espiral3", "gaussianas3", "plano", "bolha")
REGRESSAO = ("plano", "bolha")
ATIVACOES = ("relu", "tanh", "sigmoide", "identidade")
OTIMIZADORES = ("sgd", "momentum", "adam")
CUSTOS = ("entropia", "quadratico")
REGULARIZACOES = ("nenhuma", "L1", "L2")
#: Metade do lado do quadrado mostrado, como no original: $[-6, 6]^2$.
LIMITE = 6.0
#: Pontos sorteados por conjunto (o original usa 500 na classificação).
N_PONTOS = 500


def _erro(texto):
    raise ValueError(texto)


@dataclass
class Configuracao:
    """Tudo o que define um experimento do Playground (os padrões são os do original, menos o custo)."""

    dados: str = "circulos"
    ruido: float = 0.0
    proporcao_treino: float = 0.5
    semente_dados: int = 0
    atributos: tuple = ("x1", "x2")
    camadas: tuple = (4, 2)
    ativacao: str = "tanh"
    taxa: float = 0.03
    tamanho_lote: int = 10
    regularizacao: str = "nenhuma"
    taxa_regularizacao: float = 0.0
    otimizador: str = "sgd"
    custo: str = "entropia"
    semente: int = 0

    def __post_init__(self):
        self.atributos = tuple(self.atributos)
        self.camadas = tuple(int(n) for n in self.camadas)
        self.validar()

    def validar(self) -> "Configuracao":
        """Confere cada campo e levanta `ValueError` com uma mensagem em português."""
        if self.dados not in CONJUNTOS:
            _erro(f"conjunto de dados desconhecido {self.dados!r}; escolha um de {', '.join(CONJUNTOS)}")
        if not 0 <= float(self.ruido) <= 0.5:
            _erro(f"`ruido` vai de 0 a 0.5, recebi {self.ruido}")
        if not 0.1 <= float(self.proporcao_treino) <= 0.9:
            _erro(f"`proporcao_treino` vai de 0.1 a 0.9, recebi {self.proporcao_treino}")
        if not self.atributos or any(a not in ATRIBUTOS for a in self.atributos):
            _erro(f"escolha pelo menos um atributo entre {', '.join(ATRIBUTOS)}; recebi {self.atributos}")
        if len(set(self.atributos)) != len(self.atributos):
            _erro(f"atributo repetido em {self.atributos}")
        if len(self.camadas) > 6 or any(not 1 <= n <= 8 for n in self.camadas):
            _erro(f"até 6 camadas ocultas de 1 a 8 neurônios; recebi {list(self.camadas)}")
        if self.ativacao not in ATIVACOES:
            _erro(f"função de ativação desconhecida {self.ativacao!r}; escolha uma de {', '.join(ATIVACOES)}")
        if not float(self.taxa) > 0:
            _erro(f"a taxa de aprendizado precisa ser positiva, recebi {self.taxa}")
        if int(self.tamanho_lote) < 1:
            _erro(f"`tamanho_lote` precisa ser pelo menos 1, recebi {self.tamanho_lote}")
        if self.regularizacao not in REGULARIZACOES:
            _erro(f"regularização desconhecida {self.regularizacao!r}; escolha uma de {', '.join(REGULARIZACOES)}")
        if float(self.taxa_regularizacao) < 0:
            _erro(f"`taxa_regularizacao` não pode ser negativa, recebi {self.taxa_regularizacao}")
        if self.otimizador not in OTIMIZADORES:
            _erro(f"otimizador desconhecido {self.otimizador!r}; escolha um de {', '.join(OTIMIZADORES)}")
        if self.custo not in CUSTOS:
            _erro(f"custo desconhecido {self.custo!r}; escolha um de {', '.join(CUSTOS)}")
        return self

    @property
    def regressao(self) -> bool:
        return self.dados in REGRESSAO

    @property
    def classes(self) -> int:
        """Número de classes (1 na regressão)."""
        return 1 if self.regressao else (3 if self.dados.endswith("3") else 2)

    @property
    def tamanhos(self) -> list[int]:
        """Os tamanhos da rede: atributos, camadas ocultas, saídas."""
        return [len(self.atributos), *self.camadas, n_saidas(self)]

    def com(self, **mudancas) -> "Configuracao":
        """Uma cópia com alguns campos trocados."""
        return replace(self, **mudancas)

    def como_dict(self) -> dict:
        d = asdict(self)
        d["atributos"], d["camadas"] = list(self.atributos), list(self.camadas)
        return d

    def como_codigo(self) -> str:
        """Código Python que refaz o experimento (cole numa célula e rode)."""
        campos = ",\n    ".join(f"{k}={v!r}" for k, v in self.como_dict().items())
        return ("from redes.playground import Configuracao, Playground\n\n"
                f"cfg = Configuracao(\n    {campos},\n)\n"
                "pg = Playground(cfg)\npg.passo(epocas=100)\n"
                "print(f\"época {pg.epoca}: custo de teste {pg.custo_teste[-1]:.3f}, "
                "acurácia de teste {pg.acuracia('teste'):.1%}\")\n")


def n_saidas(cfg: Configuracao) -> int:
    """Quantos neurônios de saída: 1 na regressão e no erro quadrático binário; uma por classe com softmax."""
    if cfg.regressao:
        return 1
    if cfg.custo == "quadratico" and cfg.classes == 2:
        return 1
    return cfg.classes


#: Configurações prontas. `desafio_espiral` é o desafio proposto no texto 003: a espiral com a rede padrão.
PRESETS = {
    "padrao": Configuracao(),
    "xor_sem_x1x2": Configuracao(dados="xor", atributos=("x1", "x2"), camadas=(), ativacao="tanh"),
    "xor_com_x1x2": Configuracao(dados="xor", atributos=("x1", "x2", "x1x2"), camadas=(), ativacao="tanh"),
    "desafio_espiral": Configuracao(dados="espiral"),
    "espiral_resolvida": Configuracao(dados="espiral", camadas=(8, 8, 8, 8), ativacao="relu", taxa=0.01,
                                      otimizador="adam"),
    "espiral_com_senos": Configuracao(dados="espiral", atributos=("x1", "x2", "sen_x1", "sen_x2"), camadas=(8, 8),
                                      ativacao="tanh", taxa=0.01, otimizador="adam"),
    "espiral3": Configuracao(dados="espiral3", camadas=(8, 8, 8), ativacao="tanh", taxa=0.01,
                             otimizador="adam"),
    "taxa_que_diverge": Configuracao(dados="plano", camadas=(), ativacao="identidade", taxa=1.0),
    "taxa_que_converge": Configuracao(dados="plano", camadas=(), ativacao="identidade", taxa=0.03),
    "sobreajuste": Configuracao(dados="espiral", ruido=0.5, proporcao_treino=0.1, camadas=(8, 8, 8, 8),
                                ativacao="relu", taxa=0.01, otimizador="adam"),
}


def preset(nome: str) -> Configuracao:
    """Uma cópia da configuração pronta `nome` (veja `PRESETS`)."""
    if nome not in PRESETS:
        raise ValueError(f"configuração pronta desconhecida {nome!r}; conheço {', '.join(PRESETS)}")
    return PRESETS[nome].com()
