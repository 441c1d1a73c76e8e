"""Figuras do capítulo 19: devolvem o que desenham, e o painel do minilote responde aos controles."""
import matplotlib

matplotlib.use("Agg")

from functools import partial  # noqa: E402

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from redes import graficos, interativo, minilote  # noqa: E402


@pytest.fixture(autouse=True)
def fechar_figuras():
    yield
    plt.close("all")


@pytest.fixture
def dados_pequenos():
    """256 exemplos de treino e 128 de validação, 20 entradas, 10 classes (a classe é o maior dos 10 primeiros)."""
    rng = np.random.default_rng(0)
    X = rng.random((384, 20)).astype(np.float32)
    y = X[:, :10].argmax(axis=1)
    return (X[:256], y[:256]), (X[256:], y[256:])


def test_figura_tempo_por_exemplo():
    ganhos = graficos.figura_tempo_por_exemplo({1: 1e-4, 10: 2e-4, 100: 1e-3})
    assert ganhos == pytest.approx({1: 1.0, 10: 5.0, 100: 10.0})
    ax = plt.gcf().axes[0]
    assert ax.get_xscale() == "log" and ax.get_yscale() == "log"
    with pytest.raises(ValueError, match="B = 1"):
        graficos.figura_tempo_por_exemplo({10: 1e-3, 100: 1e-2})
    with pytest.raises(ValueError, match="maior que 0"):
        graficos.figura_tempo_por_exemplo({1: 1e-4, 10: 0.0})


def curva(B, acuracias, segundos):
    U = list(range(len(acuracias)))
    return minilote.Curva(B, 0.1, 100, U, [u * B for u in U], segundos, acuracias)


def test_figura_curvas_minilote():
    curvas = {"B = 1": curva(1, [0.1, 0.5, 0.8], [0.0, 1.0, 2.0]), "B = 50": curva(50, [0.1, 0.7, 0.9], [0.0, 0.1, 0.2])}
    finais = graficos.figura_curvas_minilote(curvas, eixos=("epocas", "segundos"))
    assert finais == pytest.approx({"B = 1": 80.0, "B = 50": 90.0})
    esquerda, direita = plt.gcf().axes
    assert esquerda.get_xscale() == "linear" and direita.get_xscale() == "log"
    assert np.allclose(esquerda.lines[1].get_xdata(), [0.0, 0.5, 1.0])          # épocas = exemplos / n
    assert len(direita.lines[0].get_xdata()) == 2                               # o zero sai do eixo log
    with pytest.raises(TypeError, match="Curva"):
        graficos.figura_curvas_minilote({"x": [1, 2]})
    with pytest.raises(ValueError, match="eixos"):
        graficos.figura_curvas_minilote(curvas, eixos=("horas",))


def test_figura_treino_por_minilote_conta_as_atualizacoes(dados_pequenos, capsys):
    treino, validacao = dados_pequenos
    r = graficos.figura_treino_por_minilote(treino, validacao, 128, "mesmas épocas", referencia=16, epocas=2,
                                            taxa=0.5)
    assert r["atualizacoes"] == 4 and r["epocas"] == 2.0 and r["comparacao"] == "mesmas épocas"
    assert "B = 128: 2 atualizações por época" in capsys.readouterr().out
    r = graficos.figura_treino_por_minilote(treino, validacao, 128, "mesmas atualizações", referencia=16, epocas=2,
                                            taxa=0.5)
    assert r["atualizacoes"] == 32 and r["epocas"] == 16.0 and r["segundos_por_epoca"] > 0
    assert 0 <= r["acuracia"] <= 100 and 0 <= r["acuracia_referencia"] <= 100
    assert len(plt.gcf().axes) == 2
    with pytest.raises(ValueError, match="comparacao"):
        graficos.figura_treino_por_minilote(treino, validacao, 8, "mesmos segundos")


def test_painel_do_minilote_com_botao(dados_pequenos):
    treino, validacao = dados_pequenos
    painel = interativo.Painel(
        partial(graficos.figura_treino_por_minilote, treino, validacao, referencia=16, epocas=2, taxa=0.5),
        tamanho_lote=interativo.deslizante_opcoes("B", [2 ** k for k in range(9)], valor=16),
        comparacao=interativo.escolha("comparação", ["mesmas épocas", "mesmas atualizações"]), botao="Treinar")
    assert painel.chamadas == 1 and painel.resultado["atualizacoes"] == 32
    painel.controles["tamanho_lote"].value = 256                # mexer no controle não treina...
    assert painel.chamadas == 1
    painel.definir(tamanho_lote=256, comparacao="mesmas atualizações")   # ...o botão, sim
    assert painel.valores == {"tamanho_lote": 256, "comparacao": "mesmas atualizações"}
    assert painel.resultado["atualizacoes"] == 32 and painel.resultado["epocas"] == 32.0 and painel.erro is None


def test_figura_setas_do_gradiente():
    medidas = graficos.figura_setas_do_gradiente()
    roxa_media, preta_media = medidas["media"]
    roxa_soma, preta_soma = medidas["soma"]
    assert roxa_soma == pytest.approx(2 * roxa_media)           # a soma de 2 gradientes é o dobro da média
    assert preta_media == pytest.approx(preta_soma)             # com B = 1 as duas convenções coincidem
    assert roxa_media < preta_media < roxa_soma                 # a "competição" depende da convenção
    assert len(plt.gcf().axes) == 2
    with pytest.raises(ValueError, match="pontos"):
        graficos.figura_setas_do_gradiente(pontos=[(1.0, 2.0)])


def test_figura_norma_somada():
    r = graficos.figura_norma_somada("media", False, "início", ensaios=20)
    assert r["inclinacao"] == pytest.approx(-1.0) and len(r["medias"]) == 11
    r = graficos.figura_norma_somada("soma", False, "fim", ensaios=20)
    assert abs(r["inclinacao"]) < 1e-9
    r = graficos.figura_norma_somada("media", True, "início", ensaios=20)
    assert -0.9 < r["inclinacao"] < -0.5
    assert "p = " in plt.gca().get_title()
    with pytest.raises(ValueError, match="regime"):
        graficos.figura_norma_somada("media", True, "meio")
    with pytest.raises(TypeError, match="True ou False"):
        graficos.figura_norma_somada("media", "sim", "fim")
