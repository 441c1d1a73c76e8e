"""Verificações do capítulo 18: aceitam soluções, recusam o esboço e erros plausíveis, e nunca quebram."""
import numpy as np
from contrato_verificacao import contrato

from redes import agendas, hiperparametros
from redes import verificacao as verificar

NOMES = ["filtrar_digitos", "epoca_de_parada", "maior_taxa_estavel", "taxa_em_degraus", "escolher_melhor"]


# ------------------------------------------------------------------ soluções

def filtrar_certo(X, y, digitos):
    mascara = np.isin(y, digitos)
    return X[mascara], y[mascara]


def filtrar_por_laco(X, y, digitos):
    """Outra forma certa: índices num laço, devolvidos como lista."""
    indices = [i for i, rotulo in enumerate(y) if rotulo in list(digitos)]
    return [np.asarray(X)[indices], np.asarray(y)[indices]]


def parada_certa(acuracias, paciencia, min_delta=0.0):
    melhor, esperando = -np.inf, 0
    for t, a in enumerate(acuracias, start=1):
        if a > melhor + min_delta:
            melhor, esperando = a, 0
        else:
            esperando += 1
            if esperando >= paciencia:
                return t
    return None


def parada_da_biblioteca(acuracias, paciencia, min_delta=0.0):
    return hiperparametros.epoca_de_parada(acuracias, paciencia, min_delta).epoca


def taxa_certa(custo, gradiente, w0, taxas, passos):
    boas = []
    for taxa in taxas:
        w = np.array(w0, dtype=float)
        valores = [custo(w)]
        for _ in range(passos):
            w = w - taxa * gradiente(w)
            valores.append(custo(w))
        if all(b < a for a, b in zip(valores, valores[1:])):
            boas.append(taxa)
    return max(boas) if boas else None


