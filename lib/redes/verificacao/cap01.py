"""Verificações dos exercícios do capítulo 1 (IA, aprendizado de máquina e deep learning).

Duas delas conferem respostas (uma lista de marcos, um dicionário de tarefas,
um conjunto de letras); as outras comparam uma função com a referência em
entradas fixas e sorteadas com semente. Os anos vêm de `redes.historia`.
"""
from __future__ import annotations

import unicodedata

import numpy as np

from .. import arquitetura, historia
from ._nucleo import AINDA_NAO_DEFINIDA, Resultado, relatar, resumir, verificar_funcao

#: Os seis marcos do exercício 1, fora de ordem.
MARCOS_PARA_ORDENAR = (
    "rede de Hopfield",
    "Transformer: a atenção basta",
    "perceptron de Rosenblatt",
    "LSTM de Hochreiter e Schmidhuber",
    "neocognitron de Fukushima",
    "retropropagação de Rumelhart, Hinton e Williams",
)

#: As tarefas do exercício 2 e o tipo de cada uma, com uma pista para quem errar.
TAREFAS = (
    ("prever se um servidor vai falhar na próxima hora, a partir dos sensores", "classificação",
     "a resposta é uma entre duas etiquetas: 'vai falhar' ou 'normal'."),
    ("prever a temperatura do servidor daqui a dez minutos", "regressão",
     "a resposta é um número que varia continuamente (graus Celsius)."),
    ("separar os clientes de uma loja em grupos de hábitos parecidos, sem nenhum rótulo", "não supervisionado",
     "ninguém disse quais são os grupos: não há rótulos para aprender."),
    ("dizer qual algarismo, de 0 a 9, está escrito numa imagem", "classificação",
     "são dez categorias; o 7 não é 'um pouco maior' que o 6, é outra classe."),
    ("estimar o preço de um apartamento pela área e pelo bairro", "regressão",
     "o preço é um número, e errar por pouco é melhor que errar por muito."),
    ("marcar um e-mail como spam ou não spam", "classificação",
     "duas etiquetas possíveis."),
    ("estimar a idade de uma pessoa a partir de uma foto", "regressão",
     "a idade é um número: 23 está perto de 24 e longe de 70."),
    ("achar compras de cartão que fogem do padrão, sem exemplos marcados de fraude", "não supervisionado",
     "sem exemplos marcados, o algoritmo só pode procurar o que é diferente do resto."),
)

TIPOS = ("classificação", "regressão", "não supervisionado")

#: As opções do exercício 6 e as letras certas.
OPCOES_TEMPESTADE = {
    "A": "grandes conjuntos de dados rotulados, como o ImageNet",
    "B": "a invenção do neurônio artificial, por volta de 2010",
    "C": "placas gráficas (GPUs), que fazem muitas contas de matrizes em paralelo",
    "D": "a descoberta de que redes profundas não precisam de dados",
    "E": "modelos e truques de treino melhores (ReLU, boa inicialização, dropout)",
    "F": "computadores quânticos",
}
INGREDIENTES = frozenset({"A", "C", "E"})


def _normalizar(texto: str) -> str:
    sem_acento = unicodedata.normalize("NFKD", texto).encode("ascii", "ignore").decode()
    return " ".join(sem_acento.lower().replace("-", " ").replace("_", " ").split())


# ---------------------------------------------------------------- exercício 1

