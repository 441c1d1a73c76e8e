"""Testes de `redes.autodiff`: o modo reverso (`Valor`) e o modo direto (`Dual`) contra diferenças finitas."""
import math

import numpy as np
import pytest

from redes.autodiff import (Dual, Valor, arestas, contar_caminhos, derivadas_modo_direto, gradiente_modo_direto,
                            gradiente_modo_reverso, ordem_topologica)

H = 1e-5


def centrada(f, x, i):
    """Derivada parcial de f (que recebe uma lista de floats) na coordenada i, por diferenças centradas."""
    mais, menos = list(x), list(x)
    mais[i] += H
    menos[i] -= H
    return (f(mais) - f(menos)) / (2 * H)


# ------------------------------------------------------------ o exemplo de Olah

def test_exemplo_e_igual_a_c_vezes_d():
    a, b = Valor(2.0, "a"), Valor(1.0, "b")
    c = a + b
    d = b + 1
    e = c * d
    assert (c.dados, d.dados, e.dados) == (3.0, 2.0, 6.0)
    assert all(no.grad == 0.0 for no in ordem_topologica(e))      # a ida não calcula derivada nenhuma
    e.backward()
    assert (a.grad, b.grad, c.grad, d.grad, e.grad) == (2.0, 5.0, 2.0, 3.0, 1.0)
    # derivadas locais nas arestas: ∂e/∂c = d = 2, ∂e/∂d = c = 3, as outras 1 (a constante 1 também entra)
    locais = {(u.rotulo or f"{u.dados:g}", id(v)): der for u, v, der in arestas(e)}
    assert e.derivadas_locais == (2.0, 3.0) and c.derivadas_locais == (1.0, 1.0) and d.derivadas_locais == (1.0, 1.0)
    assert len(locais) == 6
    f = lambda x: (x[0] + x[1]) * (x[1] + 1)       # noqa: E731
    assert abs(centrada(f, [2.0, 1.0], 0) - 2.0) < 1e-8 and abs(centrada(f, [2.0, 1.0], 1) - 5.0) < 1e-8


def test_soma_sobre_caminhos_e_contagem():
    a, b = Valor(2.0, "a"), Valor(1.0, "b")
    e = (a + b) * (b + 1)
    assert contar_caminhos(e, a) == 1 and contar_caminhos(e, b) == 2 and contar_caminhos(e, e) == 1
    assert contar_caminhos(e, Valor(7.0)) == 0                      # um nó fora do grafo: nenhum caminho
    # camadas de 3 nós entre X, Y e Z: 3 × 3 = 9 caminhos; k estágios dão 3^k
    X = Valor(1.0, "X")
    no = X
    for _ in range(6):
        no = sum(k * no for k in (0.5, 2.0, -1.0))
    assert contar_caminhos(no, X) == 3 ** 6 and len(arestas(no)) >= 6 * 6


def test_modo_direto_no_grafo_e_com_duais():
    a, b = Valor(2.0, "a"), Valor(1.0, "b")
    c, d = a + b, b + 1
    e = c * d
    de_b = derivadas_modo_direto(e, b)
    assert (de_b[a], de_b[b], de_b[c], de_b[d], de_b[e]) == (0.0, 1.0, 1.0, 1.0, 5.0)
    assert derivadas_modo_direto(e, a)[e] == 2.0
    ad, bd = Dual(2.0), Dual(1.0, 1.0)
    ed = (ad + bd) * (bd + 1)
    assert (ed.valor, ed.derivada) == (6.0, 5.0)


# ------------------------------------------------------------ reuso de um nó

def test_no_usado_em_dois_caminhos_acumula():
    x = Valor(3.0, "x")
    y = x * x                       # o mesmo nó nas duas entradas da multiplicação
    y.backward()
    assert x.grad == 6.0
    z = x * 2 + x.tanh() + x        # três caminhos saem de x
    z.backward()
    assert math.isclose(x.grad, 2 + (1 - math.tanh(3.0) ** 2) + 1, rel_tol=1e-12)


