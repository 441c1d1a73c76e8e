"""Testes das figuras do capítulo 4 (funções de ativação): saturação, softmax e degrau contra sigmoide."""
import math

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from redes import ativacoes, graficos, interativo  # noqa: E402

# onde σ'(z) = 0,01: σ = (1 + √0,96)/2, z = ln(σ/(1 − σ)); onde tanh'(z) = 0,01: z = atanh(√0,99)
Z_SIGMOIDE = math.log((1 + math.sqrt(0.96)) / (1 - math.sqrt(0.96)))
Z_TANH = math.atanh(math.sqrt(0.99))


@pytest.fixture(autouse=True)
def fechar_figuras():
    yield
    plt.close("all")


def test_limiares_analiticos():
    assert Z_SIGMOIDE == pytest.approx(4.5849, abs=1e-4)
    assert Z_TANH == pytest.approx(2.9932, abs=1e-4)
    assert float(ativacoes.sigmoide.derivada(Z_SIGMOIDE)) == pytest.approx(0.01)
    assert float(ativacoes.tanh.derivada(Z_TANH)) == pytest.approx(0.01)


def test_trechos_saturados_da_sigmoide_e_da_tanh():
    passo = 12 / 2400
    trechos = graficos.trechos_saturados("sigmoide")
    assert len(trechos) == 2
    (a0, b0), (a1, b1) = trechos
    assert a0 == -6.0 and b1 == 6.0
    assert b0 == pytest.approx(-Z_SIGMOIDE, abs=passo) and a1 == pytest.approx(Z_SIGMOIDE, abs=passo)
    assert all(isinstance(v, float) for par in trechos for v in par)
    assert graficos.fracao_saturada("sigmoide") == pytest.approx((6 - Z_SIGMOIDE) / 6, abs=2 * passo / 12)
    assert graficos.fracao_saturada("tanh") == pytest.approx((6 - Z_TANH) / 6, abs=2 * passo / 12)
    # em [−4, 4] a sigmoide ainda não saturou; com limiar 0,1 satura mais cedo
    assert graficos.trechos_saturados("sigmoide", limites=(-4, 4)) == []
    z01 = math.log((1 + math.sqrt(0.6)) / (1 - math.sqrt(0.6)))
    assert graficos.fracao_saturada("sigmoide", 0.1) == pytest.approx((6 - z01) / 6, abs=1e-3)


@pytest.mark.parametrize("nome,fracao", [("identidade", 0.0), ("degrau", 1.0), ("relu", 0.5),
                                         ("leaky_relu", 0.0), ("softsign", 0.0), ("rrelu", 0.0)])
def test_fracoes_exatas(nome, fracao):
    assert graficos.fracao_saturada(nome) == pytest.approx(fracao, abs=1e-9)


def test_fracao_das_versoes_duras():
    # sigmoide dura: rampa em [−2,5; 2,5]; tanh dura: rampa em [−1, 1]
    assert graficos.fracao_saturada("hard_sigmoide") == pytest.approx(7 / 12, abs=1e-3)
    assert graficos.fracao_saturada("hard_tanh") == pytest.approx(10 / 12, abs=1e-3)


def test_alfa_da_leaky_relu():
    # com α = 0 a leaky ReLU vira a ReLU: metade do intervalo com derivada nula
    assert graficos.fracao_saturada("leaky_relu", alfa=0.0) == pytest.approx(0.5)
    assert graficos.fracao_saturada("leaky_relu", alfa=0.2) == 0.0
    # o α é ignorado pelas outras
    assert graficos.fracao_saturada("relu", alfa=0.2) == pytest.approx(0.5)


def test_figura_ativacao_desenha_funcao_derivada_e_sombra():
    fracao = graficos.figura_ativacao("sigmoide", alcance=6.0)
    assert fracao == pytest.approx(graficos.fracao_saturada("sigmoide"))
    ax = plt.gcf().axes[0]
    curvas = [l for l in ax.lines if len(l.get_xdata()) > 100]
    z, g = curvas[0].get_data()
    _, dg = curvas[1].get_data()
    assert np.allclose(g, ativacoes.sigmoide(z)) and np.allclose(dg, ativacoes.sigmoide.derivada(z))
    assert len(ax.patches) == 2                      # duas faixas cinza, uma de cada lado
    assert "24%" in ax.get_title()
    assert graficos.figura_ativacao("identidade", alcance=2.0) == 0.0
    assert graficos.figura_ativacao("leaky_relu", alcance=3.0, alfa=0.0) == pytest.approx(0.5)


def test_figura_ativacao_valida():
    with pytest.raises(ValueError, match="barras_softmax"):
        graficos.figura_ativacao("softmax")
    with pytest.raises(ValueError, match="desconhecido"):
        graficos.figura_ativacao("swish_magica")
    with pytest.raises(ValueError, match="alcance > 0"):
        graficos.figura_ativacao("relu", alcance=0)
    with pytest.raises(ValueError, match="limiar_saturacao > 0"):
        graficos.figura_ativacao("relu", limiar_saturacao=-1)
    with pytest.raises(ValueError, match="a < b"):
        graficos.fracao_saturada("relu", limites=(2, 1))


