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
