"""Testes das figuras do capítulo 7 (a rede de Hopfield e os esquemas das arquiteturas)."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from redes import graficos, hopfield, interativo  # noqa: E402


@pytest.fixture(autouse=True)
def fechar_figuras():
    yield
    plt.close("all")


def test_figura_padroes_desenha_um_painel_por_padrao():
    fig = graficos.figura_padroes(hopfield.LETRAS)
    assert [ax.get_title() for ax in fig.axes] == ["A", "L", "X", "Z"]
    np.testing.assert_array_equal(fig.axes[0].images[0].get_array(), hopfield.LETRAS["A"].reshape(8, 8))
    fig = graficos.figura_padroes(hopfield.padroes_aleatorios(3, 16))
    assert [ax.get_title() for ax in fig.axes] == ["padrão 1", "padrão 2", "padrão 3"]
    with pytest.raises(ValueError, match="2 títulos"):
        graficos.figura_padroes(hopfield.padroes_aleatorios(2, 16), titulos=["só um"])
    with pytest.raises(ValueError, match="quadrado"):
        graficos.figura_padroes(hopfield.padroes_aleatorios(2, 10))


def test_padroes_do_painel_comecam_pelas_letras():
    X = graficos.padroes_do_painel(2)
    np.testing.assert_array_equal(X, [hopfield.LETRAS["A"], hopfield.LETRAS["L"]])
    X = graficos.padroes_do_painel(7, semente=3)
    assert X.shape == (7, 64)
    np.testing.assert_array_equal(X[3], hopfield.LETRAS["Z"])
    np.testing.assert_array_equal(X, graficos.padroes_do_painel(7, semente=3))
    with pytest.raises(ValueError, match="entre 1 e 40"):
        graficos.padroes_do_painel(0)


def test_figura_recuperacao_devolve_os_bits_errados():
    assert graficos.figura_recuperacao(4, 0.2, 0) == 0
    fig = plt.gcf()
    titulos = [ax.get_title() for ax in fig.axes]
    assert titulos[:3] == ["guardado: A", "pista: 13 bits trocados", "final: 0 bits errados"]
    energia = fig.axes[3].lines[-2].get_ydata()              # a curva (a última linha é E(A))
    assert np.all(np.diff(energia) <= 1e-12)
    erros = graficos.figura_recuperacao(16, 0.2, 0)
    assert isinstance(erros, int) and erros > 0
    assert graficos.figura_recuperacao(4, 0.0, 0) == 0
    for caso in [(4, 0.2, 0), (16, 0.2, 0), (16, 0.2, 2), (9, 0.3, 5)]:
        assert graficos.bits_errados_no_painel(*caso) == graficos.figura_recuperacao(*caso)
        plt.close("all")
    with pytest.raises(ValueError, match="entre 0 e 1"):
        graficos.figura_recuperacao(4, 1.5, 0)


def test_painel_de_recuperacao():
    painel = interativo.Painel(graficos.figura_recuperacao,
                               n_padroes=interativo.deslizante_inteiro("padrões", 1, 20, 4),
                               ruido=interativo.deslizante("ruído", 0.0, 0.5, 0.05, 0.2),
                               semente=interativo.deslizante_inteiro("semente", 0, 20, 0))
    assert painel.resultado == 0 and painel.erro is None
    painel.definir(n_padroes=16)
    assert painel.valores == {"n_padroes": 16, "ruido": 0.2, "semente": 0} and painel.resultado > 0


def test_figura_capacidade_devolve_o_experimento():
    c = graficos.figura_capacidade(n=32, valores_p=[2, 4, 12], redes=5, semente=0)
    assert list(c.p) == [2, 4, 12] and c.recuperados.shape == (3,)
    esq, dir_ = plt.gcf().axes[:2]
    np.testing.assert_allclose(esq.lines[1].get_ydata(), c.bits_estaveis)
    np.testing.assert_allclose(dir_.lines[1].get_ydata(), c.recuperados)


def test_figura_esquemas_conta_as_ligacoes():
    contagem = graficos.figura_esquemas()
    assert contagem == {"MLP": 3 * 4 + 4 * 2, "RNN": 4 + 4 + 3, "Hopfield": 6 * 5 // 2, "RBM": 4 * 3,
                        "autoencoder": 5 * 3 + 3 * 2 + 2 * 3 + 3 * 5, "GAN": 4}
    assert len(plt.gcf().axes) == 6
