"""Verificações dos exercícios do capítulo 7 (um passeio pelas arquiteturas; a rede de Hopfield).

As entradas são pequenas e fixas (as letras 8×8 de `redes.hopfield` e padrões
sorteados com semente): cada verificação roda em milissegundos.
"""
from __future__ import annotations

import unicodedata

import numpy as np

from .. import hopfield
from ._nucleo import AINDA_NAO_DEFINIDA, NAO_IMPLEMENTADO, Resultado, chamar, relatar, resumir, verificar_funcao


def _letras() -> np.ndarray:
    return np.array([hopfield.LETRAS[k] for k in ("A", "L", "X", "Z")])


# ---------------------------------------------------------------- exercícios 1 a 3

def pesos_hopfield(funcao) -> Resultado:
    """Exercício: `funcao(padroes)` devolve W = (1/N) Σ p pᵀ com a diagonal zerada."""
    casos = [("as letras A e L, forma (2, 64)", (_letras()[:2],)),
             ("um padrão só, [1, −1, 1, 1]", (np.array([[1.0, -1.0, 1.0, 1.0]]),)),
             ("3 padrões sorteados com N = 16", (hopfield.padroes_aleatorios(3, 16, semente=7),)),
             ("5 padrões sorteados com N = 10", (hopfield.padroes_aleatorios(5, 10, semente=8),))]
    return verificar_funcao(
        "pesos_hopfield", funcao, hopfield.pesos, casos,
        dica="padroes.T @ padroes soma os produtos externos; divida por N (o número de colunas, não de "
             "padrões) e zere a diagonal com np.fill_diagonal(W, 0).")


def energia_hopfield(funcao) -> Resultado:
    """Exercício: `funcao(W, s)` devolve E(s) = −½ sᵀ W s."""
    letras = _letras()
    W = hopfield.pesos(letras)
    pequena = np.array([[0.0, 1.0, -2.0], [1.0, 0.0, 0.5], [-2.0, 0.5, 0.0]])
    aleatorios = hopfield.padroes_aleatorios(4, 12, semente=3)
    casos = [("W das 4 letras, s = a letra A", (W, letras[0])),
             ("W das 4 letras, s = a letra A com 20 % de ruído", (W, hopfield.ruido(letras[0], 0.2, 1))),
             ("W = [[0, 1, −2], [1, 0, 0,5], [−2, 0,5, 0]], s = [1, −1, 1]", (pequena, np.array([1.0, -1.0, 1.0]))),
             ("W de 3 padrões sorteados (N = 12), s = o quarto", (hopfield.pesos(aleatorios[:3]), aleatorios[3]))]
    return verificar_funcao(
        "energia_hopfield", funcao, lambda W, s: float(hopfield.energia(W, s)), casos,
        dica="s @ W @ s é a soma dupla Σ_ij w_ij s_i s_j; não esqueça o sinal de menos e o fator ½.")


def atualizar_neuronio_hopfield(funcao) -> Resultado:
    """Exercício: `funcao(W, s, i)` devolve um estado novo com o neurônio i atualizado (empate: fica)."""
    letras = _letras()
    W = hopfield.pesos(letras)
    pista = hopfield.ruido(letras[0], 0.2, 1)
    trocado = int(np.flatnonzero(pista != letras[0])[0])
    empate = np.array([[0.0, 1.0, -1.0], [1.0, 0.0, 1.0], [-1.0, 1.0, 0.0]])
    casos = [(f"W das 4 letras, s = A com ruído, i = {trocado} (um bit trocado)", (W, pista, trocado)),
             ("W das 4 letras, s = A com ruído, i = 0", (W, pista, 0)),
             ("W = [[0, 1, −1], [1, 0, 1], [−1, 1, 0]], s = [−1, 1, 1], i = 0 (campo h = 0: empate)",
              (empate, np.array([-1.0, 1.0, 1.0]), 0)),
             ("W = [[0, 1, −1], [1, 0, 1], [−1, 1, 0]], s = [1, −1, 1], i = 1",
              (empate, np.array([1.0, -1.0, 1.0]), 1)),
             ("W = [[0, −1], [−1, 0]], s = [1, 1], i = 1", (np.array([[0.0, -1.0], [-1.0, 0.0]]), np.ones(2), 1))]
    return verificar_funcao(
        "atualizar_neuronio", funcao, hopfield.atualizar_neuronio, casos,
        dica="calcule só h = W[i] @ s; troque só s[i] (por +1 se h > 0, por −1 se h < 0) e, se h == 0, "
             "deixe s[i] como estava. Os outros neurônios não mudam.")


