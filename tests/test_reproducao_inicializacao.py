"""A reprodução `inicializacao` roda de ponta a ponta em miniatura, e o critério julga o que deve."""
import json

import pytest

from redes.reproducoes import inicializacao
from reproducao_util import ambiente, rodar_reproducao  # noqa: F401 (ambiente é uma fixture)



def test_reproducao_em_miniatura(ambiente, tmp_path):
    saida_json = tmp_path / "r.json"
    argumentos = ["inicializacao", "trinta", "--epocas", "2", "--exemplos", "2000", "--validacao", "500",
                  "--a-cada", "1", "--json", str(saida_json)]
    r = rodar_reproducao(argumentos, ambiente)
    assert r.returncode == 0, r.stderr
    linhas = r.stdout.splitlines()
    assert linhas[0] == "$ python -m redes.reproducoes " + " ".join(argumentos)
    assert sum(l.strip().startswith("época 2/2") for l in linhas) == 2           # as duas inicializações
    assert "(execução reduzida: o critério não se aplica)" in r.stdout
    assert "nova − antiga = " in r.stdout and "(época 1)" in r.stdout
    resultados = json.loads(saida_json.read_text(encoding="utf-8"))["resultados"]
    assert [(x["esquema"], x["n"], x["epocas"]) for x in resultados] == [("grande", 2000, 2), ("lecun", 2000, 2)]
    for x in resultados:
        assert len(x["curva_validacao"]) == 2 and x["primeira"] == x["curva_validacao"][0]
        assert 15 < x["final"] <= 100 and x["segundos"] > 0
    antiga, nova = resultados
    assert nova["primeira"] > antiga["primeira"]                                  # já com 2 000 imagens


def test_comparar_e_criterio():
    antiga = {"semente": 0, "curva_validacao": [87.0, 93.0, 96.0], "final": 96.0}
    nova = {"semente": 0, "curva_validacao": [93.0, 95.0, 96.3], "final": 96.3}
    par = inicializacao.comparar(antiga, nova)
    assert par["diferenca_primeira"] == pytest.approx(6.0) and par["diferenca_final"] == pytest.approx(0.3)
    assert inicializacao.criterio("trinta", [par], [antiga, nova])[0]
    assert not inicializacao.criterio("trinta", [{**par, "diferenca_primeira": 2.0}], [antiga, nova])[0]
    assert not inicializacao.criterio("trinta", [{**par, "diferenca_final": 1.5}], [antiga, nova])[0]
    assert not inicializacao.criterio("trinta", [par], [{**antiga, "final": 95.0}, nova])[0]
    # com 100 neurônios as curvas ainda não se encontraram em 30 épocas: só a primeira época conta
    assert inicializacao.criterio("cem", [{**par, "diferenca_final": 1.5}], [antiga, nova])[0]
    assert inicializacao.criterio("cem", [{**par, "diferenca_primeira": 2.5}], [antiga, nova])[0]
    assert not inicializacao.criterio("cem", [{**par, "diferenca_primeira": 1.5}], [antiga, nova])[0]


def test_configuracao_de_nielsen():
    assert inicializacao.CONFIGURACOES["trinta"][0] == [784, 30, 10]
    assert inicializacao.CONFIGURACOES["cem"][0] == [784, 100, 10]
    assert (inicializacao.LMBDA, inicializacao.TAXA, inicializacao.LOTE, inicializacao.EPOCAS) == (5.0, 0.1, 10, 30)
    assert inicializacao.ESQUEMAS == ("grande", "lecun")
