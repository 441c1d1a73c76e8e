"""BP1–BP4 às claras (`redes.retropropagacao`): confere com diferenças finitas, com `redes.modelo` e no XOR."""
import numpy as np
import pytest

from redes import ativacoes, custos
from redes import retropropagacao as rp
from redes.gradiente import diferenca_relativa, gradiente_numerico
from redes.modelo import mlp


def _lote(tamanhos, m, semente=0):
    rng = np.random.default_rng(semente)
    return rng.standard_normal((m, tamanhos[0])), rng.random((m, tamanhos[-1]))


def test_propagar_guarda_z_e_a_de_cada_camada():
    pesos, vieses = rp.iniciar([3, 4, 2], "grande", 1)
    X, _ = _lote([3, 4, 2], 5)
    ida = rp.propagar(pesos, vieses, X)
    assert len(ida.Z) == 2 and len(ida.A) == 3 and ida.A[0] is not None
    np.testing.assert_array_equal(ida.A[0], X)
    np.testing.assert_allclose(ida.Z[0], X @ pesos[0] + vieses[0])
    np.testing.assert_allclose(ida.A[2], ativacoes.sigmoide(ativacoes.sigmoide(ida.Z[0]) @ pesos[1] + vieses[1]))
    ida = rp.propagar(pesos, vieses, X, "relu", saida="identidade")
    np.testing.assert_allclose(ida.A[1], np.maximum(ida.Z[0], 0))
    np.testing.assert_allclose(ida.A[2], ida.Z[1])


@pytest.mark.parametrize("ativacao,saida", [("sigmoide", None), ("tanh", "sigmoide"), ("sigmoide", "identidade"),
                                            ("tanh", "tanh")])
def test_retropropagar_igual_a_diferencas_finitas(ativacao, saida):
    tamanhos = [3, 5, 4, 2]
    pesos, vieses = rp.iniciar(tamanhos, "grande", 2)
    X, Y = _lote(tamanhos, 6, 3)
    grad = rp.retropropagar(pesos, vieses, X, Y, ativacao, saida)

    def custo(_):
        return rp.custo_quadratico(pesos, vieses, X, Y, ativacao, saida)
    for analitico, p in zip(grad.W + grad.b, pesos + vieses):
        numerico = gradiente_numerico(custo, p)            # mexe em p no lugar e o restaura
        assert diferenca_relativa(analitico, numerico) < 1e-7
    W_num, b_num = rp.gradiente_por_diferencas(pesos, vieses, X, Y, ativacao, saida)
    for a, n in zip(grad.W + grad.b, W_num + b_num):
        np.testing.assert_allclose(a, n, atol=1e-8)
    assert grad.custo == pytest.approx(custo(None))


def test_retropropagar_igual_ao_backward_do_modelo():
    tamanhos = [4, 6, 5, 3]
    modelo = mlp(tamanhos, "sigmoide", "sigmoide", "lecun", semente=7, tipo="float64")
    pesos, vieses = rp.parametros_do_modelo(modelo)
    X, Y = _lote(tamanhos, 8, 1)
    custo = custos.ErroQuadratico()
    saida = modelo.forward(X)
    modelo.backward(custo.gradiente(saida, Y))
    grad = rp.retropropagar(pesos, vieses, X, Y)
    nossos = [g for par in zip(grad.W, grad.b) for g in par]
    for deles, nosso in zip(modelo.gradientes(), nossos):
        np.testing.assert_allclose(deles, nosso, rtol=1e-12, atol=1e-15)
    assert grad.custo == pytest.approx(custo.valor(saida, Y))
    np.testing.assert_allclose(rp.propagar(pesos, vieses, X).A[-1], saida)


def test_lote_e_a_media_dos_gradientes_de_cada_exemplo():
    pesos, vieses = rp.iniciar([3, 4, 2], "grande", 1)
    X, Y = _lote([3, 4, 2], 5, 9)
    lote = rp.retropropagar(pesos, vieses, X, Y)
    um_a_um = [rp.retropropagar(pesos, vieses, X[i:i + 1], Y[i:i + 1]) for i in range(5)]
    for l in range(2):
        np.testing.assert_allclose(lote.W[l], np.mean([g.W[l] for g in um_a_um], axis=0))
        np.testing.assert_allclose(lote.b[l], np.mean([g.b[l] for g in um_a_um], axis=0))


def test_deltas_e_normas_por_camada():
    pesos, vieses = rp.iniciar([4, 3, 3, 2], "lecun", 0)
    X, Y = _lote([4, 3, 3, 2], 5)
    grad = rp.retropropagar(pesos, vieses, X, Y)
    assert [d.shape for d in grad.deltas] == [(5, 3), (5, 3), (5, 2)]
    np.testing.assert_allclose(grad.b[1], grad.deltas[1].sum(axis=0))                 # BP3
    np.testing.assert_allclose(rp.normas_por_camada(grad), [np.linalg.norm(w) for w in grad.W])
    np.testing.assert_allclose(rp.normas_por_camada(grad, de="delta"), [np.linalg.norm(d) for d in grad.deltas])
    with pytest.raises(ValueError, match="desconhecido"):
        rp.normas_por_camada(grad, de="z")


