"""Figuras do capítulo 11 (retropropagação) e os painéis que as usam."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from redes import graficos, interativo  # noqa: E402
from redes import retropropagacao as rp  # noqa: E402


@pytest.fixture(autouse=True)
def fechar_figuras():
    yield
    plt.close("all")


def test_diagrama_passo_xor_com_os_valores_corrigidos():
    h, a = graficos.diagrama_passo_xor()
    np.testing.assert_allclose(h, [0.8995, 0.6697, 0.6215], atol=5e-5)
    assert a == pytest.approx(0.4803, abs=5e-5)
    textos = [t.get_text() for t in plt.gca().texts]
    assert "0.8995" in textos and "0.4803" in textos and "1.116" in textos
    h, a = graficos.diagrama_passo_xor(no_de_vies=True)
    assert h[2] == 1.0 and a == pytest.approx(0.4493, abs=5e-5)
    assert "1.116" in [t.get_text() for t in plt.gca().texts]
    with pytest.raises(ValueError, match=r"forma \(3,\)"):
        graficos.diagrama_passo_xor(x=(0, 1))


def test_figura_xor_treino_devolve_o_treino():
    treino = graficos.figura_xor_treino(2, 4.0, "sigmoide", 1, 600)
    assert isinstance(treino, rp.TreinoXOR) and len(treino.custos) == 601
    esq, dir_ = plt.gcf().axes
    assert "4 de 4" in esq.get_title() or "de 4 certos" in esq.get_title()
    assert dir_.get_yscale() == "log" and len(dir_.lines[0].get_xdata()) == 601
    np.testing.assert_array_equal(treino.previsoes, rp.treinar_xor(2, 4.0, "sigmoide", 1, 600).previsoes)


def test_superficie_xor_nos_cantos_repete_as_previsoes():
    treino = rp.treinar_xor(2, 4.0, "sigmoide", 1, 300)
    eixo, saidas = graficos.superficie_xor(treino, resolucao=61)
    assert saidas.shape == (61, 61) and eixo[0] == -0.25 and eixo[-1] == 1.25
    i0, i1 = np.argmin(np.abs(eixo)), np.argmin(np.abs(eixo - 1))
    np.testing.assert_allclose([saidas[i0, i0], saidas[i1, i0], saidas[i0, i1], saidas[i1, i1]], treino.previsoes)
    relu = rp.treinar_xor(3, 0.5, "relu", 2, 200)
    eixo, saidas = graficos.superficie_xor(relu, resolucao=5, limites=(0.0, 1.0))
    np.testing.assert_allclose([saidas[0, 0], saidas[-1, 0], saidas[0, -1], saidas[-1, -1]], relu.previsoes)
    with pytest.raises(ValueError, match="resolução"):
        graficos.superficie_xor(treino, resolucao=1)


def test_figura_tempos_e_normas():
    resultados = [rp.comparar_metodos(1, n) for n in (2, 6)]
    razoes = graficos.figura_tempos(resultados)
    assert razoes.shape == (2,) and np.all(razoes > 1)
    assert plt.gca().get_xscale() == "log" and len(plt.gca().lines) == 2
    with pytest.raises(ValueError, match="vazia"):
        graficos.figura_tempos([])
    normas = graficos.figura_normas_por_camada([1e-3, 1e-2, 1e-1])
    np.testing.assert_allclose(normas, [1e-3, 1e-2, 1e-1])
    assert len(plt.gca().patches) == 3 and plt.gca().get_yscale() == "log"


def test_figura_comparar_gradientes():
    r = graficos.figura_comparar_gradientes(2, 4)
    assert r["tamanhos"] == [4, 4, 4, 2] and r["diferenca_maxima"] < 1e-8 and len(r["normas"]) == 3
    assert len(plt.gcf().axes) == 2


def test_paineis_com_botao():
    painel = interativo.Painel(graficos.figura_xor_treino, botao="Treinar",
                               ocultos=interativo.deslizante_inteiro("ocultos", 1, 8, valor=2),
                               taxa=interativo.deslizante_log("η", 0.01, 10, valor=4.0),
                               ativacao=interativo.lista("ativação", list(rp.ATIVACOES_XOR), "sigmoide"),
                               semente=interativo.deslizante_inteiro("semente", 0, 20, valor=1),
                               epocas=interativo.deslizante_inteiro("épocas", 100, 10000, valor=300, passo=100))
    assert painel.resultado.previsoes.shape == (4,) and painel.erro is None
    painel.definir(ocultos=1, epocas=400)
    assert painel.valores["ocultos"] == 1 and painel.resultado.acertos <= 3 and len(painel.resultado.custos) == 401
    painel = interativo.Painel(graficos.figura_comparar_gradientes, botao="Calcular",
                               profundidade=interativo.deslizante_inteiro("camadas", 1, 6, valor=1),
                               largura=interativo.deslizante_inteiro("largura", 2, 30, valor=3))
    painel.definir(profundidade=2)
    assert painel.resultado["tamanhos"] == [4, 3, 3, 2] and painel.chamadas == 2
