"""Otimizadores (um passo calculado à mão para cada um), agendas da taxa, regularização e inicialização."""
import math

import numpy as np
import pytest

from redes import agendas, inicializacao, otimizadores, regularizacao
from redes.modelo import Sequencial
from redes.camadas import Densa

G = np.array([0.5, 0.1])


def dois_passos(otimizador):
    w = np.array([1.0, -2.0])
    otimizador.passo([w], [G])
    primeiro = w.copy()
    otimizador.passo([w], [G])
    return primeiro, w


def test_sgd_a_mao():
    primeiro, segundo = dois_passos(otimizadores.SGD(0.1))
    np.testing.assert_allclose(primeiro, [0.95, -2.01])        # w - 0,1·g
    np.testing.assert_allclose(segundo, [0.90, -2.02])


def test_momentum_a_mao():
    primeiro, segundo = dois_passos(otimizadores.Momentum(0.1, mu=0.9))
    # v1 = -0,1·g = (-0,05; -0,01); v2 = 0,9·v1 - 0,1·g = (-0,095; -0,019)
    np.testing.assert_allclose(primeiro, [0.95, -2.01])
    np.testing.assert_allclose(segundo, [0.855, -2.029])
    _, sem_atrito = dois_passos(otimizadores.Momentum(0.1, mu=0.0))
    np.testing.assert_allclose(sem_atrito, dois_passos(otimizadores.SGD(0.1))[1])   # μ = 0 é o SGD


def test_nesterov_a_mao():
    primeiro, segundo = dois_passos(otimizadores.Nesterov(0.1, mu=0.9))
    # passo 1: v = (-0,05; -0,01); w += 0,9·v - 0,1·g = (-0,095; -0,019)
    np.testing.assert_allclose(primeiro, [0.905, -2.019])
    # passo 2: v = (-0,095; -0,019); w += 0,9·v - 0,1·g = (-0,1355; -0,0271)
    np.testing.assert_allclose(segundo, [0.7695, -2.0461])


def test_adagrad_a_mao():
    primeiro, segundo = dois_passos(otimizadores.AdaGrad(0.1, eps=1e-8))
    # G = g²: o passo vale 0,1·g/|g| = 0,1 em cada coordenada; depois G = 2g²: 0,1/√2
    np.testing.assert_allclose(primeiro, [0.9, -2.1], rtol=1e-7)
    np.testing.assert_allclose(segundo, [0.9 - 0.1 / math.sqrt(2), -2.1 - 0.1 / math.sqrt(2)], rtol=1e-7)


def test_rmsprop_a_mao():
    primeiro, segundo = dois_passos(otimizadores.RMSProp(0.1, rho=0.9, eps=1e-8))
    # s = 0,1·g²: passo 0,1·g/(√0,1·|g|) = 0,1/√0,1 = 0,316228; depois s = 0,19·g²: 0,1/√0,19
    np.testing.assert_allclose(primeiro, [1 - 0.316228, -2 - 0.316228], rtol=1e-6)
    np.testing.assert_allclose(segundo, primeiro - 0.1 / math.sqrt(0.19) * np.sign(G), rtol=1e-6)


def test_adam_a_mao():
    primeiro, segundo = dois_passos(otimizadores.Adam(0.1, eps=1e-8))
    # com g constante, m̂ = g e v̂ = g²: cada passo anda η·g/|g| = 0,1
    np.testing.assert_allclose(primeiro, [0.9, -2.1], rtol=1e-7)
    np.testing.assert_allclose(segundo, [0.8, -2.2], rtol=1e-7)
    # e coincide com a fórmula do livro (com m̂ e v̂ explícitos) num gradiente variável
    rng = np.random.default_rng(0)
    w, ref = np.zeros(3), np.zeros(3)
    m = v = np.zeros(3)
    adam = otimizadores.Adam(0.01)
    for t in range(1, 6):
        g = rng.normal(size=3)
        adam.passo([w], [g])
        m, v = 0.9 * m + 0.1 * g, 0.999 * v + 0.001 * g * g
        ref = ref - 0.01 * (m / (1 - 0.9 ** t)) / (np.sqrt(v / (1 - 0.999 ** t)) + 1e-8)
    np.testing.assert_allclose(w, ref, rtol=1e-9)


@pytest.mark.parametrize("classe", list(otimizadores.OTIMIZADORES.values()))
def test_todos_minimizam_uma_tigela(classe):
    A = np.diag([1.0, 10.0])
    w = np.array([3.0, -2.0])
    taxa = 0.5 if classe is otimizadores.AdaGrad else 0.05
    otimizador = classe(taxa)
    for _ in range(500):
        otimizador.passo([w], [A @ w])
    assert np.linalg.norm(w) < 0.05, (classe.__name__, w)


def test_float32_fica_float32():
    w = np.ones(4, dtype=np.float32)
    for classe in otimizadores.OTIMIZADORES.values():
        classe(0.1).passo([w], [np.ones(4)])
        assert w.dtype == np.float32


