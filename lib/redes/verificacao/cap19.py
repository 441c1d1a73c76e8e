"""Verificações dos exercícios do capítulo 19 (o tamanho do minilote).

Tudo roda em milissegundos, com entradas fixas ou sorteadas com semente.
"""
from __future__ import annotations

import numpy as np

from .. import minilote
from ..ativacoes import softmax
from ._nucleo import AINDA_NAO_DEFINIDA, NAO_IMPLEMENTADO, Resultado, chamar, relatar, resumir, verificar_funcao
from ._nucleo import como_lista


# ---------------------------------------------------------------- referências

def _minilotes_por_epoca(n, B):
    return minilote.minilotes_por_epoca(n, B)


def _taxa_escalada(taxa, lote_referencia, lote):
    return minilote.taxa_escalada(taxa, lote_referencia, lote)


def _lacuna(treino, teste):
    return np.asarray(treino, dtype=float) - np.asarray(teste, dtype=float)


def _gradiente_do_lote(X, Y, W, b):
    """Regressão softmax: a média sobre o lote de x (a − y)ᵀ e de a − y, com a = softmax(xW + b)."""
    X, Y, W, b = (np.asarray(v, dtype=float) for v in (X, Y, W, b))
    delta = (softmax(X @ W + b) - Y) / len(X)
    return X.T @ delta, delta.sum(axis=0)


# ---------------------------------------------------------------- verificações simples

def minilotes_por_epoca(funcao) -> Resultado:
    """Exercício: `funcao(n, B)` devolve ⌈n/B⌉, o número de minilotes (e de atualizações) numa época."""
    casos = [(32_000, 32), (1_000_000_000, 512), (50_000, 10), (50_000, 64), (60_000, 1024), (1005, 10), (100, 100),
             (7, 10), (1, 1), (50_000, 1)]
    return verificar_funcao(
        "minilotes_por_epoca", funcao, _minilotes_por_epoca,
        [(f"n = {n}, B = {B}", (n, B)) for n, B in casos], rtol=0, atol=0,
        dica="cada minilote tem B exemplos, menos talvez o último, que fica com o que sobrou e também conta. "
             "Em Python, -(-n // B) arredonda a divisão para cima (math.ceil(n / B) também serve, para n pequeno).")


def taxa_escalada(funcao) -> Resultado:
    """Exercício: `funcao(taxa, lote_referencia, lote)` aplica a regra linear η_B = η_ref · B / B_ref."""
    casos = [(0.01, 64, 1024), (0.1, 256, 8192), (0.5, 10, 1), (0.01, 64, 64), (0.05, 64, 16), (0.2, 32, 96)]
    return verificar_funcao(
        "taxa_escalada", funcao, _taxa_escalada,
        [(f"taxa = {t}, lote_referencia = {r}, lote = {B}", (t, r, B)) for t, r, B in casos], rtol=1e-9,
        dica="a taxa cresce na mesma proporção do minilote: se o minilote fica k vezes maior (k = lote / "
             "lote_referencia), a taxa também fica k vezes maior. Com 0.01, 64 e 1024 o resultado é 0.16.")


def lacuna_de_generalizacao(funcao) -> Resultado:
    """Exercício: `funcao(acuracias_treino, acuracias_teste)` devolve treino − teste (um número ou um array)."""
    casos = [("treino 1.0, teste 0.98", (1.0, 0.98)),
             ("treino 100, teste 98 (em %)", (100.0, 98.0)),
             ("treino 0.90, teste 0.92 (o teste pode ganhar)", (0.90, 0.92)),
             ("por época: treino [0.9, 0.95, 1.0], teste [0.88, 0.9, 0.98]", ([0.9, 0.95, 1.0], [0.88, 0.9, 0.98])),
             ("arrays: treino [0.5, 0.75], teste [0.6, 0.7]", (np.array([0.5, 0.75]), np.array([0.6, 0.7])))]
    return verificar_funcao(
        "lacuna_de_generalizacao", funcao, _lacuna, casos, rtol=1e-9, atol=1e-12,
        dica="a lacuna é treino − teste, nessa ordem, sem valor absoluto (pode dar negativa); para listas, faça a "
             "conta elemento a elemento (converta com np.asarray antes de subtrair).")


