import matplotlib.pyplot as plt
import numpy as np
import pytest

from redes import arquitetura, graficos


def test_contagens_do_texto():
    assert arquitetura.contar_parametros([784, 30, 10]) == 23_860
    assert arquitetura.contar_parametros([784, 16, 16, 10]) == 13_002
    assert arquitetura.contar_parametros((2, 1)) == 3
    assert arquitetura.parametros_por_camada([784, 30, 10]) == [(23_520, 30), (300, 10)]
    assert arquitetura.memoria_parametros([784, 30, 10]) == 4 * 23_860
    assert arquitetura.memoria_parametros([784, 30, 10], 8) == 8 * 23_860


@pytest.mark.parametrize("ruim,erro,msg", [
    ([784], ValueError, "pelo menos duas camadas"),
    ([784, 0, 10], ValueError, "inteiro de neurônios ≥ 1"),
    ([784, 2.5, 10], ValueError, "inteiro de neurônios"),
    ([784, True], ValueError, "inteiro"),
    ("784,10", TypeError, "lista de tamanhos"),
    (784, TypeError, "lista de tamanhos"),
])
def test_tamanhos_invalidos(ruim, erro, msg):
    with pytest.raises(erro, match=msg):
        arquitetura.contar_parametros(ruim)


def test_memoria_valida_bytes():
    with pytest.raises(ValueError, match="2, 4 ou 8 bytes"):
        arquitetura.memoria_parametros([2, 1], 3)


def test_desenhar_rede():
    assert graficos.desenhar_rede([784, 16, 16, 10]) == 13_002
    ax = plt.gca()
    assert ax.get_title() == "[784, 16, 16, 10]: 13.002 parâmetros"
    # 784 entradas resumidas em 8 círculos; 16 ocultos também; 10 saídas também (máximo 8)
    pontos = sum(len(c.get_offsets()) for c in ax.collections)
    assert pontos == 8 * 4
    plt.close("all")
    _, ax = plt.subplots()
    assert graficos.desenhar_rede([2, 3, 1], ax=ax) == 13
    assert sum(len(c.get_offsets()) for c in ax.collections) == 6
    assert len(ax.lines) == 2 * 3 + 3 * 1                 # uma linha por peso
    plt.close("all")
    with pytest.raises(ValueError, match="maximo_por_camada"):
        graficos.desenhar_rede([2, 3], maximo_por_camada=1)
