"""Figuras do curso, num estilo só.

Cores da paleta de Okabe e Ito (legível por quem não distingue vermelho e
verde), figuras pequenas (os notebooks guardam as imagens e precisam ficar
leves) e funções que desenham num `Axes` recebido, para compor painéis.

Uso típico, no início de um capítulo:

    from redes import graficos
    graficos.aplicar_estilo()
"""
from .estilo import (COR_CLASSE, CORES, TAMANHO_PADRAO, aplicar_estilo, eixos_cartesianos, figura,
                     pontos_binarios, regiao_de_decisao)
from .figuras_rede import desenhar_rede
from .figuras_neuronio import (ANALOGIA_NEURONIO, curvas_sigmoide, diagrama_neuronio, esquema_neuronio_biologico,
                               figura_peso_vies, figura_porta, figura_retas_peso_vies)

__all__ = ["COR_CLASSE", "CORES", "TAMANHO_PADRAO", "aplicar_estilo", "eixos_cartesianos", "figura",
           "pontos_binarios", "regiao_de_decisao", "ANALOGIA_NEURONIO", "curvas_sigmoide", "diagrama_neuronio",
           "esquema_neuronio_biologico", "desenhar_rede", "figura_peso_vies", "figura_porta", "figura_retas_peso_vies"]
from .figuras_mnist import (Digito, barras_por_classe, centro_de_massa, comparar_mapas,
                            figura_achatamento, figura_digito, figura_escuridao, grade_digitos, imagens_medias,
                            janela_da_tinta, mostrar_digito, mostrar_digito_da_classe, partes_do_digito)

__all__ += ["Digito", "barras_por_classe", "centro_de_massa", "comparar_mapas",
            "figura_achatamento", "figura_digito", "figura_escuridao", "grade_digitos", "imagens_medias",
            "janela_da_tinta", "mostrar_digito", "mostrar_digito_da_classe", "partes_do_digito"]
from .figuras_ativacoes import (barras_softmax, figura_ativacao, figura_degrau_vs_sigmoide, fracao_saturada,
                                grade_ativacoes, nomes_elemento_a_elemento, trechos_saturados)

__all__ += ["barras_softmax", "figura_ativacao", "figura_degrau_vs_sigmoide", "fracao_saturada",
            "grade_ativacoes", "nomes_elemento_a_elemento", "trechos_saturados"]
from .figuras_historia import COR_CATEGORIA, INVERNOS, diagrama_ia_ml_dl, linha_do_tempo

__all__ += ["COR_CATEGORIA", "INVERNOS", "diagrama_ia_ml_dl", "linha_do_tempo"]
from .figuras_arquitetura import (diagrama_recorrente, figura_arquitetura, figura_densa_esparsa, mascara_local,
                                  tamanhos_da_rede)

__all__ += ["diagrama_recorrente", "figura_arquitetura", "figura_densa_esparsa", "mascara_local", "tamanhos_da_rede"]
from .figuras_perceptron import (diagrama_meio_somador, figura_erros_por_epoca, figura_festival,
                                 figura_treino_perceptron, figura_xor_duas_camadas)

__all__ += ["diagrama_meio_somador", "figura_erros_por_epoca", "figura_festival", "figura_treino_perceptron",
            "figura_xor_duas_camadas"]
from .figuras_formas import desenhar_forma, explorar_formas, figura_lote, figura_operacao, figura_tensores, tamanho_forma

__all__ += ["desenhar_forma", "explorar_formas", "figura_lote", "figura_operacao", "figura_tensores", "tamanho_forma"]
from .figuras_hopfield import (bits_errados_no_painel, desenhar_padrao, figura_capacidade, figura_esquemas,
                               figura_padroes, figura_recuperacao, padroes_do_painel)

__all__ += ["bits_errados_no_painel", "desenhar_padrao", "figura_capacidade", "figura_esquemas", "figura_padroes",
            "figura_recuperacao", "padroes_do_painel"]
from .figuras_entropia import (figura_acuracia_por_epoca, figura_distribuicoes, figura_gradiente_por_saida,
                               figura_neuronio_lento, grade_custos_neuronio)

__all__ += ["figura_acuracia_por_epoca", "figura_distribuicoes", "figura_gradiente_por_saida",
            "figura_neuronio_lento", "grade_custos_neuronio"]
from .figuras_descida import (desenhar_contorno, figura_acertos_e_custo, figura_descida, figura_estabilidade,
                              figura_minilotes, figura_ruido_minilote, figura_vale)

__all__ += ["desenhar_contorno", "figura_acertos_e_custo", "figura_descida", "figura_estabilidade",
            "figura_minilotes", "figura_ruido_minilote", "figura_vale"]
from .figuras_treino import (barras_linhas_de_base, curvas_de_treino, figura_curvas_de_treino, galeria_de_erros,
                             laboratorio_de_treino)

__all__ += ["barras_linhas_de_base", "curvas_de_treino", "figura_curvas_de_treino", "galeria_de_erros",
            "laboratorio_de_treino"]
