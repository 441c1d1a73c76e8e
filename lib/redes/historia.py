r"""Marcos da história das redes neurais, de 1943 a 2024, como dados que se consultam.

Cada marco é um `Evento(ano, titulo, categoria)`. A lista `EVENTOS` está em
ordem cronológica e as datas foram conferidas nas publicações originais (o ano
é o da publicação ou do acontecimento; quando um trabalho circulou antes como
relatório, fica o ano da versão que ficou conhecida):

    from redes import historia
    historia.eventos(ate=1969)                 # os marcos até 1969, em ordem
    historia.eventos(categoria="dados")        # MNIST e ImageNet
    historia.ano("rede de Hopfield")           # 1982

As categorias dizem que tipo de novidade cada marco trouxe (`CATEGORIAS`).
`PARAMETROS_DE_MODELOS` guarda o número de parâmetros de algumas redes
famosas, para medir o crescimento dos modelos: de $6 \times 10^4$ (LeNet-5,
1998) a $1{,}75 \times 10^{11}$ (GPT-3, 2020).
"""
from __future__ import annotations

import numbers
import unicodedata
from typing import NamedTuple

from ._validacao import como_escalar, escolher


class Evento(NamedTuple):
    """Um marco: o ano, um título curto e a categoria (uma chave de `CATEGORIAS`)."""

    ano: int
    titulo: str
    categoria: str


#: Tipo de novidade → o que a categoria reúne.
CATEGORIAS = {
    "modelo": "um novo tipo de neurônio ou de rede",
    "treino": "um jeito de ajustar os pesos, ou de entender por que o ajuste falha",
    "dados": "um conjunto de dados que virou referência",
    "conquista": "um resultado que chamou a atenção de quem está fora da área",
    "contexto": "críticas, métodos rivais, encontros e prêmios",
}

#: Os marcos, em ordem cronológica (no mesmo ano, na ordem em que aconteceram).
EVENTOS: tuple[Evento, ...] = (
    Evento(1943, "neurônio de McCulloch e Pitts", "modelo"),
    Evento(1949, "regra de Hebb", "treino"),
    Evento(1956, "encontro de Dartmouth: a IA vira área", "contexto"),
    Evento(1958, "perceptron de Rosenblatt", "modelo"),
    Evento(1960, "ADALINE de Widrow e Hoff", "modelo"),
    Evento(1965, "GMDH: redes profundas de Ivakhnenko", "modelo"),
    Evento(1969, "livro Perceptrons, de Minsky e Papert", "contexto"),
    Evento(1970, "modo reverso de Linnainmaa", "treino"),
    Evento(1974, "tese de Werbos: retropropagação", "treino"),
    Evento(1980, "neocognitron de Fukushima", "modelo"),
    Evento(1982, "rede de Hopfield", "modelo"),
    Evento(1986, "retropropagação de Rumelhart, Hinton e Williams", "treino"),
    Evento(1989, "rede convolucional de LeCun lê CEPs", "modelo"),
    Evento(1991, "Hochreiter: o gradiente que some", "treino"),
    Evento(1995, "SVM de Cortes e Vapnik", "contexto"),
    Evento(1997, "LSTM de Hochreiter e Schmidhuber", "modelo"),
    Evento(1998, "base de dígitos MNIST", "dados"),
    Evento(2006, "pré-treino camada a camada (Hinton)", "treino"),
    Evento(2009, "ImageNet", "dados"),
    Evento(2012, "AlexNet vence o ILSVRC", "conquista"),
    Evento(2012, "rede do \"gato\" do Google", "conquista"),
    Evento(2014, "GANs de Goodfellow e colegas", "modelo"),
    Evento(2014, "DeepFace, do Facebook", "conquista"),
    Evento(2015, "ResNet: 152 camadas", "modelo"),
    Evento(2016, "AlphaGo vence Lee Sedol", "conquista"),
    Evento(2017, "Transformer: a atenção basta", "modelo"),
    Evento(2018, "BERT e o primeiro GPT", "modelo"),
    Evento(2020, "GPT-3", "conquista"),
    Evento(2022, "ChatGPT", "conquista"),
    Evento(2024, "Nobel de Física: Hopfield e Hinton", "contexto"),
)

#: (ano, rede, número de parâmetros): o tamanho de algumas redes conhecidas.
PARAMETROS_DE_MODELOS: tuple[tuple[int, str, float], ...] = (
    (1998, "LeNet-5", 6.0e4),
    (2012, "AlexNet", 6.0e7),
    (2018, "BERT-large", 3.4e8),
    (2019, "GPT-2", 1.5e9),
    (2020, "GPT-3", 1.75e11),
)


def _normalizar(texto: str) -> str:
    """Minúsculas, sem acentos e sem espaços repetidos: 'Rede  de HOPFIELD' → 'rede de hopfield'."""
    sem_acento = unicodedata.normalize("NFKD", texto).encode("ascii", "ignore").decode()
    return " ".join(sem_acento.lower().split())


def eventos(ate=None, categoria: str | None = None) -> list[Evento]:
    r"""Os marcos com $\text{ano} \le$ `ate` (todos, se `ate` é `None`), da categoria pedida, em ordem.

    `ate` é um ano (número); `categoria` é uma chave de `CATEGORIAS` (ou `None`
    para todas). Por exemplo, `eventos(ate=1969)` devolve os 7 marcos de 1943 a 1969.
    """
    if ate is not None:
        if isinstance(ate, bool) or not isinstance(ate, numbers.Real):
            raise TypeError(f"esperava um ano em `ate`, como 1986, recebi {type(ate).__name__} ({ate!r:.40})")
        ate = como_escalar(ate, "ate")
    if categoria is not None:
        categoria = escolher(categoria, "categoria", CATEGORIAS)
    return [e for e in EVENTOS
            if (ate is None or e.ano <= ate) and (categoria is None or e.categoria == categoria)]


def ano(titulo: str) -> int:
    """O ano do marco com esse título (sem diferenciar maiúsculas nem acentos)."""
    if not isinstance(titulo, str):
        raise TypeError(f"esperava o título de um marco (texto), recebi {type(titulo).__name__} ({titulo!r:.40})")
    chave = _normalizar(titulo)
    for evento in EVENTOS:
        if _normalizar(evento.titulo) == chave:
            return evento.ano
    parecidos = [e.titulo for e in EVENTOS if chave and chave in _normalizar(e.titulo)]
    sugestao = f"; você quis dizer {' ou '.join(repr(t) for t in parecidos[:3])}?" if parecidos else \
        "; veja a lista em historia.EVENTOS"
    raise ValueError(f"não conheço o marco {titulo!r}{sugestao}")
