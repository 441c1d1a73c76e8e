r"""Verificações dos exercícios do capítulo 12 (uma rede do zero no MNIST).

A rede segue a convenção de Nielsen para guardar os parâmetros: `pesos[l]`
tem forma $(n_{l+1}, n_l)$ (uma linha por neurônio da camada de chegada) e
`vieses[l]` tem forma $(n_{l+1},)$. Os lotes vêm um exemplo por linha, então
a ida é $A \leftarrow \sigma(A W^\top + \mathbf b)$. As entradas das
verificações são pequenas e sorteadas com semente (nada de MNIST), para que
cada uma rode em bem menos de um segundo.
"""
from __future__ import annotations

import numpy as np

from ..dados import gaussianas
from ._nucleo import AINDA_NAO_DEFINIDA, NAO_IMPLEMENTADO, Resultado, chamar, relatar, resumir, verificar_funcao

CONVENCOES = ("nielsen", "linhas")


# ---------------------------------------------------------------- referências

def _sigmoide(z):
    return 1.0 / (1.0 + np.exp(-z))


def criar_rede(tamanhos, semente=0):
    """Pesos e vieses N(0, 1) na convenção de Nielsen, sorteados como no capítulo: primeiro os vieses."""
    rng = np.random.default_rng(semente)
    vieses = [rng.standard_normal(n) for n in tamanhos[1:]]
    pesos = [rng.standard_normal((n, k)) for k, n in zip(tamanhos[:-1], tamanhos[1:])]
    return pesos, vieses


def _formas_dos_pesos(tamanhos, convencao="nielsen"):
    pares = zip(tamanhos[:-1], tamanhos[1:])
    return [(n, k) if convencao == "nielsen" else (k, n) for k, n in pares]


def _feedforward(pesos, vieses, X):
    A = np.asarray(X, dtype=float)
    for W, b in zip(pesos, vieses):
        A = _sigmoide(A @ W.T + b)
    return A


def _avaliar(saidas, rotulos):
    return int(np.sum(np.argmax(saidas, axis=1) == np.asarray(rotulos)))


def _gradientes_de_um_exemplo(pesos, vieses, x, y):
    """A retropropagação de Nielsen para um exemplo só, com vetores coluna (a definição, sem atalhos)."""
    a = x.reshape(-1, 1)
    ativacoes, potenciais = [a], []
    for W, b in zip(pesos, vieses):
        z = W @ a + b.reshape(-1, 1)
        potenciais.append(z)
        a = _sigmoide(z)
        ativacoes.append(a)
    delta = (a - y.reshape(-1, 1)) * a * (1 - a)                       # BP1
    grad_W, grad_b = [None] * len(pesos), [None] * len(pesos)
    grad_W[-1], grad_b[-1] = delta @ ativacoes[-2].T, delta.ravel()     # BP3 e BP4
    for l in range(2, len(pesos) + 1):
        a = ativacoes[-l]
        delta = (pesos[-l + 1].T @ delta) * a * (1 - a)                  # BP2
        grad_W[-l], grad_b[-l] = delta @ ativacoes[-l - 1].T, delta.ravel()
    return grad_W, grad_b


def _atualizar_minilote(pesos, vieses, X, Y, eta):
    """Um passo com a média dos gradientes de cada exemplo (o laço que o exercício pede para evitar)."""
    soma_W = [np.zeros_like(W, dtype=float) for W in pesos]
    soma_b = [np.zeros_like(b, dtype=float) for b in vieses]
    for x, y in zip(np.asarray(X, dtype=float), np.asarray(Y, dtype=float)):
        gW, gb = _gradientes_de_um_exemplo(pesos, vieses, x, y)
        soma_W = [s + g for s, g in zip(soma_W, gW)]
        soma_b = [s + g for s, g in zip(soma_b, gb)]
    m = len(X)
    return ([W - eta / m * g for W, g in zip(pesos, soma_W)],
            [b - eta / m * g for b, g in zip(vieses, soma_b)])


# ---------------------------------------------------------------- utilidades

