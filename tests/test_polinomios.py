"""Polinômios do capítulo 14: dados perto de y = 2x, interpolação, mínimos quadrados, ridge e erros."""
import numpy as np
import pytest

from redes import polinomios


@pytest.fixture
def pontos():
    return polinomios.pontos_da_reta(10, 0.1, 1)


def test_pontos_da_reta_espacados_e_reprodutiveis():
    x, y = polinomios.pontos_da_reta(10, 0.1, 0)
    assert np.allclose(x, np.linspace(0.05, 0.95, 10))
    x2, y2 = polinomios.pontos_da_reta(10, 0.1, 0)
    assert np.array_equal(y, y2)
    ruido = (y - 2 * x) / 0.1
    assert np.allclose(ruido, np.random.default_rng(0).standard_normal(10))
    # só o ruído muda: os mesmos desvios, em outra escala
    _, y3 = polinomios.pontos_da_reta(10, 0.3, 0)
    assert np.allclose(y3 - 2 * x, 3 * (y - 2 * x))
    _, sem_ruido = polinomios.pontos_da_reta(10, 0.0, 0, inclinacao=-1.5)
    assert np.allclose(sem_ruido, -1.5 * x)


def test_pontos_sorteados_ficam_no_intervalo_em_ordem():
    x, y = polinomios.pontos_da_reta(200, 0.1, 5, espacados=False, intervalo=(-1, 2))
    assert x.shape == y.shape == (200,)
    assert np.all(np.diff(x) >= 0) and x.min() >= -1 and x.max() <= 2


def test_vandermonde_na_ordem_do_polyval():
    V = polinomios.vandermonde([2.0, 3.0], 2)
    assert np.array_equal(V, [[4, 2, 1], [9, 3, 1]])
    a = np.array([1.0, -2.0, 0.5])
    assert np.allclose(V @ a, np.polyval(a, [2.0, 3.0]))


def test_interpolador_passa_por_todos_os_pontos(pontos):
    x, y = pontos
    a = polinomios.polinomio_interpolador(x, y)
    assert a.shape == (10,)
    assert np.allclose(polinomios.avaliar(a, x), y, atol=1e-9)
    assert polinomios.eqm(a, x, y) < 1e-18
    with np.errstate(all="ignore"):
        assert np.allclose(np.polyval(np.polyfit(x, y, 9), x), y, atol=1e-8)
    # o polinômio de grau 9 tem coeficientes enormes e foge da reta fora dos dados
    assert np.abs(a).max() > 1e4
    assert abs(polinomios.avaliar(a, [1.5])[0] - 3.0) > 1000


@pytest.mark.parametrize("grau", [0, 1, 2, 3, 5])
def test_minimos_quadrados_igual_ao_polyfit(pontos, grau):
    x, y = pontos
    assert np.allclose(polinomios.ajuste_minimos_quadrados(x, y, grau), np.polyfit(x, y, grau), rtol=1e-7, atol=1e-9)


def test_reta_de_minimos_quadrados_fica_perto_de_2x(pontos):
    x, y = pontos
    inclinacao, intercepto = polinomios.ajuste_minimos_quadrados(x, y, 1)
    assert abs(inclinacao - 2) < 0.2 and abs(intercepto) < 0.1


def test_ridge_sem_penalidade_e_minimos_quadrados(pontos):
    x, y = pontos
    assert np.allclose(polinomios.ajuste_ridge(x, y, 3, 0.0), np.polyfit(x, y, 3))


@pytest.mark.parametrize("grau,lmbda", [(3, 0.1), (5, 1.0), (9, 1e-3), (9, 10.0), (2, 1e-6)])
def test_ridge_igual_a_forma_fechada(pontos, grau, lmbda):
    x, y = pontos
    V = np.vander(x, grau + 1)
    D = np.eye(grau + 1)
    D[-1, -1] = 0
    fechada = np.linalg.solve(V.T @ V + lmbda * D, V.T @ y)
    assert np.allclose(polinomios.ajuste_ridge(x, y, grau, lmbda), fechada, rtol=1e-6, atol=1e-8)


def test_ridge_encolhe_os_coeficientes_mas_nao_a_constante(pontos):
    x, y = pontos
    normas = [np.linalg.norm(polinomios.ajuste_ridge(x, y, 9, l)[:-1]) for l in (1e-6, 1e-3, 1.0, 1e3)]
    assert all(a > b for a, b in zip(normas, normas[1:]))
    # com λ enorme sobra só a constante, que vira a média dos y (ela não é penalizada)
    a = polinomios.ajuste_ridge(x, y, 4, 1e12)
    assert np.allclose(a[:-1], 0, atol=1e-9) and np.isclose(a[-1], y.mean())
    # penalizando também a constante, tudo vai a zero
    assert np.allclose(polinomios.ajuste_ridge(x, y, 4, 1e12, penalizar_constante=True), 0, atol=1e-9)


def test_ridge_aceita_grau_maior_que_os_pontos(pontos):
    x, y = pontos
    a = polinomios.ajuste_ridge(x, y, 12, 0.01)
    assert a.shape == (13,) and np.all(np.isfinite(a))


def test_eqm_a_mao():
    assert polinomios.eqm([2.0, 0.0], [0.0, 1.0, 2.0], [0.0, 2.0, 5.0]) == pytest.approx(1 / 3)
    assert polinomios.eqm([1.0], [3.0], [1.0]) == 0.0


def test_erros_por_grau_mostram_o_sobreajuste(pontos):
    x, y = pontos
    x_novo, y_novo = polinomios.pontos_da_reta(200, 0.1, 1000, espacados=False)
    treino, novos = polinomios.erros_por_grau(x, y, x_novo, y_novo)
    assert treino.shape == novos.shape == (10,)
    assert np.all(np.diff(treino) <= 1e-12)          # mais grau, menos erro no treino
    assert treino[9] < 1e-15                          # o grau 9 passa por todos os pontos
    assert novos[9] > 10 * novos[1]                   # e erra muito mais em dados novos
    assert np.argmin(novos) == 1                      # o melhor em dados novos é a reta
    _, novos_ridge = polinomios.erros_por_grau(x, y, x_novo, y_novo, [9], lmbda=1e-3)
    assert novos_ridge[0] < novos[9] / 10             # o ridge doma o grau 9


@pytest.mark.parametrize("chamada,erro,trecho", [
    (lambda: polinomios.ajuste_minimos_quadrados([0, 1, 2], [0, 1, 2], 3), ValueError, "grau ≤ 2"),
    (lambda: polinomios.polinomio_interpolador([0, 1, 1], [0, 1, 2]), ValueError, "mesmo x"),
    (lambda: polinomios.ajuste_ridge([0, 1], [0, 1], 1, -1.0), ValueError, "lmbda"),
    (lambda: polinomios.ajuste_ridge([0, 1], [0, 1, 2], 1, 0.1), ValueError, "forma"),
    (lambda: polinomios.ajuste_ridge([0, 1], [0, 1], 1.5, 0.1), TypeError, "inteiro"),
    (lambda: polinomios.pontos_da_reta(10, -0.1), ValueError, "ruido"),
    (lambda: polinomios.pontos_da_reta(10, 0.1, intervalo=(1, 0)), ValueError, "a < b"),
    (lambda: polinomios.eqm([1.0], "x", [1.0]), TypeError, "x"),
])
def test_erros_claros(chamada, erro, trecho):
    with pytest.raises(erro, match=trecho):
        chamada()
