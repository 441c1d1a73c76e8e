"""Figuras do capítulo 13: o neurônio lento, a grade de custos, o gradiente por saída, a softmax e a acurácia."""
import math

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from redes import graficos, informacao, interativo  # noqa: E402
from redes.neuronio_lento import treinar_neuronio  # noqa: E402


@pytest.fixture(autouse=True)
def fechar_figuras():
    yield
    plt.close("all")


def test_neuronio_lento_ambos_os_custos():
    r = graficos.figura_neuronio_lento(2.0, 2.0, 0.15, 300, "ambos")
    assert set(r) == {"quadratico", "entropia"}
    assert r["quadratico"].a[-1] == pytest.approx(0.2028, abs=1e-4)
    assert r["entropia"].a[50] == pytest.approx(0.0985, abs=1e-4)
    fig = plt.gcf()
    ax_c, ax_a = fig.axes
    assert ax_c.get_yscale() == "log"
    curvas = [l for l in ax_a.lines if len(l.get_xdata()) == 301]
    assert len(curvas) == 2
    np.testing.assert_allclose(curvas[0].get_ydata(), r["quadratico"].a)
    assert "0,203" in ax_a.get_title() and "0,0328" in ax_a.get_title()


@pytest.mark.parametrize("rotulo,nomes", [("quadrático", {"quadratico"}), ("entropia cruzada", {"entropia"}),
                                          ("quadratico", {"quadratico"}), ("entropia", {"entropia"}),
                                          ("Ambos", {"quadratico", "entropia"})])
def test_neuronio_lento_rotulos(rotulo, nomes):
    assert set(graficos.figura_neuronio_lento(0.6, 0.9, 0.15, 20, rotulo)) == nomes


def test_neuronio_lento_erros():
    with pytest.raises(ValueError, match="`custo` desconhecido"):
        graficos.figura_neuronio_lento(custo="absoluto")
    with pytest.raises(ValueError, match="taxa de aprendizado positiva"):
        graficos.figura_neuronio_lento(taxa=-1.0)


def test_painel_do_neuronio_lento():
    painel = interativo.Painel(
        graficos.figura_neuronio_lento,
        w0=interativo.deslizante("w0", -3, 3, valor=2.0), b0=interativo.deslizante("b0", -3, 3, valor=2.0),
        taxa=interativo.deslizante_log("η", 0.001, 1.0, 0.15), epocas=interativo.deslizante_inteiro("épocas", 10, 500, 300),
        custo=interativo.lista("custo", ["quadrático", "entropia cruzada", "ambos"], "ambos"))
    assert painel.erro is None and set(painel.resultado) == {"quadratico", "entropia"}
    painel.definir(w0=0.6, b0=0.9, custo="quadrático")
    assert painel.resultado["quadratico"].a[-1] == pytest.approx(0.094, abs=5e-4)


def test_grade_de_custos():
    r = graficos.grade_custos_neuronio()
    assert len(r) == 4 and len(plt.gcf().axes) == 4
    assert r[("quadratico", (0.6, 0.9))].a[-1] == pytest.approx(0.0940, abs=1e-4)
    assert r[("entropia", (2.0, 2.0))].taxa == 0.15
    livro = graficos.grade_custos_neuronio(taxa_entropia=0.005)
    assert livro[("entropia", (2.0, 2.0))].a[-1] == pytest.approx(0.7796, abs=1e-4)
    assert livro[("quadratico", (2.0, 2.0))].taxa == 0.15
    with pytest.raises(ValueError, match="pelo menos um ponto"):
        graficos.grade_custos_neuronio(inicios=[])
    with pytest.raises(ValueError, match=r"inicios com forma \(2,\)"):
        graficos.grade_custos_neuronio(inicios=[(1.0, 2.0, 3.0)])


def test_gradiente_por_saida():
    marcas = graficos.figura_gradiente_por_saida()
    assert marcas[(2.0, 2.0)]["quadratico"] == pytest.approx(0.0173, abs=5e-5)
    assert marcas[(2.0, 2.0)]["entropia"] == pytest.approx(0.982, abs=5e-4)
    assert marcas[(0.6, 0.9)]["quadratico"] == pytest.approx(0.122, abs=5e-4)
    assert marcas[(0.6, 0.9)]["a"] == pytest.approx(treinar_neuronio(0.6, 0.9, 0.1, 0).a[0])


def test_distribuicoes_exemplo_do_livro():
    r = graficos.figura_distribuicoes(*np.log([0.228, 0.619, 0.153]), classe="B")
    np.testing.assert_allclose(r["q"], [0.228, 0.619, 0.153])
    np.testing.assert_array_equal(r["p"], [0, 1, 0])
    assert r["classe"] == 1 and r["acertou"] is True
    assert r["entropia_cruzada"] == pytest.approx(-math.log(0.619)) == pytest.approx(r["kl"])
    assert r["entropia_p"] == 0.0
    assert r["eqm"] == pytest.approx((0.228 ** 2 + 0.381 ** 2 + 0.153 ** 2) / 3)
    ax_b, ax_v = plt.gcf().axes
    assert "0,480" in ax_b.get_title() and "acerta" in ax_b.get_title()


def test_distribuicoes_erro_plano_entropia_suave():
    r = graficos.figura_distribuicoes(1.0, 0.0, 0.0, classe="C")
    assert r["acertou"] is False and r["classe"] == 2
    ax_v = plt.gcf().axes[1]
    h, eqm, erro = [l.get_ydata() for l in ax_v.lines[:3]]
    assert set(np.unique(erro)) <= {0.0, 1.0}
    assert np.sum(np.diff(erro) != 0) == 1                      # um salto só
    assert np.all(np.diff(h) < 0) and np.all(np.diff(eqm) < 0)  # sempre descendo, sem degraus
    assert r["entropia_cruzada"] == pytest.approx(informacao.entropia_cruzada([0, 0, 1], r["q"]))


def test_distribuicoes_erros():
    with pytest.raises(ValueError, match="`classe` desconhecido"):
        graficos.figura_distribuicoes(0, 0, 0, classe="D")
    with pytest.raises(TypeError, match="z1"):
        graficos.figura_distribuicoes("x", 0, 0)


def test_acuracia_por_epoca():
    medias = graficos.figura_acuracia_por_epoca({"a": [[0.8, 0.9], [0.7, 0.9]], "b": [0.5, 0.6]}, titulo="t")
    np.testing.assert_allclose(medias["a"], [75.0, 90.0])
    np.testing.assert_allclose(medias["b"], [50.0, 60.0])
    assert plt.gca().get_title() == "t"
    with pytest.raises(ValueError, match="pelo menos uma curva"):
        graficos.figura_acuracia_por_epoca({})
