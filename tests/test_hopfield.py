"""Testes da rede de Hopfield (redes.hopfield)."""
import numpy as np
import pytest

from redes import hopfield


def letras():
    return np.array([hopfield.LETRAS[k] for k in "ALXZ"])


def simetrica_aleatoria(rng, n):
    A = rng.normal(size=(n, n))
    W = (A + A.T) / 2
    np.fill_diagonal(W, 0.0)
    return W


# ------------------------------------------------------------------ padrões e pesos

def test_letras_sao_padroes_8x8_de_mais_ou_menos_um():
    for nome, p in hopfield.LETRAS.items():
        assert p.shape == (64,) and set(np.unique(p)) == {-1.0, 1.0}, nome
    # o desenho vira o vetor linha por linha: a primeira linha do A é "..####.."
    np.testing.assert_array_equal(hopfield.LETRAS["A"][:8], [-1, -1, 1, 1, 1, 1, -1, -1])
    X = letras()
    sobreposicoes = X @ X.T / 64 - np.eye(4)
    assert np.abs(sobreposicoes).max() < 0.2          # escolhidas por serem pouco parecidas


def test_padrao_de_desenho_valida():
    np.testing.assert_array_equal(hopfield.padrao_de_desenho(["#.", ".#"]), [1, -1, -1, 1])
    with pytest.raises(ValueError, match="só com '#' e '.'"):
        hopfield.padrao_de_desenho(["#x"])
    with pytest.raises(ValueError, match="mesmo tamanho"):
        hopfield.padrao_de_desenho(["#.", "#"])
    with pytest.raises(TypeError, match="lista de linhas"):
        hopfield.padrao_de_desenho("#..#")


def test_pesos_sao_a_regra_de_hebb():
    X = hopfield.padroes_aleatorios(3, 10, semente=1)
    W = hopfield.pesos(X)
    esperado = sum(np.outer(p, p) for p in X) / 10
    np.fill_diagonal(esperado, 0)
    np.testing.assert_allclose(W, esperado)
    assert np.allclose(W, W.T) and np.all(np.diag(W) == 0)
    # um padrão só: w_ij = p_i p_j / N fora da diagonal
    W1 = hopfield.pesos([[1, -1, 1, 1]])
    np.testing.assert_allclose(W1[0], [0, -0.25, 0.25, 0.25])


def test_pesos_validam_entradas():
    with pytest.raises(ValueError, match=r"valores \+1 e −1"):
        hopfield.pesos([[1, 0, 1]])
    with pytest.raises(ValueError, match="2 eixos"):
        hopfield.pesos([1, -1, 1])


# ------------------------------------------------------------------ energia e atualização

def test_energia_e_menos_meio_s_W_s():
    rng = np.random.default_rng(0)
    W = simetrica_aleatoria(rng, 6)
    s = rng.choice([-1.0, 1.0], size=6)
    laco = -0.5 * sum(W[i, j] * s[i] * s[j] for i in range(6) for j in range(6))
    assert np.isclose(float(hopfield.energia(W, s)), laco)
    assert np.isclose(float(hopfield.energia(W, -s)), laco)            # s e −s têm a mesma energia
    lote = rng.choice([-1.0, 1.0], size=(4, 6))
    np.testing.assert_allclose(hopfield.energia(W, lote), [hopfield.energia(W, x) for x in lote])
    with pytest.raises(ValueError, match="6 neurônios"):
        hopfield.energia(W, np.ones(5))
    with pytest.raises(ValueError, match="quadrada"):
        hopfield.energia(np.zeros((2, 3)), np.ones(3))


