"""Verificações do capítulo 10: aceitam soluções, recusam o esboço e erros plausíveis, e nunca quebram."""
import math

import numpy as np
import pytest
from contrato_verificacao import contrato

from redes import verificacao as verificar
from redes.autodiff import Valor as ValorDaBiblioteca

# ------------------------------------------------------------ exercício 1


def _locais(op, x, y):
    return {"+": (1.0, 1.0), "-": (1.0, -1.0), "*": (y, x), "/": (1 / y, -x / y ** 2),
            "**": (y * x ** (y - 1), x ** y * math.log(x))}[op]


def _locais_com(**trocas):
    def errada(op, x, y):
        if op in trocas:
            return trocas[op](x, y)
        return _locais(op, x, y)
    return errada


def _locais_por_diferencas(op, x, y, h=1e-6):
    f = {"+": lambda u, v: u + v, "-": lambda u, v: u - v, "*": lambda u, v: u * v, "/": lambda u, v: u / v,
         "**": lambda u, v: u ** v}[op]
    return [(f(x + h, y) - f(x - h, y)) / (2 * h), (f(x, y + h) - f(x, y - h)) / (2 * h)]


# ------------------------------------------------------------ exercício 2

def _caminhos_recursivo(arestas, origem, destino):
    if origem == destino:
        return 1.0
    return sum(d * _caminhos_recursivo(arestas, v, destino) for u, v, d in arestas if u == origem)


def _caminhos_explicitos(arestas, origem, destino):
    """Lista cada caminho e soma os produtos (a soma sobre caminhos ao pé da letra)."""
    def todos(no):
        if no == destino:
            return [[]]
        return [[d] + resto for u, v, d in arestas if u == no for resto in todos(v)]
    return sum(math.prod(c) for c in todos(origem))


def _caminhos_so_contando(arestas, origem, destino):
    """Erro plausível: conta os caminhos, sem multiplicar as derivadas."""
    if origem == destino:
        return 1
    return sum(_caminhos_so_contando(arestas, v, destino) for u, v, _ in arestas if u == origem)


def _caminhos_somando(arestas, origem, destino):
    """Erro plausível: soma as derivadas ao longo do caminho, em vez de multiplicar."""
    def todos(no):
        if no == destino:
            return [[]]
        return [[d] + resto for u, v, d in arestas if u == no for resto in todos(v)]
    return sum(sum(c) for c in todos(origem))


def _caminhos_maior(arestas, origem, destino):
    """Erro plausível: fica com o maior caminho, em vez de somar todos."""
    def todos(no):
        if no == destino:
            return [[]]
        return [[d] + resto for u, v, d in arestas if u == no for resto in todos(v)]
    produtos = [math.prod(c) for c in todos(origem)]
    return max(produtos) if produtos else 0.0


# ------------------------------------------------------------ exercício 3

def _custos(larguras):
    arestas = sum(p * q for p, q in zip(larguras[:-1], larguras[1:]))
    return math.prod(larguras), arestas, larguras[0] * arestas, larguras[-1] * arestas


def _custos_com(caminhos=None, trocar_modos=False, passadas_apenas=False):
    def errada(larguras):
        c, a, d, r = _custos(larguras)
        if caminhos:
            c = caminhos(larguras)
        if trocar_modos:
            d, r = r, d
        if passadas_apenas:
            d, r = larguras[0], larguras[-1]
        return c, a, d, r
    return errada


# ------------------------------------------------------------ exercício 4

def _sig(z):
    return 1 / (1 + np.exp(-z))


def _gradiente_neuronio(x, w, b, y):
    a = _sig(np.dot(x, w) + b)
    delta = (a - y) * a * (1 - a)
    return delta * np.asarray(x), delta


def _gradiente_com_valor(x, w, b, y):
    pesos = [ValorDaBiblioteca(float(v)) for v in w]
    vies = ValorDaBiblioteca(float(b))
    z = vies
    for p, xi in zip(pesos, x):
        z = z + p * float(xi)
    custo = 0.5 * (z.sigmoide() - y) ** 2
    custo.backward()
    return [p.grad for p in pesos], vies.grad