def test_grade_ativacoes():
    fracoes = graficos.grade_ativacoes()
    assert list(fracoes) == graficos.nomes_elemento_a_elemento()
    assert "softmax" not in fracoes and {"gelu", "silu", "elu", "hard_tanh"} <= set(fracoes)
    assert fracoes["degrau"] == 1.0 and fracoes["identidade"] == 0.0
    fig = plt.gcf()
    visiveis = [ax for ax in fig.axes if ax.get_visible()]
    assert len(visiveis) == len(fracoes)
    assert [ax.get_title() for ax in visiveis] == list(fracoes)
    assert graficos.grade_ativacoes(["tanh", "relu"], colunas=3) == {
        "tanh": pytest.approx(graficos.fracao_saturada("tanh")), "relu": pytest.approx(0.5)}
    with pytest.raises(ValueError, match="pelo menos um"):
        graficos.grade_ativacoes([])


def test_barras_softmax_exemplo_do_livro():
    p = graficos.barras_softmax(1.2, 0.9, 0.75)
    assert np.allclose(np.round(p, 2), [0.42, 0.31, 0.27]) and p.sum() == pytest.approx(1)
    fig = plt.gcf()
    alturas = [r.get_height() for r in fig.axes[1].patches]
    assert np.allclose(alturas, p)
    assert np.allclose([r.get_height() for r in fig.axes[0].patches], [1.2, 0.9, 0.75])


def test_barras_softmax_temperatura():
    frio = graficos.barras_softmax(1.0, 3.0, 2.0, temperatura=0.1)
    quente = graficos.barras_softmax(1.0, 3.0, 2.0, temperatura=5.0)
    assert frio[1] > 0.99 and np.all(np.abs(quente - 1 / 3) < 0.1)
    assert np.allclose(graficos.barras_softmax(1.0, 3.0, 2.0, 2.0), ativacoes.softmax(np.array([1.0, 3.0, 2.0]) / 2))
    # somar uma constante a todos os z não muda nada
    assert np.allclose(graficos.barras_softmax(101.0, 103.0, 102.0), graficos.barras_softmax(1.0, 3.0, 2.0))
    with pytest.raises(ValueError, match="temperatura > 0"):
        graficos.barras_softmax(1, 2, 3, temperatura=0)
    _, ax = plt.subplots()
    assert np.allclose(graficos.barras_softmax(0, 0, 0, ax=ax), 1 / 3) and len(ax.patches) == 3


def test_degrau_vs_sigmoide():
    antes = graficos.figura_degrau_vs_sigmoide(0.99)
    depois = graficos.figura_degrau_vs_sigmoide(1.01)
    assert antes["degrau"] == 0.0 and depois["degrau"] == 1.0          # o perceptron salta
    assert antes["z"] == pytest.approx(-0.01) and depois["z"] == pytest.approx(0.01)
    assert depois["sigmoide"] - antes["sigmoide"] == pytest.approx(0.02 * 0.25, rel=1e-3)   # σ'(0)·Δw
    r = graficos.figura_degrau_vs_sigmoide(2.0, x=0.5, b=0.25)
    assert r == {"z": 1.25, "degrau": 1.0, "sigmoide": pytest.approx(float(ativacoes.sigmoide(1.25)))}
    # o peso fora dos limites alarga o eixo em vez de sumir
    graficos.figura_degrau_vs_sigmoide(5.0)
    assert plt.gca().get_xlim()[1] == pytest.approx(5.0)


def test_paineis_do_capitulo():
    painel = interativo.Painel(graficos.figura_ativacao,
                               nome=interativo.escolha("ativação", graficos.nomes_elemento_a_elemento(), "sigmoide"),
                               alcance=interativo.deslizante("alcance", 1.0, 10.0, valor=6.0),
                               alfa=interativo.deslizante("α", 0.0, 0.3, passo=0.01, valor=0.01))
    assert painel.resultado == pytest.approx(graficos.fracao_saturada("sigmoide"))
    painel.definir(nome="relu")
    assert painel.resultado == pytest.approx(0.5)
    painel.definir(nome="leaky_relu", alfa=0.0)
    assert painel.resultado == pytest.approx(0.5) and painel.erro is None
    barras = interativo.Painel(graficos.barras_softmax,
                               z1=interativo.deslizante("z1", -5, 5, passo=0.05, valor=1.2),
                               z2=interativo.deslizante("z2", -5, 5, passo=0.05, valor=0.9),
                               z3=interativo.deslizante("z3", -5, 5, passo=0.05, valor=0.75),
                               temperatura=interativo.deslizante("T", 0.1, 5, passo=0.05, valor=1.0))
    assert np.allclose(np.round(barras.resultado, 2), [0.42, 0.31, 0.27])