def ordem_cronologica(ordem) -> Resultado:
    """Exercício: `ordem` lista os seis `MARCOS_PARA_ORDENAR` do mais antigo ao mais recente."""
    nome = "ordem_cronologica"
    if ordem is None:
        return relatar(nome, False, [f"… {nome}: {AINDA_NAO_DEFINIDA}"])
    if isinstance(ordem, (str, bytes, dict, set, frozenset)) or not hasattr(ordem, "__iter__"):
        return relatar(nome, False, [f"✘ {nome}: esperava uma lista com os seis títulos, recebi "
                                     f"{type(ordem).__name__}."])
    ordem = list(ordem)
    if not all(isinstance(t, str) for t in ordem):
        return relatar(nome, False, [f"✘ {nome}: esperava uma lista de textos (os títulos), recebi {resumir(ordem, 80)}."])
    certos = {_normalizar(t): t for t in MARCOS_PARA_ORDENAR}
    chaves = [_normalizar(t) for t in ordem]
    estranhos = [t for t, c in zip(ordem, chaves) if c not in certos]
    faltam = [t for c, t in certos.items() if c not in chaves]
    if estranhos or faltam or len(ordem) != len(certos):
        linhas = [f"✘ {nome}: esperava os seis títulos de MARCOS, cada um uma vez; sua lista tem {len(ordem)}."]
        if estranhos:
            linhas.append(f"  títulos que não estão em MARCOS: {', '.join(repr(t) for t in estranhos)}")
        if faltam:
            linhas.append(f"  faltam: {', '.join(repr(t) for t in faltam)}")
        linhas.append("  dica: copie os títulos de MARCOS (ou use MARCOS[i]) para não errar a grafia.")
        return relatar(nome, False, linhas)
    anos = [historia.ano(certos[c]) for c in chaves]
    trocados = [(certos[a], certos[b]) for a, b, ano_a, ano_b in zip(chaves, chaves[1:], anos, anos[1:]) if ano_a > ano_b]
    if trocados:
        linhas = [f"✘ {nome}: a ordem ainda não confere; esperava do mais antigo ao mais recente."]
        linhas += [f"  {a!r} aparece antes de {b!r}, mas aconteceu depois." for a, b in trocados]
        linhas.append("  dica: a linha do tempo do capítulo (ou historia.eventos()) tem o ano de cada marco.")
        return relatar(nome, False, linhas)
    return relatar(nome, True, [f"✔ {nome}: os seis marcos estão em ordem, de {anos[0]} a {anos[-1]}. Muito bem!"])


# ---------------------------------------------------------------- exercício 2

_TIPO_NORMALIZADO = {"classificacao": "classificação", "regressao": "regressão",
                     "nao supervisionado": "não supervisionado", "nao supervisionada": "não supervisionado"}


def _respostas_em_ordem(respostas) -> tuple[list | None, str | None]:
    """Aceita uma lista (na ordem de TAREFAS) ou um dicionário (chave = texto da tarefa ou número 1…8)."""
    n = len(TAREFAS)
    if isinstance(respostas, dict):
        por_texto = {_normalizar(t): i for i, (t, _, _) in enumerate(TAREFAS)}
        lista: list = [None] * n
        for chave, valor in respostas.items():
            if isinstance(chave, (int, np.integer)) and not isinstance(chave, bool) and 1 <= chave <= n:
                i = int(chave) - 1
            elif isinstance(chave, str) and _normalizar(chave) in por_texto:
                i = por_texto[_normalizar(chave)]
            else:
                return None, (f"a chave {chave!r} não é uma das tarefas; use o texto de TAREFAS[i] "
                              f"(ou os números 1 a {n}).")
            lista[i] = valor
        return lista, None
    if isinstance(respostas, (list, tuple)):
        if len(respostas) != n:
            return None, f"esperava {n} respostas, uma por tarefa, recebi {len(respostas)}."
        return list(respostas), None
    return None, f"esperava um dicionário (tarefa → tipo), recebi {type(respostas).__name__}."