GRADIENTES_ERRADOS = [
    lambda x, w, b, y: ((_sig(x @ w + b) - y) * np.asarray(x), _sig(x @ w + b) - y),        # esqueceu σ'
    lambda x, w, b, y: ((y - _sig(x @ w + b)) * _sig(x @ w + b) * (1 - _sig(x @ w + b)) * x,
                        (y - _sig(x @ w + b)) * _sig(x @ w + b) * (1 - _sig(x @ w + b))),    # sinal trocado
    lambda x, w, b, y: (_gradiente_neuronio(x, w, b, y)[0] * w, _gradiente_neuronio(x, w, b, y)[1]),   # × w
    lambda x, w, b, y: (_gradiente_neuronio(x, w, b, y)[1], _gradiente_neuronio(x, w, b, y)[0]),       # invertido
    lambda x, w, b, y: (_gradiente_neuronio(x, w, b, y)[0] * 2, _gradiente_neuronio(x, w, b, y)[1] * 2),  # sem ½
]


# ------------------------------------------------------------ exercício 5: classes Valor

class ValorCerto:
    """A solução do caderno (no estilo do micrograd: backward não zera os grad antes)."""

    def __init__(self, dados, entradas=(), locais=()):
        self.dados, self.grad, self.entradas, self.locais = float(dados), 0.0, entradas, locais

    def _valor(self, outro):
        return outro if isinstance(outro, ValorCerto) else type(self)(outro)

    def __add__(self, outro):
        outro = self._valor(outro)
        return type(self)(self.dados + outro.dados, (self, outro), (1.0, 1.0))

    def __radd__(self, outro):
        return self + outro

    def __mul__(self, outro):
        outro = self._valor(outro)
        return type(self)(self.dados * outro.dados, (self, outro), (outro.dados, self.dados))

    def __rmul__(self, outro):
        return self * outro

    def tanh(self):
        t = math.tanh(self.dados)
        return type(self)(t, (self,), (1 - t * t,))

    def _ordem(self):
        ordem, vistos = [], set()

        def visitar(no):
            if no not in vistos:
                vistos.add(no)
                for e in no.entradas:
                    visitar(e)
                ordem.append(no)
        visitar(self)
        return ordem

    def backward(self):
        self.grad = 1.0
        for no in reversed(self._ordem()):
            for e, d in zip(no.entradas, no.locais):
                e.grad += d * no.grad


class ValorSemAcumular(ValorCerto):
    def backward(self):
        self.grad = 1.0
        for no in reversed(self._ordem()):
            for e, d in zip(no.entradas, no.locais):
                e.grad = d * no.grad          # = no lugar de +=


class ValorSemOrdem(ValorCerto):
    def backward(self):
        """Recursão ingênua: empurra o grad para as entradas antes de o nó ter recebido tudo."""
        if self.grad == 0.0:
            self.grad = 1.0
        for e, d in zip(self.entradas, self.locais):
            e.grad += d * self.grad
            e.backward()


class ValorTanhErrada(ValorCerto):
    def tanh(self):
        t = math.tanh(self.dados)
        return ValorTanhErrada(t, (self,), (1 - self.dados ** 2,))     # 1 − x² no lugar de 1 − tanh²


class ValorProdutoTrocado(ValorCerto):
    def __mul__(self, outro):
        outro = self._valor(outro)
        return ValorProdutoTrocado(self.dados * outro.dados, (self, outro), (self.dados, outro.dados))


class ValorSemNumerosAEsquerda(ValorCerto):
    __radd__ = None
    __rmul__ = None


class ValorRecursaoInfinita(ValorCerto):
    def backward(self):
        self.backward()


def esboco(*args):
    raise NotImplementedError()


class ValorEsboco:
    """O esboço do caderno do aluno: a classe existe, mas os métodos ainda não."""

    def __init__(self, dados, entradas=(), locais=()):
        self.dados, self.grad, self.entradas, self.locais = float(dados), 0.0, entradas, locais

    def __add__(self, outro):
        raise NotImplementedError()

    def __mul__(self, outro):
        raise NotImplementedError()

    def tanh(self):
        raise NotImplementedError()

    def backward(self):
        raise NotImplementedError()


