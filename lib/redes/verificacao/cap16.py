"""Verificações dos exercícios do capítulo 16 (aumento de dados).

As imagens de teste são sorteadas com semente (nada de MNIST aqui), para que
cada verificação rode em milissegundos. As imagens usadas na rotação têm uma
borda de zeros, como os dígitos do MNIST: assim a comparação com o SciPy não
depende de como cada um trata os pixels de fora da imagem.
"""
from __future__ import annotations

import numpy as np
from scipy import ndimage

from .. import aumento
from ._nucleo import AINDA_NAO_DEFINIDA, NAO_IMPLEMENTADO, Resultado, chamar, relatar, resumir, verificar_funcao


# ---------------------------------------------------------------- referências

def _deslocar_imagem(img, dx, dy):
    return aumento.deslocar(np.asarray(img), int(dx), int(dy))


def _girar_imagem(img, angulo):
    return ndimage.rotate(np.asarray(img, dtype=float), float(angulo), reshape=False, order=1)


def _atualizacoes_no_treino(n, epocas, tamanho_lote):
    return epocas * -(-n // tamanho_lote)


# ---------------------------------------------------------------- entradas

def _numerada(h, w):
    """Imagem h×w com os números 1, 2, ..., h·w: todo pixel é diferente e nenhum é zero."""
    return np.arange(1, h * w + 1, dtype=float).reshape(h, w)


def _digito_falso(rng, raio=11.0):
    """Imagem 28×28 com pixels sorteados dentro de um disco central e zeros fora (como um dígito)."""
    i, j = np.mgrid[:28, :28]
    dentro = (i - 13.5) ** 2 + (j - 13.5) ** 2 <= raio ** 2
    return np.where(dentro, rng.random((28, 28)), 0.0)


# ---------------------------------------------------------------- verificações

def deslocar_imagem(funcao) -> Resultado:
    """Exercício: `funcao(img, dx, dy)` desloca a imagem com zeros onde ela ficou vazia (resultado exato)."""
    rng = np.random.default_rng(16)
    casos = [
        ("img 28×28 numerada de 1 a 784, dx = 2, dy = 0", (_numerada(28, 28), 2, 0)),
        ("img 28×28 numerada, dx = 0, dy = -3", (_numerada(28, 28), 0, -3)),
        ("img 28×28 numerada, dx = -1, dy = 2", (_numerada(28, 28), -1, 2)),
        ("img 5×7 numerada (5 linhas, 7 colunas), dx = 3, dy = 1", (_numerada(5, 7), 3, 1)),
        ("img 5×7 numerada, dx = -2, dy = -4", (_numerada(5, 7), -2, -4)),
        ("img 28×28 numerada, dx = 0, dy = 0 (nada muda)", (_numerada(28, 28), 0, 0)),
        ("img 6×6 numerada, dx = 6, dy = 0 (sai inteira do quadro)", (_numerada(6, 6), 6, 0)),
        ("img 28×28 sorteada, dx = 1, dy = 1", (rng.random((28, 28)), 1, 1)),
    ]
    return verificar_funcao(
        "deslocar_imagem", funcao, _deslocar_imagem, casos, rtol=0, atol=0,
        dica="o pixel (i, j) vai para (i + dy, j + dx): dx mexe nas colunas (positivo para a direita) e dy "
             "nas linhas (positivo para baixo). Comece de np.zeros_like(img) e copie uma fatia: np.roll não serve, "
             "porque devolve do outro lado os pixels que saíram.")


def girar_imagem(funcao) -> Resultado:
    """Exercício: `funcao(img, angulo)` confere com `scipy.ndimage.rotate(img, angulo, reshape=False, order=1)`."""
    rng = np.random.default_rng(161)
    quadrado = np.zeros((28, 28))
    quadrado[6:12, 14:20] = 1.0                         # um bloco fora do centro: mostra o sentido do giro
    casos = [("um bloco de uns (linhas 6–11, colunas 14–19), angulo = 90", (quadrado, 90.0)),
             ("o mesmo bloco, angulo = 0 (nada muda)", (quadrado, 0.0))]
    for angulo in (15.0, -30.0, 180.0, 7.5, 45.0):
        casos.append((f"imagem 28×28 sorteada dentro de um disco central, angulo = {angulo:g}",
                      (_digito_falso(rng), angulo)))
    return verificar_funcao(
        "girar_imagem", funcao, _girar_imagem, casos, rtol=1e-5, atol=1e-6,
        dica="ângulo em graus, positivo no sentido anti-horário, em torno do centro ((h-1)/2, (w-1)/2); a saída "
             "continua 28×28 (reshape=False) e a interpolação é bilinear (order=1). Cada pixel de saída (i, j) "
             "busca a origem r = ci + cos θ·(i-ci) + sen θ·(j-cj), c = cj - sen θ·(i-ci) + cos θ·(j-cj).")


def atualizacoes_no_treino(funcao) -> Resultado:
    """Exercício: `funcao(n, epocas, tamanho_lote)` conta os passos da descida do gradiente no treino inteiro."""
    casos = [(50_000, 30, 10), (100, 15_000, 10), (1000, 300, 10), (1005, 2, 10), (7, 3, 10), (60_000, 1, 128),
             (5000, 60, 10)]
    return verificar_funcao(
        "atualizacoes_no_treino", funcao, _atualizacoes_no_treino,
        [(f"n = {n}, epocas = {e}, tamanho_lote = {m}", (n, e, m)) for n, e, m in casos], rtol=0, atol=0,
        dica="cada minilote dá uma atualização; numa época há ⌈n / tamanho_lote⌉ minilotes (o último pode ser "
             "menor, e também conta). Em Python, -(-n // m) arredonda a divisão para cima.")


#: O maior deslocamento, em pixels, que o exercício de `aumentar` sorteia (dx e dy entre -1 e 1).
MAXIMO = 1


def _um_deslocamento(original: np.ndarray, nova: np.ndarray, maximo: int):
    """(dx, dy) com |dx|, |dy| <= maximo tal que `nova` é `original` deslocada; None se nenhum servir."""
    for dy in range(-maximo, maximo + 1):
        for dx in range(-maximo, maximo + 1):
            if np.allclose(aumento.deslocar(original, dx, dy), nova, rtol=0, atol=1e-6):
                return dx, dy
    return None


def _par_do_aumento(funcao, X, y, k, semente):
    """Chama `funcao` e confere que voltou um par (X_novo, y_novo) de arrays; devolve (par, problema)."""
    valor, problema = chamar(funcao, (X, y, k, semente))
    if problema is not None:
        return None, problema
    if valor is None:
        return None, "sua função devolveu None: faltou o `return X_novo, y_novo`?"
    if not isinstance(valor, (tuple, list)) or len(valor) != 2:
        return None, f"esperava um par (X_novo, y_novo), recebi {resumir(valor, 60)}"
    try:
        X_novo, y_novo = np.asarray(valor[0], dtype=float), np.asarray(valor[1])
    except (TypeError, ValueError):
        return None, "esperava arrays de números em X_novo e y_novo"
    return (X_novo, y_novo), None


def aumentar(funcao) -> Resultado:
    """Exercício: `funcao(X, y, k, semente)` devolve k cópias de cada imagem (deslocadas até 1 pixel) e os rótulos."""
    nome = "aumentar"
    if funcao is None:
        return relatar(nome, False, [f"… {nome}: {AINDA_NAO_DEFINIDA}"])
    if not callable(funcao):
        return relatar(nome, False, [f"✘ {nome}: esperava uma função, recebi {type(funcao).__name__}."])
    rng = np.random.default_rng(16_016)

    def falha(linhas):
        return relatar(nome, False, [f"✘ {nome}: {linhas[0]}", *[f"  {l}" for l in linhas[1:]]])

    feitos, parados, total = 0, 0, 0
    for n, k, semente in ((6, 3, 0), (10, 2, 7), (4, 1, 3)):
        X = rng.random((n, 28, 28))
        y = rng.integers(0, 10, size=n)
        par, problema = _par_do_aumento(funcao, X, y, k, semente)
        entrada = f"entrada: X com forma {X.shape}, y = {y.tolist()}, k = {k}, semente = {semente}"
        if problema == NAO_IMPLEMENTADO:
            return relatar(nome, False, [f"… {nome}: {problema}"])
        if problema is not None:
            return falha([problema, entrada])
        X_novo, y_novo = par
        if X_novo.shape != (k * n, 28, 28):
            return falha([f"esperava X_novo com forma ({k * n}, 28, 28) (k·n imagens), recebi {X_novo.shape}", entrada])
        if y_novo.shape != (k * n,):
            return falha([f"esperava y_novo com forma ({k * n},), recebi {y_novo.shape}", entrada])
        if not np.array_equal(y_novo, np.tile(y, k)):
            dica = (" (parece que as cópias estão intercaladas, com np.repeat; ponha a cópia c inteira nas linhas "
                    "c·n a (c+1)·n − 1, como em np.concatenate)") if np.array_equal(y_novo, np.repeat(y, k)) else ""
            return falha([f"os rótulos não acompanham as imagens: esperava {resumir(np.tile(y, k))}, "
                          f"recebi {resumir(y_novo)}{dica}", entrada])
        for j in range(k * n):
            desloc = _um_deslocamento(X[j % n], X_novo[j], MAXIMO)
            if desloc is None:
                return falha([f"a imagem {j} do resultado não é a imagem {j % n} de X deslocada no máximo {MAXIMO} "
                              "pixel em cada direção, com zeros na borda (np.roll devolve os pixels do outro lado)",
                              entrada])
            parados += desloc == (0, 0)
            total += 1
        de_novo, _ = _par_do_aumento(funcao, X, y, k, semente)
        if de_novo is None or de_novo[0].shape != X_novo.shape or not np.array_equal(de_novo[0], X_novo):
            return falha(["com a mesma semente o resultado mudou: use np.random.default_rng(semente)", entrada])
        feitos += 1
    if parados == total:
        return falha([f"nenhuma das {total} imagens foi deslocada: sorteie dx e dy entre -{MAXIMO} e {MAXIMO} "
                      "para cada imagem de cada cópia"])
    X = rng.random((20, 28, 28))
    y = rng.integers(0, 10, size=20)
    a, _ = _par_do_aumento(funcao, X, y, 2, 1)
    b, _ = _par_do_aumento(funcao, X, y, 2, 2)
    if a is None or b is None or (a[0].shape == b[0].shape and np.array_equal(a[0], b[0])):
        return falha(["com sementes diferentes (1 e 2) o resultado foi o mesmo: o sorteio tem de vir da semente"])
    return relatar(nome, True, [f"✔ {nome}: {feitos} de {feitos} casos corretos (formas, rótulos, deslocamentos "
                                "e sementes). Muito bem!"])
