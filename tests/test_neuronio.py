import numpy as np
import pytest

from redes import ativacoes, neuronio, portas


def test_exemplo_do_texto_34():
    assert float(neuronio.potencial([2, 5], [3, 6], -2)) == 34.0


def test_lote_igual_a_laco():
    rng = np.random.default_rng(0)
    X, w, b = rng.normal(size=(7, 3)), rng.normal(size=3), 0.4
    lote = neuronio.potencial(X, w, b)
    laco = np.array([sum(xi * wi for xi, wi in zip(x, w)) + b for x in X])
    assert lote.shape == (7,)
    np.testing.assert_allclose(lote, laco)


@pytest.mark.parametrize("nome", list(ativacoes.ATIVACOES))
def test_saida_aplica_ativacao(nome):
    X = np.array([[1.0, -2.0], [0.5, 0.5]])
    w, b = np.array([0.3, 0.7]), -0.1
    np.testing.assert_allclose(neuronio.saida(X, w, b, nome), ativacoes.obter(nome)(X @ w + b))
    np.testing.assert_allclose(neuronio.saida(X, w, b, ativacoes.obter(nome)), ativacoes.obter(nome)(X @ w + b))


def test_formas_erradas_tem_mensagem_clara():
    with pytest.raises(ValueError, match=r"esperava x com forma \(3,\) para 3 pesos, recebi \(2,\)"):
        neuronio.potencial([1, 2], [1, 2, 3], 0)
    with pytest.raises(ValueError, match=r"esperava x com forma \(m, 2\) para 2 pesos, recebi \(4, 3\)"):
        neuronio.potencial(np.zeros((4, 3)), [1, 2], 0)
    with pytest.raises(ValueError, match="esperava `pesos` com 1 eixo"):
        neuronio.potencial([1, 2], [[1, 2]], 0)
    with pytest.raises(ValueError, match="esperava um número em `b`"):
        neuronio.potencial([1, 2], [1, 2], [1, 2])
    with pytest.raises(TypeError, match="esperava números em `x`"):
        neuronio.potencial(["a", "b"], [1, 2], 0)
    with pytest.raises(ValueError, match="NaN"):
        neuronio.potencial([np.nan, 1], [1, 2], 0)


def test_reta_de_decisao():
    w, b = np.array([2.0, -4.0]), 1.0
    x1 = np.linspace(-2, 2, 9)
    x2 = neuronio.reta_de_decisao(x1, w, b)
    np.testing.assert_allclose(w[0] * x1 + w[1] * x2 + b, 0.0, atol=1e-12)
    # o sinal importa: AND com w = (1, 1), b = −1,5 cruza x1 = 0 em x2 = 1,5
    assert float(neuronio.reta_de_decisao(0.0, [1, 1], -1.5)) == 1.5
    with pytest.raises(ValueError, match="vertical"):
        neuronio.reta_de_decisao(x1, [1.0, 0.0], 1.0)


def test_portas_separaveis_e_xor():
    X, y = portas.tabela_verdade("AND")
    assert neuronio.contar_erros(X, y, [1, 1], -1.5) == 0
    assert neuronio.contar_erros(X, y, [1, 1], -0.5) == 2      # isso é OR
    for porta in ("AND", "OR", "NAND", "NOR"):
        assert neuronio.menor_numero_de_erros(*portas.tabela_verdade(porta)) == 0
    for porta in ("XOR", "XNOR"):
        assert neuronio.menor_numero_de_erros(*portas.tabela_verdade(porta)) == 1


def test_classificar_no_limiar_da_zero():
    assert neuronio.classificar(np.array([[1.0, 1.0]]), [1, 1], -2)[0] == 0
    assert neuronio.classificar(np.array([[1.0, 1.0]]), [1, 1], -1.999)[0] == 1


def test_contar_erros_valida_rotulos():
    X, _ = portas.tabela_verdade("OR")
    with pytest.raises(ValueError, match=r"esperava y com forma \(4,\), recebi \(3,\)"):
        neuronio.contar_erros(X, [0, 1, 1], [1, 1], 0)
