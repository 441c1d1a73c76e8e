"""A reprodução `profundidade` roda de ponta a ponta em miniatura, e o critério julga o que deve."""
import json

import pytest

from redes.reproducoes import profundidade
from reproducao_util import ambiente, rodar_reproducao  # noqa: F401 (ambiente é uma fixture)


def test_reproducao_em_miniatura(ambiente, tmp_path):
    saida_json = tmp_path / "r.json"
    argumentos = ["profundidade", "--camadas", "1", "2", "--sementes", "0", "1", "--epocas", "2",
                  "--exemplos", "2000", "--validacao", "500", "--a-cada", "1", "--json", str(saida_json)]
    r = rodar_reproducao(argumentos, ambiente)
    assert r.returncode == 0, r.stderr
    linhas = r.stdout.splitlines()
    assert linhas[0] == "$ python -m redes.reproducoes " + " ".join(argumentos)
    assert sum(l.strip().startswith("época 2/2") for l in linhas) == 4            # 2 profundidades × 2 sementes
    assert "(execução reduzida: o critério não se aplica)" in r.stdout
    assert "1 camada(s) oculta(s): validação final média" in r.stdout and "(Nielsen: 96.48%)" in r.stdout
    dados = json.loads(saida_json.read_text(encoding="utf-8"))
    resultados = dados["resultados"]
    assert [(x["camadas_ocultas"], x["semente"]) for x in resultados] == [(1, 0), (1, 1), (2, 0), (2, 1)]
    assert [x["tamanhos"] for x in resultados[::2]] == [[784, 30, 10], [784, 30, 30, 10]]
    for x in resultados:
        assert x["n"] == 2000 and len(x["curva_validacao"]) == 2 and x["final"] == x["curva_validacao"][-1]
        assert 0 < x["final"] <= x["maxima"] <= 100 and x["segundos"] > 0
    assert set(dados["grupos"]) == {"1", "2"} and dados["grupos"]["1"]["sementes"] == 2


def test_agrupar_e_criterio():
    resultados = [{"camadas_ocultas": c, "final": f, "maxima": f + 0.1}
                  for c, f in [(1, 96.4), (1, 96.6), (2, 96.9), (2, 96.7), (3, 96.5), (3, 96.3)]]
    grupos = profundidade.agrupar(resultados)
    assert grupos[1]["media"] == pytest.approx(96.5) and grupos[2]["media"] == pytest.approx(96.8)
    assert (grupos[3]["minimo"], grupos[3]["maximo"]) == (96.3, 96.5)
    assert grupos[2]["media_maxima"] == pytest.approx(96.9) and grupos[1]["sementes"] == 2
    assert profundidade.criterio(grupos)[0]
    assert not profundidade.criterio({**grupos, 4: {**grupos[3], "media": 97.6}})[0]     # 1,1 ponto acima
    assert not profundidade.criterio({2: grupos[2]})[0]                                 # falta a base


def test_configuracao_de_nielsen():
    assert profundidade.tamanhos(1) == [784, 30, 10]
    assert profundidade.tamanhos(4) == [784, 30, 30, 30, 30, 10]
    assert (profundidade.LMBDA, profundidade.TAXA, profundidade.LOTE, profundidade.EPOCAS) == (5.0, 0.1, 10, 30)
    assert profundidade.NIELSEN == {1: 96.48, 2: 96.90, 3: 96.57, 4: 96.53}
