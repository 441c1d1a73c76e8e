"""Verificações do capítulo 8: aceitam soluções, recusam o esboço e erros plausíveis, e nunca quebram."""
import numpy as np
import pytest
from contrato_verificacao import contrato

from redes import verificacao as verificar
from redes.verificacao import cap08


def esboco(*args):
    raise NotImplementedError()


def achatar_certo(imagens):
    return np.asarray(imagens).reshape(len(imagens), -1)


def desachatar_certo(vetores):
    return np.asarray(vetores).reshape(len(vetores), 28, 28)


def one_hot_certo(rotulos, k=10):
    return np.eye(k)[np.asarray(rotulos)]


def _medias(X, y, resumo=np.mean):
    e = np.asarray(X).sum(axis=1)
    return np.array([resumo(e[np.asarray(y) == d]) for d in range(10)])


def escuridao_certa(X_treino, y_treino, X_teste, y_teste):
    medias = _medias(X_treino, y_treino)
    previsoes = np.abs(np.asarray(X_teste).sum(axis=1)[:, None] - medias).argmin(axis=1)
    return np.mean(previsoes == y_teste)


def escuridao_por_laco(X_treino, y_treino, X_teste, y_teste):
    """Outra solução certa: média dos pixels (não a soma) e laços, como quem começa escreveria."""
    soma, conta = [0.0] * 10, [0] * 10
    for x, d in zip(X_treino, y_treino):
        soma[d] += float(np.mean(x))
        conta[d] += 1
    medias = [s / c for s, c in zip(soma, conta)]
    acertos = 0
    for x, d in zip(X_teste, y_teste):
        e = float(np.mean(x))
        acertos += min(range(10), key=lambda c: abs(e - medias[c])) == d
    return acertos / len(y_teste)


def contar_certo(tamanhos):
    return sum(a * b + b for a, b in zip(tamanhos[:-1], tamanhos[1:]))


def _escuridao_com(escolher=np.argmin, resumo=np.mean, escala=1.0, treino_do_teste=False):
    def errada(X_treino, y_treino, X_teste, y_teste):
        if treino_do_teste:
            X_treino, y_treino = X_teste, y_teste
        medias = _medias(X_treino, y_treino, resumo)
        previsoes = escolher(np.abs(np.asarray(X_teste).sum(axis=1)[:, None] - medias), axis=1)
        return escala * np.mean(previsoes == y_teste)
    return errada


def _escuridao_media_global(X_treino, y_treino, X_teste, y_teste):
    """Erro plausível: uma média só (de todas as imagens), e não uma por dígito."""
    media = np.asarray(X_treino).sum(axis=1).mean()
    return np.mean(np.full(len(y_teste), int(round(media)) % 10) == y_teste)


CASOS = {
    "achatar": ([achatar_certo, lambda x: np.asarray(x).reshape(len(x), 784)], [
        lambda x: np.asarray(x).reshape(len(x), -1, order="F"),          # coluna por coluna
        lambda x: np.asarray(x).transpose(0, 2, 1).reshape(len(x), -1),  # o mesmo erro, com transposta
        lambda x: np.asarray(x).reshape(784, -1),                        # exemplos nas colunas
        lambda x: np.asarray(x).reshape(-1),                             # achatou o lote inteiro
    ]),
    "desachatar": ([desachatar_certo], [
        lambda v: np.asarray(v).reshape(len(v), 28, 28, order="F"),
        lambda v: np.asarray(v).reshape(len(v), 28, 28).transpose(0, 2, 1),
        lambda v: np.asarray(v).reshape(28, 28, -1),                      # eixo do lote no fim
    ]),
    "one_hot": ([one_hot_certo, lambda r, k=10: np.asarray(r)[:, None] == np.arange(k)], [
        lambda r, k=10: np.eye(k)[np.asarray(r)].T,                        # transposta
        lambda r, k=10: np.eye(k)[np.asarray(r) - 1],                      # um a menos
        lambda r, k=10: np.eye(k, k, 1)[np.asarray(r)],                    # um a mais
        lambda r, k=10: np.eye(int(np.max(r)) + 1)[np.asarray(r)],         # ignora k
    ]),
    "acuracia_escuridao": ([escuridao_certa, escuridao_por_laco], [
        _escuridao_com(escolher=np.argmax),                                 # mais longe, em vez de mais perto
        _escuridao_com(resumo=np.median),                                   # mediana no lugar da média
        _escuridao_com(escala=100.0),                                       # porcentagem
        _escuridao_com(treino_do_teste=True),                               # médias tiradas do teste
        _escuridao_media_global,                                            # média de todas as classes juntas
    ]),
    "contar_parametros": ([contar_certo], [
        lambda t: sum(a * b for a, b in zip(t[:-1], t[1:])),                 # esqueceu os vieses
        lambda t: sum(a * b for a, b in zip(t[:-1], t[1:])) + sum(t),        # viés também na entrada
        lambda t: sum(a * b + a for a, b in zip(t[:-1], t[1:])),             # um viés por entrada
    ]),
}