def test_coluna_de_uns_e_o_exemplo_do_livro():
    X1 = rp.adicionar_coluna_de_uns(rp.XOR_X)
    np.testing.assert_array_equal(X1, [[0, 0, 1], [0, 1, 1], [1, 0, 1], [1, 1, 1]])
    W1, w2 = rp.PESOS_LIVRO
    h = ativacoes.sigmoide(X1[1] @ W1)
    np.testing.assert_allclose(X1[1] @ W1, [2.192, 0.707, 0.496])
    np.testing.assert_allclose(h, [0.8995, 0.6697, 0.6215], atol=5e-5)
    assert float(ativacoes.sigmoide(h @ w2)) == pytest.approx(0.4803, abs=5e-5)
    # com o viés fora da matriz, a mesma conta
    ida = rp.propagar([W1[:2], w2[:, None]], [W1[2], np.zeros(1)], rp.XOR_X[1:2])
    assert float(ida.A[-1][0, 0]) == pytest.approx(0.4803, abs=5e-5)
    with pytest.raises(ValueError, match="2 eixos"):
        rp.adicionar_coluna_de_uns([1.0, 2.0])


def test_treinar_xor_deterministico_e_resolve_com_dois_ocultos():
    a = rp.treinar_xor(2, 4.0, "sigmoide", 1, 2000)
    b = rp.treinar_xor(2, 4.0, "sigmoide", 1, 2000)
    np.testing.assert_array_equal(a.custos, b.custos)
    np.testing.assert_array_equal(a.previsoes, b.previsoes)
    assert a.acertos == 4 and a.custos[-1] < 0.01 and len(a.custos) == 2001
    assert a.custos[-1] < a.custos[0]
    np.testing.assert_array_equal(a.previsoes > 0.5, [False, True, True, False])
    assert rp.treinar_xor(3, 2.0, "sigmoide", 0, 3000).acertos == 4
    assert rp.treinar_xor().acertos == 4                # os valores padrão são os do capítulo
    assert rp.treinar_xor(2, 0.5, "tanh", 1, 1500).acertos == 4


def test_treinar_xor_um_oculto_falha_e_algumas_sementes_empacam():
    assert all(rp.treinar_xor(1, 4.0, "sigmoide", s, 800).acertos <= 3 for s in range(4))
    empacada = rp.treinar_xor(2, 4.0, "sigmoide", 0, 2000)
    assert empacada.acertos == 2 and abs(empacada.custos[-1] - 1 / 16) < 2e-3


def test_treinar_xor_valida_os_argumentos():
    with pytest.raises(ValueError, match="ativacao"):
        rp.treinar_xor(2, 1.0, "softmax")
    with pytest.raises(ValueError, match="maior que 0"):
        rp.treinar_xor(2, 0.0)
    with pytest.raises(ValueError, match="ocultos"):
        rp.treinar_xor(0)
    assert len(rp.treinar_xor(2, 1.0, epocas=0).custos) == 1


def test_comparar_metodos():
    r = rp.comparar_metodos(2, 5)
    assert r["tamanhos"] == [4, 5, 5, 2] and r["n_parametros"] == 4 * 5 + 5 + 5 * 5 + 5 + 5 * 2 + 2
    assert r["passadas"] == 2 * r["n_parametros"]
    assert r["diferenca_maxima"] < 1e-8 and r["tempo_diferencas"] > 0 and r["tempo_retro"] > 0
    assert r["razao"] == pytest.approx(r["tempo_diferencas"] / r["tempo_retro"])
    assert r["normas"].shape == (3,) and np.all(r["normas"] > 0)


def test_erros_de_forma_em_portugues():
    pesos, vieses = rp.iniciar([3, 4, 2], "grande", 1)
    X, Y = _lote([3, 4, 2], 5)
    with pytest.raises(ValueError, match="um vetor de vieses por camada"):
        rp.propagar(pesos, vieses[:1], X)
    with pytest.raises(ValueError, match="camada anterior tem 4 saídas"):
        rp.propagar([pesos[0], pesos[1][:3]], [vieses[0], vieses[1]], X)
    with pytest.raises(ValueError, match=r"forma \(m, 3\)"):
        rp.propagar(pesos, vieses, X[:, :2])
    with pytest.raises(ValueError, match="um alvo por exemplo"):
        rp.retropropagar(pesos, vieses, X, Y[:3])
    with pytest.raises(TypeError, match="listas"):
        rp.propagar(pesos[0], vieses[0], X)
    with pytest.raises(ValueError, match="pelo menos dois"):
        rp.iniciar([3])
