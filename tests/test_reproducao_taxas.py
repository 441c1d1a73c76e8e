"""A reprodução `taxas` roda de ponta a ponta em miniatura, e o critério julga o que deve."""
import json

import numpy as np
import pytest

from redes.reproducoes import taxas
from reproducao_util import ambiente, rodar_reproducao  # noqa: F401 (ambiente é uma fixture)



def test_reproducao_em_miniatura(ambiente, tmp_path):
    saida_json = tmp_path / "r.json"
    r = rodar_reproducao(["taxas", "--exemplos", "300", "--epocas", "2", "--validacao", "100", "--json", str(saida_json)],
              ambiente)
    assert r.returncode == 0, r.stderr
    linhas = r.stdout.splitlines()
    assert linhas[0] == f"$ python -m redes.reproducoes taxas --exemplos 300 --epocas 2 --validacao 100 --json {saida_json}"
    assert sum(l.strip().startswith("época  2/2") for l in linhas) == 4       # as três taxas e a agenda
    assert "(execução reduzida: o critério não se aplica)" in r.stdout
    resultados = json.loads(saida_json.read_text(encoding="utf-8"))["resultados"]
    assert [x["rotulo"] for x in resultados] == ["η=0.025", "η=0.25", "η=2.5", "degraus"]
    for x in resultados:
        assert x["n"] == 300 and x["lmbda"] == pytest.approx(5.0 * 300 / 50_000) and len(x["custos"]) == 3
        assert x["custos"][1] < x["custos"][0] and 0 <= x["validacao_final"] <= 100
    # com 2 épocas a agenda ainda está no primeiro degrau: igual à taxa 0,25
    assert resultados[3]["custos"] == resultados[1]["custos"]


def test_taxas_escolhidas_sem_agenda_e_sem_progresso(ambiente):
    r = rodar_reproducao(["taxas", "--taxas", "0.5", "--sem-agenda", "--exemplos", "200", "--epocas", "1", "--validacao", "50",
               "--sem-progresso"], ambiente)
    assert r.returncode == 0, r.stderr
    assert "--- η=0.5, semente 0" in r.stdout and "degraus" not in r.stdout and "época  1/1" not in r.stdout


def test_subidas_com_tolerancia():
    assert taxas.subidas([1.0, 0.9, 0.905, 0.8]) == 0          # 0,6 %: não conta
    assert taxas.subidas([1.0, 0.9, 0.95, 0.8, 0.9]) == 2
    assert taxas.subidas([1.0, 0.9, 0.905], tolerancia=0.0) == 1


def _resultado(rotulo, custos, semente=0):
    c = np.asarray(custos, dtype=float)
    return {"rotulo": rotulo, "semente": semente, "custos": list(c), "subidas": taxas.subidas(c),
            "subidas_10": taxas.subidas(c[:11])}


def test_criterio():
    lenta = _resultado("η=0.025", np.linspace(1.0, 0.4, 31))
    boa = _resultado("η=0.25", [1.0] + [0.35 + 0.01 * (t % 2) for t in range(30)])
    grande = _resultado("η=2.5", [1.0] + [0.8 + 0.1 * (t % 2) for t in range(30)])
    agenda = _resultado("degraus", [1.0] + [0.33] * 30)
    assert taxas.criterio([lenta, boa, grande, agenda])[0]
    assert not taxas.criterio([_resultado("η=0.025", [1.0, 0.9, 0.95] + [0.5] * 28), boa, grande])[0]
    assert not taxas.criterio([lenta, boa, _resultado("η=2.5", np.linspace(1.0, 0.2, 31))])[0]
    assert not taxas.criterio([lenta, boa, grande, _resultado("degraus", [1.0] + [0.5] * 30)])[0]


def test_registrado_e_a_agenda_de_nielsen():
    agenda = taxas.agenda_de_nielsen()
    assert [agenda(t) for t in (0, 19)] == [0.25, 0.25] and agenda(20) == pytest.approx(0.025)
    reg = taxas.REGISTRADO
    assert set(reg["custos"]) == {"η=0.025", "η=0.25", "η=2.5", "degraus"}
    assert all(len(c) == taxas.EPOCAS + 1 for c in reg["custos"].values())
    assert reg["custos"]["degraus"][:21] == reg["custos"]["η=0.25"][:21]      # mesma semente até a troca
    resultados = [_resultado(rotulo, c) for rotulo, c in reg["custos"].items()]
    assert taxas.criterio(resultados)[0]
