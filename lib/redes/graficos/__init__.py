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
from .figuras_neuronio import (ANALOGIA_NEURONIO, curvas_sigmoide, diagrama_neuronio, esquema_neuronio_biologico,
                               figura_peso_vies, figura_porta, figura_retas_peso_vies)

__all__ = ["COR_CLASSE", "CORES", "TAMANHO_PADRAO", "aplicar_estilo", "eixos_cartesianos", "figura",
           "pontos_binarios", "regiao_de_decisao", "ANALOGIA_NEURONIO", "curvas_sigmoide", "diagrama_neuronio",
           "esquema_neuronio_biologico", "figura_peso_vies", "figura_porta", "figura_retas_peso_vies"]
