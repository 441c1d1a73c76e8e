"""Figuras do capítulo 20: a corrida dos otimizadores, os passos contra κ e a velocidade do momentum."""
import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from redes import corrida, graficos, interativo  # noqa: E402


@pytest.fixture(autouse=True)
def fechar_figuras():
    yield
    plt.close("all")


def test_figura_corrida_na_quadratica():
    caminhos = graficos.figura_corrida("quadrática", taxa=1.0, mu=0.9, kappa=100, taxa_adaptativa=0.1, passos=200)
    assert list(caminhos) == [*corrida.NOMES, "Newton"]
    assert all(c.passos_feitos == 200 and not c.divergiu for c in caminhos.values())
    assert caminhos["Momentum"].valores[-1] < 1e-9 < 1e-4 < caminhos["SGD"].valores[-1]
    assert caminhos["Newton"].valores[1] < 1e-20
    fig = plt.gcf()
    assert len(fig.axes) == 3
    legendas = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert {"SGD", "Momentum", "Nesterov", "Newton"} <= set(legendas)
    assert "κ = 100" in fig.axes[2].get_title()


def test_figura_corrida_mu_zero_kappa_um_e_divergencia():
    c = graficos.figura_corrida("quadrática", taxa=1.0, mu=0.0, kappa=1.0, passos=10)
    assert np.allclose(c["Momentum"].pontos, c["SGD"].pontos) and c["SGD"].valores[1] == 0.0
    c = graficos.figura_corrida("Rosenbrock", taxa=0.004, mu=0.9, passos=300)
    assert c["SGD"].divergiu and "divergiu" in " ".join(t.get_text() for t in plt.gcf().axes[0].get_legend().get_texts())
    c = graficos.figura_corrida("quadrática girada", taxa=1.0, mu=0.9, kappa=100, passos=50)
    assert "girada" in plt.gcf().axes[2].get_title()


def test_figura_corrida_recusa_entradas_ruins():
    with pytest.raises(ValueError):
        graficos.figura_corrida("sela")
    with pytest.raises(TypeError):
        graficos.figura_corrida("quadrática", passos=2.5)
    with pytest.raises(ValueError):
        graficos.figura_corrida("quadrática", kappa=0.1)


def test_painel_da_corrida():
    painel = interativo.Painel(
        graficos.figura_corrida,
        superficie=interativo.escolha("superfície", ["quadrática", "quadrática girada", "Rosenbrock"]),
        taxa=interativo.deslizante_log("taxa η", 1e-4, 3.0, valor=1.0),
        mu=interativo.deslizante("μ", 0.0, 0.99, passo=0.01, valor=0.9),
        kappa=interativo.deslizante_log("κ", 1.0, 1000.0, valor=100.0),
        taxa_adaptativa=interativo.deslizante_log("η dos adaptativos", 1e-3, 1.0, valor=0.1),
        passos=interativo.deslizante_inteiro("passos", 10, 2000, valor=50, passo=10),
    )
    assert painel.erro is None and painel.resultado["SGD"].passos_feitos == 50
    painel.definir(mu=0.0)
    assert np.allclose(painel.resultado["Momentum"].pontos, painel.resultado["SGD"].pontos)
    painel.definir(superficie="Rosenbrock", taxa=0.001)
    assert painel.valores["superficie"] == "Rosenbrock" and not painel.resultado["SGD"].divergiu


def test_figura_passos_por_kappa():
    r = graficos.figura_passos_por_kappa([1, 10, 100], tolerancia=1e-6)
    assert r == {"kappas": [1.0, 10.0, 100.0], "SGD": [1, 34, 330], "Momentum": [1, 15, 56]}
    assert "10^{-6}" in plt.gcf().axes[0].get_ylabel()
    with pytest.raises(ValueError):
        graficos.figura_passos_por_kappa([0.5, 10])


def test_figura_passos_por_kappa_marca_quem_nao_chega():
    r = graficos.figura_passos_por_kappa([1, 1000], tolerancia=1e-6, passos_max=100)
    assert r["SGD"] == [1, None] and r["Momentum"] == [1, None]


def test_figura_velocidade():
    v = graficos.figura_velocidade(mus=(0.0, 0.5, 0.9), taxa=0.1, inclinacao=2.0, passos=60)
    assert set(v) == {0.0, 0.5, 0.9}
    for mu, passos in v.items():
        assert passos[0] == 0.0 and np.allclose(passos, 0.2 * (1 - mu ** np.arange(61)) / (1 - mu))
    assert np.isclose(v[0.9][-1], 2.0, rtol=0.01)
    with pytest.raises(ValueError):
        graficos.figura_velocidade(taxa=-1.0)