# ---------------------------------------------------------------- exercício 4

def _problema_no_estado(obtido, n: int) -> str | None:
    if obtido is None:
        return "sua função devolveu None: faltou o `return`?"
    try:
        s = np.asarray(obtido, dtype=float)
    except (TypeError, ValueError):
        return f"esperava um array de ±1, recebi {type(obtido).__name__} ({resumir(obtido, 60)})"
    if s.shape != (n,):
        return f"esperava um estado com forma ({n},), recebi {s.shape}"
    if not np.all(np.abs(s) == 1):
        return f"esperava só valores +1 e −1, recebi {resumir(s)}"
    return None


def _eh_ponto_fixo(W, s) -> bool:
    h = W @ s
    return bool(np.all(s * h >= -hopfield.EMPATE))


def recuperar_padrao(funcao) -> Resultado:
    """Exercício: `funcao(W, estado)` faz varreduras assíncronas até nada mudar e devolve o estado final."""
    nome = "recuperar_padrao"
    if funcao is None:
        return relatar(nome, False, [f"… {nome}: {AINDA_NAO_DEFINIDA}"])
    if not callable(funcao):
        return relatar(nome, False, [f"✘ {nome}: esperava uma função, recebi {type(funcao).__name__}."])
    letras = _letras()
    W = hopfield.pesos(letras)
    casos = [(f"a letra {k} com 10 % de ruído (semente {semente})", W, hopfield.ruido(letras[j], 0.1, semente), letras[j])
             for j, k in enumerate("ALXZ") for semente in (0, 1)]
    casos.append(("a letra A com 20 % de ruído (semente 3; uma varredura não basta)",
                  W, hopfield.ruido(letras[0], 0.2, 3), letras[0]))
    casos.append(("a própria letra L (já é um ponto fixo)", W, letras[1], letras[1]))
    casos.append(("W = [[0, −1], [−1, 0]] partindo de [1, 1]", np.array([[0.0, -1.0], [-1.0, 0.0]]), np.ones(2), None))
    for i, (descricao, W_caso, estado, esperado) in enumerate(casos, start=1):
        obtido, problema = chamar(funcao, (W_caso, estado))
        if problema == NAO_IMPLEMENTADO:
            return relatar(nome, False, [f"… {nome}: {problema}"])
        if problema is None:
            problema = _problema_no_estado(obtido, len(estado))
        if problema is None:
            s = np.asarray(obtido, dtype=float)
            if not _eh_ponto_fixo(W_caso, s):
                problema = ("o estado devolvido ainda não é estável: algum neurônio mudaria se fosse "
                            "atualizado de novo (esperava um ponto fixo)")
            elif esperado is not None and not np.array_equal(s, esperado):
                problema = (f"esperava recuperar a letra guardada; {int(np.sum(s != esperado))} bits "
                            "ficaram diferentes dela")
        if problema is not None:
            return relatar(nome, False, [
                f"✘ {nome}: o caso {i} de {len(casos)} não confere.", f"  entrada: {descricao}", f"  {problema}",
                "  dica: repita varreduras (i = 0, 1, …, N − 1, atualizando um neurônio de cada vez, já com os "
                "valores novos) até uma varredura inteira não mudar nada; não atualize todos de uma vez."])
    return relatar(nome, True, [f"✔ {nome}: {len(casos)} de {len(casos)} casos corretos. Muito bem!"])


# ---------------------------------------------------------------- exercício 5

OPCOES = ("MLP", "CNN", "LSTM", "Hopfield", "autoencoder", "GAN", "transformer")

