"""Verificações dos exercícios: `verificar.nome(sua_funcao)` imprime ✔ ou ✘ e devolve um `Resultado`.

Uso num caderno de exercícios:

    from redes import verificacao as verificar
    verificar.neuronio(neuronio)
"""
from ._nucleo import Resultado, verificar_funcao
from .cap02 import menor_numero_de_erros, neuronio, pesos_and, reta_de_decisao, sigmoide

__all__ = ["Resultado", "verificar_funcao",
           "neuronio", "sigmoide", "pesos_and", "reta_de_decisao", "menor_numero_de_erros"]