def test_atualizar_neuronio_segue_o_sinal_do_campo_e_empate_fica():
    W = np.array([[0.0, 1.0, -1.0], [1.0, 0.0, 1.0], [-1.0, 1.0, 0.0]])
    s = np.array([-1.0, 1.0, 1.0])
    np.testing.assert_array_equal(hopfield.atualizar_neuronio(W, s, 0), s)       # h = 0: fica −1
    np.testing.assert_array_equal(hopfield.atualizar_neuronio(W, [1, -1, 1], 1), [1, 1, 1])  # h = 2
    np.testing.assert_array_equal(hopfield.atualizar_neuronio(W, [1, 1, 1], 2), [1, 1, 1])   # h = 0
    np.testing.assert_array_equal(hopfield.atualizar_neuronio(W, [1, 1, -1], 0), [1, 1, -1])  # h = 2
    np.testing.assert_array_equal(s, [-1, 1, 1])                                  # não mexe no recebido
    with pytest.raises(ValueError, match="entre 0 e 2"):
        hopfield.atualizar_neuronio(W, s, 3)
    with pytest.raises(ValueError, match="inteiro"):
        hopfield.atualizar_neuronio(W, s, 1.5)


@pytest.mark.parametrize("semente", range(20))
def test_energia_nunca_sobe_na_atualizacao_assincrona(semente):
    rng = np.random.default_rng(semente)
    n = int(rng.integers(3, 30))
    W = simetrica_aleatoria(rng, n)
    s = rng.choice([-1.0, 1.0], size=n)
    # um neurônio de cada vez: ΔE = −Δs_i h_i ≤ 0
    for i in rng.integers(0, n, size=50):
        novo = hopfield.atualizar_neuronio(W, s, int(i))
        delta = float(hopfield.energia(W, novo) - hopfield.energia(W, s))
        assert delta <= 1e-12
        assert np.isclose(delta, -(novo[i] - s[i]) * (W[i] @ s))
        s = novo
    # e ao longo de uma trajetória inteira, que termina num ponto fixo
    t = hopfield.recuperar(W, rng.choice([-1.0, 1.0], size=n), passos=100, semente=semente)
    assert np.all(np.diff(t.energias) <= 1e-12)
    final = t.estados[-1]
    assert np.all(final * (W @ final) >= -1e-12)
    np.testing.assert_allclose(t.energias, hopfield.energia(W, t.estados))


def test_padroes_guardados_sao_pontos_fixos_quando_sao_poucos():
    for X in (letras(), hopfield.padroes_aleatorios(3, 64, semente=5)):
        W = hopfield.pesos(X)
        for p in X:
            np.testing.assert_array_equal(hopfield.passo_sincrono(W, p), p)
            t = hopfield.recuperar(W, p, passos=5, semente=0)
            assert len(t.estados) == 64 + 1                   # uma varredura sem mudança e para
            np.testing.assert_array_equal(t.estados[-1], p)


def test_recupera_as_letras_com_ruido():
    X = letras()
    W = hopfield.pesos(X)
    erros = {}
    for k, p in enumerate(X):
        for fracao in (0.1, 0.2):
            for semente in range(10):
                pista = hopfield.ruido(p, fracao, semente)
                assert int(np.sum(pista != p)) == round(64 * fracao)
                t = hopfield.recuperar(W, pista, passos=20, semente=semente)
                erros[k, fracao, semente] = int(np.sum(t.estados[-1] != p))
                assert t.energias[-1] < t.energias[0]
    assert all(e == 0 for (k, f, s), e in erros.items() if f == 0.1)
    com_20 = [e for (k, f, s), e in erros.items() if f == 0.2]
    assert sum(e == 0 for e in com_20) >= 38 and all(erros[k, 0.2, 0] == 0 for k in range(4))


def test_sincrona_oscila_e_assincrona_para():
    W = np.array([[0.0, -1.0], [-1.0, 0.0]])
    t = hopfield.recuperar(W, [1, 1], passos=6, modo="sincrono")
    assert len(t.estados) == 7
    np.testing.assert_array_equal(t.estados[1], [-1, -1])
    np.testing.assert_array_equal(t.estados[2], [1, 1])
    assert np.all(t.energias == 1.0)
    a = hopfield.recuperar(W, [1, 1], passos=6, semente=0)
    assert a.energias[-1] == -1.0 and abs(a.estados[-1].sum()) == 0
    with pytest.raises(ValueError, match="modo"):
        hopfield.recuperar(W, [1, 1], modo="paralelo")


