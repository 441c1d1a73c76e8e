"""Figuras do capítulo 14 (sobreajuste e L2): curvas, comparação de λ, painel de treino e polinômios."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from redes import graficos, interativo, polinomios  # noqa: E402


@pytest.fixture(autouse=True)
def fechar_figuras():
    yield
    plt.close("all")


@pytest.fixture
def historico():
    t = np.arange(1, 31)
    return {"acuracia": list(np.minimum(1.0, 0.5 + t / 40)), "acuracia_validacao": list(0.8 + 0.02 * np.sin(t / 5)),
            "custo": list(2 / t), "custo_validacao": list(1 + 0.002 * (t - 12) ** 2)}


@pytest.fixture(scope="module")
def pequenos():
    rng = np.random.default_rng(1)
    X = rng.random((80, 784)).astype(np.float32)
    y = X[:, :10].argmax(axis=1)
    return (X[:50], y[:50]), (X[50:], y[50:])


def test_figura_curvas_marca_as_melhores_epocas(historico):
    assert graficos.figura_curvas(historico, "título") == (12, 8)
    fig = plt.gcf()
    eixos = fig.axes
    assert len(eixos) == 3 and len(eixos[0].lines) == 3 and len(eixos[1].lines) == 1 and len(eixos[2].lines) == 2
    assert fig._suptitle.get_text() == "título"
    assert "época 8" in eixos[0].texts[0].get_text() and "época 12" in eixos[2].texts[0].get_text()
    baixo, alto = eixos[2].get_ylim()
    assert baixo < min(historico["custo_validacao"]) and alto >= max(historico["custo_validacao"][2:])


def test_figura_curvas_em_eixos_dados(historico):
    fig, eixos = plt.subplots(1, 3)
    assert graficos.figura_curvas(historico, ax=eixos) == (12, 8)
    assert len(plt.get_fignums()) == 1


def test_figura_comparar_lambdas(historico):
    outro = {**historico, "acuracia_validacao": list(np.array(historico["acuracia_validacao"]) + 0.05)}
    picos = graficos.figura_comparar_lambdas({"λ = 0": historico, "λ = 0,1": outro},
                                             {"λ = 0": [3.0, 4.0], "λ = 0,1": [3.0, 2.0]})
    assert picos["λ = 0,1"] == pytest.approx(picos["λ = 0"] + 5)
    assert len(plt.gcf().axes) == 2
    assert len(graficos.figura_comparar_lambdas({"só": historico})) == 1
    with pytest.raises(ValueError, match="pelo menos um"):
        graficos.figura_comparar_lambdas({})


def test_painel_de_treino_com_botao(pequenos):
    treino, validacao = pequenos
    painel = interativo.Painel(graficos.painel_treino(treino, validacao), botao="Treinar",
                               lmbda=interativo.deslizante_opcoes("λ", [0.0, 0.1, 1.0], valor=0.0),
                               n=interativo.deslizante_opcoes("n", [20, 40], valor=20),
                               epocas=interativo.deslizante_inteiro("épocas", 1, 5, valor=2))
    assert painel.erro is None and painel.resultado["epocas"] == 2 and painel.resultado["fator"] == 1.0
    painel.definir(lmbda=1.0, n=40, epocas=3)
    assert painel.valores == {"lmbda": 1.0, "n": 40, "epocas": 3}
    assert painel.resultado["fator"] == pytest.approx(1 - 0.5 * 1.0 / 40) and painel.resultado["epocas"] == 3
    assert painel.chamadas == 2 and "1 − ηλ/n = 0.987500" in plt.gcf()._suptitle.get_text()


def test_figura_treino_subconjunto_valida(pequenos):
    treino, validacao = pequenos
    with pytest.raises(ValueError, match="lmbda"):
        graficos.figura_treino_subconjunto(treino, validacao, lmbda=-1.0)


def test_figura_polinomios_devolve_o_interpolador():
    x, y = polinomios.pontos_da_reta(10, 0.1, 1)
    a, fim = graficos.figura_polinomios(x, y, alcance=1.5)
    assert np.allclose(a, polinomios.polinomio_interpolador(x, y))
    assert fim == pytest.approx(np.polyval(a, 1.5))
    titulo = plt.gcf().axes[1].get_title()
    assert titulo.startswith("em x = 1,5: reta 3, polinômio −")
    with pytest.raises(ValueError, match="alcance"):
        graficos.figura_polinomios(x, y, alcance=0.5)


def test_figura_erros_por_grau():
    x, y = polinomios.pontos_da_reta(10, 0.1, 1)
    xn, yn = polinomios.pontos_da_reta(200, 0.1, 1000, espacados=False)
    treino, novos = graficos.figura_erros_por_grau(x, y, xn, yn)
    assert treino.shape == (10,) and novos[9] > novos[1]
    assert any("≈ 0" in t.get_text() for t in plt.gcf().axes[0].texts)


def test_figura_ajuste_polinomio_no_painel():
    painel = interativo.Painel(graficos.figura_ajuste_polinomio,
                               grau=interativo.deslizante_inteiro("grau", 1, 9, valor=9),
                               ruido=interativo.deslizante("ruído", 0.0, 0.5, 0.01, valor=0.1),
                               ridge=interativo.escolha("ridge", [("não", False), ("sim", True)], valor=False),
                               lmbda=interativo.deslizante_log("λ", 1e-6, 10, valor=1e-3))
    sem = painel.resultado
    assert sem["lmbda"] == 0.0 and sem["eqm_treino"] < 1e-15 and sem["eqm_novos"] > 0.1
    painel.definir(ridge=True)
    com = painel.resultado
    assert com["lmbda"] == pytest.approx(1e-3) and com["eqm_novos"] < sem["eqm_novos"] / 10
    assert com["eqm_treino"] > sem["eqm_treino"]
    painel.definir(ridge=False, grau=1)
    assert painel.resultado["coeficientes"].shape == (2,)
    assert painel.resultado["eqm_novos"] < sem["eqm_novos"]
    painel.definir(ruido=0.0, grau=9)
    assert painel.resultado["eqm_novos"] < 1e-6          # sem ruído, os pontos estão na reta e o grau 9 a acha
