"""Testes das figuras do capítulo 2 (o neurônio)."""
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


def _textos(ax):
    return [t.get_text() for t in ax.texts]


def test_diagrama_neuronio_mostra_pesos_vies_e_saida():
    _, ax = graficos.figura()
    assert graficos.diagrama_neuronio([2, 5], [3, 6], -2, ax=ax) == 34.0
    textos = _textos(ax)
    assert "$w_{1}$ = 3" in textos and "$w_{2}$ = 6" in textos
    assert "viés b = −2" in textos                   # sinal de menos tipográfico
    assert "z = 34" in textos
    _, ax = graficos.figura()
    z = graficos.diagrama_neuronio([2.0], [0.5], -1.0, "sigmoide", ax=ax)
    assert z == 0.0
    assert any(t.endswith("sigmoide(z) = 0.5") for t in _textos(ax))


def test_diagrama_neuronio_valida_o_vies():
    with pytest.raises(ValueError, match="esperava um número em `vies`"):
        graficos.diagrama_neuronio([2, 5], [3, 6], [1.0, 2.0])


def test_retas_peso_vies_desenham_z_igual_wx_mais_b():
    casos = [(2, 0), (-0.7, 0), (1, 2), (1, -0.7)]
    fig = graficos.figura_retas_peso_vies(casos)
    assert len(fig.axes) == 4
    for ax, (w, b) in zip(fig.axes, casos):
        x, z = max(ax.lines, key=lambda l: len(l.get_xdata())).get_data()   # a reta, não os eixos
        np.testing.assert_allclose(z, w * x + b)
        # o ponto verde fica onde a reta corta o eixo vertical: (0, b)
        assert any(np.allclose(l.get_xdata(), [0]) and np.allclose(l.get_ydata(), [b]) for l in ax.lines)
    assert fig.axes[1].get_title() == "w = −0.7, b = 0"


def test_retas_peso_vies_em_linha_e_validacao():
    fig = graficos.figura_retas_peso_vies([(1, 0), (2, 1)])
    assert len(fig.axes) == 2
    with pytest.raises(ValueError, match=r"esperava casos com forma \(n, 2\)"):
        graficos.figura_retas_peso_vies([1, 2, 3])
    with pytest.raises(ValueError, match="de 1 a 6 pares"):
        graficos.figura_retas_peso_vies(np.ones((7, 2)))


def test_curvas_sigmoide_cruzam_meio_em_menos_b_sobre_w():
    _, ax = graficos.figura()
    pares = [(0.5, 0.0), (1.0, 1.0), (2.0, -1.0), (0.0, 3.0)]
    cruzamentos = graficos.curvas_sigmoide(ax, pares)
    np.testing.assert_allclose(cruzamentos[:3], [0.0, -1.0, 0.5])
    assert np.isnan(cruzamentos[3])                  # w = 0: curva constante, nunca cruza
    assert not np.signbit(cruzamentos[0])            # 0.0, não −0.0
    for (w, b), x_c in zip(pares[:3], cruzamentos[:3]):
        assert ativacoes.sigmoide(w * x_c + b) == pytest.approx(0.5)
    curvas = [l for l in ax.lines if len(l.get_xdata()) > 2]
    assert len(curvas) == 4
    x, a = curvas[1].get_data()
    np.testing.assert_allclose(a, ativacoes.sigmoide(x + 1.0))
    assert len(ax.get_legend().get_texts()) == 4


def test_esquema_neuronio_biologico_rotula_as_partes():
    _, ax = graficos.figura()
    analogia = graficos.esquema_neuronio_biologico(ax=ax)
    assert set(analogia) == {"dendritos", "soma", "axônio", "sinapse"}
    textos = _textos(ax)
    for parte, analogo in analogia.items():
        assert parte in textos
        assert "→ " + analogo in textos
    analogia["soma"] = "outra coisa"                 # devolve uma cópia: o módulo não muda
    assert graficos.ANALOGIA_NEURONIO["soma"] != "outra coisa"
