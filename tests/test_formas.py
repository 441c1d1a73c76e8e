"""Testes de redes.formas (regras de forma do @ e do broadcasting) e das figuras do capítulo 5."""
import itertools

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from redes import formas, graficos  # noqa: E402

# todas as formas de 0 a 3 eixos com tamanhos 1, 2 e 3: 1 + 3 + 9 + 27 = 40 formas, 1600 pares
TODAS = [()] + [t for k in range(1, 4) for t in itertools.product([1, 2, 3], repeat=k)]


@pytest.fixture(autouse=True)
def fechar_figuras():
    yield
    plt.close("all")


def _numpy(operacao, a, b):
    """A forma que o próprio NumPy produz, ou None se ele recusa a conta."""
    try:
        with np.errstate(all="ignore"):
            return (np.ones(a) @ np.ones(b)).shape if operacao == "@" else (np.ones(a) + np.ones(b)).shape
    except ValueError:
        return None


def test_forma_do_produto_concorda_com_o_numpy_em_todos_os_pares():
    for a, b in itertools.product(TODAS, TODAS):
        assert formas.forma_do_produto(a, b) == _numpy("@", a, b), (a, b)


def test_forma_da_soma_concorda_com_o_numpy_em_todos_os_pares():
    for a, b in itertools.product(TODAS, TODAS):
        assert formas.forma_da_soma(a, b) == _numpy("+", a, b), (a, b)


def test_exemplos_do_capitulo():
    assert formas.forma_do_produto((3, 4), (4,)) == (3,)          # W do texto 001 @ x
    assert formas.forma_do_produto((4,), (3, 4)) is None          # x @ W do texto 001: não existe
    assert formas.forma_do_produto((4,), (4, 3)) == (3,)          # x @ W.T
    assert formas.forma_do_produto((4,), (4,)) == ()              # produto escalar
    assert formas.forma_do_produto((64, 784), (784, 30)) == (64, 30)
    assert formas.forma_da_soma((3, 3), (3,)) == (3, 3)           # o viés em cada linha
    assert formas.forma_da_soma((3, 3), (1, 3)) == (3, 3)         # o viés (1, n) do texto 001
    assert formas.forma_da_soma((5,), (5, 1)) == (5, 5)           # o erro silencioso
    assert formas.forma_da_soma((4, 3), (4,)) is None


def test_contar_multiplicacoes():
    assert formas.contar_multiplicacoes((3, 4), (4, 3)) == 36
    assert formas.contar_multiplicacoes((4,), (4,)) == 4
    assert formas.contar_multiplicacoes((4,), (4, 3)) == 12
    assert formas.contar_multiplicacoes((10, 784), (784, 30)) == 235_200
    assert formas.contar_multiplicacoes((2, 3, 4), (4, 5)) == 2 * 3 * 4 * 5
    with pytest.raises(ValueError, match="não existe"):
        formas.contar_multiplicacoes((4,), (3, 4))


def test_formatar_como_o_numpy():
    for f in [(), (4,), (3, 4), (2, 3, 4)]:
        assert formas.formatar(f) == str(np.ones(f).shape)


def test_explicar_produto_valido_e_invalido():
    e = formas.explicar_produto((3, 4), (4, 5))
    assert e.valida and e.forma == (3, 5) and e.operacao == "@"
    assert e.resumo == "(3, 4) @ (4, 5) → (3, 5)" and "4 = 4" in e.texto
    e = formas.explicar_produto((4,), (3, 4))
    assert not e.valida and e.forma is None and e.resumo == "(4,) @ (3, 4) → não existe"
    assert "4 ≠ 3" in e.texto and "A @ B.T tem forma (3,)" in e.texto and "B @ A tem forma (3,)" in e.texto
    e = formas.explicar_produto((3, 5), (3, 2))
    assert "A.T @ B tem forma (5, 2)" in e.texto
    assert "produto escalar" in formas.explicar_produto((4,), (4,)).texto
    assert "use *" in formas.explicar_produto((), (3,)).texto
    assert "pilhas" in formas.explicar_produto((2, 3, 4), (3, 4, 5)).texto


def test_explicar_soma():
    e = formas.explicar_soma((4, 3), (3,))
    assert e.forma == (4, 3) and "B conta como (1, 3) e é copiado 4 vezes no eixo 0" in e.texto
    assert "Cuidado" not in e.texto
    e = formas.explicar_soma((5,), (5, 1))
    assert e.forma == (5, 5) and "Cuidado" in e.texto and "erro silencioso" in e.texto
    e = formas.explicar_soma((4, 3), (4,))
    assert not e.valida and "o último eixo tem 3 em A e 4 em B" in e.texto
    assert "formas iguais" in formas.explicar_soma((2, 2), (2, 2)).texto


