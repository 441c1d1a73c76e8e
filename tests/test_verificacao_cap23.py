"""Verificações do capítulo 23: aceitam soluções, recusam o esboço e erros plausíveis, e nunca quebram."""
import numpy as np
from contrato_verificacao import contrato

from redes import gradientes_por_camada as gpc
from redes import profundidade
from redes import verificacao as verificar


def _sig(z):
    return 1 / (1 + np.exp(-z))


# ------------------------------------------------------------------ cadeia

def cadeia_certa(w, b, a0, y):
    a, zs = a0, []
    for wj, bj in zip(w, b):
        zs.append(wj * a + bj)
        a = _sig(zs[-1])
    grad, acumulado = np.zeros(len(w)), a - y
    for j in reversed(range(len(w))):
        grad[j] = _sig(zs[j]) * (1 - _sig(zs[j])) * acumulado
        acumulado = w[j] * grad[j]
    return grad


def cadeia_pela_biblioteca(w, b, a0, y):
    return profundidade.gradiente_cadeia(w, b, a0, y)


def cadeia_por_diferencas(w, b, a0, y):
    h = 1e-7 if np.max(np.abs(w)) < 50 else 1e-8       # com w = 100, h precisa ser menor
    return profundidade.gradiente_cadeia_por_diferencas(w, b, a0, y, h=h)


def cadeia_sem_y(w, b, a0, y):
    return cadeia_certa(w, b, a0, 0.0)


def cadeia_peso_errado(w, b, a0, y):
    """Erro plausível: multiplica por w_j em vez de w_{j+1} (o índice deslocado)."""
    g = cadeia_certa(w, b, a0, y)
    return g * np.asarray(w)


def cadeia_invertida(w, b, a0, y):
    return cadeia_certa(w, b, a0, y)[::-1]


def cadeia_sem_ultima_derivada(w, b, a0, y):
    g = cadeia_certa(w, b, a0, y)
    a = profundidade.cadeia_para_frente(w, b, a0)
    return g / (a.a[-1] * (1 - a.a[-1]))


# ------------------------------------------------------------------ velocidades

def velocidades_certas(pesos, vieses, X, Y):
    A, Z = [X], []
    for W, b in zip(pesos, vieses):
        Z.append(A[-1] @ W + b)
        A.append(_sig(Z[-1]))
    delta = (A[-1] - Y) / len(X)
    normas = []
    for l in range(len(pesos) - 1, 0, -1):
        delta = (delta @ pesos[l].T) * A[l] * (1 - A[l])
        normas.append(np.linalg.norm(delta.sum(axis=0)))
    return normas[::-1]


def velocidades_pela_biblioteca(pesos, vieses, X, Y):
    return gpc.velocidades(gpc.gradientes(pesos, vieses, X, Y))


def velocidades_com_saida(pesos, vieses, X, Y):
    return gpc.velocidades(gpc.gradientes(pesos, vieses, X, Y)).tolist() + [0.0]


def velocidades_quadratico(pesos, vieses, X, Y):
    return gpc.velocidades(gpc.gradientes(pesos, vieses, X, Y, custo="quadratico"))


def velocidades_sem_media(pesos, vieses, X, Y):
    return len(X) * np.asarray(velocidades_certas(pesos, vieses, X, Y))


def velocidades_dos_pesos(pesos, vieses, X, Y):
    return [np.linalg.norm(g) for g in gpc.gradientes(pesos, vieses, X, Y).W[:-1]]


# ------------------------------------------------------------------ largura

def largura_certa(w):
    w = abs(w)
    if w < 4:
        return 0.0
    return 2 / w * np.log(w * (1 + np.sqrt(1 - 4 / w)) / 2 - 1)


def largura_medida(w):
    return profundidade.largura_medida(w, 0.0, pontos=2_000_001) if abs(w) >= 4 else 0.0


CASOS = {
    "gradiente_cadeia": ([cadeia_certa, cadeia_pela_biblioteca, cadeia_por_diferencas],
                         [cadeia_sem_y, cadeia_peso_errado, cadeia_invertida, cadeia_sem_ultima_derivada]),
    "velocidades_das_camadas": ([velocidades_certas, velocidades_pela_biblioteca],
                                [velocidades_com_saida, velocidades_quadratico, velocidades_sem_media,
                                 velocidades_dos_pesos]),
    "largura_da_regiao": ([largura_certa, profundidade.largura_da_regiao], [
        lambda w: 2 / abs(w) * np.log(abs(w) * (1 + np.sqrt(1 - 4 / abs(w))) / 2 - 1),   # sem o zero
        lambda w: largura_certa(w) / 2,                                                   # sem o 2
        lambda w: 0.0 if abs(w) < 4 else 2 / abs(w) * np.log(abs(w) * (1 + np.sqrt(1 - 4 / abs(w))) / 2),
        lambda w: largura_certa(w) if w > 0 else 0.0,                                     # esqueceu o |w|
    ]),
    "vieses_que_explodem": ([profundidade.vieses_que_explodem,
                             lambda w, a0: -np.asarray(w) * np.r_[a0, np.full(len(w) - 1, 0.5)]], [
        lambda w, a0: -np.asarray(w) * a0,                       # a0 em todas as camadas
        lambda w, a0: -np.asarray(w) / 2,                        # 1/2 também na primeira
        lambda w, a0: np.asarray(w) * np.r_[a0, np.full(len(w) - 1, 0.5)],   # sinal trocado
    ]),
    "paridade_em_arvore": ([profundidade.paridade_em_arvore, lambda bits: sum(bits) % 2], [
        lambda bits: sum(bits),                                  # a contagem, não a paridade
        lambda bits: 1 - sum(bits) % 2,                          # invertida
        lambda bits: int(sum(bits) > len(bits) / 2),             # maioria
        lambda bits: bits[0] ^ bits[-1],                         # só as pontas
    ]),
}

globals().update(contrato(verificar, CASOS))


def test_largura_medida_numa_grade_fina_confere(capsys):
    assert verificar.largura_da_regiao(largura_medida)
    capsys.readouterr()
