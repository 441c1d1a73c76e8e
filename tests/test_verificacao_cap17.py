"""Verificações do capítulo 17: aceitam soluções, recusam o esboço e erros plausíveis, e nunca quebram."""
import time

import numpy as np
from contrato_verificacao import contrato

from redes import inicializacao, saturacao
from redes import verificacao as verificar

VAR_W = {"grande": lambda n, m: 1.0, "lecun": lambda n, m: 1.0 / n, "glorot": lambda n, m: 2.0 / (n + m),
         "he": lambda n, m: 2.0 / n}


# ------------------------------------------------------------------ desvio de z

def desvio_certo(n_entrada, fracao, esquema):
    k = fracao * n_entrada
    var_b = 1.0 if esquema in ("grande", "lecun") else 0.0
    return np.sqrt(k * VAR_W[esquema](n_entrada, 1) + var_b)


def desvio_pela_biblioteca(n_entrada, fracao, esquema):
    return inicializacao.desvio_do_potencial(n_entrada, round(fracao * n_entrada), esquema)


def desvio_sem_vies(n_entrada, fracao, esquema):
    return np.sqrt(fracao * n_entrada * VAR_W[esquema](n_entrada, 1))


def desvio_variancia(n_entrada, fracao, esquema):
    return desvio_certo(n_entrada, fracao, esquema) ** 2


def desvio_todas_as_entradas(n_entrada, fracao, esquema):
    var_b = 1.0 if esquema in ("grande", "lecun") else 0.0
    return np.sqrt(n_entrada * VAR_W[esquema](n_entrada, 1) + var_b)


def desvio_he_com_vies(n_entrada, fracao, esquema):
    return np.sqrt(fracao * n_entrada * VAR_W[esquema](n_entrada, 1) + (esquema != "glorot"))


def desvio_lecun_com_desvio(n_entrada, fracao, esquema):
    """Erro plausível: usou 1/√n como variância."""
    var_w = {"grande": 1.0, "lecun": 1 / np.sqrt(n_entrada), "he": 2.0 / n_entrada}[esquema]
    return np.sqrt(fracao * n_entrada * var_w + (esquema != "he"))


# ------------------------------------------------------------------ inicializar

def _desvio_alvo(esquema, n, m):
    return np.sqrt(VAR_W[esquema](n, m))


def iniciar_certo(tamanhos, esquema, rng):
    camadas = []
    for n, m in zip(tamanhos[:-1], tamanhos[1:]):
        W = _desvio_alvo(esquema, n, m) * rng.standard_normal((n, m))
        b = rng.standard_normal(m) if esquema in ("grande", "lecun") else np.zeros(m)
        camadas.append((W, b))
    return camadas


def iniciar_pela_biblioteca(tamanhos, esquema, rng):
    """Outra certa: a de `redes.inicializacao` (Glorot uniforme)."""
    return [inicializacao.obter(esquema)(n, m, rng) for n, m in zip(tamanhos[:-1], tamanhos[1:])]


def _iniciar_com(desvio, vies=None, transpor=False):
    def errada(tamanhos, esquema, rng):
        camadas = []
        for n, m in zip(tamanhos[:-1], tamanhos[1:]):
            forma = (m, n) if transpor else (n, m)
            W = desvio(esquema, n, m) * rng.standard_normal(forma)
            b = (vies or (lambda e, m, rng: rng.standard_normal(m) if e in ("grande", "lecun") else np.zeros(m)))(
                esquema, m, rng)
            camadas.append((W, b))
        return camadas
    return errada


def iniciar_global(tamanhos, esquema, rng):
    """Erro plausível: ignora o `rng` e usa o estado global do NumPy."""
    return iniciar_certo(tamanhos, esquema, np.random.default_rng())


# ------------------------------------------------------------------ saturação

def fracao_certa(z, limiar=0.01):
    s = 1 / (1 + np.exp(-np.asarray(z, dtype=float)))
    return np.mean(s * (1 - s) < limiar)


def fracao_pela_biblioteca(z, limiar=0.01):
    return saturacao.fracao_de_saturados(z, "sigmoide", limiar)


def fracao_por_laco(z, limiar=0.01):
    import math
    conta = 0
    for v in z:
        s = 0.0 if v < -700 else 1 / (1 + math.exp(-v))
        conta += s * (1 - s) < limiar
    return conta / len(z)


# ------------------------------------------------------------------ rede profunda

def desvios_certo(X, camadas, g):
    a, saida = X, []
    for W, b in camadas:
        z = a @ W + b
        saida.append(z.std())
        a = g(z)
    return np.array(saida)


def desvios_das_ativacoes(X, camadas, g):
    a, saida = X, []
    for W, b in camadas:
        a = g(a @ W + b)
        saida.append(a.std())
    return saida