def _parametros(obtido, formas_W, formas_b) -> tuple[list, list, str | None]:
    """Confere um par `(pesos, vieses)` com as formas esperadas; devolve os arrays ou a explicação do problema."""
    if obtido is None:
        return [], [], "sua função devolveu None: faltou o `return`?"
    try:
        pesos, vieses = obtido
        pesos, vieses = list(pesos), list(vieses)
    except (TypeError, ValueError):
        return [], [], f"esperava um par (pesos, vieses), duas listas de arrays; recebi {resumir(obtido, 60)}"
    if len(pesos) != len(formas_W) or len(vieses) != len(formas_b):
        return [], [], (f"esperava {len(formas_W)} matrizes de pesos e {len(formas_b)} vetores de vieses, "
                        f"recebi {len(pesos)} e {len(vieses)}")
    convertidos = []
    for nome, lista, formas in (("pesos", pesos, formas_W), ("vieses", vieses, formas_b)):
        arrays = []
        for l, (valor, forma) in enumerate(zip(lista, formas)):
            try:
                array = np.asarray(valor, dtype=float)
            except (TypeError, ValueError):
                return [], [], f"esperava números em {nome}[{l}], recebi {resumir(valor, 50)}"
            if array.shape != tuple(forma):
                dica = " (parece a transposta: a convenção é a de Nielsen)" if array.shape == tuple(forma)[::-1] else ""
                return [], [], f"esperava {nome}[{l}] com forma {tuple(forma)}, recebi {array.shape}{dica}"
            if not np.all(np.isfinite(array)):
                return [], [], f"{nome}[{l}] tem NaN ou infinito"
            arrays.append(array)
        convertidos.append(arrays)
    return convertidos[0], convertidos[1], None


def _lote(rng, m, n):
    return rng.uniform(0.0, 1.0, size=(m, n))


def _one_hot(rotulos, k):
    return np.eye(k)[np.asarray(rotulos)]


# ---------------------------------------------------------------- verificações

def rede_formas_dos_pesos(funcao) -> Resultado:
    """Exercício: `funcao(tamanhos, convencao)` devolve a forma de cada matriz de pesos, na convenção pedida."""
    casos = []
    for tamanhos in ([2, 3, 1], [784, 30, 10], [784, 16, 16, 10], [5, 1], [3, 7, 7, 4, 2]):
        for convencao in CONVENCOES:
            casos.append((f"tamanhos = {tamanhos}, convencao = {convencao!r}", (tamanhos, convencao)))
    return verificar_funcao(
        "rede_formas_dos_pesos", funcao, _formas_dos_pesos, casos, rtol=0, atol=0.5,
        dica="há uma matriz por par de camadas vizinhas (n_ent, n_sai), e a entrada não tem pesos próprios; "
             "na convenção de Nielsen a matriz tem uma linha por neurônio da camada de CHEGADA: (n_sai, n_ent); "
             "na convenção por linhas do curso é a transposta, (n_ent, n_sai).")


#: A saída da rede [2, 3, 1] de `criar_rede([2, 3, 1], semente=0)` nas quatro entradas binárias (exemplo do enunciado).
ENTRADAS_231 = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
SAIDAS_231 = np.array([[0.15064561], [0.25670433], [0.22479901], [0.34319202]])


def rede_feedforward(funcao) -> Resultado:
    """Exercício: `funcao(pesos, vieses, X)` devolve a saída (m, n_L) da rede para o lote X (um exemplo por linha)."""
    casos = [("rede [2, 3, 1] de criar_rede(semente=0); X = as quatro entradas binárias",
              (*criar_rede([2, 3, 1], 0), ENTRADAS_231))]
    for tamanhos, semente, m in (([3, 4, 2], 1, 5), ([4, 5, 3, 2], 2, 6), ([2, 3, 1], 3, 1), ([6, 2, 6], 4, 3)):
        X = _lote(np.random.default_rng(100 + semente), m, tamanhos[0])
        casos.append((f"rede {tamanhos} de criar_rede(semente={semente}); X com forma {X.shape}",
                      (*criar_rede(tamanhos, semente), X)))
    return verificar_funcao(
        "rede_feedforward", funcao, _feedforward, casos, rtol=1e-6, atol=1e-9,
        dica="para cada camada, A = σ(A @ W.T + b): W.T porque W está na convenção de Nielsen e os exemplos "
             "estão nas linhas de A; a sigmoide vem depois de TODAS as camadas, inclusive a última.")


