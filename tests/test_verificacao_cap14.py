"""Verificações do capítulo 14: aceitam soluções, recusam o esboço e erros plausíveis, e nunca quebram."""
import numpy as np
import pytest
from contrato_verificacao import contrato

from redes import verificacao as verificar
from redes.verificacao import cap14

NOMES = ["atualizacao_l2", "passo_camada_l2", "reescalar_lambda", "melhor_epoca", "separar_validacao",
         "ajuste_ridge", "eqm_polinomio"]


# ------------------------------------------------------------------ soluções

def atualizacao_certa(w, g, taxa, lmbda, n):
    return (1 - taxa * lmbda / n) * w - taxa * g


def atualizacao_por_gradiente(w, g, taxa, lmbda, n):
    """Outra forma certa: soma (λ/n)w ao gradiente e dá o passo comum."""
    return w - taxa * (g + (lmbda / n) * w)


def passo_certo(W, b, gW, gb, taxa, lmbda, n):
    return atualizacao_certa(W, gW, taxa, lmbda, n), b - taxa * gb


def melhor_epoca_certa(historico):
    return int(np.argmin(historico["custo_validacao"])) + 1, int(np.argmax(historico["acuracia_validacao"])) + 1


def melhor_epoca_por_laco(historico):
    custos, acuracias = list(historico["custo_validacao"]), list(historico["acuracia_validacao"])
    return custos.index(min(custos)) + 1, acuracias.index(max(acuracias)) + 1


def separar_certo(X, y, n_val, semente):
    ordem = np.random.default_rng(semente).permutation(len(X))
    return (X[ordem[n_val:]], y[ordem[n_val:]]), (X[ordem[:n_val]], y[ordem[:n_val]])


def separar_com_choice_ordenado(X, y, n_val, semente):
    """Outra forma certa: sorteia os índices da validação e guarda a ordem original."""
    val = np.sort(np.random.default_rng(semente).choice(len(X), n_val, replace=False))
    resto = np.setdiff1d(np.arange(len(X)), val)
    return [X[resto], y[resto]], [X[val], y[val]]


def ridge_certo(x, y, grau, lmbda):
    V = np.vander(x, grau + 1)
    D = np.eye(grau + 1)
    D[-1, -1] = 0
    return np.linalg.solve(V.T @ V + lmbda * D, V.T @ y)


def ridge_com_polyfit(x, y, grau, lmbda):
    if lmbda == 0:
        return np.polyfit(x, y, grau)
    return ridge_certo(x, y, grau, lmbda)


def eqm_certo(coef, x, y):
    return np.mean((np.polyval(coef, x) - y) ** 2)


def eqm_por_laco(coef, x, y):
    total = 0.0
    for xi, yi in zip(x, y):
        p = sum(a * xi ** (len(coef) - 1 - k) for k, a in enumerate(coef))
        total += (p - yi) ** 2
    return total / len(x)


# ------------------------------------------------------------------ erradas plausíveis

def _ridge_errado(penaliza_constante=False, ordem_crescente=False, sem_penalidade=False):
    def errado(x, y, grau, lmbda):
        V = np.vander(x, grau + 1, increasing=ordem_crescente)
        D = np.eye(grau + 1)
        if not penaliza_constante:
            D[0 if ordem_crescente else -1, 0 if ordem_crescente else -1] = 0
        return np.linalg.solve(V.T @ V + (0 if sem_penalidade else lmbda) * D, V.T @ y)
    return errado


