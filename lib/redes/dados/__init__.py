"""Dados do curso: conjuntos sintéticos 2-D, MNIST e textos em português.

    from redes import dados
    X, y = dados.espiral(100, classes=3, semente=0)       # gerado na hora
    mnist = dados.carregar_mnist()                       # baixado e conferido na 1ª vez
    texto = dados.carregar_texto("dom_casmurro")

Os arquivos baixados ficam num cache local (`dados.pasta_cache()`), conferidos
pelo MD5; veja `redes.dados.baixar` e `dados/README.md`. Importar este pacote
não baixa nada nem carrega ipywidgets.
"""
from .baixar import DadosIndisponiveis
from .pastas import pasta_cache, pasta_fonte
from .exemplos import Exemplos, dividir, minilotes, one_hot
from .mnist import ConjuntoMNIST, FormatoInvalido, carregar_mnist
from .sinteticos import bolha, circulos, espiral, gaussianas, linear, luas, plano, seno, xor
from .textos import Vocabulario, carregar_texto, normalizar

__all__ = [
    "DadosIndisponiveis", "FormatoInvalido", "pasta_cache", "pasta_fonte",
    "Exemplos", "one_hot", "dividir", "minilotes",
    "ConjuntoMNIST", "carregar_mnist",
    "linear", "gaussianas", "xor", "circulos", "luas", "espiral", "seno", "plano", "bolha",
    "Vocabulario", "carregar_texto", "normalizar",
]
