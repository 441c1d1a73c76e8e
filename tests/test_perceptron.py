"""O perceptron: formas com limiar e viés, portas, NANDs, a regra de Rosenblatt e o teorema de convergência."""
import matplotlib

matplotlib.use("Agg")

import itertools  # noqa: E402

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from redes import graficos, neuronio, perceptron, portas  # noqa: E402

OITO = np.array(list(itertools.product([0, 1], repeat=3)), dtype=float)


def test_festival_limiar_5_e_3():
    w = [6, 2, 2]
    com_5 = perceptron.decidir_com_limiar(OITO, w, 5)
    com_3 = perceptron.decidir_com_limiar(OITO, w, 3)
    x1, x2, x3 = OITO.T.astype(int)
    assert np.array_equal(com_5, x1)                          # só o tempo decide
    assert np.array_equal(com_3, x1 | (x2 & x3))              # tempo, ou companhia e transporte
    assert np.array_equal(com_3, perceptron.prever(OITO, w, -3))   # b = −θ
    assert perceptron.decidir_com_limiar([1, 0, 0], w, 6) == 0     # 6 > 6 é falso


@pytest.mark.parametrize("nome", ["AND", "OR", "NAND", "NOR"])
def test_portas(nome):
    X, y = portas.tabela_verdade(nome)
    w, b = perceptron.porta(nome)
    assert np.array_equal(perceptron.prever(X, w, b), y)


def test_not_e_nand_do_livro():
    w, b = perceptron.porta("not")
    assert list(perceptron.prever(np.array([[0.0], [1.0]]), w, b)) == [1, 0]
    assert np.allclose(neuronio.potencial(portas.ENTRADAS, [-2, -2], 3), [3, 1, 1, -1])
    assert [perceptron.nand(a, b) for a, b in [(0, 0), (0, 1), (1, 0), (1, 1)]] == [1, 1, 1, 0]
    with pytest.raises(ValueError, match="não são linearmente separáveis"):
        perceptron.porta("XOR")


def test_meio_somador_e_somador_completo():
    for a, b in itertools.product([0, 1], repeat=2):
        assert perceptron.meio_somador(a, b) == (a ^ b, a & b)
    for a, b, c in itertools.product([0, 1], repeat=3):
        soma, vai = perceptron.somador_completo(a, b, c)
        assert 2 * vai + soma == a + b + c
    a = np.array([0, 1, 1]), np.array([1, 1, 0])
    assert [list(v) for v in perceptron.meio_somador(*a)] == [[1, 0, 1], [0, 1, 0]]


def test_passo_perceptron():
    w, b = perceptron.passo_perceptron([0.0, 0.0], 0.0, [1.0, 1.0], 1, 1.0)   # z = 0 → ŷ = 0, erra
    assert np.array_equal(w, [1, 1]) and b == 1
    w, b = perceptron.passo_perceptron([0.0, 0.0], 0.0, [0.0, 1.0], 0, 1.0)   # z = 0 → ŷ = 0, acerta
    assert np.array_equal(w, [0, 0]) and b == 0
    w0 = np.array([1.0, 1.0])
    w, b = perceptron.passo_perceptron(w0, 1.0, [0.0, 1.0], 0, 0.5)
    assert np.array_equal(w, [1.0, 0.5]) and b == 0.5 and np.array_equal(w0, [1.0, 1.0])
    with pytest.raises(ValueError, match="positiva"):
        perceptron.passo_perceptron([0, 0], 0, [1, 1], 1, 0.0)
    with pytest.raises(ValueError, match=r"esperava x com forma \(2,\)"):
        perceptron.passo_perceptron([0, 0], 0, [1, 1, 1], 1, 1.0)


def test_treino_and_or_converge_e_xor_nao():
    esperado = {"AND": (5, 10, [2, 1], -2), "OR": (3, 4, [1, 1], 0), "NAND": (5, 11, [-2, -1], 3)}
    for nome, (epoca, erros, w, b) in esperado.items():
        X, y = portas.tabela_verdade(nome)
        h = perceptron.treinar_perceptron(X, y, eta=1.0, epocas=100)
        assert h.convergiu and h.epoca_convergencia == epoca and h.total_de_atualizacoes == erros
        assert np.array_equal(h.w, w) and h.b == b
        assert np.array_equal(perceptron.prever(X, h.w, h.b), y)
        assert h.erros_por_epoca[-1] == 0 and len(h.erros_por_epoca) == epoca
    X, y = portas.tabela_verdade("XOR")
    h = perceptron.treinar_perceptron(X, y, epocas=100)
    assert not h.convergiu and min(h.erros_por_epoca) > 0 and len(h.erros_por_epoca) == 100
    assert perceptron.periodo_do_ciclo(h) == (2, 1)
    assert h.pesos.shape == (401, 2) and h.indices.shape == (400,) and h.erros_por_passo.shape == (401,)