LIXO = [None, 3, "texto", lambda *a: "texto", lambda *a: None, lambda *a: [[1, 2], [3]],
        lambda *a: 1 / 0, lambda *a: np.zeros((7, 7)), lambda *a: {"a": 1}, lambda *a: np.nan, lambda: 0]


def test_escuridao_nao_depende_de_escala(capsys):
    """Pixels de 0 a 255 ou de 0 a 1, soma ou média: a média mais próxima é a mesma."""
    assert verificar.acuracia_escuridao(lambda a, b, c, d: escuridao_certa(255 * a, b, 255 * c, d))
    assert "✔" in capsys.readouterr().out


def test_verificacoes_sao_rapidas_e_nao_mudam_com_a_chamada(capsys):
    import time
    inicio = time.perf_counter()
    for _ in range(3):
        for nome, (certas, _) in CASOS.items():
            assert getattr(verificar, nome)(certas[0])
    assert time.perf_counter() - inicio < 5
    capsys.readouterr()


# ------------------------------------------------------------- código de 4 bits

W_CERTA = cap08.BITS.astype(float)          # linha d = bits de d
B_CERTO = np.full(4, -0.5)


def test_bits_da_referencia():
    assert cap08.BITS.shape == (10, 4)
    assert cap08.BITS[5].tolist() == [0, 1, 0, 1] and cap08.BITS[9].tolist() == [1, 0, 0, 1]
    assert np.array_equal(cap08.BITS @ [8, 4, 2, 1], np.arange(10))


def test_codigo_binario_aceita_solucoes(capsys):
    assert verificar.codigo_binario(W_CERTA, B_CERTO)
    assert verificar.codigo_binario(W_CERTA.tolist(), B_CERTO.tolist())
    assert verificar.codigo_binario(W_CERTA, np.zeros(4))              # z = 0 no bit desligado: degrau dá 0
    assert verificar.codigo_binario(10 * (2 * W_CERTA - 1), np.zeros(4))
    assert verificar.codigo_binario(W_CERTA, B_CERTO.reshape(1, 4))    # b como linha também serve
    assert "✔" in capsys.readouterr().out


def test_codigo_binario_recusa_erros_plausiveis(capsys):
    casos = [
        (W_CERTA[:, ::-1], B_CERTO),                # bit menos significativo primeiro
        (W_CERTA.T, B_CERTO),                       # transposta
        (W_CERTA, np.full(4, 0.5)),                 # viés com o sinal trocado: tudo liga
        (W_CERTA - 1, np.zeros(4)),                 # z = 0 nos bits ligados: degrau(0) = 0
        (np.eye(10, 4), B_CERTO),                   # one-hot cortado, não binário
    ]
    for W, b in casos:
        assert not verificar.codigo_binario(W, b)
        saida = capsys.readouterr().out
        assert "✘" in saida and "esperava" in saida
    verificar.codigo_binario(W_CERTA.T, B_CERTO)
    assert "parece transposta" in capsys.readouterr().out


@pytest.mark.parametrize("W,b", [(None, B_CERTO), (W_CERTA, None), (None, None)])
def test_codigo_binario_ainda_nao_definido(W, b, capsys):
    assert not verificar.codigo_binario(W, b)
    assert "ainda não definida" in capsys.readouterr().out


@pytest.mark.parametrize("W,b", [("texto", B_CERTO), (W_CERTA, "x"), ([[1, 2], [3]], B_CERTO), (W_CERTA, np.zeros(3)),
                                 (np.full((10, 4), np.nan), B_CERTO), (3, 4), ({"a": 1}, B_CERTO),
                                 (W_CERTA, np.zeros((2, 4)))])
def test_codigo_binario_nunca_quebra(W, b, capsys):
    assert not verificar.codigo_binario(W, b)
    saida = capsys.readouterr().out
    assert "✘" in saida and "Traceback" not in saida


# O contrato comum a toda verificação (tests/contrato_verificacao.py).
globals().update(contrato(verificar, CASOS, LIXO))
