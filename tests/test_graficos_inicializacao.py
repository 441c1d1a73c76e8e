"""Testes das figuras do capítulo 17 (inicialização de pesos): conferem o que cada função devolve e desenha."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from redes import graficos, interativo, saturacao  # noqa: E402


@pytest.fixture(autouse=True)
def fechar_figuras():
    yield
    plt.close("all")


def test_potencial_do_exemplo_do_livro():
    grande = graficos.figura_potencial(1000, 0.5, "grande")
    assert grande["ativas"] == 500 and round(grande["desvio_teorico"], 2) == 22.38
    assert grande["desvio_amostral"] == pytest.approx(22.38, rel=0.05)
    assert 0.80 < grande["saturados"] < 0.87
    fig = plt.gcf()
    assert len(fig.axes) == 2 and "22,38" in fig.axes[0].get_title()
    assert "saturados" in fig.axes[1].get_title()
    lecun = graficos.figura_potencial(1000, 0.5, "lecun")
    assert round(lecun["desvio_teorico"], 4) == 1.2247 and lecun["saturados"] < 0.002


def test_potencial_com_glorot_e_he_e_entradas_apagadas():
    glorot = graficos.figura_potencial(1000, 0.5, "glorot", n_saida=30)
    assert glorot["desvio_teorico"] == pytest.approx(np.sqrt(500 * 2 / 1030))
    he = graficos.figura_potencial(784, 0.25, "he")
    assert he["ativas"] == 196 and he["desvio_teorico"] == pytest.approx(np.sqrt(196 * 2 / 784))
    nada = graficos.figura_potencial(100, 0.0, "he")        # sem entradas e sem viés: z = 0 sempre
    assert nada["desvio_teorico"] == 0 and nada["desvio_amostral"] == 0 and nada["saturados"] == 0


def test_densidades():
    desvios = graficos.figura_densidades(("grande", "lecun", "he"))
    assert desvios["grande"] == pytest.approx(np.sqrt(501)) and desvios["he"] == pytest.approx(1.0)
    ax = plt.gcf().axes[0]
    assert len(ax.get_lines()) == 3 and len(ax.get_legend().get_texts()) == 4   # três curvas e a região cinza


def test_curvas_de_acuracia():
    resumo = graficos.figura_curvas_inicializacao({"antiga": [0.72, 0.80, 0.83],
                                                   "nova": np.array([[0.88, 0.90, 0.91], [0.89, 0.91, 0.92]])})
    assert resumo["antiga"] == pytest.approx({"primeira": 72.0, "final": 83.0, "maxima": 83.0})
    assert resumo["nova"]["primeira"] == pytest.approx(88.5) and resumo["nova"]["final"] == pytest.approx(91.5)
    ax = plt.gcf().axes[0]
    assert len(ax.get_lines()) == 4                       # antiga; nova: duas sementes e a média
    assert [t.get_text() for t in ax.texts] == ["72,0%", "88,5%"]
    with pytest.raises(ValueError):
        graficos.figura_curvas_inicializacao({})


def test_camadas():
    resultados = graficos.figura_camadas(casos=(("tanh", "grande"), ("relu", "he")), camadas=6, largura=64,
                                         exemplos=200)
    assert set(resultados) == {("tanh", "grande"), ("relu", "he")}
    fig = plt.gcf()
    assert len(fig.axes) == 2 and all(ax.get_yscale() == "log" for ax in fig.axes)
    assert len(fig.axes[0].get_lines()) == 2
    assert np.allclose(fig.axes[0].get_lines()[1].get_ydata(), resultados[("relu", "he")]["desvio_z"])


def test_profundidade_e_o_widget():
    painel = interativo.Painel(graficos.figura_profundidade,
                               ativacao=interativo.lista("ativação", ["sigmoide", "tanh", "relu"], valor="tanh"),
                               esquema=interativo.lista("esquema", saturacao.ESQUEMAS, valor="glorot"),
                               camadas=interativo.deslizante_inteiro("camadas", 2, 20, valor=10))
    r = painel.resultado
    assert r["camadas"] == 10 and np.all(r["saturados"] < 0.01) and 0.1 < r["desvio_z"][-1] < 0.5
    painel.definir(esquema="grande")
    assert painel.valores["esquema"] == "grande" and np.all(painel.resultado["saturados"] > 0.7)
    painel.definir(ativacao="relu", esquema="he", camadas=20)
    assert len(painel.resultado["desvio_z"]) == 20 and 1.0 < painel.resultado["desvio_z"][-1] < 2.2


def test_painel_do_potencial():
    painel = interativo.Painel(graficos.figura_potencial,
                               n_entrada=interativo.deslizante_inteiro("entradas", 10, 2000, valor=1000),
                               fracao=interativo.deslizante("ativas", 0.0, 1.0, passo=0.05, valor=0.5),
                               esquema=interativo.lista("esquema", saturacao.ESQUEMAS, valor="grande"))
    assert round(painel.resultado["desvio_teorico"], 2) == 22.38
    painel.definir(esquema="lecun")
    assert round(painel.resultado["desvio_teorico"], 4) == 1.2247 and painel.erro is None
