"""Testes das figuras do capítulo 22: devolvem a figura e os números que mostram."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from redes import graficos  # noqa: E402


@pytest.fixture(autouse=True)
def fechar():
    yield
    plt.close("all")


def test_sigmoide_wb_e_degrau():
    assert graficos.figura_sigmoide_wb(10, -4)["s"] == pytest.approx(0.4)
    r = graficos.figura_degrau(0.3)
    assert r["b"] == pytest.approx(-299.7) and r["figura"] is not None
    assert np.isnan(graficos.figura_sigmoide_wb(0, 1)["s"])


def test_dois_neuronios_quando_s1_passa_s2():
    assert graficos.figura_dois_neuronios(0.4, 0.6, 0.8, -0.8)["alturas"] == (0.0, 0.8, 0.0)
    assert graficos.figura_dois_neuronios(0.7, 0.6, 0.8, -0.8)["alturas"] == (0.0, -0.8, 0.0)
    assert graficos.figura_dois_neuronios(0.4, 0.6, 1.2, 0.3)["alturas"] == (0.0, 1.2, 1.5)


def test_calombos_projetista_e_n():
    assert graficos.figura_calombos(0.6, -0.3)["pesos_saida"] == (0.6, -0.6, -0.3, 0.3)
    assert graficos.figura_projetista(0.2, 0.4, 0.5, 0.6, 0.6)["erro_medio"] == pytest.approx(0.1737, abs=1e-4)
    assert round(graficos.figura_n_calombos(50)["erro_medio"], 4) == 0.0083
    assert graficos.figura_n_calombos(50, "sigmoide")["erro_medio"] < 0.0083


def test_figuras_estaticas():
    assert graficos.figura_descontinua(50)["erro_maximo_perto"] == pytest.approx(0.3)
    assert graficos.figura_torres(5, pontos=100)["erro_medio"] < 0.05
    assert graficos.figura_relu(10)["erro_medio"] < 0.03
    r = graficos.figura_erro_por_n([1, 10], [0.1, 0.01], extras=[([1, 10], [0.2, 0.02], "outra")])
    assert len(r["figura"].axes[0].lines) == 2
    c = graficos.figura_comparacao({"zero": lambda x: 0 * np.asarray(x)})
    assert c["erros"]["zero"] > 0.3
