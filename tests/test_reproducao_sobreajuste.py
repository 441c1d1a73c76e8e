"""A reprodução `sobreajuste` roda de ponta a ponta em miniatura, e o critério julga o que deve."""
import json

import pytest

from redes.reproducoes import sobreajuste
from reproducao_util import ambiente, rodar_reproducao  # noqa: F401 (ambiente é uma fixture)



def test_reproducao_em_miniatura(ambiente, tmp_path):
    saida_json = tmp_path / "r.json"
    r = rodar_reproducao(["sobreajuste", "mil", "--epocas", "3", "--exemplos", "200", "--validacao", "300", "--a-cada", "2",
               "--json", str(saida_json)], ambiente)
    assert r.returncode == 0, r.stderr
    linhas = r.stdout.splitlines()
    assert linhas[0] == (f"$ python -m redes.reproducoes sobreajuste mil --epocas 3 --exemplos 200 --validacao 300 "
                         f"--a-cada 2 --json {saida_json}")
    assert sum(l.strip().startswith("época 2/3") for l in linhas) == 2       # a cada 2 épocas, para os dois λ
    assert sum(l.strip().startswith("época 3/3") for l in linhas) == 2       # e a última
    assert "(execução reduzida: o critério não se aplica)" in r.stdout
    resultados = json.loads(saida_json.read_text(encoding="utf-8"))["resultados"]
    assert [(x["lmbda"], x["n"], x["epocas"]) for x in resultados] == [(0.0, 200, 3), (0.1, 200, 3)]
    for x in resultados:
        assert 15 < x["pico_validacao"] <= 100 and 15 < x["teste"] <= 100     # acima do acaso (10 %)
        assert 1 <= x["epoca_maior_acuracia"] <= 3 and x["segundos"] > 0


def test_todas_sem_progresso(ambiente):
    r = rodar_reproducao(["sobreajuste", "todas", "--epocas", "1", "--exemplos", "300", "--validacao", "200",
               "--sem-progresso"], ambiente)
    assert r.returncode == 0, r.stderr
    assert "=== mil" in r.stdout and "=== cinquenta-mil" in r.stdout and "época 1/1" not in r.stdout
    assert r.stdout.count("λ = 5, semente 0: pico na validação") == 2        # a linha e o resumo


def _resultado(lmbda, semente=0, **medidas):
    base = {"lmbda": lmbda, "semente": semente, "pico_validacao": 85.0, "pico_treino": 100.0, "lacuna": 15.0,
            "epoca_menor_custo": 21}
    return {**base, **medidas}


def test_criterio():
    bons = [_resultado(0.0), _resultado(0.1, pico_validacao=89.0, lacuna=11.0)]
    assert sobreajuste.criterio("mil", bons)[0]
    assert not sobreajuste.criterio("mil", [bons[0], _resultado(0.1, pico_validacao=84.0, lacuna=16.0)])[0]
    assert not sobreajuste.criterio("mil", [_resultado(0.0, epoca_menor_custo=200), bons[1]])[0]
    assert not sobreajuste.criterio("mil", [_resultado(0.0, pico_treino=99.0, lacuna=14.0), bons[1]])[0]
    # com 50 000 imagens a rede não chega a 100 % no treino, e isso não conta
    assert sobreajuste.criterio("cinquenta-mil", [_resultado(0.0, pico_treino=98.0, lacuna=2.15),
                                                  _resultado(5.0, pico_validacao=96.5, lacuna=0.1)])[0]
    # cada semente é julgada com os seus dois λ
    assert not sobreajuste.criterio("mil", bons + [_resultado(0.0, 1), _resultado(0.1, 1, pico_validacao=80.0)])[0]


def test_configuracoes_de_nielsen():
    mil, cinquenta = sobreajuste.CONFIGURACOES["mil"], sobreajuste.CONFIGURACOES["cinquenta-mil"]
    assert (mil.n, mil.epocas, mil.lambdas) == (1000, 400, (0.0, 0.1))
    assert (cinquenta.n, cinquenta.epocas, cinquenta.lambdas) == (50_000, 30, (0.0, 5.0))
    # o mesmo decaimento por passo: λ/n igual
    assert mil.lambdas[1] / mil.n == pytest.approx(cinquenta.lambdas[1] / cinquenta.n)