def test_convergir_em_lote_da_o_mesmo_final_que_recuperar():
    X = letras()
    W = hopfield.pesos(X)
    pistas = np.array([hopfield.ruido(p, 0.3, 11) for p in X])
    finais = hopfield.convergir(W, pistas, semente=4)
    for pista, final in zip(pistas, finais):
        np.testing.assert_array_equal(hopfield.recuperar(W, pista, passos=50, semente=4).estados[-1], final)


def test_ruido_troca_exatamente_a_fracao_pedida():
    p = hopfield.LETRAS["L"]
    assert int(np.sum(hopfield.ruido(p, 0.25, 3) != p)) == 16
    np.testing.assert_array_equal(hopfield.ruido(p, 0.0), p)
    np.testing.assert_array_equal(hopfield.ruido(p, 1.0), -p)
    np.testing.assert_array_equal(hopfield.ruido(p, 0.2, 7), hopfield.ruido(p, 0.2, 7))
    with pytest.raises(ValueError, match="entre 0 e 1"):
        hopfield.ruido(p, 1.5)
    assert hopfield.sobreposicao(p, p) == 1.0 and hopfield.sobreposicao(p, -p) == -1.0
    assert hopfield.sobreposicao(p, hopfield.ruido(p, 0.25, 0)) == 0.5


# ------------------------------------------------------------------ capacidade

def test_estabilidade_teorica():
    t = hopfield.estabilidade_teorica(64, [1, 2, 9, 20])
    assert t[0] == 1.0 and np.all(np.diff(t) < 0)
    assert 0.995 < t[2] < 0.999 and 0.96 < t[3] < 0.97


def test_capacidade_pequena_mostra_a_queda():
    c = hopfield.capacidade(n=32, valores_p=[2, 3, 10, 16], redes=12, ruido=0.1, semente=1)
    assert list(c.p) == [2, 3, 10, 16]
    assert c.recuperados[0] == 1.0 and c.recuperados[1] >= 0.95
    assert c.recuperados[3] < 0.3 < c.recuperados[1]
    assert c.sobreposicao[0] == 1.0 and c.sobreposicao[3] < 0.9
    assert np.all(np.diff(c.bits_estaveis) <= 0.005)
    assert np.all(np.abs(c.bits_estaveis - c.teoria) < 0.02)


def test_capacidade_n_64_cai_perto_de_0_14_n():
    c = hopfield.capacidade(n=64, valores_p=range(2, 21), redes=20, ruido=0.1, semente=0)
    assert np.all(c.recuperados[c.p <= 5] == 1.0)
    primeiro_abaixo = int(c.p[np.argmax(c.recuperados < 0.9)])
    assert 6 <= primeiro_abaixo <= 11
    assert np.all(c.recuperados[c.p >= 16] < 0.3)


# ------------------------------------------------------------------ a versão moderna

def test_recuperar_moderna_e_atencao():
    X = hopfield.padroes_aleatorios(20, 64, semente=2)
    s = hopfield.ruido(X[5], 0.2, 0)
    novo = hopfield.recuperar_moderna(X, s, beta=1.0)
    pesos = np.exp(X @ s - (X @ s).max())
    np.testing.assert_allclose(novo, (pesos / pesos.sum()) @ X)
    np.testing.assert_array_equal(np.sign(novo), X[5])               # 20 padrões em 64 neurônios: acerta
    np.testing.assert_allclose(hopfield.recuperar_moderna(X, s, beta=0.0), X.mean(axis=0))
    lote = hopfield.recuperar_moderna(X, np.array([s, X[0]]), beta=1.0)
    assert lote.shape == (2, 64)
    with pytest.raises(ValueError, match="64 valores"):
        hopfield.recuperar_moderna(X, np.ones(8))