def rede_avaliar(funcao) -> Resultado:
    """Exercício: `funcao(saidas, rotulos)` conta quantos exemplos têm a maior saída na posição do rótulo."""
    rng = np.random.default_rng(12)
    casos = []
    for m, k in ((20, 10), (7, 3), (50, 10), (1, 10)):
        saidas = rng.random((m, k))
        rotulos = rng.integers(0, k, size=m)
        rotulos[: m // 2] = saidas[: m // 2].argmax(axis=1)           # metade certa, para o placar não ser ~1/k
        casos.append((f"saidas com forma ({m}, {k}) e {m} rótulos", (saidas, rotulos)))
    saidas = np.eye(10)[[3, 1, 4, 1, 5]] * 0.9 + 0.05
    casos.append(("saidas quase one-hot de [3, 1, 4, 1, 5]; rotulos = [3, 1, 4, 1, 5]", (saidas, np.array([3, 1, 4, 1, 5]))))
    casos.append(("as mesmas saídas; rotulos = [0, 0, 0, 0, 0]", (saidas, np.zeros(5, dtype=int))))
    return verificar_funcao(
        "rede_avaliar", funcao, _avaliar, casos, rtol=0, atol=0.5,
        dica="a resposta da rede é a posição da maior saída de cada LINHA (np.argmax(saidas, axis=1)); "
             "devolva quantas respostas são iguais ao rótulo: um inteiro, não uma fração.")


def rede_atualizar_minilote(funcao) -> Resultado:
    """Exercício: `funcao(pesos, vieses, X, Y, eta)` dá um passo da descida do gradiente com o minilote inteiro."""
    nome = "rede_atualizar_minilote"
    if funcao is None:
        return relatar(nome, False, [f"… {nome}: {AINDA_NAO_DEFINIDA}"])
    if not callable(funcao):
        return relatar(nome, False, [f"✘ {nome}: esperava uma função, recebi {type(funcao).__name__}."])
    casos = []
    for tamanhos, semente, m, eta in (([2, 3, 1], 3, 4, 0.5), ([3, 4, 2], 4, 5, 3.0), ([4, 5, 3, 2], 5, 10, 1.0),
                                      ([3, 2, 3], 6, 1, 2.0), ([5, 6, 4], 7, 7, 0.1)):
        rng = np.random.default_rng(200 + semente)
        X = _lote(rng, m, tamanhos[0])
        Y = _one_hot(rng.integers(0, tamanhos[-1], size=m), tamanhos[-1]) if tamanhos[-1] > 1 else \
            rng.integers(0, 2, size=(m, 1)).astype(float)
        casos.append((f"rede {tamanhos} de criar_rede(semente={semente}), minilote de {m} exemplos, eta = {eta}",
                      (*criar_rede(tamanhos, semente), X, Y, eta)))
    for i, (descricao, argumentos) in enumerate(casos, start=1):
        obtido, problema = chamar(funcao, argumentos)
        if problema == NAO_IMPLEMENTADO:
            return relatar(nome, False, [f"… {nome}: {problema}"])
        if problema is None:
            pesos, vieses = argumentos[0], argumentos[1]
            esperado_W, esperado_b = _atualizar_minilote(*argumentos)
            obtido_W, obtido_b, problema = _parametros(obtido, [W.shape for W in pesos], [b.shape for b in vieses])
            if problema is None:
                for rotulo, obtidos, esperados in (("pesos", obtido_W, esperado_W), ("vieses", obtido_b, esperado_b)):
                    for l, (o, e) in enumerate(zip(obtidos, esperados)):
                        if problema is None and not np.allclose(o, e, rtol=1e-6, atol=1e-9):
                            problema = f"{rotulo}[{l}] depois do passo: esperava {resumir(e)}, obtive {resumir(o)}"
        if problema is not None:
            return relatar(nome, False, [
                f"✘ {nome}: o caso {i} de {len(casos)} não confere.", f"  entrada: {descricao}", f"  {problema}",
                "  dica: ida guardando as ativações; Δ = (A_L − Y) ⊙ A_L ⊙ (1 − A_L) na saída; "
                "Δ ← (Δ @ W) ⊙ A ⊙ (1 − A) ao voltar; soma dos gradientes = Δ.T @ A_anterior e Δ.sum(axis=0); "
                "o passo usa eta/m vezes essa soma (a MÉDIA do minilote)."])
    return relatar(nome, True, [f"✔ {nome}: {len(casos)} de {len(casos)} casos iguais ao passo com a média dos "
                                "gradientes de cada exemplo. Muito bem!"])


#: O piso de acurácia do exercício de treino, nos dados sintéticos (a referência passa de 99 % nos sorteios testados).
PISO_TREINO = 0.9


def _dados_de_treino(semente):
    X, y = gaussianas(300, classes=3, ruido=0.45, semente=semente, distancia=2.0)
    return (X + 2.5) / 5.0, y                                        # no quadrado [0, 1]², como pixels


def rede_treinar(funcao) -> Resultado:
    """Exercício: `funcao(tamanhos, X, y, epocas, tamanho_minilote, eta, semente)` treina e devolve (pesos, vieses)."""
    nome = "rede_treinar"
    if funcao is None:
        return relatar(nome, False, [f"… {nome}: {AINDA_NAO_DEFINIDA}"])
    if not callable(funcao):
        return relatar(nome, False, [f"✘ {nome}: esperava uma função, recebi {type(funcao).__name__}."])
    linhas = []
    casos = [([2, 8, 3], 0, 30, 10, 3.0), ([2, 5, 3], 1, 30, 5, 2.0)]
    for i, (tamanhos, semente, epocas, minilote, eta) in enumerate(casos, start=1):
        X, y = _dados_de_treino(semente)
        X_teste, y_teste = _dados_de_treino(50 + semente)
        descricao = (f"três nuvens de 300 pontos em 2-D; tamanhos = {tamanhos}, {epocas} épocas, "
                     f"minilote {minilote}, eta = {eta}, semente = {semente}")
        obtido, problema = chamar(funcao, (tamanhos, X, y, epocas, minilote, eta, semente))
        if problema == NAO_IMPLEMENTADO:
            return relatar(nome, False, [f"… {nome}: {problema}"])
        if problema is None:
            formas_W = _formas_dos_pesos(tamanhos)
            pesos, vieses, problema = _parametros(obtido, formas_W, [(n,) for n in tamanhos[1:]])
        if problema is None:
            acerto = _avaliar(_feedforward(pesos, vieses, X_teste), y_teste) / len(y_teste)
            if acerto < PISO_TREINO:
                problema = (f"a rede treinada acerta {100 * acerto:.1f} % de 300 pontos novos; "
                            f"esperava pelo menos {100 * PISO_TREINO:.0f} %")
            else:
                linhas.append(f"  caso {i}: {100 * acerto:.1f} % de acerto em 300 pontos novos")
        if problema is not None:
            return relatar(nome, False, [
                f"✘ {nome}: o caso {i} de {len(casos)} não confere.", f"  entrada: {descricao}", f"  {problema}",
                "  dica: crie a rede com criar_rede(tamanhos, semente); transforme y em one-hot; em cada época, "
                "embaralhe (np.random.default_rng(semente).permutation), corte minilotes de tamanho_minilote e "
                "chame atualizar_minilote em cada um; devolva (pesos, vieses)."])
    return relatar(nome, True, [f"✔ {nome}: a rede aprendeu nos {len(casos)} casos. Muito bem!", *linhas])
