"""Custos: valores conhecidos, gradientes contra diferenças finitas, estabilidade numérica e erros."""
import math
import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from redes import ativacoes, custos
from redes.camadas import Ativacao
from redes.gradiente import conferir_custo

POUCOS = settings(max_examples=15, deadline=None, database=None, derandomize=True)


def test_valores_conhecidos():
    # Nielsen: C = 1/(2n) Σ ||y - a||², com o fator 1/2
    assert custos.ErroQuadratico().valor([[1.0, 0.0]], [[0.0, 0.0]]) == 0.5
    assert custos.ErroQuadratico().valor([[1.0, 0.0], [0.0, 0.0]], [[0.0, 0.0], [0.0, 0.0]]) == 0.25
    # o exemplo do livro: p = (0, 1, 0), q = (0,228; 0,619; 0,153) → H = -ln 0,619 = 0,4797 (o livro trunca em 0,479)
    assert custos.EntropiaCruzadaCategorica().valor([[0.228, 0.619, 0.153]], [1]) == pytest.approx(0.4797, abs=1e-4)
    binaria = custos.EntropiaCruzadaBinaria().valor([[0.8]], [[1.0]])
    assert binaria == pytest.approx(-math.log(0.8))
    assert custos.EntropiaCruzadaBinaria().valor([[0.8, 0.1]], [[1.0, 0.0]]) == pytest.approx(-math.log(0.8) - math.log(0.9))


def test_versoes_fundidas_igualam_as_separadas():
    rng = np.random.default_rng(0)
    Z = rng.normal(size=(6, 4))
    y = rng.integers(0, 4, 6)
    fundido = custos.SoftmaxLogVerossimilhanca()
    assert fundido.valor(Z, y) == pytest.approx(custos.EntropiaCruzadaCategorica().valor(ativacoes.softmax(Z), y))
    # o gradiente simples (a - y)/m é o mesmo que passar pela softmax com a regra da cadeia
    camada = Ativacao("softmax", tipo="float64")
    A = camada.forward(Z)
    pela_cadeia = camada.backward(custos.EntropiaCruzadaCategorica().gradiente(A, y))
    np.testing.assert_allclose(fundido.gradiente(Z, y), pela_cadeia, atol=1e-12)
    np.testing.assert_allclose(fundido.gradiente(Z, y), (ativacoes.softmax(Z) - np.eye(4)[y]) / 6)
    Y = rng.integers(0, 2, (6, 4)).astype(float)
    sig = custos.SigmoideEntropiaCruzada()
    assert sig.valor(Z, Y) == pytest.approx(custos.EntropiaCruzadaBinaria().valor(ativacoes.sigmoide(Z), Y))
    np.testing.assert_allclose(sig.gradiente(Z, Y), (ativacoes.sigmoide(Z) - Y) / 6)
    np.testing.assert_allclose(fundido.saida(Z), ativacoes.softmax(Z))
    np.testing.assert_allclose(sig.saida(Z), ativacoes.sigmoide(Z))


@pytest.mark.parametrize("nome", list(custos.CUSTOS))
@POUCOS
@given(m=st.integers(1, 6), k=st.integers(1, 5), semente=st.integers(0, 2**16))
def test_gradientes_conferem(nome, m, k, semente):
    custo = custos.obter(nome)
    if nome == "softmax_log_verossimilhanca":
        k = max(k, 2)  # a softmax de uma saída só é a constante 1 (custo e gradiente nulos)
    rng = np.random.default_rng(semente)
    if custo.recebe_potencial:
        a = 3 * rng.standard_normal((m, k))
    else:
        a = rng.uniform(0.05, 0.95, (m, k))
    if nome in ("softmax_log_verossimilhanca", "entropia_cruzada_categorica"):
        y = rng.dirichlet(np.ones(k), size=m)            # distribuições (linhas que somam 1)
    elif nome == "quadratico":
        y = rng.normal(size=(m, k))
    else:
        y = rng.uniform(0, 1, (m, k))
    assert conferir_custo(custo, a, y) < 1e-7