#: letra → (tarefa, respostas aceitas, dica para quem errou)
TAREFAS = {
    "a": ("prever se um cliente cancela o plano a partir de 20 colunas numéricas de uma planilha",
          {"MLP"}, "os dados são um vetor fixo de números, sem ordem no tempo nem vizinhança de pixels."),
    "b": ("reconhecer placas de trânsito em fotos, com os mesmos filtros deslizando pela imagem",
          {"CNN"}, "filtros pequenos que deslizam pela imagem, com pesos compartilhados: é a convolução."),
    "c": ("prever o consumo de energia da próxima hora lendo a série hora a hora, com uma memória com portas",
          {"LSTM"}, "uma sequência lida passo a passo, com um estado que passa adiante e portas que decidem o que guardar."),
    "d": ("completar uma imagem binária guardada a partir de uma cópia com ruído, descendo uma energia",
          {"Hopfield"}, "memória endereçável pelo conteúdo, com energia que só desce: a rede deste capítulo."),
    "e": ("comprimir imagens de peças num código de 10 números e reconstruí-las, para achar peças defeituosas",
          {"autoencoder"}, "codificador, gargalo e decodificador; a peça defeituosa é a que se reconstrói mal."),
    "f": ("criar rostos que não existem a partir de ruído, com um gerador e um discriminador que competem",
          {"GAN"}, "duas redes: uma falsifica e a outra tenta desmascarar."),
    "g": ("traduzir frases longas deixando cada palavra consultar todas as outras de uma vez",
          {"transformer"}, "cada posição consulta todas as outras ao mesmo tempo: é a atenção."),
}

_SINONIMOS = {
    "mlp": "MLP", "perceptron multicamadas": "MLP", "rede densa": "MLP",
    "cnn": "CNN", "convolucional": "CNN", "rede convolucional": "CNN", "convnet": "CNN",
    "lstm": "LSTM", "rnn": "LSTM", "gru": "LSTM", "recorrente": "LSTM", "rede recorrente": "LSTM",
    "hopfield": "Hopfield", "rede de hopfield": "Hopfield",
    "autoencoder": "autoencoder", "autoencoders": "autoencoder", "auto-encoder": "autoencoder",
    "autocodificador": "autoencoder",
    "gan": "GAN", "gans": "GAN",
    "transformer": "transformer", "transformers": "transformer", "atencao": "transformer",
}


def _normalizar(texto) -> str | None:
    if not isinstance(texto, str):
        return None
    sem_acento = unicodedata.normalize("NFKD", texto).encode("ascii", "ignore").decode()
    return _SINONIMOS.get(" ".join(sem_acento.lower().replace("_", " ").split()))


def arquiteturas_e_tarefas(respostas) -> Resultado:
    """Exercício: um dicionário letra → arquitetura (uma de `OPCOES`) para cada tarefa de `TAREFAS`."""
    nome = "arquiteturas_e_tarefas"
    if respostas is None:
        return relatar(nome, False, [f"… {nome}: {AINDA_NAO_DEFINIDA}"])
    if not isinstance(respostas, dict):
        return relatar(nome, False, [f"✘ {nome}: esperava um dicionário como {{'a': 'MLP', ...}}, "
                                     f"recebi {type(respostas).__name__}."])
    chaves = {str(k).strip().lower(): v for k, v in respostas.items()}
    if all(v is None for v in chaves.values()):
        return relatar(nome, False, [f"… {nome}: ainda não respondido: troque cada None pelo nome de uma "
                                     f"arquitetura ({', '.join(OPCOES)})."])
    faltam = [k for k in TAREFAS if k not in chaves]
    linhas, certas = [], 0
    if faltam:
        linhas.append(f"  faltam as tarefas: {', '.join(faltam)}")
    sobram = sorted(set(chaves) - set(TAREFAS))
    if sobram:
        linhas.append(f"  chaves que não são tarefas: {', '.join(sobram)} (use as letras a até g)")
    for letra, (tarefa, aceitas, dica) in TAREFAS.items():
        if letra not in chaves:
            continue
        escolha = _normalizar(chaves[letra])
        if escolha in aceitas:
            certas += 1
        elif escolha is None:
            linhas.append(f"  ({letra}) não reconheci {chaves[letra]!r}: esperava uma destas: {', '.join(OPCOES)}")
        else:
            linhas.append(f"  ({letra}) {tarefa}: {escolha} não é a melhor escolha. Dica: {dica}")
    if certas == len(TAREFAS) and not sobram:
        return relatar(nome, True, [f"✔ {nome}: as {len(TAREFAS)} tarefas estão com a arquitetura certa. Muito bem!"])
    return relatar(nome, False, [f"✘ {nome}: {certas} de {len(TAREFAS)} certas; esperava outra escolha em:", *linhas])
