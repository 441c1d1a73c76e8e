"""Testes de redes.profundidade: paridade em árvore, a cadeia de sigmoides e a região em que o fator passa de 1."""
import itertools
import math

import numpy as np
import pytest

from redes import ativacoes, profundidade as pr


def test_paridade_confere_com_a_soma_para_todas_as_entradas_de_ate_7_bits():
    for n in range(1, 8):
        for bits in itertools.product((0, 1), repeat=n):
            assert pr.paridade_em_arvore(bits) == sum(bits) % 2


def test_niveis_e_contagens_da_arvore():
    assert pr.niveis_da_arvore([1, 0, 1, 1, 1]) == [[1, 0, 1, 1, 1], [1, 0, 1], [1, 1], [0]]
    for n in range(1, 70):
        assert pr.portas_da_arvore(n) == n - 1
        assert pr.profundidade_da_arvore(n) == math.ceil(math.log2(n))
        assert pr.termos_da_fnd(n) == 2 ** (n - 1)
        assert len(pr.niveis_da_arvore([1] * n)) - 1 == pr.profundidade_da_arvore(n)


def test_fnd_conta_as_entradas_de_paridade_impar():
    for n in range(1, 9):
        impares = sum(1 for bits in itertools.product((0, 1), repeat=n) if sum(bits) % 2)
        assert impares == pr.termos_da_fnd(n)


@pytest.mark.parametrize("ruim, mensagem", [([], "vazia"), ([0, 2], "só 0 e 1"), ([[0, 1]], "eixo")])
def test_bits_invalidos(ruim, mensagem):
    with pytest.raises(ValueError, match=mensagem):
        pr.paridade_em_arvore(ruim)


def test_cadeia_formula_do_produto_e_diferencas_finitas():
    rng = np.random.default_rng(0)
    for L in (1, 2, 4, 9):
        w, b = rng.normal(0, 2, L), rng.normal(0, 1, L)
        a0, y = 0.3, 0.8
        grad = pr.gradiente_cadeia(w, b, a0, y)
        z, a = pr.cadeia_para_frente(w, b, a0)
        d = ativacoes.derivada_sigmoide(z)
        for j in range(L):   # a fórmula do produto, escrita às claras
            esperado = d[j] * np.prod(w[j + 1:] * d[j + 1:]) * (a[-1] - y)
            assert np.isclose(grad[j], esperado, rtol=1e-12, atol=0)
        assert np.allclose(grad, pr.gradiente_cadeia_por_diferencas(w, b, a0, y), rtol=1e-5, atol=1e-10)


def test_cadeia_que_some_com_pesos_pequenos():
    w, b = np.full(4, 0.9), np.zeros(4)
    grad = pr.gradiente_cadeia(w, b, 0.5)
    assert np.all(np.abs(grad[:-1] / grad[1:]) < 0.25)     # cada camada para trás: fator |w σ'| < 1/4
    assert np.all(np.abs(pr.fatores_da_cadeia(w, b, 0.5)) <= 0.25 * 0.9)


def test_o_exemplo_que_explode():
    w = np.full(6, 100.0)
    b = pr.vieses_que_explodem(w, 0.3)
    assert np.allclose(b, [-30.0] + [-50.0] * 5)
    z, a = pr.cadeia_para_frente(w, b, 0.3)
    assert np.allclose(z, 0) and np.allclose(a[1:], 0.5)
    assert np.allclose(pr.fatores_da_cadeia(w, b, 0.3), 25.0)
    grad = pr.gradiente_cadeia(w, b, 0.3)
    assert np.allclose(grad[:-1] / grad[1:], 25.0)


def test_cadeia_valida_formas():
    with pytest.raises(ValueError, match="um viés por peso"):
        pr.gradiente_cadeia([1, 2], [0], 0.5)
    with pytest.raises(ValueError, match="vazio"):
        pr.cadeia_para_frente([], [], 0.5)


def test_largura_forma_fechada_maximo_e_medida():
    assert pr.largura_da_regiao(3.99) == 0 and pr.largura_da_regiao(0.0) == 0 and pr.largura_da_regiao(4.0) == 0
    w_max, l_max = pr.maximo_da_largura()
    assert abs(w_max - 6.9) < 0.05 and abs(l_max - 0.45) < 0.005
    assert round(w_max, 2) == 6.89 and round(l_max, 3) == 0.448
    for w in (4.5, 6.9, -8.0, 15.0, 60.0):
        for b in (0.0, 2.0, -5.0):
            assert abs(pr.largura_medida(w, b) - pr.largura_da_regiao(w)) < 1e-4
    assert np.allclose(pr.largura_da_regiao(np.array([2.0, 6.894])), [0.0, l_max], atol=1e-6)


def test_fator_no_maximo_um_quarto_de_w():
    a = np.linspace(-5, 5, 1001)
    assert np.max(pr.fator(3.0, a, 0.5)) <= 0.75 + 1e-12
    assert np.isclose(np.max(pr.fator(3.0, a, 0.0)), 0.75)


def test_probabilidade_de_peso_pequeno():
    assert round(pr.probabilidade_abaixo(1.0), 4) == 0.6827
    amostra = np.random.default_rng(0).standard_normal(200_000)
    assert abs(np.mean(np.abs(amostra) < 1) - pr.probabilidade_abaixo(1.0)) < 0.005
