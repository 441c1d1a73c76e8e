"""Verificações dos exercícios do capítulo 6 (camadas densas e a arquitetura de uma rede).

Tudo é pequeno e determinístico (redes de poucos neurônios, sorteadas com
semente), para que cada verificação rode em milissegundos. A passagem para a
frente é comparada com a da biblioteca, `redes.modelo.Sequencial`, montada com
os mesmos pesos e vieses.
"""
from __future__ import annotations

import numpy as np

from ..arquitetura import parametros_por_camada as _parametros_por_camada
from ..camadas import Densa
from ..modelo import Sequencial
from ._nucleo import Resultado, verificar_funcao


# ---------------------------------------------------------------- referências

def _n_entradas(altura, largura, canais=1):
    return int(altura) * int(largura) * int(canais)


def _propagar(X, pesos, vieses):
    """A mesma conta feita pela biblioteca: Densa + sigmoide, camada a camada, em float64."""
    camadas = []
    for W, b in zip(pesos, vieses):
        W, b = np.asarray(W, dtype=float), np.asarray(b, dtype=float)
        camadas += [Densa(W.shape[0], W.shape[1], inicializacao=lambda n, k, g, W=W, b=b: (W, b), tipo="float64"),
                    "sigmoide"]
    return Sequencial(camadas, tipo="float64").forward(np.asarray(X, dtype=float))


def _memoria_ativacoes(m, tamanhos, bytes_por_numero=4):
    return int(m) * sum(int(n) for n in tamanhos) * int(bytes_por_numero)


def _e_feedforward(adjacencia):
    """Algoritmo de Kahn: tira, uma a uma, as unidades sem ligações chegando; sobra alguma só se houver ciclo."""
    A = np.asarray(adjacencia) != 0
    restantes = set(range(len(A)))
    while True:
        fontes = [j for j in restantes if not any(A[i, j] for i in restantes)]
        if not fontes:
            return not restantes
        restantes -= set(fontes)


# ---------------------------------------------------------------- casos

def _rede_aleatoria(rng, tamanhos, m):
    pesos = [rng.normal(size=(a, b)) for a, b in zip(tamanhos[:-1], tamanhos[1:])]
    vieses = [rng.normal(size=b) for b in tamanhos[1:]]
    return rng.random((m, tamanhos[0])), pesos, vieses


def _adjacencia(n, ligacoes):
    A = np.zeros((n, n), dtype=int)
    for i, j in ligacoes:
        A[i, j] = 1
    return A


def _grafos():
    xor = [(0, 2), (0, 3), (1, 2), (1, 3), (2, 4), (3, 4)]            # rede [2, 2, 1]
    rng = np.random.default_rng(61)
    ordem = rng.permutation(8)                                           # DAG com os números embaralhados
    aleatorio = [(int(ordem[i]), int(ordem[j])) for i in range(8) for j in range(i + 1, 8) if rng.random() < 0.4]
    hopfield = [(i, j) for i in range(4) for j in range(4) if i != j]
    return [
        ("a rede [2, 2, 1] do XOR: entradas 0 e 1, ocultos 2 e 3, saída 4", _adjacencia(5, xor)),
        ("a mesma rede com um laço do neurônio 2 nele mesmo", _adjacencia(5, xor + [(2, 2)])),
        ("três unidades em roda: 0 → 1 → 2 → 0", _adjacencia(3, [(0, 1), (1, 2), (2, 0)])),
        ("sem ciclos, mas numerada fora de ordem: 3 → 0, 3 → 1, 0 → 2, 1 → 2, 3 → 2",
         _adjacencia(4, [(3, 0), (3, 1), (0, 2), (1, 2), (3, 2)])),
        ("uma rede de Hopfield com 4 unidades (todas ligadas a todas, nos dois sentidos)", _adjacencia(4, hopfield)),
        ("3 unidades e nenhuma ligação", _adjacencia(3, [])),
        ("entrada 0 → ocultos 1 e 2 → saída 3, e a saída volta para o oculto 1",
         _adjacencia(4, [(0, 1), (0, 2), (1, 3), (2, 3), (3, 1)])),
        (f"8 unidades, {len(aleatorio)} ligações sorteadas sem ciclos (semente 61)", _adjacencia(8, aleatorio)),
    ]


# ---------------------------------------------------------------- verificações