from .figuras_grafo import desenhar_grafo, figura_custo_dos_modos, figura_modos, figura_regra_da_cadeia, grafo_exemplo

__all__ += ["desenhar_grafo", "figura_custo_dos_modos", "figura_modos", "figura_regra_da_cadeia", "grafo_exemplo"]
from .figuras_retropropagacao import (diagrama_passo_xor, figura_comparar_gradientes, figura_normas_por_camada,
                                      figura_tempos, figura_xor_treino, superficie_xor)

__all__ += ["diagrama_passo_xor", "figura_comparar_gradientes", "figura_normas_por_camada", "figura_tempos",
            "figura_xor_treino", "superficie_xor"]
from .figuras_regularizacao import (desenhar_rede_dropout, figura_campos_receptivos, figura_comparar_pesos,
                                    figura_curvas_dropout, figura_dropout, figura_encolhimento,
                                    figura_histograma_pesos, figura_um_peso, figura_votacao)

__all__ += ["desenhar_rede_dropout", "figura_campos_receptivos", "figura_comparar_pesos", "figura_curvas_dropout",
            "figura_dropout", "figura_encolhimento", "figura_histograma_pesos", "figura_um_peso", "figura_votacao"]
from .figuras_aumento import (figura_aumento, figura_tamanho_do_treino, fileira_de_imagens, grade_elastica,
                              transformar_digito)

__all__ += ["figura_aumento", "figura_tamanho_do_treino", "fileira_de_imagens", "grade_elastica",
            "transformar_digito"]
from .figuras_sobreajuste import (figura_ajuste_polinomio, figura_comparar_lambdas, figura_curvas,
                                  figura_erros_por_grau, figura_polinomios, figura_treino_subconjunto, painel_treino)

__all__ += ["figura_ajuste_polinomio", "figura_comparar_lambdas", "figura_curvas", "figura_erros_por_grau",
            "figura_polinomios", "figura_treino_subconjunto", "painel_treino"]
from .figuras_inicializacao import (NOMES_ESQUEMAS, figura_camadas, figura_curvas_inicializacao, figura_densidades,
                                    figura_potencial, figura_profundidade)

__all__ += ["NOMES_ESQUEMAS", "figura_camadas", "figura_curvas_inicializacao", "figura_densidades",
            "figura_potencial", "figura_profundidade"]
from .figuras_otimizadores import figura_corrida, figura_passos_por_kappa, figura_velocidade

__all__ += ["figura_corrida", "figura_passos_por_kappa", "figura_velocidade"]
from .figuras_hiperparametros import (figura_agendas, figura_custos_por_taxa, figura_excesso_de_custo, figura_paciencias,
                                      figura_parada, figura_sinais, figura_taxa)

__all__ += ["figura_agendas", "figura_custos_por_taxa", "figura_excesso_de_custo", "figura_paciencias",
            "figura_parada", "figura_sinais", "figura_taxa"]
from .figuras_minilote import (figura_curvas_minilote, figura_norma_somada, figura_setas_do_gradiente,
                               figura_tempo_por_exemplo, figura_treino_por_minilote)

__all__ += ["figura_curvas_minilote", "figura_norma_somada", "figura_setas_do_gradiente", "figura_tempo_por_exemplo",
            "figura_treino_por_minilote"]
from .figuras_playground import (cores_da_grade, desenhar_saida, figura_comparar_playgrounds, figura_custos_playground,
                                 figura_neuronios, figura_rede_pesos, figura_saida)

__all__ += ["cores_da_grade", "desenhar_saida", "figura_comparar_playgrounds", "figura_custos_playground",
            "figura_neuronios", "figura_rede_pesos", "figura_saida"]
from .figuras_profundidade import (figura_arvore_paridade, figura_barras_neuronios, figura_cadeia, figura_largura,
                                   figura_portas_paridade, figura_precisao_por_profundidade, figura_regiao,
                                   figura_velocidade_por_epoca, figura_velocidades, figura_velocidades_rede)

__all__ += ["figura_arvore_paridade", "figura_barras_neuronios", "figura_cadeia", "figura_largura",
            "figura_portas_paridade", "figura_precisao_por_profundidade", "figura_regiao",
            "figura_velocidade_por_epoca", "figura_velocidades", "figura_velocidades_rede"]
from .figuras_universal import (figura_aproximacao, figura_calombos, figura_comparacao, figura_degrau,
                                figura_descontinua, figura_dois_neuronios, figura_erro_por_n, figura_n_calombos,
                                figura_projetista, figura_relu, figura_sigmoide_wb, figura_torres)

__all__ += ["figura_aproximacao", "figura_calombos", "figura_comparacao", "figura_degrau", "figura_descontinua",
            "figura_dois_neuronios", "figura_erro_por_n", "figura_n_calombos", "figura_projetista", "figura_relu",
            "figura_sigmoide_wb", "figura_torres"]
