"""Entropia, entropia cruzada e divergência KL: valores conhecidos, identidades, zeros e erros."""
import math
import warnings

import numpy as np
import pytest

from redes import ativacoes, custos, informacao

P_LIVRO = [0.0, 1.0, 0.0]
Q_LIVRO = [0.228, 0.619, 0.153]


def test_exemplo_do_livro():
    h = informacao.entropia_cruzada(P_LIVRO, Q_LIVRO)
    assert isinstance(h, float)
    assert h == pytest.approx(-math.log(0.619))
    assert h == pytest.approx(0.4797, abs=1e-4)          # o livro escreve 0,479 (truncado)
    assert abs(h - 0.479) < 1e-3
    # é o mesmo número que o custo categórico da biblioteca dá para a classe 1
    assert h == pytest.approx(custos.EntropiaCruzadaCategorica().valor([Q_LIVRO], [1]))


def test_entropias_conhecidas():
    assert informacao.entropia([0.5, 0.5], base=2) == pytest.approx(1.0)
    assert informacao.entropia([0.25] * 4) == pytest.approx(math.log(4))
    assert informacao.entropia([0.25] * 4, base=2) == pytest.approx(2.0)
    assert informacao.entropia([0.0, 1.0, 0.0]) == 0.0
    assert str(informacao.entropia([0.0, 1.0, 0.0])) == "0.0"   # sem −0.0
    assert informacao.entropia([0.9, 0.1]) == pytest.approx(-(0.9 * math.log(0.9) + 0.1 * math.log(0.1)))


def test_identidade_h_igual_entropia_mais_kl_em_distribuicoes_sorteadas():
    rng = np.random.default_rng(0)
    for k in (2, 3, 10):
        P = rng.dirichlet(np.ones(k), size=50)
        Q = rng.dirichlet(np.ones(k), size=50)
        h = informacao.entropia_cruzada(P, Q)
        assert h.shape == (50,)
        np.testing.assert_allclose(h, informacao.entropia(P) + informacao.divergencia_kl(P, Q), atol=1e-12)
        assert np.all(informacao.divergencia_kl(P, Q) >= 0)           # Gibbs
        assert np.all(h >= informacao.entropia(P) - 1e-12)
        # linha a linha, igual ao vetor sozinho
        assert h[3] == pytest.approx(informacao.entropia_cruzada(P[3], Q[3]))


def test_one_hot_tem_entropia_zero_e_h_igual_kl_igual_log_verossimilhanca():
    rng = np.random.default_rng(1)
    Z = rng.normal(size=(8, 5))
    y = rng.integers(0, 5, size=8)
    P, Q = np.eye(5)[y], ativacoes.softmax(Z)
    np.testing.assert_array_equal(informacao.entropia(P), np.zeros(8))
    np.testing.assert_allclose(informacao.entropia_cruzada(P, Q), informacao.divergencia_kl(P, Q), atol=1e-12)
    np.testing.assert_allclose(informacao.entropia_cruzada(P, Q), -np.log(Q[np.arange(8), y]))
    media = float(np.mean(informacao.entropia_cruzada(P, Q)))
    assert media == pytest.approx(custos.SoftmaxLogVerossimilhanca().valor(Z, y))


def test_kl_zero_so_quando_iguais_e_nao_simetrica():
    p, q = np.array([0.2, 0.3, 0.5]), np.array([0.5, 0.3, 0.2])
    assert informacao.divergencia_kl(p, p) == 0.0
    assert informacao.divergencia_kl(p, q) > 0
    # o termo do meio some: p = q = 0,3 dá 0,3·ln 1 = 0
    assert informacao.divergencia_kl(p, q) == pytest.approx(0.2 * math.log(0.2 / 0.5) + 0.5 * math.log(0.5 / 0.2))
    assert informacao.divergencia_kl([0.9, 0.1], [0.5, 0.5]) != pytest.approx(informacao.divergencia_kl([0.5, 0.5],
                                                                                                        [0.9, 0.1]))


def test_zeros_sem_avisos():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        # p = 0 onde q = 0: o termo não conta
        assert informacao.entropia_cruzada([1.0, 0.0], [1.0, 0.0]) == 0.0
        assert informacao.divergencia_kl([1.0, 0.0], [1.0, 0.0]) == 0.0
        assert informacao.entropia_cruzada([0.5, 0.5, 0.0], [0.5, 0.25, 0.25]) == pytest.approx(
            -0.5 * math.log(0.5) - 0.5 * math.log(0.25))
        # p > 0 onde q = 0: infinito, sem NaN
        assert informacao.entropia_cruzada([0.5, 0.5], [1.0, 0.0]) == math.inf
        assert informacao.divergencia_kl([0.5, 0.5], [1.0, 0.0]) == math.inf
        lote = informacao.entropia_cruzada([[0.0, 1.0], [1.0, 0.0]], [[0.5, 0.5], [0.0, 1.0]])
        assert lote[0] == pytest.approx(math.log(2)) and lote[1] == math.inf


@pytest.mark.parametrize("p,q,mensagem", [
    ([0.5, 0.6], [0.5, 0.5], "não é uma distribuição de probabilidade: soma 1.1"),
    ([0.7, 0.7], [0.5, 0.5], "saídas de sigmoides não somam 1"),
    ([1.5, -0.5], [0.5, 0.5], "valor negativo"),
    ([0.5, 0.5], [0.2, 0.3, 0.5], r"mesma forma .* \(2,\) e \(3,\)"),
    ([0.5, 0.5], [0.4, 0.4], "`q` não é uma distribuição"),
    ([[[1.0]]], [[[1.0]]], "1 eixo ou 2 eixos"),
    ([], [], "pelo menos uma classe"),
    ([0.5, float("nan")], [0.5, 0.5], "NaN"),
])
def test_erros_em_portugues(p, q, mensagem):
    with pytest.raises(ValueError, match=mensagem):
        informacao.entropia_cruzada(p, q)


def test_erros_de_tipo_e_de_base():
    with pytest.raises(TypeError, match="esperava números em `p`"):
        informacao.entropia("abc")
    with pytest.raises(ValueError, match="base de logaritmo"):
        informacao.entropia([0.5, 0.5], base=1)
    with pytest.raises(ValueError, match="base de logaritmo"):
        informacao.divergencia_kl([0.5, 0.5], [0.5, 0.5], base=-2)
