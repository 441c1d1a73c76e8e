"""Verificações do capítulo 9: aceitam soluções, recusam o esboço e erros plausíveis, e nunca quebram."""
import numpy as np
from contrato_verificacao import contrato

from redes import verificacao as verificar
from redes.verificacao import cap09


# ------------------------------------------------------------------ custo quadrático

def custo_certo(A, Y):
    return np.sum((Y - A) ** 2) / (2 * len(A))


def custo_por_laco(A, Y):
    total = 0.0
    for a, y in zip(A, Y):
        total += float(np.linalg.norm(y - a)) ** 2
    return total / (2 * len(A))


# ------------------------------------------------------------------ descida

def descida_certa(grad, v0, taxa, passos):
    v = np.array(v0, dtype=float)
    for _ in range(passos):
        v = v - taxa * grad(v)
    return v


def descida_no_lugar(grad, v0, taxa, passos):
    """Outra solução certa: muda v0 no lugar e devolve uma lista."""
    v = v0.astype(float)
    for _ in range(passos):
        v -= taxa * grad(v)
    return list(v)


def _descida_com(sinal=-1, extra=0, caminho=False):
    def errada(grad, v0, taxa, passos):
        v = np.array(v0, dtype=float)
        pontos = [v]
        for _ in range(passos + extra):
            v = v + sinal * taxa * grad(v)
            pontos.append(v)
        return np.array(pontos) if caminho else v
    return errada


# ------------------------------------------------------------------ minilotes

def minilotes_certo(n, m, rng):
    ordem = rng.permutation(n)
    return [ordem[i:i + m] for i in range(0, n, m)]


def minilotes_com_shuffle(n, m, rng):
    """Outra solução certa: rng.shuffle e um gerador (yield), com listas de inteiros Python."""
    indices = list(range(n))
    rng.shuffle(indices)
    for i in range(0, n, m):
        yield indices[i:i + m]


def minilotes_sem_embaralhar(n, m, rng):
    ordem = np.arange(n)
    return [ordem[i:i + m] for i in range(0, n, m)]


def minilotes_global(n, m, rng):
    ordem = np.random.permutation(n)               # ignora o rng recebido
    return [ordem[i:i + m] for i in range(0, n, m)]


def minilotes_com_reposicao(n, m, rng):
    return [rng.integers(0, n, size=min(m, n - i)) for i in range(0, n, m)]


def minilotes_descarta_resto(n, m, rng):
    ordem = rng.permutation(n)
    return [ordem[i:i + m] for i in range(0, n - m + 1, m)] or [ordem]


def minilotes_um_array(n, m, rng):
    return rng.permutation(n)


# ------------------------------------------------------------------ taxa máxima

def taxa_certa(H):
    return 2 / np.linalg.eigvalsh(H).max()


def taxa_com_eig(H):
    return float(2 / np.max(np.real(np.linalg.eigvals(np.asarray(H)))))


# ------------------------------------------------------------------ ΔC

def variacao_certa(C, grad, v, taxa):
    g = grad(v)
    return -taxa * g @ g, C(v - taxa * g) - C(v)


def _variacao_com(sinal=-1, sem_eta=False, invertida=False, so_previsto=False):
    def errada(C, grad, v, taxa):
        g = grad(v)
        previsto = sinal * (1 if sem_eta else taxa) * g @ g
        real = C(v - taxa * g) - C(v)
        if so_previsto:
            return previsto
        return (previsto, -real) if invertida else (previsto, real)
    return errada


CASOS = {
    "custo_quadratico": ([custo_certo, custo_por_laco], [
        lambda A, Y: np.mean((Y - A) ** 2),                          # média sobre todas as entradas
        lambda A, Y: np.sum((Y - A) ** 2) / len(A),                  # sem o ½
        lambda A, Y: np.sum((Y - A) ** 2) / 2,                       # sem dividir por n
        lambda A, Y: np.sum(np.abs(Y - A)) / (2 * len(A)),           # módulo no lugar do quadrado
        lambda A, Y: np.sum((Y - A) ** 2) / (2 * np.size(A)),        # n = número de entradas
    ]),
    "descida_do_gradiente": ([descida_certa, descida_no_lugar], [
        _descida_com(sinal=+1),                                      # subida, não descida
        _descida_com(extra=1),                                       # um passo a mais
        _descida_com(caminho=True),                                  # devolve o caminho inteiro
        lambda grad, v0, taxa, passos: np.asarray(v0) - taxa * passos * grad(np.asarray(v0)),  # um passo gigante
    ]),
    "minilotes_indices": ([minilotes_certo, minilotes_com_shuffle], [
        minilotes_sem_embaralhar, minilotes_global, minilotes_com_reposicao, minilotes_descarta_resto,
        minilotes_um_array,
    ]),
    "taxa_maxima_estavel": ([taxa_certa, taxa_com_eig], [
        lambda H: 2 / np.linalg.eigvalsh(H).min(),                   # menor curvatura
        lambda H: 1 / np.linalg.eigvalsh(H).max(),                   # o limite monótono, 1/λ
        lambda H: 2 / np.trace(H),                                   # soma das curvaturas
        lambda H: 2 / np.max(np.diag(H)),                            # só a diagonal
    ]),
    "variacao_do_custo": ([variacao_certa, lambda C, g, v, t: np.array(variacao_certa(C, g, v, t))], [
        _variacao_com(sinal=+1),                                     # previsto com o sinal trocado
        _variacao_com(sem_eta=True),                                 # esqueceu o η
        _variacao_com(invertida=True),                               # antes − depois
        _variacao_com(so_previsto=True),                             # só um número
    ]),
}

LIXO = [None, 3, "texto", lambda *a: "texto", lambda *a: None, lambda *a: [[1, 2], [3]],
        lambda *a: 1 / 0, lambda *a: np.zeros((7, 7)), lambda *a: {"a": 1}, lambda *a: np.nan, lambda: 0,
        lambda *a: iter(()), lambda *a: [np.array(0.5)]]


def test_referencias_tem_os_valores_do_enunciado():
    final = cap09._descida(cap09._grad_exercicio, np.zeros(2), 0.1, 200)
    assert np.allclose(final, [3.0, -1.0], atol=1e-4)
    assert np.isclose(cap09._custo_quadratico([[0.2, 0.8], [0.6, 0.4]], [[0, 1], [1, 0]]), 0.1)
    assert np.isclose(cap09._taxa_maxima(np.diag([1.0, 10.0])), 0.2)
    previsto, real = cap09._variacao(cap09._alongada, cap09._grad_alongada, np.array([-2.0, 1.5]), 0.3)
    assert np.isclose(previsto, -68.7) and np.isclose(real, 32.73)


def test_minilotes_mensagens_claras(capsys):
    assert not verificar.minilotes_indices(minilotes_sem_embaralhar)
    assert "embaralhe" in capsys.readouterr().out
    assert not verificar.minilotes_indices(minilotes_global)
    assert "rng" in capsys.readouterr().out
    assert not verificar.minilotes_indices(minilotes_descarta_resto)
    assert "esperava" in capsys.readouterr().out


def test_verificacoes_sao_rapidas(capsys):
    import time
    inicio = time.perf_counter()
    for nome, (certas, _) in CASOS.items():
        assert getattr(verificar, nome)(certas[0])
    assert time.perf_counter() - inicio < 2
    capsys.readouterr()


# O contrato comum a toda verificação (tests/contrato_verificacao.py).
globals().update(contrato(verificar, CASOS, LIXO))