def n_entradas(funcao) -> Resultado:
    """Exercício: `funcao(altura, largura, canais=1)` devolve o número de entradas de uma imagem achatada."""
    casos = [
        ("altura = 64, largura = 64, canais = 1 (tons de cinza)", (64, 64, 1)),
        ("altura = 64, largura = 64, canais = 3 (colorida, RGB)", (64, 64, 3)),
        ("altura = 28, largura = 28, canais omitido (deve valer 1)", (28, 28)),
        ("altura = 32, largura = 32, canais = 3", (32, 32, 3)),
        ("altura = 480, largura = 640, canais = 3", (480, 640, 3)),
        ("altura = 5, largura = 7, canais = 2", (5, 7, 2)),
    ]
    return verificar_funcao(
        "n_entradas", funcao, _n_entradas, casos, rtol=0, atol=0.5,
        dica="cada pixel de cada canal vira uma entrada: altura × largura × canais; "
             "lembre do valor padrão canais=1 na definição da função.")


def parametros_por_camada(funcao) -> Resultado:
    """Exercício: `funcao(tamanhos)` devolve a lista de pares (pesos, vieses), um por camada com pesos."""
    casos = [[784, 30, 10], [784, 16, 16, 10], [2, 2, 1], [4096, 1], [3, 5, 4, 2], [12_288, 30, 10]]
    return verificar_funcao(
        "parametros_por_camada", funcao, _parametros_por_camada,
        [(f"tamanhos = {t}", (t,)) for t in casos], rtol=0, atol=0.5,
        dica="a camada de entrada não tem parâmetros; a ligação de n_ent para n_sai tem n_ent·n_sai pesos e "
             "n_sai vieses (um por neurônio que recebe). Para [784, 30, 10]: [(23520, 30), (300, 10)].")


def propagar(funcao) -> Resultado:
    """Exercício: `funcao(X, pesos, vieses)` passa o lote X por todas as camadas sigmoides e devolve a saída."""
    rng = np.random.default_rng(6)
    casos = []
    for tamanhos, m in (([3, 4, 2], 5), ([4, 1], 3), ([5, 6, 6, 3], 4), ([2, 3, 1], 1), ([6, 2, 5, 4, 2], 7)):
        X, pesos, vieses = _rede_aleatoria(rng, tamanhos, m)
        casos.append((f"rede {tamanhos}, lote de {m} exemplo(s); pesos com formas "
                      f"{[w.shape for w in pesos]}", (X, pesos, vieses)))
    return verificar_funcao(
        "propagar", funcao, _propagar, casos, rtol=1e-6, atol=1e-9,
        dica="comece com a = X e, para cada par (W, b), faça a = sigmoide(a @ W + b), inclusive na última "
             "camada; devolva só o a final, de forma (m, número de saídas).")


def memoria_ativacoes(funcao) -> Resultado:
    """Exercício: `funcao(m, tamanhos, bytes_por_numero=4)` devolve os bytes das ativações de um lote."""
    casos = [
        ("m = 1000, tamanhos = [784, 30, 10], bytes omitido (deve valer 4)", (1000, [784, 30, 10])),
        ("m = 10, tamanhos = [784, 16, 16, 10], 4 bytes", (10, [784, 16, 16, 10], 4)),
        ("m = 64, tamanhos = [784, 100, 10], 8 bytes (float64)", (64, [784, 100, 10], 8)),
        ("m = 1, tamanhos = [2, 1], 4 bytes", (1, [2, 1], 4)),
        ("m = 32, tamanhos = [12288, 30, 10], 2 bytes (float16)", (32, [12_288, 30, 10], 2)),
    ]
    return verificar_funcao(
        "memoria_ativacoes", funcao, _memoria_ativacoes, casos, rtol=0, atol=0.5,
        dica="cada exemplo do lote guarda um número por neurônio de TODAS as camadas, inclusive a de entrada: "
             "m × (n_0 + n_1 + ... + n_L) números, cada um com bytes_por_numero bytes.")


def e_feedforward(funcao) -> Resultado:
    """Exercício: `funcao(adjacencia)` diz (True/False) se o grafo de ligações não tem ciclos."""
    return verificar_funcao(
        "e_feedforward", funcao, _e_feedforward, [(descricao, (A,)) for descricao, A in _grafos()],
        rtol=0, atol=0,
        dica="uma unidade sem nenhuma ligação chegando (coluna toda zero entre as que restam) pode ser "
             "calculada primeiro; tire-a e repita. Se sobrar alguma unidade sem que nenhuma possa sair, há "
             "um ciclo. Um laço de uma unidade nela mesma (diagonal) também é um ciclo.")


__all__ = ["n_entradas", "parametros_por_camada", "propagar", "memoria_ativacoes", "e_feedforward"]