def _separar_errado(modo):
    def errado(X, y, n_val, semente):
        m = len(X)
        if modo == "ultimos":
            return (X[:m - n_val], y[:m - n_val]), (X[m - n_val:], y[m - n_val:])
        ordem = np.random.default_rng(semente).permutation(m)
        if modo == "rotulos_soltos":
            return (X[ordem[n_val:]], y[n_val:]), (X[ordem[:n_val]], y[:n_val])
        if modo == "sobrepostos":
            return (X[ordem[n_val // 2:]], y[ordem[n_val // 2:]]), (X[ordem[:n_val]], y[ordem[:n_val]])
        if modo == "sem_semente":
            ordem = np.random.default_rng().permutation(m)
            return (X[ordem[n_val:]], y[ordem[n_val:]]), (X[ordem[:n_val]], y[ordem[:n_val]])
        if modo == "invertido":   # n_val exemplos no treino, o resto na validação
            return (X[ordem[:n_val]], y[ordem[:n_val]]), (X[ordem[n_val:]], y[ordem[n_val:]])
        if modo == "semente_fixa":
            ordem = np.random.default_rng(0).permutation(m)
            return (X[ordem[n_val:]], y[ordem[n_val:]]), (X[ordem[:n_val]], y[ordem[:n_val]])
        raise AssertionError(modo)
    return errado


CASOS = {
    "atualizacao_l2": ([atualizacao_certa, atualizacao_por_gradiente], [
        lambda w, g, taxa, lmbda, n: w - taxa * g,                                   # esqueceu a L2
        lambda w, g, taxa, lmbda, n: (1 - taxa * lmbda) * w - taxa * g,              # sem dividir por n
        lambda w, g, taxa, lmbda, n: (1 - lmbda / n) * w - taxa * g,                 # sem η no fator
        lambda w, g, taxa, lmbda, n: (1 - taxa * lmbda / n) * (w - taxa * g),        # encolhe depois do passo
        lambda w, g, taxa, lmbda, n: (1 - taxa * lmbda / (2 * n)) * w - taxa * g,    # o ½ do custo ficou no gradiente
    ]),
    "passo_camada_l2": ([passo_certo], [
        lambda W, b, gW, gb, taxa, lmbda, n: (atualizacao_certa(W, gW, taxa, lmbda, n),
                                              atualizacao_certa(b, gb, taxa, lmbda, n)),   # encolheu o viés
        lambda W, b, gW, gb, taxa, lmbda, n: (atualizacao_certa(W, gW, taxa, lmbda, n), b),  # viés parado
        lambda W, b, gW, gb, taxa, lmbda, n: (W - taxa * gW, b - taxa * gb),                  # sem L2
        lambda W, b, gW, gb, taxa, lmbda, n: [atualizacao_certa(W, gW, taxa, lmbda, n)],      # faltou o viés
    ]),
    "reescalar_lambda": ([lambda l, n, m: l * m / n, lambda l, n, m: l / n * m], [
        lambda l, n, m: l * n / m,                 # proporção invertida
        lambda l, n, m: l,                         # não mudou
        lambda l, n, m: l * (m / n) ** 2,          # ao quadrado
    ]),
    "melhor_epoca": ([melhor_epoca_certa, melhor_epoca_por_laco], [
        lambda h: (int(np.argmin(h["custo_validacao"])), int(np.argmax(h["acuracia_validacao"]))),   # conta de 0
        lambda h: (int(np.argmax(h["acuracia_validacao"])) + 1, int(np.argmin(h["custo_validacao"])) + 1),  # trocado
        lambda h: (int(np.argmax(h["custo_validacao"])) + 1, int(np.argmax(h["acuracia_validacao"])) + 1),  # máx. custo
        lambda h: (len(h["custo_validacao"]) - int(np.argmin(h["custo_validacao"][::-1])),            # último empate
                   len(h["acuracia_validacao"]) - int(np.argmax(h["acuracia_validacao"][::-1]))),
    ]),
    "separar_validacao": ([separar_certo, separar_com_choice_ordenado], [
        _separar_errado(m) for m in ("ultimos", "rotulos_soltos", "sobrepostos", "sem_semente", "invertido",
                                     "semente_fixa")]),
    "ajuste_ridge": ([ridge_certo, ridge_com_polyfit], [
        _ridge_errado(penaliza_constante=True),
        _ridge_errado(ordem_crescente=True),
        _ridge_errado(sem_penalidade=True),
        lambda x, y, g, l: ridge_certo(x, y, g, l)[::-1],                       # ordem dos coeficientes invertida
    ]),
    "eqm_polinomio": ([eqm_certo, eqm_por_laco], [
        lambda c, x, y: np.sum((np.polyval(c, x) - y) ** 2),                    # soma, não média
        lambda c, x, y: np.sqrt(np.mean((np.polyval(c, x) - y) ** 2)),          # raiz (REQM)
        lambda c, x, y: np.mean((np.polyval(c[::-1], x) - y) ** 2),             # coeficientes ao contrário
        lambda c, x, y: np.mean(np.abs(np.polyval(c, x) - y)),                  # erro absoluto
    ]),
}

LIXO = [None, 3, "texto", lambda *a: "texto", lambda *a: None, lambda *a: [[1, 2], [3]], lambda *a: 1 / 0,
        lambda *a: np.zeros((7, 7)), lambda *a: {"a": 1}, lambda *a: np.nan, lambda: 0, lambda *a: ((1, 2), (3,)),
        lambda *a: (np.zeros(3), np.zeros(3))]


def test_nomes_exportados_sem_colisao():
    """Outro capítulo com o mesmo nome sobrescreveria estas verificações em silêncio."""
    for nome in NOMES:
        assert getattr(verificar, nome) is getattr(cap14, nome), nome
    assert set(CASOS) == set(NOMES)


def test_esboco_na_chamada_repetida_de_separar(capsys):
    def conta_chamadas(X, y, n_val, semente, _vezes=[0]):
        _vezes[0] += 1
        if _vezes[0] > 1:
            raise NotImplementedError()
        return separar_certo(X, y, n_val, semente)
    assert not verificar.separar_validacao(conta_chamadas)
    assert "Traceback" not in capsys.readouterr().out


def test_mensagens_especificas(capsys):
    verificar.passo_camada_l2(CASOS["passo_camada_l2"][1][0])
    assert "os vieses: eles também encolheram" in capsys.readouterr().out
    verificar.separar_validacao(_separar_errado("ultimos"))
    assert "sem sorteio" in capsys.readouterr().out
    verificar.separar_validacao(_separar_errado("rotulos_soltos"))
    assert "os rótulos não acompanham" in capsys.readouterr().out
    verificar.separar_validacao(_separar_errado("semente_fixa"))
    assert "as sementes 0 e 1 deram a mesma validação" in capsys.readouterr().out
    verificar.separar_validacao(_separar_errado("sem_semente"))
    assert "a divisão mudou" in capsys.readouterr().out


def test_verificacoes_sao_rapidas(capsys):
    import time
    inicio = time.perf_counter()
    for nome, (certas, _) in CASOS.items():
        assert getattr(verificar, nome)(certas[0])
    assert time.perf_counter() - inicio < 2
    capsys.readouterr()


@pytest.mark.parametrize("lmbda", [0.0, 1e-3, 1.0])
def test_referencia_do_ridge_igual_a_forma_fechada(lmbda):
    from redes import polinomios
    x, y = polinomios.pontos_da_reta(10, 0.1, 1)
    assert np.allclose(cap14._ajuste_ridge(x, y, 3, lmbda), ridge_certo(x, y, 3, lmbda))


# O contrato comum a toda verificação (tests/contrato_verificacao.py).
globals().update(contrato(verificar, CASOS, LIXO))
