import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from redes import ativacoes, graficos  # noqa: E402


@pytest.fixture(autouse=True)
def fechar_figuras():
    yield
    plt.close("all")


def test_estilo_paleta_daltonica():
    graficos.aplicar_estilo()
    cores = [c["color"] for c in matplotlib.rcParams["axes.prop_cycle"]]
    assert cores[:2] == [graficos.CORES["azul"], graficos.CORES["laranja"]]
    assert tuple(matplotlib.rcParams["figure.figsize"]) == graficos.TAMANHO_PADRAO


def test_figura_porta_conta_erros():
    assert graficos.figura_porta("AND", 1.0, 1.0, -1.5) == 0
    assert graficos.figura_porta("XOR", 1.0, 1.0, -0.5) == 1
    assert graficos.figura_porta("AND", 0.0, 0.0, 0.0) == 1    # sem fronteira: tudo 0
    ax = plt.gca()
    assert ax.get_title().startswith("AND: 1 erro\n") and "−" not in ax.get_title()


def test_figura_peso_vies_desenha_a_sigmoide():
    fig = graficos.figura_peso_vies(2.0, -1.0)
    esq, dir_ = fig.axes
    x, z = esq.lines[0].get_data()
    np.testing.assert_allclose(z, 2.0 * x - 1.0)
    x, a = dir_.lines[0].get_data()
    np.testing.assert_allclose(a, ativacoes.sigmoide(2.0 * x - 1.0))
    assert esq.get_title() == "z = 2·x − 1" and dir_.get_title() == "a = σ(2·x − 1)"
    # a sigmoide cruza 1/2 em x = −b/w = 0,5: há uma linha vertical tracejada lá
    assert any(np.allclose(l.get_xdata(), 0.5) for l in dir_.lines[1:])


def test_diagrama_neuronio_devolve_o_potencial():
    assert graficos.diagrama_neuronio([2, 5], [3, 6], -2) == 34.0
    assert graficos.diagrama_neuronio([1.0], [0.5], 0.0, "sigmoide") == 0.5
    with pytest.raises(ValueError, match=r"esperava pesos com forma \(2,\)"):
        graficos.diagrama_neuronio([2, 5], [3, 6, 1], -2)


def test_pontos_e_regiao_validam_entrada():
    _, ax = graficos.figura()
    with pytest.raises(ValueError, match=r"esperava X com forma \(n, 2\)"):
        graficos.pontos_binarios(ax, np.zeros((4, 3)), np.zeros(4))
    graficos.regiao_de_decisao(ax, [0.0, 0.0], 1.0)   # sem reta, mas sem erro
    assert ax.get_xlim() == (-0.5, 1.5)
