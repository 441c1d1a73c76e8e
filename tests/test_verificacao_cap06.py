"""Verificações do capítulo 6: aceitam a solução, recusam o esboço e respostas erradas plausíveis, e nunca quebram."""
import numpy as np
import pytest
from contrato_verificacao import contrato

from redes import verificacao as verificar


def esboco(*args):
    raise NotImplementedError()


def sigmoide(z):
    return 1 / (1 + np.exp(-z))


# ---------------------------------------------------------------- soluções certas

def n_entradas_certo(altura, largura, canais=1):
    return altura * largura * canais


def parametros_certo(tamanhos):
    return [(a * b, b) for a, b in zip(tamanhos[:-1], tamanhos[1:])]


def parametros_com_laco(tamanhos):
    """Outra solução certa, que devolve listas no lugar de tuplas."""
    resposta = []
    for i in range(1, len(tamanhos)):
        resposta.append([tamanhos[i - 1] * tamanhos[i], tamanhos[i]])
    return resposta


def propagar_certo(X, pesos, vieses):
    a = X
    for W, b in zip(pesos, vieses):
        a = sigmoide(a @ W + b)
    return a


def propagar_por_exemplo(X, pesos, vieses):
    """Outra solução certa: um exemplo de cada vez, neurônio a neurônio."""
    saidas = []
    for x in X:
        a = list(x)
        for W, b in zip(pesos, vieses):
            a = [float(sigmoide(sum(a[i] * W[i, j] for i in range(len(a))) + b[j])) for j in range(W.shape[1])]
        saidas.append(a)
    return np.array(saidas)


def memoria_certa(m, tamanhos, bytes_por_numero=4):
    return m * sum(tamanhos) * bytes_por_numero


def feedforward_certo(adjacencia):
    """Com potências da matriz: há ciclo se algum traço de A^k (k = 1..n) é positivo."""
    A = (np.asarray(adjacencia) != 0).astype(int)
    P = np.eye(len(A), dtype=int)
    for _ in range(len(A)):
        P = np.minimum(P @ A, 1)
        if np.trace(P) > 0:
            return False
    return True


def feedforward_por_busca(adjacencia):
    """Outra solução certa: busca em profundidade procurando uma volta."""
    A = np.asarray(adjacencia) != 0
    estado = [0] * len(A)           # 0 = não visto, 1 = na pilha, 2 = terminado

    def visita(i):
        estado[i] = 1
        for j in np.flatnonzero(A[i]):
            if estado[j] == 1 or (estado[j] == 0 and not visita(j)):
                return False
        estado[i] = 2
        return True

    return all(estado[i] == 2 or visita(i) for i in range(len(A)))


# ---------------------------------------------------------------- respostas erradas

def _propagar_sem_sigmoide_no_fim(X, pesos, vieses):
    a = X
    for W, b in zip(pesos[:-1], vieses[:-1]):
        a = sigmoide(a @ W + b)
    return a @ pesos[-1] + vieses[-1]


def _propagar_sem_vies(X, pesos, vieses):
    a = X
    for W in pesos:
        a = sigmoide(a @ W)
    return a


def _propagar_sigmoide_so_no_fim(X, pesos, vieses):
    a = X
    for W, b in zip(pesos, vieses):
        a = a @ W + b
    return sigmoide(a)


def _propagar_transposta(X, pesos, vieses):
    a = X
    for W, b in zip(pesos, vieses):
        a = sigmoide(a @ W.T + b)
    return a


def _propagar_todas(X, pesos, vieses):
    ativacoes = [X]
    for W, b in zip(pesos, vieses):
        ativacoes.append(sigmoide(ativacoes[-1] @ W + b))
    return ativacoes


CASOS = {
    "n_entradas": ([n_entradas_certo, lambda a, l, c=1: int(np.prod([a, l, c]))], [
        lambda a, l, c=1: a * l,                      # esqueceu os canais
        lambda a, l, c=3: a * l * c,                  # padrão errado: supõe imagem colorida
        lambda a, l, c=1: (a + l) * c,
        lambda a, l, c=1: a * l + c,
    ]),
    "parametros_por_camada": ([parametros_certo, parametros_com_laco], [
        lambda t: [(a * b, a) for a, b in zip(t[:-1], t[1:])],               # vieses da camada de trás
        lambda t: [(a * b + b, b) for a, b in zip(t[:-1], t[1:])],           # somou os vieses nos pesos
        lambda t: [(0, t[0])] + [(a * b, b) for a, b in zip(t[:-1], t[1:])],  # a entrada como camada
        lambda t: [(a * b, b) for a, b in zip(t[:-2], t[1:-1])],             # esqueceu a última
        lambda t: sum(a * b + b for a, b in zip(t[:-1], t[1:])),             # só o total
    ]),
    "propagar": ([propagar_certo, propagar_por_exemplo], [
        _propagar_sem_sigmoide_no_fim, _propagar_sem_vies, _propagar_sigmoide_so_no_fim,
        _propagar_transposta, _propagar_todas,
        lambda X, p, v: sigmoide(X @ p[0] + v[0]),                              # só a primeira camada
    ]),
    "memoria_ativacoes": ([memoria_certa], [
        lambda m, t, b=4: m * sum(t[1:]) * b,                                   # esqueceu a entrada
        lambda m, t, b=4: sum(t) * b,                                           # esqueceu o lote
        lambda m, t, b=4: m * sum(x * y + y for x, y in zip(t[:-1], t[1:])) * b,  # contou os parâmetros
        lambda m, t, b=4: m * sum(t) * 4,                                       # ignorou os bytes
        lambda m, t, b=8: m * sum(t) * b,                                       # padrão float64
    ]),
    "e_feedforward": ([feedforward_certo, feedforward_por_busca], [
        lambda A: not np.any(np.diag(np.asarray(A))),                          # só olha os laços
        lambda A: bool(np.all(np.tril(np.asarray(A)) == 0)),                   # supõe a numeração em ordem
        lambda A: not np.array_equal(np.asarray(A), np.asarray(A).T),          # "recorrente = simétrica"
        lambda A: True,
        lambda A: bool(np.any(np.asarray(A))),
    ]),
}

LIXO = [None, 3, lambda *a: "texto", lambda *a: None, lambda *a: [[1, 2], [3]],
        lambda *a: 1 / 0, lambda *a: np.zeros((7, 7)), lambda *a: {"a": 1}]


def test_propagar_confere_com_o_sequencial():
    """A referência é a própria biblioteca: Densa + sigmoide num Sequencial com os mesmos pesos."""
    from redes.verificacao import cap06
    rng = np.random.default_rng(0)
    X, pesos, vieses = cap06._rede_aleatoria(rng, [3, 4, 2], 5)
    assert np.allclose(cap06._propagar(X, pesos, vieses), propagar_certo(X, pesos, vieses), rtol=1e-12)


def test_grafos_dos_casos():
    """Os grafos da verificação têm as respostas anunciadas nas descrições."""
    from redes.verificacao import cap06
    respostas = [cap06._e_feedforward(A) for _, A in cap06._grafos()]
    assert respostas == [True, False, False, True, False, True, False, True]
    assert respostas == [feedforward_por_busca(A) for _, A in cap06._grafos()]


def test_mensagem_de_erro_mostra_o_caso(capsys):
    verificar.parametros_por_camada(CASOS["parametros_por_camada"][1][0])
    saida = capsys.readouterr().out
    assert "tamanhos = [784, 30, 10]" in saida and "dica:" in saida


# O contrato comum a toda verificação (tests/contrato_verificacao.py).
globals().update(contrato(verificar, CASOS, LIXO))
