"""Testes de redes.esparsidade: limiar suave, passos L1/L2/proximal, contagens e máscaras de dropout."""
import numpy as np
import pytest

from redes import custos, esparsidade, modelo, regularizacao, treino
from redes.camadas import Dropout


# ------------------------------------------------------------------ limiar suave

def test_limiar_suave_valores_e_zeros_exatos():
    u = np.array([-0.8, -0.1, -0.03, 0.0, 0.02, 0.05, 0.3])
    s = esparsidade.limiar_suave(u, 0.05)
    assert np.allclose(s, [-0.75, -0.05, 0.0, 0.0, 0.0, 0.0, 0.25])
    assert np.count_nonzero(s == 0.0) == 4                      # zeros exatos, não 1e-17
    assert np.array_equal(esparsidade.limiar_suave(u, 0.0), u)  # t = 0: identidade


def test_limiar_suave_minimiza_o_problema_proximal():
    t = 0.3
    grade = np.linspace(-3, 3, 600_001)
    for u in [-2.0, -0.31, -0.1, 0.0, 0.29, 0.3, 1.7]:
        melhor = grade[np.argmin(0.5 * (grade - u) ** 2 + t * np.abs(grade))]
        assert abs(melhor - esparsidade.limiar_suave(u, t)) < 2e-5


def test_limiar_suave_valida():
    with pytest.raises(ValueError, match="t"):
        esparsidade.limiar_suave([1.0], -0.1)
    with pytest.raises(TypeError):
        esparsidade.limiar_suave("abc", 0.1)
    with pytest.raises(ValueError, match="NaN"):
        esparsidade.limiar_suave([np.nan], 0.1)


# ------------------------------------------------------------------ passos

def test_passos_l1_l2_e_proximal():
    w = np.array([-1.5, -0.2, 0.0, 0.004, 0.3, 2.0])
    g = np.array([0.1, -0.3, 0.0, 0.2, 0.0, -0.1])
    taxa, lmbda, n = 0.5, 2.0, 1000
    t = taxa * lmbda / n
    assert np.allclose(esparsidade.atualizar_l1(w, g, taxa, lmbda, n), w - t * np.sign(w) - taxa * g)
    assert np.allclose(esparsidade.atualizar_l2(w, g, taxa, lmbda, n), (1 - t) * w - taxa * g)
    esperado = np.sign(w - taxa * g) * np.maximum(np.abs(w - taxa * g) - t, 0)
    assert np.allclose(esparsidade.passo_proximal_l1(w, g, taxa, lmbda, n), esperado)
    assert esparsidade.atualizar_l1(w, g, taxa, lmbda, n)[2] == 0.0          # sinal(0) = 0


def test_passo_aceita_gradiente_escalar_e_recusa_forma_errada():
    w = np.array([0.5, -0.5])
    assert np.allclose(esparsidade.atualizar_l1(w, 0.0, 0.1, 1.0, 10), [0.49, -0.49])
    with pytest.raises(ValueError, match="forma"):
        esparsidade.atualizar_l1(w, np.zeros(3), 0.1, 1.0, 10)
    with pytest.raises(ValueError, match="taxa"):
        esparsidade.atualizar_l2(w, 0.0, 0.0, 1.0, 10)
    with pytest.raises(TypeError, match="n"):
        esparsidade.passo_proximal_l1(w, 0.0, 0.1, 1.0, 2.5)


def test_trajetoria_de_um_peso():
    l1 = esparsidade.trajetoria_de_um_peso(0.55, 12, 0.1, "L1")
    assert len(l1) == 13 and l1[0] == 0.55
    assert np.all(l1 != 0) and np.allclose(np.abs(l1[5:]), 0.05)                # oscila, nunca zera
    prox = esparsidade.trajetoria_de_um_peso(0.55, 12, 0.1, "L1 proximal")
    assert np.all(prox[6:] == 0.0) and np.allclose(prox[:6], l1[:6])
    l2 = esparsidade.trajetoria_de_um_peso(0.55, 12, 0.1, "l2")                  # sem diferenciar maiúsculas
    assert np.allclose(l2, 0.55 * 0.9 ** np.arange(13))
    assert np.array_equal(esparsidade.trajetoria_de_um_peso(-0.3, 0, 0.1), [-0.3])
    with pytest.raises(ValueError, match="penalidade"):
        esparsidade.trajetoria_de_um_peso(0.5, 3, 0.1, "L3")
    with pytest.raises(ValueError, match="encolhimento"):
        esparsidade.trajetoria_de_um_peso(0.5, 3, 1.0)


# ------------------------------------------------------------------ contagens

