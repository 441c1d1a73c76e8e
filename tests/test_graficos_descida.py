"""Testes das figuras do capítulo 9 (custo e descida do gradiente) e dos painéis que as usam."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from redes import descida, graficos, interativo, regressao  # noqa: E402


@pytest.fixture(autouse=True)
def fechar_figuras():
    yield
    plt.close("all")


@pytest.mark.parametrize("nome", list(descida.SUPERFICIES))
def test_figura_descida_devolve_o_caminho(nome):
    caminho = graficos.figura_descida(nome, 0.001, -1.0, 1.0, 20)
    sup = descida.superficie(nome)
    esperado = descida.caminho_descida(sup.gradiente, [-1.0, 1.0], 0.001, 20)
    assert np.allclose(caminho.pontos, esperado.pontos) and not caminho.divergiu
    fig = plt.gcf()
    assert len(fig.axes) >= 2
    assert fig.axes[1].get_yscale() == "log"


def test_figura_descida_mostra_a_divergencia():
    caminho = graficos.figura_descida("tigela alongada", 0.21, -2.0, 1.5, 200)
    assert caminho.divergiu and caminho.passos_feitos == 140
    titulos = [ax.get_title() for ax in plt.gcf().axes]
    assert any("divergiu" in t for t in titulos)


def test_desenhar_contorno_marca_os_minimos_e_o_caminho():
    fig, ax = plt.subplots()
    sup = descida.superficie("dois mínimos")
    caminho = descida.caminho_descida(sup.gradiente, [1.5, 1.5], 0.05, 30)
    graficos.desenhar_contorno(ax, sup, caminho)
    rotulos = [linha.get_label() for linha in ax.get_lines()]
    assert {"mínimo global", "mínimo local", "início", "fim"} <= set(rotulos)
    assert ax.get_xlim() == (sup.janela[0], sup.janela[1])


def test_figura_vale_em_3d():
    sup = descida.superficie("dois mínimos")
    caminhos = [descida.caminho_descida(sup.gradiente, p, 0.05, 20, valor=sup.valor) for p in ([1.6, 1.6], [-0.3, 1.8])]
    ax = graficos.figura_vale(sup, caminhos)
    assert ax.name == "3d" and len(ax.get_lines()) == 2


def test_figura_estabilidade_classifica_as_taxas():
    assert graficos.figura_estabilidade(4.0, [0.1, 0.4, 0.6]) == ["monótona", "oscilante", "diverge"]
    assert len(plt.gcf().axes) == 3


def test_figura_acertos_e_custo_conta_os_patamares():
    pesos = np.linspace(0, 1, 5)
    assert graficos.figura_acertos_e_custo(pesos, [3, 3, 4, 4, 2], np.linspace(1, 0, 5)) == 3
    with pytest.raises(ValueError):
        graficos.figura_acertos_e_custo(pesos, [1, 2], np.zeros(5))


def test_figura_minilotes_devolve_a_trajetoria():
    traj = graficos.figura_minilotes(32, taxa=0.1, epocas=3)
    x, y = regressao.dados_regressao()
    esperado = regressao.descida_minilotes(x, y, 32, 0.1, 3)
    assert traj.atualizacoes == 48 and np.allclose(traj.parametros, esperado.parametros)
    assert "48 atualizações" in plt.gcf().axes[0].get_title()


def test_figura_ruido_minilote():
    x, y = regressao.dados_regressao(128, semente=2)
    r = graficos.figura_ruido_minilote(x, y, [1, 8, 32, 128], taxa=0.1, epocas=2)
    assert set(r["custo_final"]) == {1, 8, 32, 128}
    assert r["custo_final"][8] < r["custo_final"][128]
    assert r["ruido"][128] < 1e-12 and r["ruido_teorico"][128] == 0.0
    assert all(abs(r["ruido"][m] / r["ruido_teorico"][m] - 1) < 0.1 for m in (1, 8, 32))


def test_paineis_do_capitulo():
    painel = interativo.Painel(
        graficos.figura_descida,
        superficie=interativo.lista("superfície", list(descida.SUPERFICIES), valor="tigela alongada"),
        taxa=interativo.deslizante_log("taxa η", 0.001, 1.5, valor=0.1),
        v1=interativo.deslizante("v1", -2.0, 2.0, passo=0.1, valor=-2.0),
        v2=interativo.deslizante("v2", -2.0, 2.0, passo=0.1, valor=1.5),
        passos=interativo.deslizante_inteiro("passos", 1, 200, valor=50))
    assert not painel.resultado.divergiu
    painel.definir(taxa=0.21, passos=200)
    assert painel.resultado.divergiu and painel.erro is None
    painel.definir(superficie="tigela redonda", taxa=1.0, passos=2)
    assert np.allclose(painel.resultado.pontos[1], 0.0)

    lote = interativo.Painel(
        graficos.figura_minilotes,
        tamanho_lote=interativo.deslizante_opcoes("m", [1, 8, 32, 128, 512], valor=32),
        taxa=interativo.deslizante_log("taxa η", 0.01, 1.0, valor=0.1),
        epocas=interativo.deslizante_inteiro("épocas", 1, 10, valor=3))
    assert lote.resultado.atualizacoes == 48
    lote.definir(tamanho_lote=512, epocas=2)
    assert lote.resultado.atualizacoes == 2 and lote.resultado.exemplos[-1] == 1024
