"""Verificações do capítulo 1: aceitam soluções, recusam o esboço e erros plausíveis, e nunca quebram."""
import numpy as np
import pytest
from contrato_verificacao import contrato

from redes import historia
from redes import verificacao as verificar
from redes.verificacao import cap01


def esboco(*args):
    raise NotImplementedError()


# ---------------------------------------------------------------- funções

def pesos_e_vieses_certo(tamanhos):
    return [(a * b, b) for a, b in zip(tamanhos[:-1], tamanhos[1:])]


def reta_certa(x, y):
    x, y = np.asarray(x, float), np.asarray(y, float)
    A = np.column_stack([x, np.ones_like(x)])
    return tuple(np.linalg.lstsq(A, y, rcond=None)[0])


def kmeans_certo(X, centros):
    X, centros = np.asarray(X, float), np.asarray(centros, float)
    novos = []
    for k, c in enumerate(centros):
        d = np.linalg.norm(X[:, None, :] - centros[None], axis=2)
        meus = X[d.argmin(axis=1) == k]
        novos.append(meus.mean(axis=0) if len(meus) else c)
    return np.array(novos)


def kmeans_sem_vazio(X, centros):
    d = np.linalg.norm(X[:, None, :] - centros[None], axis=2)
    g = d.argmin(axis=1)
    return np.array([X[g == k].mean(axis=0) for k in range(len(centros))])   # NaN no grupo vazio


def kmeans_manhattan(X, centros):
    d = np.abs(X[:, None, :] - centros[None]).sum(axis=2)
    g = d.argmin(axis=1)
    return np.array([X[g == k].mean(axis=0) if np.any(g == k) else centros[k] for k in range(len(centros))])


CASOS = {
    "pesos_e_vieses_por_camada": (pesos_e_vieses_certo, [
        lambda t: [(a * b, 0) for a, b in zip(t[:-1], t[1:])],            # esqueceu os vieses
        lambda t: [(b, a * b) for a, b in zip(t[:-1], t[1:])],            # par na ordem trocada
        lambda t: [(a * b, a) for a, b in zip(t[:-1], t[1:])],            # vieses da camada de entrada
        lambda t: [(a * b, b) for a, b in zip(t, t[1:] + [0])],          # uma camada a mais
    ]),
    "reta_minimos_quadrados": (reta_certa, [
        lambda x, y: tuple(reversed(reta_certa(x, y))),                  # (b, w)
        lambda x, y: (np.sum(x * y) / np.sum(x * x), 0.0),                # reta pela origem
        lambda x, y: (np.mean(y) / np.mean(x), 0.0),
        lambda x, y: (reta_certa(x, y)[0], np.mean(y)),                   # b = ȳ sem descontar w·x̄
    ]),
    "passo_kmeans": (kmeans_certo, [
        lambda X, c: c,                                                   # não atualizou
        lambda X, c: np.tile(np.mean(X, axis=0), (len(c), 1)),           # média de todos os pontos
        lambda X, c: np.linalg.norm(X[:, None, :] - c[None], axis=2).argmin(axis=1),   # devolveu os grupos
        kmeans_sem_vazio,
    ]),
}

LIXO = [None, 3, "texto", lambda *a: "texto", lambda *a: None, lambda *a: [[1, 2], [3]],
        lambda *a: 1 / 0, lambda *a: np.zeros((7, 7))]


def test_reta_aceita_a_formula_fechada_e_polyfit(capsys):
    assert verificar.reta_minimos_quadrados(lambda x, y: np.polyfit(x, y, 1))
    assert verificar.reta_minimos_quadrados(lambda x, y: list(cap01._reta(x, y)))
    assert verificar.passo_kmeans(kmeans_manhattan) is not None      # só não pode quebrar
    capsys.readouterr()


def test_kmeans_explica_o_grupo_vazio(capsys):
    assert not verificar.passo_kmeans(kmeans_sem_vazio)
    saida = capsys.readouterr().out
    assert "caso 4 de 4" in saida and "sem pontos" in saida


# ---------------------------------------------------------------- respostas (listas, dicionários, conjuntos)

ORDEM_CERTA = sorted(cap01.MARCOS_PARA_ORDENAR, key=historia.ano)
TIPOS_CERTOS = [tipo for _, tipo, _ in cap01.TAREFAS]