def test_rotulos_inteiros_igual_one_hot():
    a = np.random.default_rng(1).uniform(0.1, 0.9, (5, 3))
    y = np.array([0, 2, 1, 1, 0])
    for nome in custos.CUSTOS:
        c = custos.obter(nome)
        assert c.valor(a, y) == pytest.approx(c.valor(a, np.eye(3)[y]))
        np.testing.assert_allclose(c.gradiente(a, y), c.gradiente(a, np.eye(3)[y]))
    # com uma saída só, um vetor (m,) vira a coluna (m, 1)
    um = custos.EntropiaCruzadaBinaria()
    assert um.valor([[0.3], [0.6]], [0, 1]) == pytest.approx(um.valor([[0.3], [0.6]], [[0], [1]]))


def test_estavel_nos_extremos():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fundido = custos.SoftmaxLogVerossimilhanca()
        assert fundido.valor([[1000.0, 0.0]], [0]) == pytest.approx(0.0, abs=1e-12)
        assert fundido.valor([[1000.0, 0.0]], [1]) == pytest.approx(1000.0)
        assert np.all(np.isfinite(fundido.gradiente([[1000.0, -1000.0]], [1])))
        sig = custos.SigmoideEntropiaCruzada()
        assert sig.valor([[800.0]], [[0.0]]) == pytest.approx(800.0)
        assert sig.valor([[-800.0]], [[0.0]]) == pytest.approx(0.0, abs=1e-12)
        binaria = custos.EntropiaCruzadaBinaria()
        assert math.isfinite(binaria.valor([[1.0, 0.0]], [[0.0, 1.0]]))      # log(0) evitado pelo corte
        assert np.all(np.isfinite(binaria.gradiente([[1.0, 0.0]], [[0.0, 1.0]])))
        cat = custos.EntropiaCruzadaCategorica()
        assert math.isfinite(cat.valor([[0.0, 1.0]], [0]))
    a32 = np.array([[0.2, 0.8]], dtype=np.float32)
    assert custos.EntropiaCruzadaCategorica().gradiente(a32, [1]).dtype == np.float32


def test_erros_em_portugues():
    c = custos.SoftmaxLogVerossimilhanca()
    with pytest.raises(ValueError, match="rótulo 10 fora do intervalo em `y`: com 10 saídas os rótulos vão de 0 a 9"):
        c.valor(np.zeros((2, 10)), [3, 10])
    with pytest.raises(ValueError, match="rótulo -1 fora do intervalo"):
        c.valor(np.zeros((2, 10)), [-1, 0])
    with pytest.raises(ValueError, match="esperava rótulos inteiros"):
        c.valor(np.zeros((2, 3)), [0.5, 1.0])
    with pytest.raises(ValueError, match=r"esperava y com forma \(2, 3\) ou rótulos com forma \(2,\), recebi \(3,\)"):
        c.valor(np.zeros((2, 3)), [0, 1, 2])
    with pytest.raises(ValueError, match=r"esperava y com forma \(2, 3\).*recebi \(2, 2\)"):
        custos.ErroQuadratico().valor(np.zeros((2, 3)), np.zeros((2, 2)))
    with pytest.raises(ValueError, match="`a` contém NaN"):
        custos.ErroQuadratico().valor([[np.nan]], [[0.0]])
    with pytest.raises(ValueError, match="o lote `a` está vazio"):
        custos.ErroQuadratico().valor(np.zeros((0, 2)), np.zeros((0, 2)))
    with pytest.raises(ValueError, match="esperava probabilidades entre 0 e 1 em `a`"):
        custos.EntropiaCruzadaBinaria().valor([[1.5]], [[1.0]])
    with pytest.raises(ValueError, match="esperava alvos entre 0 e 1 em `y`"):
        custos.EntropiaCruzadaBinaria().valor([[0.5]], [[2.0]])
    with pytest.raises(ValueError, match="a linha 1 soma 0.5"):
        c.valor(np.zeros((2, 2)), [[1.0, 0.0], [0.25, 0.25]])
    with pytest.raises(TypeError, match="esperava números em `y`"):
        custos.ErroQuadratico().valor([[0.0]], ["a"])
    with pytest.raises(ValueError, match="opções: .*quadratico"):
        custos.obter("mse")
    assert isinstance(custos.obter(custos.ErroQuadratico), custos.ErroQuadratico)
