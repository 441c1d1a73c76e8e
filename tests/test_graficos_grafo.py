"""Testes das figuras de grafos computacionais (capítulo 10)."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

from redes import graficos  # noqa: E402
from redes.autodiff import Valor, derivadas_modo_direto, soma  # noqa: E402
from redes.graficos.figuras_grafo import numero_curto  # noqa: E402


@pytest.fixture(autouse=True)
def fechar_figuras():
    yield
    plt.close("all")


def _textos(ax):
    return [t.get_text() for t in ax.texts]


def test_numero_curto():
    assert [numero_curto(x) for x in (6.0, -1.5, 0.0479123, 2 / 3, 1e-14, 123456.0, 1.5e-5, -3e7)] == \
        ["6", "−1.5", "0.0479", "0.667", "0", "123456", "1.50e−05", "−3.00e+07"]


def test_desenhar_grafo_do_exemplo():
    a, b, c, d, e = graficos.grafo_exemplo(2.0, 1.0)
    _, ax = plt.subplots()
    pos = graficos.desenhar_grafo(e, ax=ax)
    assert set(pos) == {a, b, c, d, e}                    # a constante 1 some, vira "+ 1" no nó d
    assert pos[a][0] == pos[b][0] == 0 and pos[c][0] == pos[d][0] == 1 and pos[e][0] == 2
    assert pos[a][1] > pos[b][1] and pos[c][1] > pos[d][1]   # a e c em cima: as arestas não se cruzam
    textos = _textos(ax)
    for esperado in ["a = 2", "b = 1", "c = 3", "d = 2", "e = 6"]:
        assert esperado in textos
    assert sorted(t for t in textos if t in {"1", "2", "3"}) == ["1", "1", "1", "2", "3"]   # derivadas locais
    for esperado in ["∂e/∂a = 2", "∂e/∂b = 5", "∂e/∂c = 2", "∂e/∂d = 3", "∂e/∂e = 1", "+ 1", "+", "×"]:
        assert esperado in textos, esperado
    assert len([f for f in ax.texts if f.get_text() == ""]) == 5                            # uma seta por aresta


def test_desenhar_grafo_com_constantes_e_sem_derivadas():
    _, _, _, _, e = graficos.grafo_exemplo(2.0, 1.0)
    _, ax = plt.subplots()
    pos = graficos.desenhar_grafo(e, ax=ax, derivadas=None, esconder_constantes=False)
    assert len(pos) == 6 and not any(t.startswith("∂") for t in _textos(ax))
    assert "+ 1" not in _textos(ax) and "1" in _textos(ax)


def test_desenhar_grafo_modo_direto_e_no_repetido():
    x = Valor(3.0, "x")
    y = x * x
    y.rotulo = "y"
    _, ax = plt.subplots()
    graficos.desenhar_grafo(y, ax=ax, derivadas=derivadas_modo_direto(y, x), formato="∂{no}/∂x")
    textos = _textos(ax)
    assert "∂y/∂x = 6" in textos and "∂x/∂x = 1" in textos
    assert textos.count("3") == 2                     # duas arestas de x para y, cada uma com derivada 3


def test_desenhar_grafo_de_neuronio_em_colunas():
    w = [Valor(0.5, "w1"), Valor(-1.0, "w2")]
    x = [Valor(1.0, "x1"), Valor(2.0, "x2")]
    b = Valor(0.25, "b")
    z = soma([wi * xi for wi, xi in zip(w, x)] + [b], "z")
    a = z.tanh()
    a.rotulo = "a"
    a.backward()
    pos = graficos.desenhar_grafo(a)
    assert pos[a][0] == 3 and pos[z][0] == 2 and pos[b][0] == 1 and pos[w[0]][0] == 0
    assert "Σ" in _textos(plt.gca()) and "tanh" in _textos(plt.gca())


def test_desenhar_grafo_valida():
    with pytest.raises(TypeError, match="esperava um Valor em `saida`"):
        graficos.desenhar_grafo(3.0)
    with pytest.raises(ValueError, match="`derivadas` deve ser"):
        graficos.desenhar_grafo(Valor(1.0), derivadas="tudo")


@pytest.mark.parametrize("a, b", [(2.0, 1.0), (-1.5, 2.0), (0.0, -1.0), (3.0, -3.0)])
def test_figura_regra_da_cadeia_confere_com_diferencas_finitas(a, b):
    r = graficos.figura_regra_da_cadeia(a, b)
    assert r["c"] == a + b and r["d"] == b + 1 and r["e"] == (a + b) * (b + 1)
    assert r["de_da"] == b + 1 and r["de_db"] == a + 2 * b + 1
    assert abs(r["de_da"] - r["de_da_numerica"]) < 1e-6 and abs(r["de_db"] - r["de_db_numerica"]) < 1e-6
    painel_texto = plt.gcf().axes[1].texts[0].get_text()
    assert painel_texto.count("✔") == 2 and "✘" not in painel_texto


def test_figura_regra_da_cadeia_valida():
    with pytest.raises(TypeError, match="esperava números em `a`"):
        graficos.figura_regra_da_cadeia("x", 1.0)


def test_figura_custo_dos_modos():
    r = graficos.figura_custo_dos_modos(23_860, 1)
    assert r == {"direto": 23_860, "reverso": 1, "vantagem_reverso": 23_860.0}
    titulo = plt.gca().get_title()
    assert "N = 23.860 entradas, M = 1 saída:" in titulo and "modo reverso" in titulo and "23.860×" in titulo
    assert graficos.figura_custo_dos_modos(2.4, 1000.0) == {"direto": 2, "reverso": 1000, "vantagem_reverso": 0.002}
    assert "modo direto" in plt.gca().get_title()
    graficos.figura_custo_dos_modos(5, 5)
    assert plt.gca().get_title().endswith(": empate")
    with pytest.raises(ValueError, match="pelo menos 1 entrada"):
        graficos.figura_custo_dos_modos(0, 1)


def test_figura_modos():
    diretas, gradientes = graficos.figura_modos(2.0, 1.0)
    assert diretas == {"a": 0.0, "b": 1.0, "c": 1.0, "d": 1.0, "e": 5.0}
    assert gradientes == {"a": 2.0, "b": 5.0, "c": 2.0, "d": 3.0, "e": 1.0}
    esq, dir_ = plt.gcf().axes
    assert "∂e/∂b = 5" in _textos(esq) and "∂a/∂b = 0" in _textos(esq)
    assert "∂e/∂a = 2" in _textos(dir_) and "∂e/∂d = 3" in _textos(dir_)


def test_desenhar_grafo_sem_derivadas_locais():
    _, _, _, _, e = graficos.grafo_exemplo(2.0, 1.0)
    _, ax = plt.subplots()
    graficos.desenhar_grafo(e, ax=ax, derivadas=None, locais=False)
    textos = _textos(ax)
    assert not any(t in {"1", "2", "3"} for t in textos) and "e = 6" in textos