CASOS = {
    "grafo_derivadas_locais": ([_locais, _locais_por_diferencas], [
        _locais_com(**{"*": lambda x, y: (x, y)}),                          # trocou as derivadas do produto
        _locais_com(**{"-": lambda x, y: (1.0, 1.0)}),                      # esqueceu o sinal da subtração
        _locais_com(**{"/": lambda x, y: (1 / y, x / y ** 2)}),             # sinal de ∂(x/y)/∂y
        _locais_com(**{"**": lambda x, y: (y * x ** (y - 1), 0.0)}),        # expoente tratado como constante
        _locais_com(**{"+": lambda x, y: (x, y)}),
    ]),
    "grafo_soma_sobre_caminhos": ([_caminhos_recursivo, _caminhos_explicitos], [
        _caminhos_so_contando, _caminhos_somando, _caminhos_maior,
        lambda arestas, o, d: _caminhos_recursivo(arestas, d, o),           # ao contrário
    ]),
    "grafo_custos_em_camadas": ([_custos, lambda L: list(_custos(L))], [
        _custos_com(caminhos=lambda L: sum(L)),
        _custos_com(caminhos=lambda L: math.prod(L[1:-1])),                  # ignora a primeira e a última camada
        _custos_com(trocar_modos=True),
        _custos_com(passadas_apenas=True),                                   # passadas, não arestas visitadas
        lambda L: (math.prod(L), sum(L), L[0] * sum(L), L[-1] * sum(L)),      # nós, e não arestas
    ]),
    "grafo_gradiente_neuronio": ([_gradiente_neuronio, _gradiente_com_valor], GRADIENTES_ERRADOS),
    "grafo_valor": ([ValorCerto, ValorDaBiblioteca], [
        ValorSemAcumular, ValorSemOrdem, ValorTanhErrada, ValorProdutoTrocado, ValorSemNumerosAEsquerda,
        ValorRecursaoInfinita,
    ]),
}

LIXO = [None, 3, "texto", lambda *a: "texto", lambda *a: None, lambda *a: [[1, 2], [3]], lambda *a: 1 / 0,
        lambda *a: np.zeros((7, 7)), lambda *a: {"a": 1}, lambda *a: np.nan, lambda: 0, lambda *a: (1, 2, 3)]


def test_valor_esboco_do_caderno_e_ainda_nao_implementado(capsys):
    assert not verificar.grafo_valor(ValorEsboco)
    saida = capsys.readouterr().out
    assert "ainda não implementado" in saida and "Traceback" not in saida


def test_mensagens_dizem_o_que_falhou(capsys):
    verificar.grafo_valor(ValorSemAcumular)
    saida = capsys.readouterr().out
    assert "(e.dados, a.grad, b.grad)" in saida and "esperava [6, 2, 5]" in saida and "+=" in saida
    verificar.grafo_valor(ValorSemNumerosAEsquerda)
    assert "números (int ou float) dos dois lados" in capsys.readouterr().out
    verificar.grafo_valor(ValorRecursaoInfinita)
    assert "recursão infinita" in capsys.readouterr().out
    verificar.grafo_gradiente_neuronio(lambda x, w, b, y: (w, b, y))
    assert "esperava um par (grad_w, grad_b)" in capsys.readouterr().out
    verificar.grafo_gradiente_neuronio(lambda x, w, b, y: (np.zeros(len(w) + 1), 0.0))
    assert "esperava grad_w com forma" in capsys.readouterr().out


def test_valor_sem_ordem_so_falha_nas_expressoes_sorteadas(capsys):
    """A recursão ingênua acerta o exemplo (e nós que são folhas) e erra quando um nó interno é reaproveitado."""
    assert not verificar.grafo_valor(ValorSemOrdem)
    assert "diferenças centrais" in capsys.readouterr().out


def test_verificacoes_sao_rapidas(capsys):
    import time
    inicio = time.perf_counter()
    for nome, (certas, _) in CASOS.items():
        assert getattr(verificar, nome)(certas[0])
    assert time.perf_counter() - inicio < 2
    capsys.readouterr()


@pytest.mark.parametrize("nome", list(CASOS))
def test_nomes_nao_colidem(nome):
    import redes.verificacao.cap10 as cap10
    assert getattr(verificar, nome) is getattr(cap10, nome)


# O contrato comum a toda verificação (tests/contrato_verificacao.py).
globals().update(contrato(verificar, CASOS, LIXO))