def test_agendas():
    assert agendas.Constante(0.5)(99) == 0.5
    degraus = agendas.Degraus(0.25, fator=0.1, a_cada=20)
    assert [degraus(t) for t in (0, 19, 20, 40)] == pytest.approx([0.25, 0.25, 0.025, 0.0025])
    assert agendas.Exponencial(1.0, gama=0.5)(3) == 0.125
    cosseno = agendas.Cosseno(1.0, epocas=10, minima=0.1)
    assert cosseno(0) == 1.0 and cosseno(5) == pytest.approx(0.55) and cosseno(10) == pytest.approx(0.1)
    assert cosseno(50) == pytest.approx(0.1)
    sgd = otimizadores.SGD(degraus)
    sgd.definir_epoca(25)
    assert sgd.taxa == pytest.approx(0.025)
    w = np.array([1.0])
    sgd.passo([w], [np.array([1.0])])
    assert w[0] == pytest.approx(0.975)
    assert repr(agendas.Constante(0.5)) == "Constante(taxa=0.5)"


def test_erros_dos_otimizadores():
    sgd = otimizadores.SGD(0.1)
    with pytest.raises(ValueError, match="recebi 1 parâmetros e 2 gradientes"):
        sgd.passo([np.zeros(2)], [np.zeros(2), np.zeros(2)])
    with pytest.raises(ValueError, match=r"esperava o gradiente 0 com forma \(2,\), recebi \(3,\)"):
        sgd.passo([np.zeros(2)], [np.zeros(3)])
    with pytest.raises(ValueError, match="o gradiente 0 contém NaN"):
        sgd.passo([np.zeros(2)], [np.array([np.nan, 0.0])])
    with pytest.raises(TypeError, match="é atualizado no lugar"):
        sgd.passo([[1.0, 2.0]], [np.zeros(2)])
    with pytest.raises(ValueError, match="`taxa` precisa ser maior que 0.0"):
        otimizadores.SGD(-1.0)
    with pytest.raises(ValueError, match="`mu` precisa ser menor que 1.0"):
        otimizadores.Momentum(0.1, mu=1.0)
    with pytest.raises(TypeError, match="esperava um número em `taxa`"):
        otimizadores.Adam("0.1")
    with pytest.raises(ValueError, match="`minima` precisa ser no máximo 0.1"):
        agendas.Cosseno(0.1, 10, minima=0.5)


def rede_pequena():
    return Sequencial([Densa(3, 4, semente=0, tipo="float64"), "tanh", Densa(4, 2, semente=1, tipo="float64")])


def test_l2_e_l1():
    rede = rede_pequena()
    pesos = rede.pesos()
    assert len(pesos) == 2 and all(p.ndim == 2 for p in pesos)          # os vieses ficam de fora
    soma = sum(float(np.sum(w ** 2)) for w in pesos)
    assert regularizacao.L2(5.0).custo(pesos, 1000) == pytest.approx(5.0 / 2000 * soma)
    soma1 = sum(float(np.sum(np.abs(w))) for w in pesos)
    assert regularizacao.L1(5.0).custo(pesos, 1000) == pytest.approx(5.0 / 1000 * soma1)
    w = np.array([-2.0, 0.0, 3.0])
    np.testing.assert_allclose(regularizacao.L2(2.0).gradiente(w, 4), [-1.0, 0.0, 1.5])
    np.testing.assert_array_equal(regularizacao.L1(2.0).gradiente(w, 4), [-0.5, 0.0, 0.5])   # sinal(0) = 0
    assert regularizacao.L2(5.0).fator_de_decaimento(0.5, 50_000) == pytest.approx(1 - 0.5 * 5 / 50_000)
    assert regularizacao.reescalar_lambda(5.0, 50_000, 1_000) == pytest.approx(0.1)
    assert regularizacao.reescalar_lambda(1000.0, 50_000, 1_000) == pytest.approx(20.0)
    # aplicar soma λ/n·w só aos gradientes dos pesos
    for camada in rede.camadas:
        for g in camada.gradientes.values():
            g[...] = 0.0
    regularizacao.L2(2.0).aplicar(rede, 4)
    np.testing.assert_allclose(rede.camadas[0].gradientes["W"], 0.5 * rede.camadas[0].W)
    np.testing.assert_array_equal(rede.camadas[0].gradientes["b"], 0.0)
    with pytest.raises(ValueError, match="`lmbda` precisa ser pelo menos 0.0"):
        regularizacao.L2(-1.0)
    with pytest.raises(ValueError, match="`n` precisa ser pelo menos 1"):
        regularizacao.L2(1.0).custo(pesos, 0)


def test_inicializacao():
    rng = np.random.default_rng
    W, b = inicializacao.grande(1000, 500, rng(0))
    assert W.shape == (1000, 500) and b.shape == (500,)
    assert abs(W.std() - 1) < 0.02 and abs(b.std() - 1) < 0.1
    W, b = inicializacao.lecun(1000, 500, rng(0))
    assert abs(W.std() - 1 / math.sqrt(1000)) / (1 / math.sqrt(1000)) < 0.02
    W, b = inicializacao.glorot(1000, 500, rng(0))
    r = math.sqrt(6 / 1500)
    assert np.abs(W).max() <= r and abs(W.std() - math.sqrt(2 / 1500)) / math.sqrt(2 / 1500) < 0.02
    assert np.all(b == 0)
    W, b = inicializacao.he(1000, 500, rng(0))
    assert abs(W.std() - math.sqrt(2 / 1000)) / math.sqrt(2 / 1000) < 0.02 and np.all(b == 0)
    np.testing.assert_array_equal(inicializacao.he(5, 3, rng(7))[0], inicializacao.he(5, 3, rng(7))[0])
    assert round(inicializacao.desvio_do_potencial(1000, 500, "grande"), 2) == 22.38
    assert round(inicializacao.desvio_do_potencial(1000, 500, "lecun"), 4) == 1.2247
    assert inicializacao.obter(" He ") is inicializacao.he
