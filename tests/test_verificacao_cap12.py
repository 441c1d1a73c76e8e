"""Verificações do capítulo 12: aceitam soluções, recusam o esboço e erros plausíveis, e nunca quebram."""
import time

import numpy as np
import pytest
from contrato_verificacao import contrato

from redes import verificacao as verificar
from redes.verificacao import cap12


def sigmoide(z):
    return 1.0 / (1.0 + np.exp(-z))


# ------------------------------------------------------------- soluções certas

def formas_certas(tamanhos, convencao="nielsen"):
    pares = list(zip(tamanhos[:-1], tamanhos[1:]))
    return [(n, k) for k, n in pares] if convencao == "nielsen" else [(k, n) for k, n in pares]


def formas_com_arrays(tamanhos, convencao="nielsen"):
    """Outra resposta certa: uma lista de listas, calculada com arrays."""
    t = np.array(tamanhos)
    saida = np.column_stack([t[1:], t[:-1]])
    return (saida if convencao == "nielsen" else saida[:, ::-1]).tolist()


def feedforward_certo(pesos, vieses, X):
    A = X
    for W, b in zip(pesos, vieses):
        A = sigmoide(A @ W.T + b)
    return A


def feedforward_por_exemplo(pesos, vieses, X):
    """Certo também: Nielsen ao pé da letra, um exemplo (vetor coluna) de cada vez."""
    saidas = []
    for x in X:
        a = x.reshape(-1, 1)
        for W, b in zip(pesos, vieses):
            a = sigmoide(W @ a + b.reshape(-1, 1))
        saidas.append(a.ravel())
    return np.array(saidas)


def avaliar_certo(saidas, rotulos):
    return int(np.sum(np.argmax(saidas, axis=1) == rotulos))


def avaliar_por_laco(saidas, rotulos):
    return sum(int(np.argmax(s) == r) for s, r in zip(saidas, rotulos))


def atualizar_certo(pesos, vieses, X, Y, eta):
    ativacoes = [X]
    for W, b in zip(pesos, vieses):
        ativacoes.append(sigmoide(ativacoes[-1] @ W.T + b))
    A = ativacoes[-1]
    delta = (A - Y) * A * (1 - A)
    m = len(X)
    novos_W, novos_b = [None] * len(pesos), [None] * len(pesos)
    for l in range(len(pesos) - 1, -1, -1):
        novos_W[l] = pesos[l] - eta / m * (delta.T @ ativacoes[l])
        novos_b[l] = vieses[l] - eta / m * delta.sum(axis=0)
        if l > 0:
            a = ativacoes[l]
            delta = (delta @ pesos[l]) * a * (1 - a)
    return novos_W, novos_b


def atualizar_no_lugar(pesos, vieses, X, Y, eta):
    """Certo: muda as listas recebidas no lugar e também as devolve (como o `self.pesos` da classe)."""
    novos_W, novos_b = atualizar_certo(pesos, vieses, X, Y, eta)
    for l in range(len(pesos)):
        pesos[l][...] = novos_W[l]
        vieses[l][...] = novos_b[l]
    return pesos, vieses


def treinar_certo(tamanhos, X, y, epocas, tamanho_minilote, eta, semente=0, atualizar=atualizar_certo,
                  embaralhar=True):
    pesos, vieses = cap12.criar_rede(tamanhos, semente)
    Y = np.eye(tamanhos[-1])[y]
    sorteio = np.random.default_rng(semente)
    for _ in range(epocas):
        ordem = sorteio.permutation(len(X)) if embaralhar else np.arange(len(X))
        for inicio in range(0, len(X), tamanho_minilote):
            idx = ordem[inicio:inicio + tamanho_minilote]
            pesos, vieses = atualizar(pesos, vieses, X[idx], Y[idx], eta)
    return pesos, vieses


def treinar_sem_embaralhar(*args):
    return treinar_certo(*args, embaralhar=False)


# ------------------------------------------------------------- respostas erradas plausíveis

