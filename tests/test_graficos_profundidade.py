"""Testes das figuras do capítulo 23: desenham sem erro e devolvem o que mostraram."""
import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from redes import graficos, gradientes_por_camada as gpc, profundidade  # noqa: E402


@pytest.fixture(autouse=True)
def fechar():
    yield
    plt.close("all")


def test_portas_e_arvore():
    assert graficos.figura_portas_paridade(8) == {"n": 8, "portas": 7, "niveis": 3, "termos": 128}
    assert graficos.figura_portas_paridade(20)["termos"] == 2 ** 19
    niveis = graficos.figura_arvore_paridade([1, 0, 1, 1, 1])
    assert niveis == [[1, 0, 1, 1, 1], [1, 0, 1], [1, 1], [0]]
    assert "4 portas XOR em 3 níveis" in plt.gcf().axes[0].get_title()


def test_precisao_e_barras():
    r = graficos.figura_precisao_por_profundidade([96.48, 96.90], [96.5, 96.86], [0.2, 0.1])
    assert np.allclose(r["media"], [96.5, 96.86])
    valores = graficos.figura_barras_neuronios([np.arange(10.0), -np.arange(8.0)], neuronios=6)
    assert valores.shape == (2, 6) and valores[1, 5] == -5
    assert len(plt.gcf().axes) == 2


def test_velocidades_e_curvas():
    grupos = graficos.figura_velocidades({"a": [1e-3, 1e-1], "b": [1.0, 2.0]}, "título")
    assert set(grupos) == {"a", "b"} and plt.gca().get_yscale() == "log"
    curvas = graficos.figura_velocidade_por_epoca({2: np.ones((5, 2)), 3: np.ones((5, 3))})
    assert len(curvas) == 2 and len(plt.gcf().axes) == 2


def test_velocidades_rede_confere_com_a_biblioteca():
    X, Y = gpc.dados_de_brinquedo(50, 20, 4, semente=0)
    r = graficos.figura_velocidades_rede(X, Y, profundidade=5, largura=10)
    assert np.allclose(r["velocidades"], gpc.normas_por_camada(X, Y, 5, 10, semente=0))
    assert np.isclose(r["razao"], r["velocidades"][0] / r["velocidades"][-1]) and r["razao"] < 0.1
    with pytest.raises(ValueError):
        graficos.figura_velocidades_rede(X, Y, ativacao="degrau")


def test_regiao_e_largura():
    r = graficos.figura_regiao(6.9, -3.0)
    assert abs(r["largura"] - r["largura_formula"]) < 1e-4 and r["maximo"] > 1
    assert graficos.figura_regiao(3.0, 0.0)["largura"] == 0.0
    m = graficos.figura_largura()
    assert round(m["w_max"], 1) == 6.9 and round(m["largura_max"], 2) == 0.45


def test_cadeia_some_e_explode():
    r = graficos.figura_cadeia(w=0.8, camadas=10)
    assert r["razao"] < 0.2 ** 9 and len(r["gradiente"]) == 10
    e = graficos.figura_cadeia(w=100.0, a0=0.3, camadas=5, explodir=True)
    assert np.allclose(e["fatores"], 25) and np.isclose(e["razao"], 25.0 ** 4)
    assert np.allclose(e["vieses"], profundidade.vieses_que_explodem(np.full(5, 100.0), 0.3))
