"""Verificações dos exercícios: `verificar.nome(sua_funcao)` imprime ✔ ou ✘ e devolve um `Resultado`.

Uso num caderno de exercícios:

    from redes import verificacao as verificar
    verificar.neuronio(neuronio)
"""
from ._nucleo import Resultado, verificar_funcao
from .cap02 import menor_numero_de_erros, neuronio, pesos_and, reta_de_decisao, sigmoide

__all__ = ["Resultado", "verificar_funcao",
           "neuronio", "sigmoide", "pesos_and", "reta_de_decisao", "menor_numero_de_erros"]
from .cap08 import achatar, acuracia_escuridao, codigo_binario, contar_parametros, desachatar, one_hot

__all__ += ["achatar", "desachatar", "one_hot", "acuracia_escuridao", "contar_parametros", "codigo_binario"]
from .cap01 import (ingredientes_da_tempestade, ordem_cronologica, passo_kmeans, pesos_e_vieses_por_camada,
                    reta_minimos_quadrados, tipos_de_tarefa)

__all__ += ["ordem_cronologica", "tipos_de_tarefa", "pesos_e_vieses_por_camada", "reta_minimos_quadrados",
            "passo_kmeans", "ingredientes_da_tempestade"]
from .cap04 import compor_lineares, derivada_relu, derivada_tanh, leaky_relu, relu, softmax

__all__ += ["relu", "derivada_relu", "derivada_tanh", "leaky_relu", "softmax", "compor_lineares"]
from .cap06 import e_feedforward, memoria_ativacoes, n_entradas, parametros_por_camada, propagar

__all__ += ["n_entradas", "parametros_por_camada", "propagar", "memoria_ativacoes", "e_feedforward"]
from .cap03 import decide_festival, epocas_ate_convergir, meio_somador, passo_perceptron, pesos_xor

__all__ += ["decide_festival", "meio_somador", "passo_perceptron", "epocas_ate_convergir", "pesos_xor"]
from .cap05 import camada_densa, duas_camadas, erro_quadratico_medio, forma_do_produto, produto_escalar

__all__ += ["produto_escalar", "camada_densa", "forma_do_produto", "duas_camadas", "erro_quadratico_medio"]
from .cap07 import (arquiteturas_e_tarefas, atualizar_neuronio_hopfield, energia_hopfield, pesos_hopfield,
                    recuperar_padrao)

__all__ += ["pesos_hopfield", "energia_hopfield", "atualizar_neuronio_hopfield", "recuperar_padrao",
            "arquiteturas_e_tarefas"]
