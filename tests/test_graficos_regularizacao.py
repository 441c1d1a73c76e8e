"""Testes das figuras do capítulo 15 (L1 e dropout): conferem o que cada função devolve e desenha."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from redes import esparsidade, graficos, interativo  # noqa: E402


@pytest.fixture(autouse=True)
def fechar_figuras():
    yield
    plt.close("all")


class HistoricoFalso(dict):
    """O bastante de um `Historico` para a figura das curvas."""


def test_encolhimento_degrau_contra_reta():
    curvas = graficos.figura_encolhimento(0.1)
    w = curvas["w"]
    assert np.allclose(curvas["L2"], -0.1 * w)
    assert np.allclose(curvas["L1"][w > 0], -0.1) and np.allclose(curvas["L1"][w < 0], 0.1)
    i = np.argmin(np.abs(w - 1.0))
    assert np.isclose(curvas["L1"][i], curvas["L2"][i])
    with pytest.raises(ValueError):
        graficos.figura_encolhimento(0.0)


def test_um_peso_desenha_as_tres_trajetorias():
    traj = graficos.figura_um_peso(0.55, 0.1, 12)
    assert set(traj) == {"L2", "L1", "L1 proximal"}
    assert np.all(traj["L1 proximal"][6:] == 0) and np.all(traj["L1"] != 0)
    ax = plt.gcf().axes[0]
    assert len(ax.get_lines()) >= 3 and len(ax.get_legend().get_texts()) == 3


def test_histograma_conta_e_escreve_no_titulo():
    pesos = [np.array([0.0, 0.0005, -0.2, 0.5]), np.array([[0.0001, 3.0]])]
    quase = graficos.figura_histograma_pesos(pesos, 1e-3, titulo="teste", faixa=1.0)
    assert quase == esparsidade.contar_quase_zeros(pesos, 1e-3) == 3
    ax = plt.gcf().axes[0]
    assert "3 de 6" in ax.get_title() and "teste" in ax.get_title() and ax.get_yscale() == "log"
    assert ax.get_xlim() == (-1.0, 1.0)


def test_comparar_pesos_devolve_uma_contagem_por_rede():
    rng = np.random.default_rng(0)
    redes = {"L2": rng.normal(0, 0.1, 500), "L1 pelo sinal": esparsidade.limiar_suave(rng.normal(0, 0.1, 500), 0.1)}
    contagens = graficos.figura_comparar_pesos(redes)
    assert contagens == {nome: esparsidade.contar_quase_zeros(w) for nome, w in redes.items()}
    assert contagens["L1 pelo sinal"] > contagens["L2"]
    assert len(plt.gcf().axes) == 2
    with pytest.raises(ValueError):
        graficos.figura_comparar_pesos({})


def test_rede_dropout_tracejada():
    mascaras = esparsidade.mascaras_dropout([4, 8, 8, 3], 0.5, semente=0)
    fig, ax = plt.subplots()
    saem = graficos.desenhar_rede_dropout([4, 8, 8, 3], mascaras, ax=ax)
    assert saem == 6
    tracejados = [c for c in ax.patches if c.get_linestyle() == "--"]
    assert len(ax.patches) == 23 and len(tracejados) == 6
    assert graficos.desenhar_rede_dropout([3, 2], None) == 0
    with pytest.raises(ValueError, match="máscara"):
        graficos.desenhar_rede_dropout([4, 8, 3], [np.ones(4, bool)])
    with pytest.raises(ValueError, match="12"):
        graficos.desenhar_rede_dropout([784, 30, 10])


def test_figura_dropout_invertido():
    r = graficos.figura_dropout(0.5, semente=0)
    assert r["ocultos"] == 16 and r["desligados"] == 6
    m1 = r["mascaras"][1]
    assert np.allclose(r["h_afinada"][0], m1 * r["h"][0] / 0.5)
    sem = graficos.figura_dropout(0.0, semente=3)
    assert sem["desligados"] == 0 and all(np.allclose(a, b) for a, b in zip(sem["h"], sem["h_afinada"]))
    with pytest.raises(ValueError):
        graficos.figura_dropout(0.99)
    with pytest.raises(ValueError, match="oculta"):
        graficos.figura_dropout(0.5, tamanhos=(3, 2))


def test_painel_dropout_reamostra():
    painel = interativo.Painel(graficos.figura_dropout, p=interativo.deslizante("p", 0.0, 0.9, passo=0.05, valor=0.5),
                               semente=interativo.deslizante_inteiro("sorteio", 0, 50, valor=0))
    assert painel.resultado["desligados"] == 6
    painel.definir(semente=1)
    novas = esparsidade.mascaras_dropout([4, 8, 8, 3], 0.5, semente=1)
    assert all(np.array_equal(a, b) for a, b in zip(painel.resultado["mascaras"], novas))


def test_votacao_e_curvas():
    melhor = graficos.figura_votacao([0.89, 0.90, 0.905], {1: 0.9, 5: 0.915, 21: 0.92}, 0.925)
    assert melhor == 0.92
    with pytest.raises(ValueError):
        graficos.figura_votacao([0.9], {}, 0.9)
    historicos = {"sem": HistoricoFalso(acuracia_validacao=[0.8, 0.9], custo_validacao=[0.5, 0.4]),
                  "com": HistoricoFalso(acuracia_validacao=[0.7, 0.92], custo_validacao=[0.6, 0.35])}
    finais = graficos.figura_curvas_dropout(historicos)
    assert finais == {"sem": 0.9, "com": 0.92}
    linhas = plt.gcf().axes[0].get_lines()
    assert [l.get_linestyle() for l in linhas] == ["-", "--"] and linhas[0].get_color() == linhas[1].get_color()


def test_campos_receptivos():
    rng = np.random.default_rng(0)
    W = esparsidade.limiar_suave(rng.normal(0, 0.1, (784, 8)), 0.1)
    zeros = graficos.figura_campos_receptivos({"L2": rng.normal(0, 0.1, (784, 8)), "L1": W}, neuronios=4)
    assert zeros["L2"] == 0.0 and zeros["L1"] == pytest.approx(np.mean(W[:, :4] == 0))
    assert len(plt.gcf().axes) == 8
    with pytest.raises(ValueError, match="784"):
        graficos.figura_campos_receptivos({"x": np.zeros((10, 3))})