def test_contar_quase_zeros_e_concentracao():
    pesos = [np.array([[0.0, 0.0005], [-0.0005, 0.002]]), np.array([0.001, -0.3, 4.0])]
    assert esparsidade.contar_quase_zeros(pesos, 1e-3) == 3                      # |w| = 0,001 não conta
    assert esparsidade.contar_quase_zeros(pesos[1], 0.5) == 2
    assert esparsidade.concentracao(np.ones(10), 0.1) == pytest.approx(0.1)      # espalhado por igual
    assert esparsidade.concentracao(np.array([0, 0, 0, 0, 0, 0, 0, 0, 0, 5.0]), 0.1) == 1.0
    assert esparsidade.concentracao(np.zeros(4)) == 0.0
    with pytest.raises(ValueError, match="vazia"):
        esparsidade.contar_quase_zeros([], 1e-3)
    with pytest.raises(ValueError, match="limiar"):
        esparsidade.contar_quase_zeros(pesos, 0.0)


# ------------------------------------------------------------------ SGD proximal

def _um_passo(otimizador=None, penalidade=None):
    rng = np.random.default_rng(1)
    X, y = rng.normal(size=(8, 4)), rng.integers(0, 3, size=8)
    rede = modelo.mlp([4, 5, 3], saida=None, semente=1, tipo="float64")
    if otimizador == "proximal":
        otimizador = esparsidade.SGDProximalL1(0.5, 2.0, 8, rede.pesos())
    treino.treinar(rede, (X, y), custos.SigmoideEntropiaCruzada(), otimizador or 0.5, epocas=1, tamanho_lote=8,
                   regularizacao=penalidade, progresso=False)
    return rede, X, y


def test_sgd_proximal_faz_o_limiar_nos_pesos_e_o_passo_comum_nos_vieses():
    rede, X, y = _um_passo("proximal")
    mao = modelo.mlp([4, 5, 3], saida=None, semente=1, tipo="float64")
    custo = custos.SigmoideEntropiaCruzada()
    saida = mao.forward(X, treino=True)
    mao.backward(custo.gradiente(saida, y))
    for camada in mao.camadas:
        for nome, p in camada.parametros.items():
            g = camada.gradientes[nome]
            if nome == "W":
                p[...] = esparsidade.limiar_suave(p - 0.5 * g, 0.5 * 2.0 / 8)
            else:
                p -= 0.5 * g
    for a, b in zip(rede.parametros(), mao.parametros()):
        assert np.allclose(a, b, atol=1e-12)
    assert sum(int(np.sum(W == 0)) for W in rede.pesos()) > 0
    assert all(np.all(b != 0) for b in (c.parametros["b"] for c in rede.camadas if "b" in c.parametros))


def test_sgd_proximal_da_zeros_e_o_sinal_nao():
    prox, _, _ = _um_passo("proximal")
    sinal, _, _ = _um_passo(penalidade=regularizacao.L1(2.0))
    assert sum(int(np.sum(W == 0)) for W in prox.pesos()) > 0
    assert sum(int(np.sum(W == 0)) for W in sinal.pesos()) == 0
    assert "SGDProximalL1" in repr(esparsidade.SGDProximalL1(0.1, 1.0, 10, []))


def test_sgd_proximal_valida():
    with pytest.raises(TypeError, match="pesos"):
        esparsidade.SGDProximalL1(0.1, 1.0, 10, [[1.0, 2.0]])
    with pytest.raises(ValueError, match="lmbda"):
        esparsidade.SGDProximalL1(0.1, -1.0, 10, [])


# ------------------------------------------------------------------ máscaras de dropout

def test_mascaras_dropout_seguem_a_camada_dropout():
    mascaras = esparsidade.mascaras_dropout([4, 8, 8, 3], 0.5, semente=0)
    assert [m.shape for m in mascaras] == [(4,), (8,), (8,), (3,)]
    assert mascaras[0].all() and mascaras[-1].all()                # entrada e saída intocadas
    rng = np.random.default_rng(0)
    esperado = [Dropout(0.5, semente=rng).forward(np.ones((1, 8), np.float32), treino=True)[0] > 0 for _ in range(2)]
    assert all(np.array_equal(a, b) for a, b in zip(mascaras[1:3], esperado))
    assert sum(int(np.sum(~m)) for m in mascaras) == 6


def test_mascaras_dropout_taxa_media_e_entrada():
    saem = [sum(int(np.sum(~m)) for m in esparsidade.mascaras_dropout([5, 100, 2], 0.3, semente=s)) for s in range(200)]
    assert abs(np.mean(saem) - 30) < 1.5
    assert all(m.all() for m in esparsidade.mascaras_dropout([4, 6, 2], 0.0))
    com_entrada = esparsidade.mascaras_dropout([784, 10, 2], 0.5, semente=1, p_entrada=0.2)
    assert 0.1 < np.mean(~com_entrada[0]) < 0.3
    with pytest.raises(ValueError, match="p"):
        esparsidade.mascaras_dropout([4, 6, 2], 1.0)
    with pytest.raises(ValueError, match="duas camadas"):
        esparsidade.mascaras_dropout([4], 0.5)
