"""Testes das figuras de treino do capítulo 12, com dados sintéticos (não precisam do MNIST)."""
import matplotlib

matplotlib.use("Agg")
from functools import partial  # noqa: E402

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from redes import graficos, interativo, laboratorio  # noqa: E402


@pytest.fixture(autouse=True)
def fechar_figuras():
    yield
    plt.close("all")


HISTORICO = {"custo": [0.3, 0.2, 0.15], "acuracia": [0.5, 0.7, 0.8],
             "custo_validacao": [0.25, 0.18, 0.16], "acuracia_validacao": [0.6, 0.75, 0.82]}


@pytest.fixture(scope="module")
def digitos():
    """Dígitos de brinquedo 28×28: a classe d acende a faixa de linhas 2d a 2d + 5, com ruído."""
    rng = np.random.default_rng(0)

    def gerar(m):
        y = rng.integers(0, 10, size=m)
        X = rng.random((m, 28, 28)).astype(np.float32) * 0.3
        for i, d in enumerate(y):
            X[i, 2 * d:2 * d + 6, 4:24] += 0.7
        return X.reshape(m, 784), y
    X, y = gerar(400)
    Xa, ya = gerar(100)
    return X, y, Xa, ya


# ------------------------------------------------------------- curvas

def test_curvas_de_um_historico():
    curvas = graficos.curvas_de_treino(HISTORICO, ("acuracia", "acuracia_validacao"))
    assert list(curvas) == ["acurácia (treino)", "acurácia (validação)"]
    np.testing.assert_allclose(curvas["acurácia (validação)"], [60, 75, 82])        # em porcentagem
    ax = plt.gca()
    assert [list(l.get_xdata()) for l in ax.lines] == [[1, 2, 3], [1, 2, 3]]       # épocas contadas do 1
    assert ax.get_ylabel() == "acurácia (%)" and ax.get_xlabel() == "época"


def test_curvas_de_varios_historicos_e_de_resultados():
    outro = {k: [v * 0.9 for v in vs] for k, vs in HISTORICO.items()}
    resultado = laboratorio.ResultadoTreino(outro, 0.74, laboratorio.ErrosDeClassificacao(*[np.array([])] * 3), {})
    curvas = graficos.curvas_de_treino({"η = 3": HISTORICO, "η = 0,001": resultado}, "custo")
    assert list(curvas) == ["η = 3", "η = 0,001"]
    np.testing.assert_allclose(curvas["η = 0,001"], [0.27, 0.18, 0.135])            # custos ficam como estão
    assert plt.gca().get_ylabel() == "custo"
    assert [t.get_text() for t in plt.gca().get_legend().get_texts()] == ["η = 3", "η = 0,001"]


def test_curvas_aceitam_um_historico_da_biblioteca():
    from redes import modelo, treino
    rede = modelo.mlp([2, 3, 2], inicializacao="grande")
    h = treino.treinar(rede, (np.eye(2), [0, 1]), "quadratico", 1.0, epocas=4, tamanho_lote=2, progresso=False)
    curvas = graficos.curvas_de_treino(h, "custo")
    np.testing.assert_allclose(curvas["custo (treino)"], h["custo"])


def test_curvas_validam_entradas():
    with pytest.raises(ValueError, match="medida desconhecida"):
        graficos.curvas_de_treino(HISTORICO, "perda")
    with pytest.raises(ValueError, match="não tem 'acuracia_validacao'"):
        graficos.curvas_de_treino({"a": {"custo": [1.0]}}, "acuracia_validacao")
    with pytest.raises(TypeError, match="esperava um histórico"):
        graficos.curvas_de_treino({"a": 3}, "custo")
    with pytest.raises(ValueError, match="pelo menos um histórico"):
        graficos.curvas_de_treino({}, "custo")


def test_figura_curvas_de_treino_tem_um_painel_por_grupo():
    paineis = graficos.figura_curvas_de_treino(HISTORICO)
    assert list(paineis) == [("custo", "custo_validacao"), ("acuracia", "acuracia_validacao")]
    assert len(plt.gcf().axes) == 2
    assert list(paineis[("custo", "custo_validacao")]) == ["custo (treino)", "custo (validação)"]
    um = graficos.figura_curvas_de_treino(HISTORICO, paineis=["acuracia_validacao"])
    assert list(um) == [("acuracia_validacao",)]


# ------------------------------------------------------------- galeria

def test_galeria_de_erros_escreve_rotulo_e_resposta(digitos):
    X, y, _, _ = digitos
    erros = laboratorio.ErrosDeClassificacao(np.array([3, 10, 42]), np.array([7, 1, 0]), y[[3, 10, 42]])
    mostrados = graficos.galeria_de_erros(X, erros, colunas=2)
    assert mostrados == [(3, int(y[3]), 7), (10, int(y[10]), 1), (42, int(y[42]), 0)]
    ax = plt.gcf().axes[0]
    assert ax.images[0].get_array().shape == (2 * 30, 2 * 30)                          # 2 linhas × 2 colunas
    np.testing.assert_allclose(ax.images[0].get_array()[1:29, 1:29], X[3].reshape(28, 28))
    textos = [t.get_text() for t in ax.texts]
    assert textos == [str(v) for v in y[[3, 10, 42]]] + ["7", "1", "0"]               # certos, depois respostas
    assert "azul" in ax.get_title()