def test_ordem_cronologica(capsys):
    assert [historia.ano(t) for t in ORDEM_CERTA] == [1958, 1980, 1982, 1986, 1997, 2017]
    assert verificar.ordem_cronologica(ORDEM_CERTA)
    assert verificar.ordem_cronologica(tuple(t.upper() for t in ORDEM_CERTA))    # grafia tolerante
    assert "✔" in capsys.readouterr().out
    trocada = ORDEM_CERTA[:]
    trocada[1], trocada[2] = trocada[2], trocada[1]                   # Hopfield antes do neocognitron
    assert not verificar.ordem_cronologica(trocada)
    saida = capsys.readouterr().out
    assert "'rede de Hopfield' aparece antes de 'neocognitron de Fukushima'" in saida
    assert not verificar.ordem_cronologica(list(reversed(ORDEM_CERTA)))
    assert not verificar.ordem_cronologica(ORDEM_CERTA[:5])
    assert "faltam" in capsys.readouterr().out
    assert not verificar.ordem_cronologica(ORDEM_CERTA[:5] + ["ChatGPT"])
    assert "não estão em MARCOS" in capsys.readouterr().out
    assert not verificar.ordem_cronologica(ORDEM_CERTA + ORDEM_CERTA[:1])


def test_tipos_de_tarefa(capsys):
    assert verificar.tipos_de_tarefa(TIPOS_CERTOS)
    por_texto = {t: tipo for t, tipo, _ in cap01.TAREFAS}
    assert verificar.tipos_de_tarefa(por_texto)
    assert verificar.tipos_de_tarefa({i + 1: tipo for i, tipo in enumerate(TIPOS_CERTOS)})
    sem_acento = [t.replace("ç", "c").replace("ã", "a").upper() for t in TIPOS_CERTOS]
    assert verificar.tipos_de_tarefa(sem_acento)
    assert "✔" in capsys.readouterr().out
    # a idade como classe e os clientes como classificação: as duas aparecem no relatório
    errada = dict(por_texto)
    idade = cap01.TAREFAS[6][0]
    clientes = cap01.TAREFAS[2][0]
    errada[idade] = "classificação"
    errada[clientes] = "classificação"
    assert not verificar.tipos_de_tarefa(errada)
    saida = capsys.readouterr().out
    assert "6 de 8 certas" in saida and "tarefa 7" in saida and "tarefa 3" in saida and "pista" in saida
    assert not verificar.tipos_de_tarefa(["classificação"] * 8)
    assert not verificar.tipos_de_tarefa(TIPOS_CERTOS[:7])
    assert not verificar.tipos_de_tarefa({"tarefa inventada": "regressão"})
    assert not verificar.tipos_de_tarefa({1: "regressão"})
    assert "faltam respostas" in capsys.readouterr().out
    assert not verificar.tipos_de_tarefa(TIPOS_CERTOS[:7] + ["agrupamento"])
    assert "esperava um destes textos" in capsys.readouterr().out


def test_ingredientes_da_tempestade(capsys):
    assert verificar.ingredientes_da_tempestade({"A", "C", "E"})
    assert verificar.ingredientes_da_tempestade(["a", "c", "e"])
    assert verificar.ingredientes_da_tempestade("A, C, E")
    assert "✔" in capsys.readouterr().out
    assert not verificar.ingredientes_da_tempestade({"A", "C"})
    assert not verificar.ingredientes_da_tempestade({"A", "C", "E", "F"})
    saida = capsys.readouterr().out
    assert "falta 1 ingrediente" in saida and "F (computadores quânticos) não é" in saida
    assert not verificar.ingredientes_da_tempestade({"A", "Z"})
    assert "letras A a F" in capsys.readouterr().out


@pytest.mark.parametrize("nome", ["ordem_cronologica", "tipos_de_tarefa", "ingredientes_da_tempestade"])
def test_respostas_ainda_nao_definidas(nome, capsys):
    assert not getattr(verificar, nome)(None)
    assert "ainda não definida" in capsys.readouterr().out


def test_listas_do_caderno_iguais_as_da_verificacao():
    """MARCOS e TAREFAS, escritos no caderno de exercícios, são os mesmos que a verificação usa."""
    import ast
    import json
    from pathlib import Path

    fonte = Path(__file__).resolve().parent.parent / "exercicios/fonte/01-ia-ml-deep-learning.ipynb"
    celulas = json.loads(fonte.read_text(encoding="utf-8"))["cells"]
    valores = {}
    for c in celulas:
        if c["cell_type"] != "code":
            continue
        for no in ast.parse("".join(c["source"])).body:
            alvo = no.targets[0] if isinstance(no, ast.Assign) else None
            if isinstance(alvo, ast.Name) and alvo.id in ("MARCOS", "TAREFAS"):
                valores[alvo.id] = ast.literal_eval(no.value)
    assert tuple(valores["MARCOS"]) == cap01.MARCOS_PARA_ORDENAR
    assert valores["TAREFAS"] == [t for t, _, _ in cap01.TAREFAS]


# O contrato comum a toda verificação (tests/contrato_verificacao.py).
globals().update(contrato(verificar, CASOS, LIXO))