def tipos_de_tarefa(respostas) -> Resultado:
    """Exercício: para cada tarefa de `TAREFAS`, 'classificação', 'regressão' ou 'não supervisionado'."""
    nome = "tipos_de_tarefa"
    if respostas is None:
        return relatar(nome, False, [f"… {nome}: {AINDA_NAO_DEFINIDA}"])
    lista, problema = _respostas_em_ordem(respostas)
    if problema:
        return relatar(nome, False, [f"✘ {nome}: {problema}"])
    faltando = [i + 1 for i, v in enumerate(lista) if v is None]
    if faltando:
        return relatar(nome, False, [f"✘ {nome}: faltam respostas para as tarefas {faltando}."])
    desconhecidos = [(i + 1, v) for i, v in enumerate(lista)
                     if not isinstance(v, str) or _normalizar(v) not in _TIPO_NORMALIZADO]
    if desconhecidos:
        i, v = desconhecidos[0]
        return relatar(nome, False, [f"✘ {nome}: na tarefa {i}, esperava um destes textos: "
                                     f"{', '.join(repr(t) for t in TIPOS)}; recebi {v!r}."])
    errados = [(i, TAREFAS[i], _TIPO_NORMALIZADO[_normalizar(v)]) for i, v in enumerate(lista)
               if _TIPO_NORMALIZADO[_normalizar(v)] != TAREFAS[i][1]]
    if errados:
        linhas = [f"✘ {nome}: {len(TAREFAS) - len(errados)} de {len(TAREFAS)} certas. Reveja:"]
        for i, (tarefa, _, pista), dado in errados:
            linhas.append(f"  tarefa {i + 1} ({tarefa}): você respondeu {dado!r}; pista: {pista}")
        linhas.append("  dica: há rótulos? Se não, é não supervisionado. Se há, a saída é uma categoria "
                      "(classificação) ou um número (regressão)?")
        return relatar(nome, False, linhas)
    return relatar(nome, True, [f"✔ {nome}: as {len(TAREFAS)} tarefas estão classificadas certo. Muito bem!"])


# ---------------------------------------------------------------- exercício 3

def _pesos_e_vieses(tamanhos):
    return [list(par) for par in arquitetura.parametros_por_camada(tamanhos)]


def pesos_e_vieses_por_camada(funcao) -> Resultado:
    """Exercício: `funcao(tamanhos)` devolve, para cada camada depois da entrada, o par (pesos, vieses)."""
    casos = [[3, 4, 2], [3, 5, 5, 5, 2], [784, 30, 10], [2, 1], [10, 8, 6, 4, 2], [784, 16, 16, 10]]
    return verificar_funcao(
        "pesos_e_vieses_por_camada", funcao, _pesos_e_vieses,
        [(f"tamanhos = {t}", (t,)) for t in casos], rtol=0, atol=0.5,
        dica="uma camada de n_sai neurônios que recebe n_ent entradas tem n_ent·n_sai pesos e n_sai vieses; "
             "a lista tem um par (pesos, vieses) por camada, sem contar a de entrada.")


# ---------------------------------------------------------------- exercício 4

def _reta(x, y):
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    w = np.sum((x - x.mean()) * (y - y.mean())) / np.sum((x - x.mean()) ** 2)
    return np.array([w, y.mean() - w * x.mean()])


def reta_minimos_quadrados(funcao) -> Resultado:
    """Exercício: `funcao(x, y)` devolve (w, b) da reta y ≈ w·x + b de menor erro quadrático."""
    rng = np.random.default_rng(11)
    x1 = rng.uniform(-2, 2, 30)
    x2 = np.linspace(0, 10, 12)
    x3 = rng.uniform(5, 15, 50)
    casos = [
        ("x = [0, 1, 2], y = [1, 3, 5] (a reta exata y = 2x + 1)", (np.array([0.0, 1.0, 2.0]), np.array([1.0, 3.0, 5.0]))),
        ("x = [1, 2, 3, 4], y = [2, 1, 4, 3]", (np.array([1.0, 2.0, 3.0, 4.0]), np.array([2.0, 1.0, 4.0, 3.0]))),
        ("30 pontos sorteados perto de y = 1,5x + 0,5", (x1, 1.5 * x1 + 0.5 + rng.normal(0, 0.3, 30))),
        ("12 pontos perto de y = −0,8x + 4", (x2, -0.8 * x2 + 4 + rng.normal(0, 0.5, 12))),
        ("50 pontos com x entre 5 e 15, longe da origem", (x3, 0.3 * x3 - 2 + rng.normal(0, 0.2, 50))),
    ]
    return verificar_funcao(
        "reta_minimos_quadrados", funcao, _reta, casos, rtol=1e-6, atol=1e-8,
        dica="w = Σ(x − x̄)(y − ȳ) / Σ(x − x̄)² e b = ȳ − w·x̄; devolva (w, b), nessa ordem.")


