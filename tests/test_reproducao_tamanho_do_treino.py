"""A reprodução `tamanho-do-treino` (capítulo 16): as contas puras e uma execução em miniatura."""
import json

import pytest

from redes.reproducoes import tamanho_do_treino as tt
from reproducao_util import ambiente, rodar_reproducao  # noqa: F401 (ambiente é uma fixture)



def test_epocas_mantem_as_atualizacoes():
    assert [tt.epocas_para(n, tt.ORCAMENTO_NIELSEN) for n in (100, 1000, 50_000)] == [15_000, 1500, 30]
    assert tt.epocas_para(50_000, 10) == 1                                     # pelo menos uma época
    for n in tt.TAMANHOS:                                                      # ~E/10 atualizações para todo n
        atualizacoes = tt.epocas_para(n, tt.ORCAMENTO_PADRAO) * -(-n // 10)
        assert atualizacoes == tt.ORCAMENTO_PADRAO // 10


def test_numeros_guardados_sao_coerentes():
    for curva in (tt.NIELSEN["rede"], tt.NIELSEN["svm"], tt.REGISTRADO["validacao"], tt.REGISTRADO["teste"]):
        assert len(curva) == len(tt.TAMANHOS) and all(0 < v < 100 for v in curva)
    for curva in (tt.NIELSEN["rede"], tt.NIELSEN["svm"], tt.REGISTRADO["validacao"]):
        assert list(curva) == sorted(curva)                                   # sobem com n (na validação)
    assert all(r > s for r, s in zip(tt.NIELSEN["rede"], tt.NIELSEN["svm"]))   # a rede vence em todo n
    assert tt.NIELSEN["svm"][-1] == 94.48 and tt.NIELSEN["rede"][tt.TAMANHOS.index(5000)] == 93.24
    for n, (sem, com) in tt.REGISTRADO["aumento"].items():
        assert com > sem
        if n in tt.TAMANHOS:                                                  # o "sem aumento" é o da varredura
            assert sem == tt.REGISTRADO["validacao"][tt.TAMANHOS.index(n)]
    assert len(tt.REGISTRADO["deslocamento_2"]["sem"]) == len(tt.REGISTRADO["deslocamento_2"]["com"]) == 3


def test_tabela_e_criterio():
    r = {"tamanhos": [{"n": 100, "validacao": 60.0}, {"n": 300, "validacao": 70.0}, {"n": 1000, "validacao": 69.5}],
         "aumento": [{"n": 300, "sem": {"validacao": 70.0}, "com": {"validacao": 72.0}}]}
    texto = tt.tabela(r)
    assert "69.09%" in texto and "25.07%" in texto and "—" in texto          # 300 não é um tamanho de Nielsen
    ok, motivo = tt.criterio(r)
    assert ok and "sim" in motivo
    r["aumento"][0]["com"]["validacao"] = 69.0
    ok, motivo = tt.criterio(r)
    assert not ok and "NÃO" in motivo


def test_cli_em_miniatura(ambiente, tmp_path):
    saida = tmp_path / "r.json"
    r = rodar_reproducao(["tamanho-do-treino", "--tamanhos", "100", "500", "--exemplos-por-tamanho", "3000",
                          "--aumento", "100", "--copias", "2", "--json", str(saida)], ambiente)
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("$ python -m redes.reproducoes tamanho-do-treino --tamanhos 100 500")
    assert "n =    100:    30 épocas (300 atualizações)" in r.stdout
    assert "com aumento (100 originais + 200 cópias)" in r.stdout
    assert "(execução reduzida: o critério não se aplica)" in r.stdout
    dados = json.loads(saida.read_text(encoding="utf-8"))
    resultado = dados["resultados"][0]
    assert [t["n"] for t in resultado["tamanhos"]] == [100, 500] and dados["criterio_ok"] is None
    assert all(15 < t["validacao"] <= 100 for t in resultado["tamanhos"])    # acima do acaso (10%)
    assert resultado["aumento"][0]["com"]["n"] == 300 and resultado["aumento"][0]["com"]["epocas"] == 10
