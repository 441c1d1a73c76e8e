"""Verificações do capítulo 16: aceitam soluções, recusam o esboço e erros plausíveis, e nunca quebram."""
import numpy as np
from contrato_verificacao import contrato
from scipy import ndimage

from redes import verificacao as verificar
from redes.verificacao import cap16


# ------------------------------------------------------------------ deslocar

def deslocar_certo(img, dx, dy):
    img = np.asarray(img)
    h, w = img.shape
    saida = np.zeros_like(img)
    if abs(dx) >= w or abs(dy) >= h:
        return saida
    saida[max(0, dy):h + min(0, dy), max(0, dx):w + min(0, dx)] = img[max(0, -dy):h - max(0, dy),
                                                                      max(0, -dx):w - max(0, dx)]
    return saida


def deslocar_por_lacos(img, dx, dy):
    h, w = np.shape(img)
    saida = np.zeros((h, w))
    for i in range(h):
        for j in range(w):
            if 0 <= i - dy < h and 0 <= j - dx < w:
                saida[i, j] = img[i - dy][j - dx]
    return saida


def deslocar_com_roll(img, dx, dy):                     # erro clássico: os pixels voltam do outro lado
    return np.roll(np.roll(img, dy, axis=0), dx, axis=1)


# ------------------------------------------------------------------ girar

def girar_certo(img, angulo):
    return ndimage.rotate(np.asarray(img, dtype=float), angulo, reshape=False, order=1)


def girar_do_zero(img, angulo):
    img = np.asarray(img, dtype=float)
    h, w = img.shape
    t = np.deg2rad(angulo)
    ci, cj = (h - 1) / 2, (w - 1) / 2
    i, j = np.mgrid[:h, :w]
    r = ci + np.cos(t) * (i - ci) + np.sin(t) * (j - cj)
    c = cj - np.sin(t) * (i - ci) + np.cos(t) * (j - cj)
    r0, c0 = np.floor(r).astype(int), np.floor(c).astype(int)
    fr, fc = r - r0, c - c0

    def px(a, b):
        ok = (a >= 0) & (a < h) & (b >= 0) & (b < w)
        return np.where(ok, img[np.clip(a, 0, h - 1), np.clip(b, 0, w - 1)], 0.0)

    return ((1 - fr) * (1 - fc) * px(r0, c0) + (1 - fr) * fc * px(r0, c0 + 1)
            + fr * (1 - fc) * px(r0 + 1, c0) + fr * fc * px(r0 + 1, c0 + 1))


# ------------------------------------------------------------------ aumentar

def aumentar_certo(X, y, k, semente):
    rng = np.random.default_rng(semente)
    copias = []
    for _ in range(k):
        d = rng.integers(-1, 2, size=(len(X), 2))
        copias.append(np.stack([deslocar_certo(x, a, b) for x, (a, b) in zip(X, d)]))
    return np.concatenate(copias), np.tile(y, k)


def aumentar_com_lista(X, y, k, semente):
    """Outra solução certa: listas, random.Random, float32."""
    import random
    sorteio = random.Random(semente)
    imagens, rotulos = [], []
    for _ in range(k):
        for x, r in zip(X, y):
            imagens.append(deslocar_por_lacos(x, sorteio.choice([-1, 0, 1]), sorteio.choice([-1, 0, 1])))
            rotulos.append(r)
    return np.array(imagens, dtype=np.float32), np.array(rotulos)


def aumentar_intercalado(X, y, k, semente):
    X_novo, _ = aumentar_certo(X, y, k, semente)
    n = len(X)
    ordem = np.arange(k * n).reshape(k, n).T.reshape(-1)
    return X_novo[ordem], np.repeat(y, k)


def aumentar_com(deslocar=deslocar_certo, maximo=1, rotulos=None, originais=False, fixo=False, sem_deslocar=False):
    def errada(X, y, k, semente):
        rng = np.random.default_rng(0 if fixo else semente)
        copias = []
        for _ in range(k):
            d = rng.integers(-maximo, maximo + 1, size=(len(X), 2)) * (0 if sem_deslocar else 1)
            copias.append(np.stack([deslocar(x, a, b) for x, (a, b) in zip(X, d)]))
        X_novo = np.concatenate(copias)
        if originais:
            X_novo = np.concatenate([X, X_novo])[:k * len(X)]
        return X_novo, (rotulos(y, k) if rotulos else np.tile(y, k))
    return errada