def test_galeria_de_erros_limita_e_aceita_tupla(digitos):
    X, y, _, _ = digitos
    indices = np.arange(30)
    mostrados = graficos.galeria_de_erros(X, (indices, (y[:30] + 1) % 10, y[:30]), maximo=12)
    assert len(mostrados) == 12 and mostrados[-1][0] == 11


def test_galeria_sem_erros(digitos):
    X, _, _, _ = digitos
    vazio = np.array([], dtype=int)
    assert graficos.galeria_de_erros(X, (vazio, vazio, vazio)) == []
    assert "nenhum erro" in plt.gcf().axes[0].texts[0].get_text()


def test_galeria_valida_entradas(digitos):
    X, _, _, _ = digitos
    with pytest.raises(ValueError, match="mesma forma"):
        graficos.galeria_de_erros(X, (np.array([1, 2]), np.array([1]), np.array([3, 4])))
    with pytest.raises(TypeError, match="indices, previstos, verdadeiros"):
        graficos.galeria_de_erros(X, 3)
    with pytest.raises(ValueError, match="entre 1 e 400"):
        graficos.galeria_de_erros(X, (np.array([1]), np.array([1]), np.array([2])), maximo=0)


# ------------------------------------------------------------- linhas de base

def test_barras_linhas_de_base_ordena_e_destaca():
    itens = graficos.barras_linhas_de_base({"recorde": 99.79, "acaso": 10, "nossa rede": 95.25},
                                           destaque=["nossa rede"])
    assert itens == [("acaso", 10.0), ("nossa rede", 95.25), ("recorde", 99.79)]
    ax = plt.gca()
    larguras = [p.get_width() for p in ax.patches]
    assert larguras == [10.0, 95.25, 99.79]
    cores = [matplotlib.colors.to_hex(p.get_facecolor()) for p in ax.patches]
    assert cores[1] == graficos.CORES["laranja"].lower() and cores[0] == graficos.CORES["azul"].lower()
    assert [t.get_text() for t in ax.texts] == ["10,00 %", "95,25 %", "99,79 %"]


@pytest.mark.parametrize("entrada", [{"a": 101}, {"a": -1}, {"a": "95"}, {"a": True}])
def test_barras_recusam_porcentagens_invalidas(entrada):
    with pytest.raises(ValueError, match="porcentagem"):
        graficos.barras_linhas_de_base(entrada)


def test_barras_recusam_vazio():
    with pytest.raises(TypeError, match="dicionário"):
        graficos.barras_linhas_de_base({})


# ------------------------------------------------------------- laboratório e painel

def test_laboratorio_treina_mostra_e_devolve(digitos, capsys):
    X, y, Xa, ya = digitos
    r = graficos.laboratorio_de_treino(X, y, Xa, ya, ocultos=10, taxa=3.0, minilote=10, epocas=3, exemplos=400)
    saida = capsys.readouterr().out
    assert saida.count("% na validação, custo de treino") == 3                          # uma linha por época
    assert "[784, 10, 10], η = 3, minilote 10, 400 imagens, 3 épocas" in saida
    assert isinstance(r, laboratorio.ResultadoTreino) and r.acuracia_final > 0.5        # o acaso daria 10 %
    assert len(plt.get_fignums()) == 2                                                  # curvas e galeria
    sem_progresso = graficos.laboratorio_de_treino(X, y, Xa, ya, ocultos=10, epocas=3, exemplos=400, ao_vivo=False)
    assert "época" not in capsys.readouterr().out.split("[784")[0]
    assert sem_progresso.historico["custo"] == r.historico["custo"]                      # o mesmo treino


def test_painel_do_laboratorio(digitos, capsys):
    X, y, Xa, ya = digitos
    painel = interativo.Painel(
        partial(graficos.laboratorio_de_treino, X, y, Xa, ya, ao_vivo=False),
        botao="Treinar",
        ocultos=interativo.deslizante_inteiro("ocultos", 10, 100, valor=10),
        taxa=interativo.deslizante_log("η", 0.01, 10.0, valor=3.0),
        minilote=interativo.deslizante_opcoes("minilote", [1, 5, 10, 20, 50, 100], valor=10),
        epocas=interativo.deslizante_inteiro("épocas", 1, 5, valor=2),
        exemplos=interativo.deslizante_inteiro("imagens", 100, 400, valor=200, passo=100),
    )
    assert painel.chamadas == 1 and painel.erro is None
    assert painel.resultado.configuracao["exemplos"] == 200
    painel.definir(minilote=50, epocas=1)
    assert painel.chamadas == 2
    assert painel.valores["minilote"] == 50 and painel.resultado.configuracao["minilote"] == 50
    assert len(painel.resultado.historico["custo"]) == 1
