"""Verificações dos exercícios do capítulo 8 (o MNIST).

As entradas são pequenas e sorteadas com semente (nada de MNIST aqui), para
que cada verificação rode em milissegundos e não dependa dos dados baixados.
"""
from __future__ import annotations

import numpy as np

from ..dados import one_hot as _one_hot
from ._nucleo import AINDA_NAO_DEFINIDA, Resultado, relatar, resumir, verificar_funcao

LADO = 28
CLASSES = 10


# ---------------------------------------------------------------- referências

def _achatar(imagens):
    imagens = np.asarray(imagens)
    return imagens.reshape(len(imagens), -1)


def _desachatar(vetores):
    vetores = np.asarray(vetores)
    return vetores.reshape(len(vetores), LADO, LADO)


def _one_hot_ref(rotulos, k=CLASSES):
    return _one_hot(np.asarray(rotulos), k)


def _acuracia_escuridao(X_treino, y_treino, X_teste, y_teste):
    escuridao_treino = np.asarray(X_treino, dtype=float).sum(axis=1)
    y_treino = np.asarray(y_treino)
    medias = np.array([escuridao_treino[y_treino == d].mean() for d in range(CLASSES)])
    escuridao_teste = np.asarray(X_teste, dtype=float).sum(axis=1)
    previsoes = np.abs(escuridao_teste[:, None] - medias[None, :]).argmin(axis=1)
    return float(np.mean(previsoes == np.asarray(y_teste)))


def _contar_parametros(tamanhos):
    tamanhos = [int(t) for t in tamanhos]
    return sum(a * b + b for a, b in zip(tamanhos[:-1], tamanhos[1:]))


#: O código de 4 bits de cada dígito, com o bit que vale 8 primeiro: 5 → [0, 1, 0, 1].
BITS = (np.arange(CLASSES)[:, None] >> np.arange(3, -1, -1)) & 1


# ---------------------------------------------------------------- verificações

def _imagens(rng, m, inteiros=False):
    if inteiros:
        return rng.integers(0, 256, size=(m, LADO, LADO), dtype=np.uint8)
    return rng.random((m, LADO, LADO))


def achatar(funcao) -> Resultado:
    """Exercício: `funcao(imagens)` leva um lote (m, 28, 28) a (m, 784), linha por linha."""
    rng = np.random.default_rng(8)
    casos = [np.arange(LADO * LADO).reshape(1, LADO, LADO),
             np.arange(3 * LADO * LADO).reshape(3, LADO, LADO),
             _imagens(rng, 4, inteiros=True),
             _imagens(rng, 2)]
    return verificar_funcao(
        "achatar", funcao, _achatar,
        [(f"imagens com forma {x.shape} ({x.dtype})", (x,)) for x in casos],
        dica="cada imagem vira uma linha: o pixel (i, j) vai para a posição 28·i + j; "
             "imagens.reshape(len(imagens), -1) faz isso (a ordem padrão do NumPy é linha por linha).")


def desachatar(funcao) -> Resultado:
    """Exercício: `funcao(vetores)` leva um lote (m, 784) de volta a (m, 28, 28)."""
    rng = np.random.default_rng(9)
    casos = [np.arange(LADO * LADO).reshape(1, -1),
             np.arange(2 * LADO * LADO).reshape(2, -1),
             _imagens(rng, 5, inteiros=True).reshape(5, -1),
             rng.random((3, LADO * LADO))]
    return verificar_funcao(
        "desachatar", funcao, _desachatar,
        [(f"vetores com forma {v.shape} ({v.dtype})", (v,)) for v in casos],
        dica="é o caminho inverso de achatar: a posição k volta para a linha k // 28 e a coluna k % 28; "
             "vetores.reshape(len(vetores), 28, 28).")


def one_hot(funcao) -> Resultado:
    """Exercício: `funcao(rotulos, k=10)` devolve a matriz (m, k) com 1 na coluna de cada rótulo."""
    rng = np.random.default_rng(10)
    casos = [
        ("rotulos = [2, 0], k = 3", (np.array([2, 0]), 3)),
        ("rotulos = [5, 0, 4, 1, 9, 2], k omitido (deve valer 10)", (np.array([5, 0, 4, 1, 9, 2]),)),
        ("rotulos = 0, 1, ..., 9, k = 10", (np.arange(10), 10)),
        ("20 rótulos sorteados entre 0 e 5, k = 10", (rng.integers(0, 6, size=20), 10)),
        ("rotulos = [7], k = 10", (np.array([7]), 10)),
    ]
    return verificar_funcao(
        "one_hot", funcao, _one_hot_ref, casos,
        dica="a resposta tem uma linha por rótulo e k colunas (forma (m, k)); a linha do rótulo d tem 1 na "
             "coluna d (contando do zero) e 0 nas outras. np.eye(k)[rotulos] faz isso.")