def _feedforward_com(sem_vies=False, sigmoide_so_no_fim=False, devolve_z=False):
    def errada(pesos, vieses, X):
        A = X
        for l, (W, b) in enumerate(zip(pesos, vieses)):
            Z = A @ W.T + (0 if sem_vies else b)
            ultima = l == len(pesos) - 1
            A = Z if (devolve_z and ultima) or (sigmoide_so_no_fim and not ultima) else sigmoide(Z)
        return A
    return errada


def _atualizar_com(soma=False, sem_derivada_na_saida=False, sinal=1.0, so_ultima=False):
    def errada(pesos, vieses, X, Y, eta):
        ativacoes = [X]
        for W, b in zip(pesos, vieses):
            ativacoes.append(sigmoide(ativacoes[-1] @ W.T + b))
        A = ativacoes[-1]
        delta = (A - Y) if sem_derivada_na_saida else (A - Y) * A * (1 - A)
        fator = eta if soma else eta / len(X)
        novos_W, novos_b = list(pesos), list(vieses)
        for l in range(len(pesos) - 1, -1, -1):
            if so_ultima and l < len(pesos) - 1:
                break
            novos_W[l] = pesos[l] - sinal * fator * (delta.T @ ativacoes[l])
            novos_b[l] = vieses[l] - sinal * fator * delta.sum(axis=0)
            if l > 0:
                delta = (delta @ pesos[l]) * ativacoes[l] * (1 - ativacoes[l])
        return novos_W, novos_b
    return errada


def _treinar_com(atualizar=None, sem_treino=False, transposta=False):
    def errada(tamanhos, X, y, epocas, tamanho_minilote, eta, semente=0):
        if sem_treino:
            pesos, vieses = cap12.criar_rede(tamanhos, semente)
        else:
            pesos, vieses = treinar_certo(tamanhos, X, y, epocas, tamanho_minilote, eta, semente,
                                          atualizar=atualizar or atualizar_certo)
        return ([W.T for W in pesos] if transposta else pesos), vieses
    return errada


CASOS = {
    "rede_formas_dos_pesos": ([formas_certas, formas_com_arrays], [
        lambda t, c="nielsen": formas_certas(t, "linhas" if c == "nielsen" else "nielsen"),   # convenções trocadas
        lambda t, c="nielsen": [(t[0], t[0])] + formas_certas(t, c),                          # pesos na entrada
        lambda t, c="nielsen": [(n, k) for k, n in zip(t[:-1], t[1:])],                         # ignora a convenção
        lambda t, c="nielsen": [(t[i], t[i]) for i in range(len(t) - 1)],                      # só um tamanho
    ]),
    "rede_feedforward": ([feedforward_certo, feedforward_por_exemplo], [
        _feedforward_com(sem_vies=True),
        _feedforward_com(sigmoide_so_no_fim=True),
        _feedforward_com(devolve_z=True),
        lambda p, v, X: sigmoide(X @ p[0].T + v[0]),                                           # só a 1ª camada
    ]),
    "rede_avaliar": ([avaliar_certo, avaliar_por_laco], [
        lambda s, r: int(np.sum(np.argmin(s, axis=1) == r)),                                   # argmin
        lambda s, r: float(np.mean(np.argmax(s, axis=1) == r)),                                 # fração
        lambda s, r: int(np.sum(np.argmax(s, axis=1) != r)),                                   # conta os erros
        lambda s, r: int(np.sum(np.argmax(s, axis=0)[: len(r)] == r[: s.shape[1]])),          # eixo errado
    ]),
    "rede_atualizar_minilote": ([atualizar_certo, atualizar_no_lugar], [
        _atualizar_com(soma=True),                       # esqueceu de dividir por m
        _atualizar_com(sem_derivada_na_saida=True),      # Δ da saída sem σ'
        _atualizar_com(sinal=-1.0),                      # sobe o gradiente
        _atualizar_com(so_ultima=True),                  # só atualiza a última camada
        lambda p, v, X, Y, eta: (p, v),                  # não muda nada
    ]),
    "rede_treinar": ([treinar_certo, treinar_sem_embaralhar], [
        _treinar_com(sem_treino=True),
        _treinar_com(atualizar=_atualizar_com(sinal=-1.0)),
        _treinar_com(transposta=True),
        lambda t, X, y, *a: treinar_certo(t, X, y, 0, 10, 3.0),                                  # nenhuma época
    ]),
}

