"""Figuras do capítulo 18: devolvem o que desenham, e o painel da taxa escolhe a curva mais próxima."""
import math

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from redes import agendas, graficos, hiperparametros  # noqa: E402


@pytest.fixture(autouse=True)
def fechar_figuras():
    yield
    plt.close("all")


CURVAS = {0.1: [8.0, 3.0, 2.0, 1.5], 1.0: [8.0, 1.0, 0.6, 0.4], 10.0: [8.0, 30.0, 15.0, 14.0]}


def test_figura_sinais():
    sinais = {"ruído": hiperparametros.Sinal(np.array([0.1, 0.12, 0.08]), False, None, 0.8),
              "explodiu": hiperparametros.Sinal(np.array([]), True, "divergiu", -9.0),
              "lista": [0.5, 0.6, 0.7]}
    medianas = graficos.figura_sinais(sinais, titulo="t")
    assert medianas["ruído"] == pytest.approx(10.0) and medianas["lista"] == pytest.approx(60.0)
    assert math.isnan(medianas["explodiu"])
    legenda = [t.get_text() for t in plt.gca().get_legend().get_texts()]
    assert any("divergiu" in t for t in legenda) and any("acaso" in t for t in legenda)


def test_figura_custos_por_taxa():
    assert graficos.figura_custos_por_taxa(CURVAS) == {0.1: True, 1.0: True, 10.0: False}
    assert len(plt.gca().get_lines()) == 3
    muitas = {t: [2.0, 1.0] for t in (0.01, 0.03, 0.1, 0.3, 1.0, 3.0)}
    assert all(graficos.figura_custos_por_taxa(muitas, epocas_iniciais=1).values())
    # chaves de texto (agendas) e `desde`
    desce = graficos.figura_custos_por_taxa({"agenda": [3.0, 2.0, 2.5]}, desde=1)
    assert desce == {"agenda": False}
    assert plt.gca().get_lines()[0].get_xdata().tolist() == [1, 2]


@pytest.mark.parametrize("taxa, desenhada, desce", [(1.0, 1.0, True), (2.5, 1.0, True), (4.0, 10.0, False),
                                                    (0.02, 0.1, True), (500.0, 10.0, False)])
def test_figura_taxa_escolhe_a_curva_mais_proxima_em_log(taxa, desenhada, desce):
    r = graficos.figura_taxa(taxa, CURVAS)
    assert r["taxa"] == desenhada and r["desce"] is desce
    assert r["custo_final"] == CURVAS[desenhada][-1]


def test_figura_taxa_erros_e_nan():
    with pytest.raises(ValueError):
        graficos.figura_taxa(0.0, CURVAS)
    with pytest.raises(ValueError):
        graficos.figura_taxa(1.0, {})
    r = graficos.figura_taxa(3.0, {3.0: [8.0, 50.0, np.nan, np.nan]})
    assert r == {"taxa": 3.0, "desce": False, "custo_final": 50.0}


def test_figura_agendas():
    taxas = graficos.figura_agendas({"d": agendas.Degraus(0.25, 0.1, 20), "c": agendas.Constante(0.5)}, epocas=30)
    assert taxas["d"][19] == 0.25 and taxas["d"][20] == pytest.approx(0.025)
    assert np.all(taxas["c"] == 0.5) and taxas["c"].shape == (30,)


def test_figura_excesso_de_custo():
    medias = graficos.figura_excesso_de_custo({"a": np.arange(1.0, 11.0), "b": np.full(10, 1e-6)}, ultimas=2)
    assert medias == {"a": 9.5, "b": pytest.approx(1e-6)}


def test_figura_parada():
    curva = [0.5, 0.6, 0.7, 0.65, 0.66, 0.64, 0.8]
    r = graficos.figura_parada(curva, paciencia=2)
    assert r == {"parada": 5, "melhor_epoca": 3, "acuracia_guardada": pytest.approx(70.0),
                 "acuracia_na_parada": pytest.approx(66.0)}
    r = graficos.figura_parada(curva, paciencia=10)
    assert r["parada"] is None and r["melhor_epoca"] == 7 and r["acuracia_na_parada"] == pytest.approx(80.0)
    assert "não parou" in plt.gca().get_title()
    r = graficos.figura_parada([0.50, 0.505, 0.515, 0.512, 0.514], paciencia=2, min_delta=0.01)
    assert r["parada"] == 5 and r["melhor_epoca"] == 3


def test_figura_paciencias():
    rng = np.random.default_rng(0)
    curva = 0.8 + 0.1 * (1 - np.exp(-np.arange(100) / 20)) + 0.005 * rng.standard_normal(100)
    r = graficos.figura_paciencias(curva, (5, 10, 200))
    assert set(r) == {5, 10, 200} and r[200]["parada"] is None
    for P in (5, 10):
        assert r[P]["parada"] == hiperparametros.epoca_de_parada(curva, P).epoca
    assert len(plt.gcf().axes) == 3
