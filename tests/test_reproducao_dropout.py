"""A reprodução `dropout-mnist` (capítulo 15) roda de ponta a ponta, em miniatura, e o resumo confere o critério."""
import json

import pytest

from redes.reproducoes import dropout
from reproducao_util import ambiente, rodar_reproducao  # noqa: F401 (ambiente é uma fixture)



def test_resumo_e_criterio():
    def r(ocultos, p, semente, validacao):
        return {"ocultos": ocultos, "p": p, "semente": semente, "validacao": validacao}
    resultados = [r(300, 0.0, 0, 91.0), r(300, 0.5, 0, 92.0), r(300, 0.0, 1, 91.0), r(300, 0.5, 1, 91.5),
                  r(30, 0.0, 0, 90.0), r(30, 0.5, 0, 88.0), r(30, 0.0, 1, 90.0), r(30, 0.5, 1, 89.0)]
    texto, ok = dropout.resumo(resultados, 0.5, True)
    assert ok is True and "mediana +0.75" in texto and "mediana -1.50" in texto
    _, ok = dropout.resumo([{**x, "validacao": 80.0} if x["p"] else x for x in resultados], 0.5, True)
    assert ok is False
    texto, ok = dropout.resumo(resultados, 0.5, False)
    assert ok is None and "execução reduzida" in texto


def test_cli_em_miniatura(ambiente, tmp_path):
    saida_json = tmp_path / "r.json"
    r = rodar_reproducao(["dropout-mnist", "--ocultos", "20", "--sementes", "0", "--exemplos", "300",
                          "--validacao", "300", "--epocas", "1", "--json", str(saida_json)], ambiente)
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("$ python -m redes.reproducoes dropout-mnist")
    assert "20 ocultos, p = 0.00, semente 0" in r.stdout and "20 ocultos, p = 0.50, semente 0" in r.stdout
    assert "(execução reduzida: o critério não se aplica)" in r.stdout
    resultados = json.loads(saida_json.read_text(encoding="utf-8"))["resultados"]
    assert [x["p"] for x in resultados] == [0.0, 0.5]
    assert all(15 < x["validacao"] <= 100 for x in resultados)       # acima do acaso (10%)