LIXO = [None, 3, "texto", lambda *a: "texto", lambda *a: None, lambda *a: [[1, 2], [3]],
        lambda *a: 1 / 0, lambda *a: np.zeros((7, 7)), lambda *a: {"a": 1}, lambda *a: np.nan, lambda: 0,
        lambda *a: ([np.nan], [np.nan]), lambda *a: ("ab", "cd")]


# O contrato comum a toda verificação (tests/contrato_verificacao.py).
globals().update(contrato(verificar, CASOS, LIXO))


def test_saidas_guardadas_do_exemplo_conferem():
    pesos, vieses = cap12.criar_rede([2, 3, 1], 0)
    np.testing.assert_allclose(cap12._feedforward(pesos, vieses, cap12.ENTRADAS_231), cap12.SAIDAS_231, atol=1e-8)
    assert [W.shape for W in pesos] == [(3, 2), (1, 3)] and [b.shape for b in vieses] == [(3,), (1,)]


def test_referencia_do_passo_confere_com_a_biblioteca():
    """O passo de referência (laço por exemplo) é o mesmo da biblioteca, com os pesos transpostos."""
    from redes import modelo, treino
    pesos, vieses = cap12.criar_rede([4, 5, 3], 9)
    rng = np.random.default_rng(9)
    X, y = rng.random((6, 4)), rng.integers(0, 3, size=6)
    novos_W, novos_b = cap12._atualizar_minilote(pesos, vieses, X, np.eye(3)[y], 2.0)
    rede = modelo.mlp([4, 5, 3], inicializacao="grande", tipo="float64")
    densas = [c for c in rede.camadas if hasattr(c, "W")]
    for c, W, b in zip(densas, pesos, vieses):
        c.W[...], c.b[...] = W.T, b
    treino.treinar(rede, (X, y), "quadratico", 2.0, epocas=1, tamanho_lote=6, progresso=False)
    for c, W, b in zip(densas, novos_W, novos_b):
        np.testing.assert_allclose(c.W, W.T, atol=1e-12)
        np.testing.assert_allclose(c.b, b, atol=1e-12)


@pytest.mark.parametrize("semente", range(6))
def test_piso_do_treino_tem_folga(semente):
    """A referência passa com folga do piso em sorteios diferentes (a verificação não depende da sorte)."""
    for tamanhos, epocas, minilote, eta in (([2, 8, 3], 30, 10, 3.0), ([2, 5, 3], 30, 5, 2.0)):
        X, y = cap12._dados_de_treino(semente)
        Xt, yt = cap12._dados_de_treino(50 + semente)
        for treinar in (treinar_certo, treinar_sem_embaralhar):
            pesos, vieses = treinar(tamanhos, X, y, epocas, minilote, eta, semente)
            assert cap12._avaliar(cap12._feedforward(pesos, vieses, Xt), yt) / len(yt) >= cap12.PISO_TREINO + 0.05


def test_transposta_recebe_dica(capsys):
    assert not verificar.rede_treinar(_treinar_com(transposta=True))
    assert "parece a transposta" in capsys.readouterr().out


def test_treino_informa_a_acuracia(capsys):
    assert verificar.rede_treinar(treinar_certo)
    saida = capsys.readouterr().out
    assert saida.count("% de acerto em 300 pontos novos") == 2


def test_verificacoes_sao_rapidas(capsys):
    for nome, (certas, _) in CASOS.items():
        inicio = time.perf_counter()
        assert getattr(verificar, nome)(certas[0])
        assert time.perf_counter() - inicio < 1.0, nome
    capsys.readouterr()