@pytest.mark.parametrize("ruim, erro, trecho", [
    ("3, 4", TypeError, "tupla de inteiros"),
    (3, TypeError, "tupla de inteiros"),
    ((3, 2.5), TypeError, "só inteiros"),
    ((3, True), TypeError, "só inteiros"),
    ((3, -1), ValueError, "tamanho negativo"),
])
def test_formas_invalidas_dao_erro_em_portugues(ruim, erro, trecho):
    with pytest.raises(erro, match=trecho):
        formas.forma_do_produto(ruim, (3,))
    with pytest.raises(erro, match=trecho):
        formas.explicar_soma((3,), ruim)


# --- figuras ---------------------------------------------------------------------------------


def _textos(fig):
    return [t.get_text() for ax in fig.axes for t in ax.texts] + [ax.get_title() for ax in fig.axes]


def test_figura_operacao_produto_invalido_mostra_a_explicacao():
    e = graficos.figura_operacao((4,), (3, 4), "@")
    assert not e.valida
    fig = plt.gcf()
    textos = _textos(fig)
    assert "(4,) @ (3, 4) → não existe" in textos and "✘" in textos
    assert any("4 ≠ 3" in t for t in textos)
    assert "A (4,)" in textos and "B (3, 4)" in textos


def test_figura_operacao_pinta_as_dimensoes_internas():
    _, ax = graficos.figura()
    e = graficos.figura_operacao((3, 4), (4, 5), "@", ax=ax)
    assert e.forma == (3, 5) and ax.get_title() == "(3, 4) @ (4, 5) → (3, 5)"
    verdes = [t.get_text() for t in ax.texts if t.get_color() == graficos.CORES["verde"] and t.get_text() == "4"]
    assert len(verdes) == 2                        # as colunas de A e as linhas de B
    assert "saída (3, 5)" in [t.get_text() for t in ax.texts]


def test_figura_operacao_soma_desenha_as_copias():
    _, ax = graficos.figura()
    e = graficos.figura_operacao((4, 3), (3,), "+", ax=ax)
    assert e.forma == (4, 3)
    tracejadas = [p for p in ax.patches if p.get_linestyle() == "--"]
    assert len(tracejadas) == 9                    # o viés (3,) copiado em mais 3 linhas


def test_figura_operacao_valida_a_operacao():
    with pytest.raises(ValueError, match="'@' ou '\\+'"):
        graficos.figura_operacao((2, 2), (2, 2), "*")
    with pytest.raises(ValueError, match="1 a 4 eixos"):
        graficos.figura_operacao((), (2,), "+")


def test_explorar_formas_linhas_zero_e_um_vetor():
    assert graficos.explorar_formas("@", 0, 4, 3, 4).resumo == "(4,) @ (3, 4) → não existe"
    assert graficos.explorar_formas("@", 3, 4, 0, 4).forma == (3,)
    assert graficos.explorar_formas("+", 0, 3, 3, 1).forma == (3, 3)


def test_desenhar_forma_e_tamanho_concordam():
    for f in [(3,), (2, 4), (2, 2, 2), (2, 3, 4, 5), (6, 2, 2, 2)]:
        _, ax = graficos.figura()
        assert graficos.desenhar_forma(ax, f) == pytest.approx(graficos.tamanho_forma(f))
    with pytest.raises(ValueError, match="1 a 4 eixos"):
        graficos.desenhar_forma(ax, (1, 2, 3, 4, 5))


def test_figura_tensores():
    fig = graficos.figura_tensores(rotulos=["a", "b", "c", "d"])
    assert len(fig.axes) == 4
    assert fig.axes[3].get_title() == "(2, 3, 4, 5): 4 eixos\nd"
    assert fig.axes[0].get_title() == "(3,): 1 eixo\na"
    with pytest.raises(ValueError, match="rótulos"):
        graficos.figura_tensores([(2,), (2, 2)], rotulos=["só um"])


def test_figura_lote_calcula_a_camada():
    rng = np.random.default_rng(1)
    X, W, b = rng.normal(size=(10, 4)), rng.normal(size=(4, 5)), rng.normal(size=5)
    Z = graficos.figura_lote(7, X, W, b)
    np.testing.assert_allclose(Z, X[:7] @ W + b)
    assert plt.gca().get_title().startswith("m = 7: X (7, 4) @ W (4, 5) + b (5,) → Z (7, 5); 140 multiplicações")
    # sem argumentos: um lote de 64 exemplos e uma camada 4 → 5; cada linha não depende das outras
    Z1, Z64 = graficos.figura_lote(1), graficos.figura_lote(64)
    assert Z1.shape == (1, 5) and Z64.shape == (64, 5)
    np.testing.assert_allclose(Z64[:1], Z1)


def test_figura_lote_valida_as_entradas():
    with pytest.raises(ValueError, match="só 64 exemplos"):
        graficos.figura_lote(65)
    with pytest.raises(ValueError, match="pelo menos 1"):
        graficos.figura_lote(0)
    with pytest.raises(ValueError, match="esperava W com forma"):
        graficos.figura_lote(2, np.ones((3, 4)), np.ones((3, 5)), np.ones(5))
    with pytest.raises(ValueError, match="esperava b com forma"):
        graficos.figura_lote(2, np.ones((3, 4)), np.ones((4, 5)), np.ones(4))
