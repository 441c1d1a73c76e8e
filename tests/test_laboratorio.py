"""Testes do laboratório de treino do capítulo 12 (`redes.laboratorio`), com dados sintéticos pequenos."""
import numpy as np
import pytest

from redes import dados, laboratorio, modelo, treino


@pytest.fixture(scope="module")
def nuvens():
    """Três nuvens em 2-D: 300 exemplos de treino e 150 de avaliação."""
    X, y = dados.gaussianas(300, classes=3, ruido=0.4, semente=0, distancia=2.0)
    Xa, ya = dados.gaussianas(150, classes=3, ruido=0.4, semente=1, distancia=2.0)
    ordem = np.random.default_rng(0).permutation(300)          # as nuvens vêm agrupadas por classe
    return X[ordem], y[ordem], Xa, ya


# ------------------------------------------------------------- acurácia e erros

def test_acuracia_com_saidas_e_com_classes():
    saidas = np.array([[0.9, 0.1, 0.0], [0.2, 0.7, 0.1], [0.3, 0.3, 0.4], [0.5, 0.1, 0.4]])
    rotulos = np.array([0, 1, 1, 2])
    assert laboratorio.acuracia(saidas, rotulos) == 0.5
    assert laboratorio.acuracia(np.array([0, 1, 2, 0]), rotulos) == 0.5       # classes já prontas
    assert laboratorio.acuracia(np.array([0.0, 1.0, 1.0, 2.0]), rotulos) == 1.0  # floats inteiros servem
    assert laboratorio.acuracia(saidas, rotulos.tolist()) == 0.5


def test_erros_de_classificacao():
    saidas = np.eye(4)[[0, 3, 2, 1, 1]]
    erros = laboratorio.erros_de_classificacao(saidas, [0, 1, 2, 3, 1])
    assert erros.indices.tolist() == [1, 3]
    assert erros.previstos.tolist() == [3, 1] and erros.verdadeiros.tolist() == [1, 3]
    indices, previstos, verdadeiros = erros                              # desempacota como tupla
    assert indices.size == 2
    vazio = laboratorio.erros_de_classificacao(saidas, [0, 3, 2, 1, 1])
    assert vazio.indices.size == 0 and vazio.previstos.size == 0


@pytest.mark.parametrize("saidas,rotulos,mensagem", [
    (np.zeros((3, 2)), [0, 1], r"forma \(3,\)"),
    (np.zeros((2, 2, 2)), [0, 1], r"forma \(m, k\) ou \(m,\)"),
    (np.array([0.5, 1.0]), [0, 1], "fracionários"),
    (np.zeros((2, 2)), [0.5, 1], "rótulos inteiros"),
    (np.zeros((0, 3)), [], "pelo menos um exemplo"),
])
def test_acuracia_valida_entradas(saidas, rotulos, mensagem):
    with pytest.raises(ValueError, match=mensagem):
        laboratorio.acuracia(saidas, rotulos)


def test_acuracia_recusa_texto():
    with pytest.raises(TypeError, match="esperava números"):
        laboratorio.acuracia("abc", [0])


# ------------------------------------------------------------- treino

def test_treinar_mlp_aprende_as_nuvens(nuvens):
    X, y, Xa, ya = nuvens
    r = laboratorio.treinar_mlp(X, y, Xa, ya, ocultos=8, taxa=3.0, minilote=10, epocas=15)
    assert isinstance(r, laboratorio.ResultadoTreino)
    assert r.acuracia_final >= 0.95
    assert len(r.historico["acuracia_validacao"]) == 15 and len(r.historico["custo"]) == 15
    assert r.historico["acuracia_validacao"][-1] == pytest.approx(r.acuracia_final)
    assert r.historico["custo"][-1] < r.historico["custo"][0]
    assert r.erros.indices.size == round((1 - r.acuracia_final) * len(ya))
    assert np.all(r.erros.previstos != r.erros.verdadeiros)
    assert np.array_equal(r.erros.verdadeiros, ya[r.erros.indices])
    assert r.configuracao == {"tamanhos": [2, 8, 3], "taxa": 3.0, "minilote": 10, "epocas": 15,
                              "exemplos": 300, "semente": 0}