def test_backward_recomeca_do_zero_a_cada_chamada():
    a = Valor(1.5)
    e = a * a * a
    e.backward()
    e.backward()
    assert math.isclose(a.grad, 3 * 1.5 ** 2)


def test_grafo_profundo_sem_recursao():
    entradas = [Valor(float(i)) for i in range(3000)]
    total = sum(entradas)           # uma cadeia de 3000 somas
    total.backward()
    assert total.dados == sum(range(3000)) and all(e.grad == 1.0 for e in entradas)
    assert len(ordem_topologica(total)) == 2 * 3000 + 1     # + o 0 inicial do sum e as 3000 somas


# ------------------------------------------------------------ expressões sorteadas

UNARIAS = ["tanh", "sigmoide", "exp", "relu", "log", "quadrado", "inverso", "neg"]


def _expressao(rng, n_entradas=3, passos=12):
    """Uma expressão sorteada, como lista de instruções; avalia-se com floats, Valor ou Dual."""
    instrucoes = []
    for _ in range(passos):
        if rng.random() < 0.6:
            op = str(rng.choice(["+", "-", "*", "/", "**"]))
            instrucoes.append((op, int(rng.integers(0, n_entradas + len(instrucoes))),
                               int(rng.integers(0, n_entradas + len(instrucoes))), float(rng.uniform(0.5, 2.0))))
        else:
            instrucoes.append((str(rng.choice(UNARIAS)), int(rng.integers(0, n_entradas + len(instrucoes))), 0, 0.0))
    return instrucoes


def _avaliar(instrucoes, x, modulo):
    """modulo: "float" usa math; "obj" usa os métodos de Valor/Dual. Protege log, / e ** com somas positivas."""
    nos = list(x)
    for op, i, j, k in instrucoes:
        u, v = nos[i], nos[j]
        if op == "+":
            r = u + v
        elif op == "-":
            r = k - v * u
        elif op == "*":
            r = u * v * 0.5
        elif op == "/":
            r = u / (v * v + k)
        elif op == "**":
            r = (u * u + k) ** 1.5
        elif op == "quadrado":
            r = u ** 2
        elif op == "inverso":
            r = 1 / (u * u + 1)
        elif op == "neg":
            r = -u
        elif op == "log":
            r = (u * u + 0.5).log() if modulo == "obj" else math.log(u * u + 0.5)
        elif modulo == "obj":
            r = getattr(u * 0.3, op)()
        else:
            w = u * 0.3
            r = {"tanh": math.tanh, "exp": math.exp, "relu": lambda t: max(t, 0.0),
                 "sigmoide": lambda t: 1 / (1 + math.exp(-t))}[op](w)
        nos.append(r)
    return nos[-1] + 0.1 * nos[-2] * nos[-3]