def degraus_certo(t, taxa, fator, a_cada):
    return taxa * fator ** (t // a_cada)


def degraus_da_biblioteca(t, taxa, fator, a_cada):
    return agendas.Degraus(taxa, fator=fator, a_cada=a_cada)(t)


def escolher_certo(historicos):
    melhor = None
    for nome, h in historicos.items():
        a = np.asarray(h["acuracia_validacao"])
        t = int(np.argmax(a))
        if melhor is None or a[t] > melhor[2]:
            melhor = (nome, t + 1, a[t])
    return melhor[0], melhor[1]


# ------------------------------------------------------------------ erradas plausíveis

def _parada_errada(modo):
    def errada(acuracias, paciencia, min_delta=0.0):
        melhor, esperando = -np.inf, 0
        for t, a in enumerate(acuracias, start=1):
            melhora = {"empate_conta": a >= melhor + min_delta, "sem_delta": a > melhor}.get(modo, a > melhor + min_delta)
            if melhora:
                melhor, esperando = a, 0
            else:
                esperando += 1
                if esperando >= paciencia:
                    return t - 1 if modo == "de_zero" else t
        return len(acuracias) if modo == "fim_em_vez_de_none" else None
    return errada


def parada_primeira_queda(acuracias, paciencia, min_delta=0.0):
    for t in range(1, len(acuracias)):
        if acuracias[t] < acuracias[t - 1]:
            return t + 1
    return None


def parada_pela_melhor_epoca(acuracias, paciencia, min_delta=0.0):
    """Devolve a época guardada, não a de parada."""
    r = hiperparametros.epoca_de_parada(acuracias, paciencia, min_delta)
    return r.melhor_epoca if r.epoca is not None else None


def taxa_so_no_fim(custo, gradiente, w0, taxas, passos):
    """Confere só que o custo final é menor que o inicial."""
    boas = []
    for taxa in taxas:
        w = np.array(w0, dtype=float)
        for _ in range(passos):
            w = w - taxa * gradiente(w)
        if custo(w) < custo(np.array(w0, dtype=float)):
            boas.append(taxa)
    return max(boas) if boas else None


def taxa_nao_estrita(custo, gradiente, w0, taxas, passos):
    boas = []
    for taxa in taxas:
        w = np.array(w0, dtype=float)
        valores = [custo(w)]
        for _ in range(passos):
            w = w - taxa * gradiente(w)
            valores.append(custo(w))
        if all(b <= a for a, b in zip(valores, valores[1:])):
            boas.append(taxa)
    return max(boas) if boas else None


def taxa_menor(custo, gradiente, w0, taxas, passos):
    """A menor estável, em vez da maior."""
    boas = [t for t in taxas if taxa_certa(custo, gradiente, w0, [t], passos) is not None]
    return min(boas) if boas else None


def taxa_primeira_ruim(custo, gradiente, w0, taxas, passos):
    """Para na primeira instável da lista, sem ordenar."""
    ultima = None
    for t in taxas:
        if taxa_certa(custo, gradiente, w0, [t], passos) is None:
            break
        ultima = t
    return ultima


def escolher_pela_ultima(historicos):
    nome = max(historicos, key=lambda k: historicos[k]["acuracia_validacao"][-1])
    return nome, len(historicos[nome]["acuracia_validacao"])


def escolher_epoca_de_zero(historicos):
    nome, epoca = escolher_certo(historicos)
    return nome, epoca - 1


def escolher_ultimo_no_empate(historicos):
    melhor = None
    for nome, h in historicos.items():
        a = np.asarray(h["acuracia_validacao"])
        t = int(np.argmax(a))
        if melhor is None or a[t] >= melhor[2]:
            melhor = (nome, t + 1, a[t])
    return melhor[0], melhor[1]


def escolher_pela_media(historicos):
    nome = max(historicos, key=lambda k: np.mean(historicos[k]["acuracia_validacao"]))
    return nome, int(np.argmax(historicos[nome]["acuracia_validacao"])) + 1


CASOS = {
    "filtrar_digitos": ([filtrar_certo, filtrar_por_laco], [
        lambda X, y, d: (X[y == d[0]], y[y == d[0]]),                                  # só o primeiro dígito
        lambda X, y, d: (X[~np.isin(y, d)], y[~np.isin(y, d)]),                        # o complemento
        lambda X, y, d: (X[np.isin(y, d)], y),                                         # esqueceu de filtrar y
        lambda X, y, d: (X[np.isin(y, d)], np.searchsorted(np.sort(d), y[np.isin(y, d)])),   # renumerou os rótulos
        lambda X, y, d: (X[np.argsort(y, kind="stable")][np.isin(np.sort(y), d)], np.sort(y)[np.isin(np.sort(y), d)]),
        lambda X, y, d: (X[np.isin(y, d)][::-1], y[np.isin(y, d)][::-1]),               # inverteu a ordem
    ]),
    "epoca_de_parada": ([parada_certa, parada_da_biblioteca], [
        _parada_errada("empate_conta"), _parada_errada("sem_delta"), _parada_errada("de_zero"),
        _parada_errada("fim_em_vez_de_none"), parada_primeira_queda, parada_pela_melhor_epoca,
    ]),
    "maior_taxa_estavel": ([taxa_certa, hiperparametros.maior_taxa_estavel], [
        taxa_so_no_fim, taxa_nao_estrita, taxa_menor, taxa_primeira_ruim,
    ]),
    "taxa_em_degraus": ([degraus_certo, degraus_da_biblioteca], [
        lambda t, taxa, fator, a_cada: taxa * fator ** ((t + 1) // a_cada),          # épocas contadas de 1
        lambda t, taxa, fator, a_cada: taxa * fator ** (t / a_cada),                 # sem a divisão inteira
        lambda t, taxa, fator, a_cada: taxa * fator * (t // a_cada),                 # multiplicou em vez de elevar
        lambda t, taxa, fator, a_cada: taxa if t < a_cada else taxa * fator,         # um degrau só
    ]),
    "escolher_melhor": ([escolher_certo, lambda h: hiperparametros.escolher_melhor(h)[:2]], [
        escolher_pela_ultima, escolher_epoca_de_zero, escolher_ultimo_no_empate, escolher_pela_media,
        lambda h: escolher_certo(h)[0],                                              # só o nome
    ]),
}

globals().update(contrato(verificar, CASOS))


def test_todas_as_verificacoes_do_capitulo_estao_nos_casos():
    assert sorted(CASOS) == sorted(NOMES)
    for nome in NOMES:
        assert nome in verificar.__all__