def desvios_sem_ativacao(X, camadas, g):
    a, saida = X, []
    for W, b in camadas:
        a = a @ W + b
        saida.append(a.std())
    return saida


def desvios_sem_vies(X, camadas, g):
    a, saida = X, []
    for W, b in camadas:
        z = a @ W
        saida.append(z.std())
        a = g(z)
    return saida


CASOS = {
    "desvio_de_z": ([desvio_certo, desvio_pela_biblioteca], [desvio_sem_vies, desvio_variancia,
                                                             desvio_todas_as_entradas, desvio_he_com_vies,
                                                             desvio_lecun_com_desvio]),
    "inicializar_pesos": ([iniciar_certo, iniciar_pela_biblioteca], [
        _iniciar_com(lambda e, n, m: _desvio_alvo(e, n, m) if e != "lecun" else 1 / np.sqrt(m)),  # n_sai em LeCun
        _iniciar_com(lambda e, n, m: _desvio_alvo(e, n, m) if e != "he" else 1 / np.sqrt(n)),     # He sem o 2
        _iniciar_com(lambda e, n, m: VAR_W[e](n, m)),                                               # variância como desvio
        _iniciar_com(lambda e, n, m: _desvio_alvo(e, n, m) if e != "glorot" else np.sqrt(6 / (n + m))),  # r como desvio
        _iniciar_com(_desvio_alvo, transpor=True),                                                  # W (n_sai, n_ent)
        _iniciar_com(_desvio_alvo, vies=lambda e, m, rng: np.zeros(m)),                             # vieses zerados
        _iniciar_com(_desvio_alvo, vies=lambda e, m, rng: rng.standard_normal(m)),                 # vieses N(0,1) em todos
        iniciar_global,
    ]),
    "fracao_de_saturados": ([fracao_certa, fracao_pela_biblioteca, fracao_por_laco], [
        lambda z, limiar=0.01: np.mean(np.abs(np.asarray(z)) > 1),                       # o critério do livro
        lambda z, limiar=0.01: 1 - fracao_certa(z, limiar),                               # o complemento
        lambda z, limiar=0.01: np.mean(1 / (1 + np.exp(-np.asarray(z))) < limiar),        # só o lado de baixo
        lambda z, limiar=0.01: np.sum(fracao_certa(z, limiar) * len(z)),                  # contagem, não fração
        lambda z, limiar=0.01: np.mean(np.abs(np.asarray(z)) > 4.6),                      # limite fixo, ignora limiar
    ]),
    "variancia_dos_pesos": ([lambda e, n, m: VAR_W[e](n, m)], [
        lambda e, n, m: {"grande": 1.0, "lecun": 1 / n, "glorot": 2 / (n + m), "he": 1 / n}[e],
        lambda e, n, m: {"grande": 1.0, "lecun": 1 / n, "glorot": 1 / (n + m), "he": 2 / n}[e],
        lambda e, n, m: {"grande": 1.0, "lecun": 1 / m, "glorot": 2 / (n + m), "he": 2 / n}[e],
        lambda e, n, m: np.sqrt(VAR_W[e](n, m)),
    ]),
    "limite_uniforme_glorot": ([lambda n, m: np.sqrt(6 / (n + m))], [
        lambda n, m: np.sqrt(2 / (n + m)), lambda n, m: 6 / (n + m), lambda n, m: np.sqrt(3 / (n + m)),
        lambda n, m: np.sqrt(6 / n),
    ]),
    "desvios_por_camada": ([desvios_certo], [desvios_das_ativacoes, desvios_sem_ativacao, desvios_sem_vies]),
}

globals().update(contrato(verificar, CASOS))


def test_exemplo_do_livro_nos_dois_esquemas():
    assert np.isclose(desvio_certo(1000, 0.5, "grande"), 22.38, atol=0.005)
    assert np.isclose(desvio_certo(1000, 0.5, "lecun"), 1.2247, atol=5e-5)


def test_inicializar_aceita_glorot_normal_e_uniforme_e_e_rapida(capsys):
    inicio = time.perf_counter()
    assert verificar.inicializar_pesos(iniciar_certo) and verificar.inicializar_pesos(iniciar_pela_biblioteca)
    assert time.perf_counter() - inicio < 5.0
    assert "2%" in capsys.readouterr().out


def test_mensagem_da_forma_transposta(capsys):
    assert not verificar.inicializar_pesos(_iniciar_com(_desvio_alvo, transpor=True))
    assert "esperava W com forma (1000, 500)" in capsys.readouterr().out


def test_mensagem_do_rng_global(capsys):
    assert not verificar.inicializar_pesos(iniciar_global)
    assert "sorteie com o `rng` recebido" in capsys.readouterr().out
