"""Redes Neurais na Prática."""
from . import ativacoes, ativacoes_extras  # noqa: F401  (as extras se registram em ativacoes.ATIVACOES)

__version__ = "0.1.0"
