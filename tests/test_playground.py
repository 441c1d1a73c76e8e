"""Testes de redes.playground: dados, atributos, configuração, passo de treino, grades e configurações prontas."""
import numpy as np
import pytest

from redes import custos, playground as P, treino
from redes.modelo import mlp


def test_atributos_na_ordem_pedida():
    X = np.array([[2.0, -3.0], [0.5, 1.0]])
    A = P.atributos(X, ("x1x2", "x1_2", "sen_x2", "x1"))
    np.testing.assert_allclose(A[0], [-6.0, 4.0, np.sin(-3.0), 2.0])
    assert P.atributos(X, tuple(P.ATRIBUTOS)).shape == (2, 7)
    with pytest.raises(ValueError, match="desconhecidos"):
        P.atributos(X, ("x3",))
    with pytest.raises(ValueError, match="plano"):
        P.atributos(np.zeros((3, 3)), ("x1",))


@pytest.mark.parametrize("dados", P.CONJUNTOS)
def test_dados_no_quadrado_e_divisao(dados):
    cfg = P.Configuracao(dados=dados, proporcao_treino=0.3, ruido=0.1)
    Xtr, ytr, Xte, yte = P.gerar_dados(cfg)
    total = len(Xtr) + len(Xte)
    assert total in (498, 500) and len(Xtr) == round(0.3 * total)
    assert np.abs(np.concatenate([Xtr, Xte])).max() < 9
    if not cfg.regressao:
        assert set(np.unique(np.concatenate([ytr, yte]))) == set(range(cfg.classes))
    # mesma semente, mesmos dados
    np.testing.assert_array_equal(P.gerar_dados(cfg)[0], Xtr)


def test_configuracao_valida_e_codigo_reproduz():
    with pytest.raises(ValueError, match="até 6 camadas"):
        P.Configuracao(camadas=(9,))
    with pytest.raises(ValueError, match="ativação"):
        P.Configuracao(ativacao="softplus")
    with pytest.raises(ValueError, match="taxa"):
        P.Configuracao(taxa=0)
    cfg = P.Configuracao(dados="xor", atributos=("x1", "x1x2"), camadas=(3,), otimizador="momentum",
                         regularizacao="L2", taxa_regularizacao=0.01)
    assert cfg.tamanhos == [2, 3, 2]
    espaco = {}
    exec(cfg.como_codigo().replace("pg.passo(epocas=100)", "pg.passo(epocas=3)"), espaco)
    assert espaco["cfg"] == cfg
    assert espaco["pg"].epoca == 3


def test_um_passo_igual_ao_treinar_da_biblioteca():
    """Com SGD e lote = treino inteiro (sem sorteio que importe), uma época do Playground = treinar(epocas=1)."""
    cfg = P.Configuracao(dados="circulos", camadas=(4, 2), tamanho_lote=250, taxa=0.1)
    pg = P.Playground(cfg)
    modelo = mlp(cfg.tamanhos, ativacao="tanh", saida=None, inicializacao="glorot", semente=0, tipo="float64")
    treino.treinar(modelo, (pg.A_treino, pg.y_treino), custos.SoftmaxLogVerossimilhanca(), 0.1, epocas=1,
                   tamanho_lote=250, progresso=False)
    pg.passo()
    for a, b in zip(pg.modelo.parametros(), modelo.parametros()):
        np.testing.assert_allclose(a, b, rtol=1e-10, atol=1e-12)
    assert pg.epoca == 1 and len(pg.custo_teste) == 2


def test_regularizacao_como_no_original():
    cfg = P.Configuracao(regularizacao="L2", taxa_regularizacao=0.03, proporcao_treino=0.5)
    reg = P.criar_regularizacao(cfg, 250)
    np.testing.assert_allclose(reg.gradiente(np.array([2.0]), 250), [0.06])
    assert P.criar_regularizacao(P.Configuracao(regularizacao="L1", taxa_regularizacao=0.0), 250) is None


def test_grades_e_estado():
    pg = P.Playground(P.Configuracao(dados="espiral3", camadas=(3, 2)), resolucao=20)
    assert pg.grade_saida().shape == (20, 20, 3)
    np.testing.assert_allclose(pg.grade_saida().sum(axis=2), 1.0)
    formas = [g.shape for g in pg.grades_neuronios()]
    assert formas == [(3, 20, 20), (2, 20, 20)]
    assert pg.grades_atributos().shape == (2, 20, 20)
    pg.passo(2)
    e = pg.estado
    assert e["época"] == 2 and 0 <= e["acuracia_teste"] <= 1 and e["configuracao"]["dados"] == "espiral3"
    pg.reiniciar(novos_dados=False)
    assert pg.epoca == 0 and len(pg.custo_treino) == 1
    binaria = P.Playground(P.Configuracao(custo="quadratico"), resolucao=10)
    assert binaria.grade_saida().shape == (10, 10) and np.abs(binaria.grade_saida()).max() <= 1
    assert P.Playground(P.Configuracao(camadas=()), resolucao=10).grades_neuronios() == []


def test_configurar_refaz_dados_so_quando_preciso():
    pg = P.Playground(resolucao=10)
    X = pg.X_treino
    pg.configurar(camadas=(2,))
    assert pg.X_treino is X
    pg.configurar(ruido=0.2)
    assert pg.X_treino is not X


def test_presets_contam_a_historia():
    sem = P.treinar(P.preset("xor_sem_x1x2"), 100)
    com = P.treinar(P.preset("xor_com_x1x2"), 100)
    assert sem.acuracia("teste") < 0.8 and com.acuracia("teste") > 0.98
    desafio = P.treinar(P.preset("desafio_espiral"), 100)
    resolvida = P.treinar(P.preset("espiral_resolvida"), 100)
    assert desafio.acuracia("teste") < 0.75 and resolvida.acuracia("teste") > 0.95
    diverge = P.treinar(P.preset("taxa_que_diverge"), 20)
    assert diverge.divergiu and not P.treinar(P.preset("taxa_que_converge"), 20).divergiu
    with pytest.raises(ValueError, match="desconhecida"):
        P.preset("nada")


def test_saida_discretizada():
    binaria = P.Playground(P.preset("xor_com_x1x2"), resolucao=12).passo(20)
    continua, discreta = binaria.grade_saida(), binaria.grade_saida_discretizada()
    assert set(np.unique(discreta)) <= {-1.0, 0.0, 1.0}
    np.testing.assert_array_equal(discreta, np.sign(continua))
    assert 0 < (discreta > 0).mean() < 1                                    # as duas classes aparecem
    tres = P.Playground(P.Configuracao(dados="espiral3", camadas=(4,)), resolucao=8).passo(2)
    d3 = tres.grade_saida_discretizada()
    assert d3.shape == (8, 8, 3) and set(np.unique(d3)) == {0.0, 1.0}
    np.testing.assert_array_equal(d3.sum(axis=2), 1.0)                     # uma classe por ponto
    np.testing.assert_array_equal(d3.argmax(axis=2), tres.grade_saida().argmax(axis=2))
    regressao = P.Playground(P.Configuracao(dados="bolha"), resolucao=6)
    np.testing.assert_array_equal(regressao.grade_saida_discretizada(), regressao.grade_saida())
