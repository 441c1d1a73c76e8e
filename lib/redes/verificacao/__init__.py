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
from .cap13 import custo_entropia, delta_softmax, divergencia_kl, entropia_cruzada, treinar_neuronio

__all__ += ["entropia_cruzada", "divergencia_kl", "custo_entropia", "delta_softmax", "treinar_neuronio"]
from .cap12 import rede_atualizar_minilote, rede_avaliar, rede_feedforward, rede_formas_dos_pesos, rede_treinar

__all__ += ["rede_formas_dos_pesos", "rede_feedforward", "rede_avaliar", "rede_atualizar_minilote", "rede_treinar"]
from .cap11 import bp_passadas, bp_retropropagar, xor_coluna_de_uns, xor_para_frente, xor_treinar

__all__ += ["xor_coluna_de_uns", "xor_para_frente", "bp_passadas", "bp_retropropagar", "xor_treinar"]
from .cap10 import (grafo_custos_em_camadas, grafo_derivadas_locais, grafo_gradiente_neuronio,
                    grafo_soma_sobre_caminhos, grafo_valor)

__all__ += ["grafo_derivadas_locais", "grafo_soma_sobre_caminhos", "grafo_custos_em_camadas",
            "grafo_gradiente_neuronio", "grafo_valor"]
from .cap14 import (ajuste_ridge, atualizacao_l2, eqm_polinomio, melhor_epoca, passo_camada_l2, reescalar_lambda,
                    separar_validacao)

__all__ += ["atualizacao_l2", "passo_camada_l2", "reescalar_lambda", "melhor_epoca", "separar_validacao",
            "ajuste_ridge", "eqm_polinomio"]
from .cap09 import (custo_quadratico, descida_do_gradiente, minilotes_indices, taxa_maxima_estavel,
                    variacao_do_custo)

__all__ += ["custo_quadratico", "descida_do_gradiente", "minilotes_indices", "taxa_maxima_estavel",
            "variacao_do_custo"]
from .cap16 import atualizacoes_no_treino, aumentar, deslocar_imagem, girar_imagem

__all__ += ["deslocar_imagem", "aumentar", "girar_imagem", "atualizacoes_no_treino"]
from .cap15 import atualizacao_l1, contar_quase_zeros, dropout_invertido, limiar_suave, passo_proximal_l1

__all__ += ["atualizacao_l1", "limiar_suave", "passo_proximal_l1", "contar_quase_zeros", "dropout_invertido"]
from .cap17 import (desvio_de_z, desvios_por_camada, fracao_de_saturados, inicializar_pesos, limite_uniforme_glorot,
                    variancia_dos_pesos)

__all__ += ["desvio_de_z", "inicializar_pesos", "fracao_de_saturados", "variancia_dos_pesos",
            "limite_uniforme_glorot", "desvios_por_camada"]
from .cap20 import hessiana_numerica, passo_adam, passo_momentum, passo_newton, passos_ate_convergir

__all__ += ["passo_newton", "passo_momentum", "passo_adam", "passos_ate_convergir", "hessiana_numerica"]
from .cap18 import epoca_de_parada, escolher_melhor, filtrar_digitos, maior_taxa_estavel, taxa_em_degraus

__all__ += ["filtrar_digitos", "epoca_de_parada", "maior_taxa_estavel", "taxa_em_degraus", "escolher_melhor"]
from .cap19 import (gradiente_do_lote_vetorizado, indices_dos_minilotes, lacuna_de_generalizacao, minilotes_por_epoca,
                    taxa_escalada)

__all__ += ["minilotes_por_epoca", "taxa_escalada", "lacuna_de_generalizacao", "indices_dos_minilotes",
            "gradiente_do_lote_vetorizado"]
from .cap21 import configuracao_espiral, mapa_de_atributos, passo_de_treino, pesos_xor_com_x1x2

__all__ += ["mapa_de_atributos", "passo_de_treino", "pesos_xor_com_x1x2", "configuracao_espiral"]
from .cap23 import gradiente_cadeia, largura_da_regiao, paridade_em_arvore, velocidades_das_camadas, vieses_que_explodem

__all__ += ["gradiente_cadeia", "velocidades_das_camadas", "largura_da_regiao", "vieses_que_explodem",
            "paridade_em_arvore"]
from .cap22 import calombo, chapeu_relu, posicao_degrau, rede_de_calombos, vies_para_degrau

__all__ += ["posicao_degrau", "vies_para_degrau", "calombo", "rede_de_calombos", "chapeu_relu"]