CASOS = {
    "deslocar_imagem": ([deslocar_certo, deslocar_por_lacos], [
        deslocar_com_roll,
        lambda img, dx, dy: deslocar_certo(img, dy, dx),                    # eixos trocados
        lambda img, dx, dy: deslocar_certo(img, -dx, -dy),                  # sentido trocado
        lambda img, dx, dy: np.asarray(img),                                # não desloca
    ]),
    "girar_imagem": ([girar_certo, girar_do_zero], [
        lambda img, a: girar_certo(img, -a),                                # sentido horário
        lambda img, a: girar_certo(img, np.deg2rad(a)),                     # radianos
        lambda img, a: ndimage.rotate(np.asarray(img, float), a, reshape=True, order=1),   # muda o tamanho
        lambda img, a: ndimage.rotate(np.asarray(img, float), a, reshape=False),           # spline cúbica
        lambda img, a: ndimage.rotate(np.asarray(img, float), a, reshape=False, order=0),  # vizinho mais próximo
    ]),
    "atualizacoes_no_treino": ([lambda n, e, m: e * int(np.ceil(n / m)), lambda n, e, m: e * ((n + m - 1) // m)], [
        lambda n, e, m: e * (n // m),                                       # esqueceu o minilote incompleto
        lambda n, e, m: e * n / m,                                          # divisão real
        lambda n, e, m: n * e,                                              # exemplos, não atualizações
        lambda n, e, m: -(-n // m),                                         # só uma época
    ]),
    "aumentar": ([aumentar_certo, aumentar_com_lista], [
        aumentar_com(deslocar=deslocar_com_roll),                           # np.roll
        aumentar_com(maximo=3),                                             # desloca demais
        aumentar_com(rotulos=lambda y, k: np.repeat(y, k)),                 # rótulos intercalados
        aumentar_com(rotulos=lambda y, k: np.asarray(y)),                   # rótulos só uma vez
        aumentar_com(fixo=True),                                            # ignora a semente
        aumentar_com(sem_deslocar=True),                                    # só copia
        lambda X, y, k, s: (np.concatenate([X] * k), np.tile(y, k)),        # nenhum deslocamento
        lambda X, y, k, s: aumentar_certo(X, y, k, s)[0],                   # só X_novo
        lambda X, y, k, s: (aumentar_certo(X, y, k, s)[0].reshape(-1, 784), np.tile(y, k)),   # achatou
    ]),
}

LIXO = [None, 3, "texto", lambda *a: "texto", lambda *a: None, lambda *a: [[1, 2], [3]],
        lambda *a: 1 / 0, lambda *a: np.zeros((7, 7)), lambda *a: {"a": 1}, lambda *a: np.nan, lambda: 0,
        lambda *a: (np.zeros((2, 2)), "x"), lambda *a: ("a", "b")]


def test_aumentar_intercalado_recebe_dica(capsys):
    assert not verificar.aumentar(aumentar_intercalado)
    assert "intercaladas" in capsys.readouterr().out


def test_aumentar_originais_primeiro_e_recusado_so_se_nada_muda(capsys):
    # a imagem original como uma das cópias é um deslocamento (0, 0), que o enunciado permite
    assert verificar.aumentar(aumentar_com(originais=True))
    assert not verificar.aumentar(aumentar_com(sem_deslocar=True))
    assert "nenhuma das" in capsys.readouterr().out


def test_referencias_e_casos():
    img = cap16._numerada(3, 4)
    assert cap16._deslocar_imagem(img, 1, 0).tolist() == [[0, 1, 2, 3], [0, 5, 6, 7], [0, 9, 10, 11]]
    assert cap16._atualizacoes_no_treino(50_000, 30, 10) == 150_000 == cap16._atualizacoes_no_treino(100, 15_000, 10)
    assert cap16._atualizacoes_no_treino(1005, 2, 10) == 202
    rng = np.random.default_rng(0)
    falso = cap16._digito_falso(rng)
    assert falso[0].sum() == 0 and falso[:, 0].sum() == 0 and falso[14, 14] > 0


def test_verificacoes_sao_rapidas(capsys):
    import time
    inicio = time.perf_counter()
    for nome, (certas, _) in CASOS.items():
        assert getattr(verificar, nome)(certas[0])
    assert time.perf_counter() - inicio < 5
    capsys.readouterr()


# O contrato comum a toda verificação (tests/contrato_verificacao.py).
globals().update(contrato(verificar, CASOS, LIXO))