# ---------------------------------------------------------------- exercício 5

def _passo_kmeans(X, centros):
    X = np.asarray(X, dtype=float)
    centros = np.asarray(centros, dtype=float)
    distancias = ((X[:, None, :] - centros[None, :, :]) ** 2).sum(axis=2)
    grupo = distancias.argmin(axis=1)
    novos = centros.copy()
    for k in range(len(centros)):
        if np.any(grupo == k):
            novos[k] = X[grupo == k].mean(axis=0)
    return novos


def passo_kmeans(funcao) -> Resultado:
    """Exercício: `funcao(X, centros)` faz um passo do k-médias e devolve os novos centros."""
    rng = np.random.default_rng(12)
    nuvens = np.concatenate([rng.normal([-2, 0], 0.6, (20, 2)), rng.normal([2, 1], 0.6, (20, 2))])
    tres = np.concatenate([rng.normal(c, 0.5, (15, 2)) for c in ([0, 3], [-3, -1], [3, -1])])
    casos = [
        ("4 pontos em dois pares, centros [[0, 0], [10, 10]]",
         (np.array([[0.0, 0.0], [0.0, 2.0], [10.0, 10.0], [12.0, 10.0]]), np.array([[0.0, 0.0], [10.0, 10.0]]))),
        ("40 pontos em duas nuvens, centros iniciais [[0, 0], [1, 0]]", (nuvens, np.array([[0.0, 0.0], [1.0, 0.0]]))),
        ("45 pontos em três nuvens, três centros sorteados", (tres, rng.normal(0, 1, (3, 2)))),
        ("um centro longe de tudo fica sem pontos (deve continuar onde está)",
         (nuvens, np.array([[-2.0, 0.0], [2.0, 1.0], [50.0, 50.0]]))),
    ]
    return verificar_funcao(
        "passo_kmeans", funcao, _passo_kmeans,
        [(d, a) for d, a in casos],
        dica="(1) cada ponto vai para o centro mais próximo (distância euclidiana); (2) cada centro vira a média "
             "dos seus pontos; um centro sem pontos fica onde estava. Devolva um array (k, 2).")


# ---------------------------------------------------------------- exercício 6

def ingredientes_da_tempestade(resposta) -> Resultado:
    """Exercício: o conjunto das letras de `OPCOES_TEMPESTADE` que são ingredientes da "tempestade perfeita"."""
    nome = "ingredientes_da_tempestade"
    if resposta is None:
        return relatar(nome, False, [f"… {nome}: {AINDA_NAO_DEFINIDA}"])
    if isinstance(resposta, str):
        resposta = [c for c in resposta if not c.isspace() and c not in ",;"]
    try:
        letras = {str(r).strip().upper() for r in resposta}
    except TypeError:
        return relatar(nome, False, [f"✘ {nome}: esperava um conjunto de letras, como {{'A', 'B'}}, "
                                     f"recebi {type(resposta).__name__}."])
    invalidas = sorted(letras - set(OPCOES_TEMPESTADE))
    if invalidas:
        return relatar(nome, False, [f"✘ {nome}: as opções são as letras A a F; recebi {', '.join(invalidas)}."])
    sobram = sorted(letras - INGREDIENTES)
    faltam = len(INGREDIENTES - letras)
    if sobram or faltam:
        linhas = [f"✘ {nome}: ainda não."]
        for letra in sobram:
            linhas.append(f"  {letra} ({OPCOES_TEMPESTADE[letra]}) não é um dos ingredientes.")
        if faltam:
            linhas.append(f"  falta{'m' if faltam > 1 else ''} {faltam} ingrediente{'s' if faltam > 1 else ''} "
                          "na sua resposta.")
        linhas.append("  dica: o capítulo fala em três: dados, poder de cálculo e modelos.")
        return relatar(nome, False, linhas)
    return relatar(nome, True, [f"✔ {nome}: dados, GPUs e modelos melhores: a tempestade perfeita. Muito bem!"])
