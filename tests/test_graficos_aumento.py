"""Figuras do capítulo 16: devolvem o que desenham, e o painel de transformações responde aos controles."""
import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from redes import aumento, graficos, interativo  # noqa: E402
from redes.reproducoes import tamanho_do_treino as tt  # noqa: E402


@pytest.fixture(autouse=True)
def fechar_figuras():
    yield
    plt.close("all")


def digitos():
    rng = np.random.default_rng(0)
    i, j = np.mgrid[:28, :28]
    disco = (i - 13.5) ** 2 + (j - 13.5) ** 2 <= 100
    return np.stack([np.where(disco, rng.random((28, 28)), 0.0) for _ in range(10)]).astype(np.float32)


def test_transformar_digito_segue_a_ordem_do_aumentar():
    img = digitos()[3]
    esperado = aumento.deslocar(aumento.girar(aumento.distorcao_elastica(img.astype(float), 30, 4, 2), 12), 1, -2)
    assert np.allclose(graficos.transformar_digito(img, 12, 1, -2, 30, 4, 2), esperado)
    assert np.allclose(graficos.transformar_digito(img), img)
    assert np.array_equal(graficos.transformar_digito(img, dx=2), aumento.deslocar(img.astype(float), 2, 0))


def test_figura_aumento_devolve_a_imagem_e_desenha_tres_paineis():
    imagens = digitos()
    nova = graficos.figura_aumento(imagens, 7, angulo=-20, dx=1, dy=0)
    assert nova.shape == (28, 28)
    assert np.allclose(nova, graficos.transformar_digito(imagens[7], -20, 1, 0))
    fig = plt.gcf()
    assert len(fig.axes) == 3 and fig.axes[0].get_title() == "original"
    assert "-20°" in fig.axes[1].get_title() and "dx = +1" in fig.axes[1].get_title()
    rgb = fig.axes[2].images[0].get_array()
    assert rgb.shape == (28, 28, 3) and rgb.min() >= 0 and rgb.max() <= 1
    graficos.figura_aumento(imagens, 0)
    assert plt.gcf().axes[1].get_title() == "sem transformação"
    with pytest.raises(ValueError, match="digito"):
        graficos.figura_aumento(imagens, 10)
    with pytest.raises(ValueError, match="esperava em `imagens`"):
        graficos.figura_aumento(np.ones(5), 0)


def test_grade_elastica():
    img = digitos()[1]
    grade = graficos.grade_elastica(img, alfas=(0.0, 34.0), sigmas=(2.0, 6.0), semente=3)
    assert grade.shape == (2, 2, 28, 28)
    assert np.allclose(grade[0, 0], img) and np.allclose(grade[1, 0], img)       # α = 0: nada muda
    assert np.allclose(grade[1, 1], aumento.distorcao_elastica(img.astype(float), 34.0, 6.0, 3))
    assert len(plt.gcf().axes) == 2 * 3
    with pytest.raises(ValueError, match="sigmas"):
        graficos.grade_elastica(img, sigmas=(0.0,))


def test_fileira_de_imagens():
    fig = graficos.fileira_de_imagens(digitos()[:3], ["a", "b", "c"])
    assert [ax.get_title() for ax in fig.axes] == ["a", "b", "c"]
    assert len(graficos.fileira_de_imagens(digitos()[:1].reshape(1, 784)).axes) == 1
    with pytest.raises(ValueError, match="títulos"):
        graficos.fileira_de_imagens(digitos()[:2], ["só um"])


def test_figura_tamanho_do_treino_le_as_curvas():
    curvas = {"rede": tt.NIELSEN["rede"], "SVM": tt.NIELSEN["svm"]}
    lidas = graficos.figura_tamanho_do_treino(tt.TAMANHOS, curvas, n=5000, escala="log")
    assert lidas == {"rede": 93.24, "SVM": 91.46}
    ax = plt.gca()
    assert ax.get_xscale() == "log" and len(ax.lines) == 3          # duas curvas e a linha vertical
    assert graficos.figura_tamanho_do_treino(tt.TAMANHOS, curvas, escala="linear") == {}
    assert plt.gca().get_xscale() == "linear"
    with pytest.raises(ValueError, match="`n` precisa ser um dos tamanhos"):
        graficos.figura_tamanho_do_treino(tt.TAMANHOS, curvas, n=3000)
    with pytest.raises(ValueError, match="tem 2 valores"):
        graficos.figura_tamanho_do_treino(tt.TAMANHOS, {"x": [1, 2]})
    with pytest.raises(ValueError, match="escala"):
        graficos.figura_tamanho_do_treino(tt.TAMANHOS, curvas, escala="quadrada")
    with pytest.raises(TypeError, match="dicionário"):
        graficos.figura_tamanho_do_treino(tt.TAMANHOS, [1, 2])


def test_paineis_respondem_aos_controles():
    from functools import partial
    imagens = digitos()
    painel = interativo.Painel(partial(graficos.figura_aumento, imagens),
                               digito=interativo.escolha("dígito", list(range(10)), valor=6),
                               angulo=interativo.deslizante("ângulo", -30, 30, passo=1, valor=0),
                               dx=interativo.deslizante_inteiro("dx", -3, 3, valor=0),
                               dy=interativo.deslizante_inteiro("dy", -3, 3, valor=0),
                               alfa=interativo.deslizante("α", 0, 60, passo=1, valor=0),
                               sigma=interativo.deslizante("σ", 1, 8, passo=0.5, valor=4))
    assert np.allclose(painel.resultado, imagens[6])
    painel.definir(angulo=-30.0)
    assert np.allclose(painel.resultado, aumento.girar(imagens[6].astype(float), -30))
    painel.definir(angulo=0.0, dx=3, dy=-3)
    assert np.array_equal(painel.resultado, aumento.deslocar(imagens[6].astype(float), 3, -3))
    curvas = {"rede": tt.NIELSEN["rede"], "SVM": tt.NIELSEN["svm"]}
    painel_n = interativo.Painel(partial(graficos.figura_tamanho_do_treino, tt.TAMANHOS, curvas),
                                 n=interativo.deslizante_opcoes("n", tt.TAMANHOS, valor=1000),
                                 escala=interativo.escolha("eixo", ["log", "linear"]))
    assert painel_n.resultado == {"rede": 88.85, "SVM": 83.87}
    painel_n.definir(n=50000, escala="linear")
    assert painel_n.resultado["SVM"] == 94.48 and painel_n.erro is None