# ---------------------------------------------------------------- índices dos minilotes

def _particao(obtido, n, B, descartar) -> tuple[list | None, str | None]:
    """(os minilotes como arrays, None) se `obtido` é uma época válida para (n, B); senão (None, o problema)."""
    if obtido is None:
        return None, "sua função devolveu None: faltou o `return`?"
    if isinstance(obtido, (str, bytes, dict)) or not isinstance(obtido, list):
        return None, f"esperava uma lista de arrays de índices, recebi {type(obtido).__name__} ({resumir(obtido, 60)})"
    try:
        pedacos = [np.asarray(p) for p in obtido]
    except (TypeError, ValueError):
        return None, f"esperava uma lista de arrays de índices, recebi {resumir(obtido, 60)}"
    if any(p.ndim != 1 or (p.size and p.dtype.kind not in "iu") for p in pedacos):
        return None, (f"esperava uma lista de arrays 1-D de índices inteiros, recebi {resumir(obtido, 60)} "
                      "(um único array não é uma lista de minilotes)")
    cheios, resto = divmod(n, B)
    tamanhos_esperados = [B] * cheios + ([] if descartar or resto == 0 else [resto])
    tamanhos = [len(p) for p in pedacos]
    if tamanhos != tamanhos_esperados:
        return None, (f"esperava {len(tamanhos_esperados)} minilotes com tamanhos {resumir(tamanhos_esperados, 60)}, "
                      f"recebi {len(tamanhos)} com tamanhos {resumir(tamanhos, 60)}")
    todos = np.concatenate(pedacos) if pedacos else np.array([], dtype=int)
    if len(np.unique(todos)) != len(todos) or (todos.size and (todos.min() < 0 or todos.max() >= n)):
        return None, "cada índice (de 0 a n − 1) pode aparecer no máximo uma vez por época"
    if not descartar and len(todos) != n:
        return None, "com descartar_incompleto=False, cada índice de 0 a n − 1 aparece exatamente uma vez"
    return pedacos, None


def _iguais(a, b) -> bool:
    return len(a) == len(b) and all(np.array_equal(p, q) for p, q in zip(a, b))


def indices_dos_minilotes(funcao) -> Resultado:
    """Exercício: `funcao(n, B, rng, descartar_incompleto=False)` sorteia os minilotes de uma época."""
    nome = "indices_dos_minilotes"
    if funcao is None:
        return relatar(nome, False, [f"… {nome}: {AINDA_NAO_DEFINIDA}"])
    if not callable(funcao):
        return relatar(nome, False, [f"✘ {nome}: esperava uma função, recebi {type(funcao).__name__}."])
    dica = ("  dica: ordem = rng.permutation(n) e depois [ordem[i:i + B] for i in range(0, n, B)]; com "
            "descartar_incompleto=True, fique só com os pedaços de tamanho B (os n // B primeiros).")
    casos = [(10, 3, False), (12, 4, False), (100, 32, False), (7, 7, False), (5, 10, False), (64, 1, False),
             (1000, 128, False), (10, 3, True), (100, 32, True), (12, 4, True), (1000, 128, True)]
    for n, B, descartar in casos:
        semente = n + B
        entrada = (f"n = {n}, B = {B}, rng = np.random.default_rng({semente}), "
                   f"descartar_incompleto = {descartar}")
        obtido, problema = chamar(funcao, (n, B, np.random.default_rng(semente), descartar))
        if problema == NAO_IMPLEMENTADO:
            return relatar(nome, False, [f"… {nome}: {problema}"])
        pedacos = None
        if problema is None:
            pedacos, problema = _particao(como_lista(obtido), n, B, descartar)
        if problema is None and n >= 100:
            de_novo, _ = _particao(como_lista(chamar(funcao, (n, B, np.random.default_rng(semente), descartar))[0]),
                                   n, B, descartar)
            outra, _ = _particao(como_lista(chamar(funcao, (n, B, np.random.default_rng(semente + 1), descartar))[0]),
                                 n, B, descartar)
            if np.array_equal(np.concatenate(pedacos), np.arange(len(np.concatenate(pedacos)))):
                problema = "os índices saíram em ordem (0, 1, 2, ...): embaralhe-os com o rng antes de cortar"
            elif de_novo is None or not _iguais(pedacos, de_novo):
                problema = "duas chamadas com geradores de mesma semente deram minilotes diferentes: use o `rng` recebido"
            elif outra is not None and _iguais(pedacos, outra):
                problema = "sementes diferentes deram os mesmos minilotes: o sorteio precisa vir do `rng` recebido"
        if problema is not None:
            return relatar(nome, False, [f"✘ {nome}: a entrada não confere.", f"  entrada: {entrada}",
                                         f"  {problema}", dica])
    return relatar(nome, True, [f"✔ {nome}: {len(casos)} de {len(casos)} casos corretos. Muito bem!"])