@pytest.mark.parametrize("semente", range(20))
def test_expressoes_sorteadas_contra_diferencas_centrais(semente):
    rng = np.random.default_rng(semente)
    instrucoes = _expressao(rng)
    x = list(rng.uniform(-1.5, 1.5, size=3))
    entradas = [Valor(v) for v in x]
    saida = _avaliar(instrucoes, entradas, "obj")
    assert math.isclose(saida.dados, _avaliar(instrucoes, x, "float"), rel_tol=1e-12, abs_tol=1e-12)
    saida.backward()
    for i, e in enumerate(entradas):
        numerica = centrada(lambda v: _avaliar(instrucoes, v, "float"), x, i)
        assert abs(e.grad - numerica) <= 1e-6 * max(1.0, abs(numerica)), (semente, i, e.grad, numerica)
    # o modo direto dá o mesmo gradiente, com uma passada por entrada
    direto = gradiente_modo_direto(lambda v: _avaliar(instrucoes, v, "obj"), x)
    reverso = gradiente_modo_reverso(lambda v: _avaliar(instrucoes, v, "obj"), x)
    np.testing.assert_allclose(direto, [e.grad for e in entradas], rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(reverso, direto, rtol=1e-10, atol=1e-12)


def test_operacoes_com_numeros_dos_dois_lados():
    x = Valor(2.0)
    casos = {
        "x + 3": (x + 3, 5.0, 1.0), "3 + x": (3 + x, 5.0, 1.0),
        "x - 3": (x - 3, -1.0, 1.0), "3 - x": (3 - x, 1.0, -1.0),
        "x * 3": (x * 3, 6.0, 3.0), "3 * x": (3 * x, 6.0, 3.0),
        "x / 4": (x / 4, 0.5, 0.25), "4 / x": (4 / x, 2.0, -1.0),
        "x ** 3": (x ** 3, 8.0, 12.0), "2 ** x": (2 ** x, 4.0, 4.0 * math.log(2)),
        "-x": (-x, -2.0, -1.0), "x ** 0": (x ** 0, 1.0, 0.0),
        "x ** x": (x ** x, 4.0, 4.0 * (1 + math.log(2))),
    }
    for nome, (saida, valor, derivada) in casos.items():
        saida.backward()
        assert math.isclose(saida.dados, valor) and math.isclose(x.grad, derivada, abs_tol=1e-15), nome


def test_ativacoes_e_suas_derivadas():
    for x0 in (-2.0, -0.3, 0.4, 1.7):
        for nome, f, df in [("tanh", math.tanh, lambda t: 1 - math.tanh(t) ** 2),
                            ("sigmoide", lambda t: 1 / (1 + math.exp(-t)),
                             lambda t: math.exp(-t) / (1 + math.exp(-t)) ** 2),
                            ("relu", lambda t: max(t, 0.0), lambda t: float(t > 0)),
                            ("exp", math.exp, math.exp)]:
            x = Valor(x0)
            y = getattr(x, nome)()
            y.backward()
            assert math.isclose(y.dados, f(x0)) and math.isclose(x.grad, df(x0)), (nome, x0)
            d = getattr(Dual(x0, 1.0), nome)()
            assert math.isclose(d.valor, f(x0)) and math.isclose(d.derivada, df(x0)), (nome, x0)
    x = Valor(0.5)
    y = x.log()
    y.backward()
    assert math.isclose(y.dados, math.log(0.5)) and x.grad == 2.0
    assert Valor(-800.0).sigmoide().dados == 0.0 and Valor(800.0).sigmoide().dados == 1.0   # sem estourar


def test_dual_regras():
    x = Dual(3.0, 1.0)
    for saida, valor, derivada in [(x * x, 9.0, 6.0), (1 / x, 1 / 3, -1 / 9), (x - 1, 2.0, 1.0), (1 - x, -2.0, -1.0),
                                   (x ** 2, 9.0, 6.0), (2 + x, 5.0, 1.0), (x / x, 1.0, 0.0), (x.log(), math.log(3), 1 / 3)]:
        assert math.isclose(saida.valor, valor) and math.isclose(saida.derivada, derivada, abs_tol=1e-15)
    assert "derivada=1" in repr(x)


def test_modos_com_muitas_entradas_e_saida_constante():
    rng = np.random.default_rng(0)
    w = rng.normal(size=50)

    def custo(x):
        z = sum(wi * xi for wi, xi in zip(w, x))
        return (z.tanh() - 0.5) ** 2
    x = rng.normal(size=50)
    np.testing.assert_allclose(gradiente_modo_direto(custo, x), gradiente_modo_reverso(custo, x), rtol=1e-12)
    assert np.array_equal(gradiente_modo_reverso(lambda v: 3.0, [1.0, 2.0]), [0.0, 0.0])
    assert np.array_equal(gradiente_modo_direto(lambda v: 3.0, [1.0, 2.0]), [0.0, 0.0])


# ------------------------------------------------------------ erros em português

@pytest.mark.parametrize("conta, erro, mensagem", [
    (lambda: Valor("dois"), TypeError, "esperava números em `dados`"),
    (lambda: Valor(float("nan")), ValueError, "precisa ser finito"),
    (lambda: Valor([1.0, 2.0]), ValueError, "esperava um número em `dados`"),
    (lambda: Valor(Valor(1.0)), TypeError, "já é um Valor"),
    (lambda: Valor(1.0, rotulo=3), TypeError, "esperava um texto em `rotulo`"),
    (lambda: Valor(1.0) + "a", TypeError, "não sei fazer \\+ entre um Valor e str"),
    (lambda: [1] * Valor(1.0), TypeError, "não sei fazer × entre um Valor e list"),
    (lambda: Valor(1.0) / 0, ZeroDivisionError, "divisão por zero"),
    (lambda: 1 / Valor(0.0), ZeroDivisionError, "divisão por zero"),
    (lambda: Valor(0.0).log(), ValueError, "log só existe para números positivos"),
    (lambda: Valor(1000.0).exp(), ValueError, "grande demais"),
    (lambda: Valor(-2.0) ** 0.5, ValueError, "base negativa"),
    (lambda: Valor(0.0) ** 0.5, ValueError, "não tem derivada em x = 0"),
    (lambda: Valor(2.0) ** "x", TypeError, "esperava um número ou um Valor no expoente"),
    (lambda: (-2.0) ** Valor(1.0), ValueError, "exige base positiva"),
    (lambda: Valor(1e200) * 1e200, ValueError, "não deu um número finito"),
    (lambda: Dual(1.0) + "a", TypeError, "não sei fazer \\+ entre um Dual e str"),
    (lambda: Dual(1.0) / 0.0, ZeroDivisionError, "divisão por zero"),
    (lambda: Dual(1.0) ** Dual(2.0), TypeError, "expoente de um Dual precisa ser um número"),
    (lambda: Dual(-1.0).log(), ValueError, "log só existe"),
    (lambda: ordem_topologica(3.0), TypeError, "esperava um Valor em `saida`"),
    (lambda: contar_caminhos(Valor(1.0), 2.0), TypeError, "esperava um Valor em `origem`"),
    (lambda: gradiente_modo_reverso(sum, [[1.0, 2.0]]), ValueError, "esperava `x` com 1 eixo"),
    (lambda: Valor(1.0, entradas=(Valor(2.0),), derivadas_locais=()), ValueError, "uma derivada local para cada"),
])
def test_erros_claros(conta, erro, mensagem):
    with pytest.raises(erro, match=mensagem):
        conta()


def test_repr_curto():
    a = Valor(2.0, "a")
    assert repr(a) == "Valor(a: dados=2, grad=0)"
    assert repr(Valor(0.123456)) == "Valor(dados=0.1235, grad=0)"


def test_soma_num_no_so():
    from redes.autodiff import soma
    x = [Valor(float(i), f"x{i}") for i in range(4)]
    s = soma([xi * xi for xi in x] + [1.0], "s")
    assert s.dados == 0 + 1 + 4 + 9 + 1 and s.operacao == "Σ" and len(s.entradas) == 5
    s.backward()
    assert [xi.grad for xi in x] == [0.0, 2.0, 4.0, 6.0]
    assert len(ordem_topologica(s)) == 4 + 4 + 1 + 1
    with pytest.raises(ValueError, match="pelo menos um termo"):
        soma([])
    with pytest.raises(TypeError, match="não sei fazer"):
        soma([Valor(1.0), "a"])


def test_dual_rapido_nao_perde_a_validacao_na_entrada():
    with pytest.raises(ValueError, match="base negativa"):
        Dual(-2.0, 1.0) ** 0.5
    with pytest.raises(TypeError, match="esperava números em `valor`"):
        Dual("x")
    soma_de_duais = sum(Dual(float(i), 1.0) for i in range(4))
    assert (soma_de_duais.valor, soma_de_duais.derivada) == (6.0, 4.0)
    x, fora = Valor(1.0, "x"), Valor(2.0)
    y = x * 3
    derivadas = derivadas_modo_direto(y, fora)           # ninguém depende de `fora`: tudo 0.0 (float)
    assert all(type(v) is float and v == 0.0 for v in derivadas.values())