def test_eta_nao_muda_os_erros_partindo_de_zero():
    X, y = portas.tabela_verdade("AND")
    base = perceptron.treinar_perceptron(X, y, eta=1.0)
    for eta in (0.25, 0.5, 2.0):
        h = perceptron.treinar_perceptron(X, y, eta=eta)
        assert h.epoca_convergencia == base.epoca_convergencia
        assert np.array_equal(h.erros_por_passo, base.erros_por_passo)
        assert np.allclose(h.pesos, eta * base.pesos)


def test_limite_de_novikoff():
    X, y = portas.tabela_verdade("AND")
    R, gama, limite = perceptron.limite_de_novikoff(X, y, [1, 1], -1.5)
    assert np.isclose(R, np.sqrt(3)) and np.isclose(gama, 1 / np.sqrt(17)) and np.isclose(limite, 51)
    for semente in range(20):                                 # vale em qualquer ordem
        assert perceptron.treinar_perceptron(X, y, semente=semente).total_de_atualizacoes <= limite
    with pytest.raises(ValueError, match="não separa"):
        perceptron.limite_de_novikoff(X, y, [1, 1], -0.5)


def test_propagar_rede_xor_e_classe():
    X, y = portas.tabela_verdade("XOR")
    oculta, saida = perceptron.propagar(X, perceptron.REDE_XOR)
    assert np.array_equal(oculta, [[0, 1], [1, 1], [1, 1], [1, 0]]) and np.array_equal(saida[:, 0], y)
    with pytest.raises(ValueError, match="a camada 1 espera 2 entradas"):
        perceptron.propagar(np.zeros((4, 3)), perceptron.REDE_XOR)
    p = perceptron.Perceptron(2)
    h = p.ajustar(*portas.tabela_verdade("OR"))
    assert h.convergiu and np.array_equal(p.prever(portas.ENTRADAS), [0, 1, 1, 1])
    assert np.allclose(p.forward(portas.ENTRADAS), portas.ENTRADAS @ p.w + p.b)
    assert "Perceptron(w=" in repr(p)
    with pytest.raises(ValueError, match="n_entradas"):
        perceptron.Perceptron()


def test_treinar_valida():
    X, y = portas.tabela_verdade("AND")
    with pytest.raises(ValueError, match="0 ou 1"):
        perceptron.treinar_perceptron(X, y * 2)
    with pytest.raises(ValueError, match="épocas"):
        perceptron.treinar_perceptron(X, y, epocas=0)
    with pytest.raises(ValueError, match="positiva"):
        perceptron.treinar_perceptron(X, y, eta=-1)


def test_figuras():
    graficos.aplicar_estilo()
    decisoes = graficos.figura_festival()
    assert decisoes.shape == (8, 11) and list(decisoes.sum(axis=0)) == [7, 7, 5, 5, 4, 4, 3, 3, 1, 1, 0]
    assert graficos.diagrama_meio_somador(1, 1) == (0, 1)
    with pytest.raises(ValueError, match="bits"):
        graficos.diagrama_meio_somador(2, 0)
    r = graficos.figura_treino_perceptron("AND", 20)
    assert r["erros"] == 0 and r["epoca_atual"] == 5 and np.array_equal(r["w"], [2, 1]) and r["b"] == -2
    assert graficos.figura_treino_perceptron("XOR", 40)["erros"] > 0
    assert graficos.figura_treino_perceptron("AND", 0)["erros"] == 1
    with pytest.raises(ValueError, match="passos"):
        graficos.figura_treino_perceptron("AND", 41)
    hist = graficos.figura_erros_por_epoca(epocas=10)
    assert hist["AND"].erros_por_epoca[4:] == [0] * 6 and min(hist["XOR"].erros_por_epoca) == 2
    H = graficos.figura_xor_duas_camadas()
    assert np.array_equal(H, [[0, 1], [1, 1], [1, 1], [1, 0]])
    plt.close("all")