def test_treinar_mlp_e_a_receita_de_nielsen_na_biblioteca(nuvens):
    """O mesmo que montar `mlp(..., "grande")` e chamar `treinar(..., "quadratico")` à mão."""
    X, y, Xa, ya = nuvens
    r = laboratorio.treinar_mlp(X, y, Xa, ya, ocultos=6, taxa=1.0, minilote=5, epocas=3, exemplos=120, semente=4)
    rede = modelo.mlp([2, 6, 3], "sigmoide", "sigmoide", "grande", semente=4)
    h = treino.treinar(rede, (X[:120], y[:120]), "quadratico", 1.0, epocas=3, tamanho_lote=5,
                       validacao=(Xa, ya), semente=4, progresso=False)
    assert r.historico["acuracia_validacao"] == h["acuracia_validacao"]
    assert r.historico["custo"] == h["custo"]


def test_treinar_mlp_e_deterministico_e_usa_os_primeiros_exemplos(nuvens):
    X, y, Xa, ya = nuvens
    a = laboratorio.treinar_mlp(X, y, Xa, ya, ocultos=5, epocas=2, exemplos=100, semente=3)
    b = laboratorio.treinar_mlp(X[:100], y[:100], Xa, ya, ocultos=5, epocas=2, semente=3)
    assert a.historico["custo"] == b.historico["custo"] and a.acuracia_final == b.acuracia_final
    c = laboratorio.treinar_mlp(X, y, Xa, ya, ocultos=5, epocas=2, exemplos=100, semente=4)
    assert c.historico["custo"] != a.historico["custo"]


def test_treinar_mlp_chama_ao_fim_da_epoca(nuvens):
    X, y, Xa, ya = nuvens
    vistas = []
    r = laboratorio.treinar_mlp(X, y, Xa, ya, ocultos=4, epocas=3, ao_fim_da_epoca=lambda t, m: vistas.append((t, m)))
    assert [t for t, _ in vistas] == [0, 1, 2]
    assert {"custo", "acuracia", "custo_validacao", "acuracia_validacao"} <= set(vistas[-1][1])
    assert vistas[-1][1]["acuracia_validacao"] == r.acuracia_final


def test_treinar_mlp_com_dez_classes_fixas(nuvens):
    X, y, Xa, ya = nuvens
    r = laboratorio.treinar_mlp(X, y, Xa, ya, ocultos=4, epocas=1, classes=10)
    assert r.configuracao["tamanhos"] == [2, 4, 10]


@pytest.mark.parametrize("mudanca,erro,mensagem", [
    ({"exemplos": 301}, ValueError, "só tem 300"),
    ({"taxa": 0.0}, ValueError, "maior que 0"),
    ({"ocultos": 0}, ValueError, "pelo menos 1"),
    ({"minilote": 2.5}, TypeError, "inteiro"),
    ({"epocas": "3"}, TypeError, "inteiro"),
    ({"classes": 2}, ValueError, "fora do intervalo"),
    ({"ao_fim_da_epoca": 3}, TypeError, "função"),
])
def test_treinar_mlp_valida_hiperparametros(nuvens, mudanca, erro, mensagem):
    X, y, Xa, ya = nuvens
    argumentos = dict(ocultos=4, taxa=1.0, minilote=10, epocas=1)
    argumentos.update(mudanca)
    with pytest.raises(erro, match=mensagem):
        laboratorio.treinar_mlp(X, y, Xa, ya, **argumentos)


def test_treinar_mlp_valida_dados(nuvens):
    X, y, Xa, ya = nuvens
    with pytest.raises(ValueError, match=r"forma \(m, 2\)"):
        laboratorio.treinar_mlp(X, y, np.zeros((5, 3)), np.zeros(5, dtype=int), epocas=1)
    with pytest.raises(ValueError, match=r"forma \(300,\)"):
        laboratorio.treinar_mlp(X, y[:10], Xa, ya, epocas=1)
    with pytest.raises(ValueError, match="2 eixos"):
        laboratorio.treinar_mlp(X[0], y, Xa, ya, epocas=1)