# ---------------------------------------------------------------- gradiente vetorizado

def gradiente_do_lote_vetorizado(funcao) -> Resultado:
    """Exercício: `funcao(X, Y, W, b)` devolve (dW, db), a média dos gradientes da regressão softmax, sem laço."""
    nome = "gradiente_do_lote_vetorizado"
    if funcao is None:
        return relatar(nome, False, [f"… {nome}: {AINDA_NAO_DEFINIDA}"])
    if not callable(funcao):
        return relatar(nome, False, [f"✘ {nome}: esperava uma função, recebi {type(funcao).__name__}."])
    dica = ("  dica: A = softmax(X @ W + b) (uma linha por exemplo); Delta = (A − Y) / m; dW = X.T @ Delta e "
            "db = Delta.sum(axis=0). Divida por m: é a média, como no laço do enunciado.")
    rng = np.random.default_rng(19)
    casos = []
    for m, n_in, k in ((1, 3, 2), (5, 4, 3), (32, 6, 10), (100, 20, 10), (7, 784, 10)):
        X = rng.normal(size=(m, n_in))
        Y = np.eye(k)[rng.integers(0, k, size=m)]
        casos.append((f"m = {m} exemplos, {n_in} entradas, {k} classes (sorteados com semente)",
                      (X, Y, rng.normal(0, 0.5, (n_in, k)), rng.normal(0, 0.5, k))))
    for i, (descricao, argumentos) in enumerate(casos, start=1):
        obtido, problema = chamar(funcao, argumentos)
        if problema == NAO_IMPLEMENTADO:
            return relatar(nome, False, [f"… {nome}: {problema}"])
        dW, db = _gradiente_do_lote(*argumentos)
        if problema is None:
            if not isinstance(obtido, (tuple, list)) or len(obtido) != 2:
                problema = f"esperava um par (dW, db), recebi {resumir(obtido, 60)}"
            else:
                for parte, esperado, rotulo in zip(obtido, (dW, db), ("dW", "db")):
                    try:
                        valor = np.asarray(parte, dtype=float)
                    except (TypeError, ValueError):
                        problema = f"esperava números em {rotulo}, recebi {resumir(parte, 60)}"
                        break
                    if valor.shape != esperado.shape:
                        problema = f"esperava {rotulo} com forma {esperado.shape}, recebi {valor.shape}"
                        break
                    if not np.allclose(valor, esperado, rtol=1e-6, atol=1e-9):
                        vezes = np.sum(valor * esperado) / max(np.sum(esperado ** 2), 1e-300)
                        extra = (f" (parece a soma, não a média: {vezes:.0f} vezes o esperado)"
                                 if len(argumentos[0]) > 1 and np.isclose(vezes, len(argumentos[0])) else "")
                        problema = f"{rotulo}: esperava {resumir(esperado)}, obtive {resumir(valor)}{extra}"
                        break
        if problema is not None:
            return relatar(nome, False, [f"✘ {nome}: o caso {i} de {len(casos)} não confere.",
                                         f"  entrada: {descricao}", f"  {problema}", dica])
    return relatar(nome, True, [f"✔ {nome}: {len(casos)} de {len(casos)} casos corretos. Muito bem!"])