def _escuros(rng, m, escala, forma="exponencial"):
    """m imagens de 16 pixels; as do dígito d têm pixels com média escala[d] (distribuição assimétrica)."""
    y = np.concatenate([np.arange(CLASSES), rng.integers(0, CLASSES, size=m - CLASSES)])
    rng.shuffle(y)
    if forma == "exponencial":
        X = rng.exponential(escala[y][:, None], size=(m, 16))
    else:
        X = rng.random((m, 16)) * 2 * escala[y][:, None]
    return X, y


def acuracia_escuridao(funcao) -> Resultado:
    """Exercício: `funcao(X_treino, y_treino, X_teste, y_teste)` devolve a fração de acertos da escuridão média."""
    casos = []
    for semente, forma in ((80, "exponencial"), (81, "uniforme"), (82, "exponencial")):
        rng = np.random.default_rng(semente)
        escala = rng.permutation(np.linspace(0.2, 1.0, CLASSES))   # classes fora de ordem de escuridão
        X_tr, y_tr = _escuros(rng, 200, escala, forma)
        X_te, y_te = _escuros(rng, 120, escala, forma)
        casos.append((f"dados sintéticos (semente {semente}): 200 imagens de treino e 120 de teste, "
                      "16 pixels cada, rótulos de 0 a 9", (X_tr, y_tr, X_te, y_te)))
    return verificar_funcao(
        "acuracia_escuridao", funcao, _acuracia_escuridao, casos, rtol=0, atol=1e-9,
        dica="médias calculadas só com o TREINO, uma por dígito; para cada imagem de TESTE, o dígito cuja "
             "média está mais perto (np.argmin da distância); devolva a fração de acertos, entre 0 e 1.")


def contar_parametros(funcao) -> Resultado:
    """Exercício: `funcao(tamanhos)` devolve o número de pesos e vieses de uma rede densa."""
    casos = [[784, 30, 10], [784, 16, 16, 10], [2, 3, 1], [5, 1], [784, 100, 10], [3, 4, 4, 4, 2]]
    return verificar_funcao(
        "contar_parametros", funcao, _contar_parametros,
        [(f"tamanhos = {t}", (t,)) for t in casos], rtol=0, atol=0.5,
        dica="cada camada densa de n_ent entradas e n_sai neurônios tem n_ent·n_sai pesos e n_sai vieses; "
             "a camada de entrada não tem parâmetros.")


def codigo_binario(W, b) -> Resultado:
    """Exercício: `W` (10, 4) e `b` (4,) tais que degrau(e_d @ W + b) é o código de 4 bits de d."""
    nome = "codigo_binario"
    if W is None or b is None:
        return relatar(nome, False, [f"… {nome}: {AINDA_NAO_DEFINIDA}"])
    try:
        W_arr = np.asarray(W, dtype=float)
        b_arr = np.asarray(b, dtype=float)
    except (TypeError, ValueError):
        return relatar(nome, False, [f"✘ {nome}: esperava números em W e b, "
                                     f"recebi {resumir(W, 50)} e {resumir(b, 50)}"])
    if W_arr.shape != (CLASSES, 4):
        dica = " (parece transposta: uma linha por dígito, uma coluna por bit)" if W_arr.shape == (4, CLASSES) else ""
        return relatar(nome, False, [f"✘ {nome}: esperava W com forma (10, 4), recebi {W_arr.shape}{dica}."])
    if b_arr.size != 4:
        return relatar(nome, False, [f"✘ {nome}: esperava b com forma (4,), recebi {b_arr.shape}."])
    if not (np.all(np.isfinite(W_arr)) and np.all(np.isfinite(b_arr))):
        return relatar(nome, False, [f"✘ {nome}: W e b precisam ser números finitos (sem NaN ou infinito)."])
    saidas = ((np.eye(CLASSES) @ W_arr + b_arr.reshape(4)) > 0).astype(int)
    errados = [d for d in range(CLASSES) if not np.array_equal(saidas[d], BITS[d])]
    if errados:
        linhas = [f"✘ {nome}: {len(errados)} dos 10 dígitos saem com o código errado:"]
        linhas += [f"  dígito {d}: esperava {''.join(map(str, BITS[d]))}, obtive {''.join(map(str, saidas[d]))}"
                   for d in errados[:4]]
        if len(errados) > 4:
            linhas.append(f"  … e mais {len(errados) - 4}")
        linhas.append("  dica: a entrada e_d só liga a linha d de W, então o bit j do dígito d é "
                      "degrau(W[d, j] + b[j]); o bit que vale 8 é a primeira coluna.")
        return relatar(nome, False, linhas)
    return relatar(nome, True, [f"✔ {nome}: os 10 dígitos saem com o código de 4 bits certo. Muito bem!"])
