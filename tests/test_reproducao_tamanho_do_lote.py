"""A reprodução `tamanho-do-lote` (capítulo 19): as contas puras, os números guardados e uma execução em miniatura."""
import json

import pytest

from redes import minilote
from redes.reproducoes import tamanho_do_lote as tl
from reproducao_util import ambiente, rodar_reproducao  # noqa: F401 (ambiente é uma fixture)



def test_taxas_e_atualizacoes_de_cada_experimento():
    assert [tl.taxa_do_experimento("regra-linear", B) for B in tl.LOTES] == pytest.approx([0.0025, 0.01, 0.04, 0.16])
    assert all(tl.taxa_do_experimento(e, 1024) == 0.01 for e in ("mesmas-epocas", "mesmas-atualizacoes"))
    assert tl.taxa_do_experimento("regra-linear", 1024, 0.1) == pytest.approx(1.6)
    assert [tl.atualizacoes_do_experimento("mesmas-epocas", 50_000, B) for B in tl.LOTES] == [31250, 7820, 1960, 490]
    assert {tl.atualizacoes_do_experimento("mesmas-atualizacoes", 50_000, B) for B in tl.LOTES} == {7820}


def test_numeros_guardados_sao_coerentes():
    for registro in (tl.REGISTRADO, tl.REGISTRADO_TAXA_0_1):
        for experimento in tl.EXPERIMENTOS:
            for B in tl.LOTES:
                U, segundos, validacao, teste, treino = registro[experimento][B]
                assert U == tl.atualizacoes_do_experimento(experimento, 50_000, B)
                assert segundos > 0 and all(80 < v < 100 for v in (validacao, teste, treino))
        assert registro["mesmas-epocas"][64] == registro["regra-linear"][64] == registro["mesmas-atualizacoes"][64]
    por_b = [tl.REGISTRADO["mesmas-epocas"][B][2] for B in tl.LOTES]
    assert por_b == sorted(por_b, reverse=True)                                  # o achado do blog
    ok, texto = tl.criterio([{"experimento": e, "B": B, "validacao": tl.REGISTRADO[e][B][2]}
                             for e in tl.EXPERIMENTOS for B in tl.LOTES])
    assert ok and "-7.98 pontos" in texto
    for (experimento, B), (validacao, segundos) in tl.REGISTRADO["curvas"].items():
        assert len(validacao) == len(segundos) == 11 and validacao[-1] == tl.REGISTRADO[experimento][B][2]
        assert list(segundos) == sorted(segundos)


def test_curva_registrada():
    curva = tl.curva_registrada("mesmas-atualizacoes", 16)
    assert isinstance(curva, minilote.Curva) and curva.atualizacoes[-1] == 7820
    assert curva.epocas[-1] == pytest.approx(7820 * 16 / 50_000)
    curva = tl.curva_registrada("mesmas-epocas", 1024)
    assert curva.epocas == pytest.approx(list(range(11))) and curva.taxa == 0.01
    assert curva.acuracia_validacao[-1] == pytest.approx(tl.REGISTRADO["mesmas-epocas"][1024][2] / 100)


def test_criterio():
    def resultados(epocas, linear, iguais):
        return [{"experimento": e, "B": B, "validacao": 90.0 + (d if B == 1024 else 0.0)}
                for e, d in (("mesmas-epocas", epocas), ("regra-linear", linear), ("mesmas-atualizacoes", iguais))
                for B in (64, 1024)]
    assert tl.criterio(resultados(-5.0, 0.3, -0.2))[0]
    assert not tl.criterio(resultados(-0.5, 0.3, -0.2))[0]                     # sem o efeito do blog
    assert not tl.criterio(resultados(-5.0, -2.0, -0.2))[0]                    # a regra linear falhou
    assert not tl.criterio(resultados(-5.0, 0.3, 1.5))[0]                      # mesmas atualizações não empatou
    assert not tl.criterio(resultados(-5.0, 0.3, -0.2)[:4])[0]                 # faltou um experimento


def test_cli_em_miniatura(ambiente, tmp_path):
    saida = tmp_path / "r.json"
    r = rodar_reproducao(["tamanho-do-lote", "--exemplos", "2000", "--epocas", "1", "--lotes", "16", "64",
                          "--ocultos", "30", "--json", str(saida)], ambiente)
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("$ python -m redes.reproducoes tamanho-do-lote --exemplos 2000")
    assert "mesmas-epocas        B =   16, η = 0.01        125 atualizações" in r.stdout
    assert "mesmas-atualizacoes  B =   16, η = 0.01         32 atualizações ( 0.256 épocas)" in r.stdout
    assert "(o mesmo treino de antes)" in r.stdout and "(execução reduzida: o critério não se aplica)" in r.stdout
    dados = json.loads(saida.read_text(encoding="utf-8"))
    resultados = dados["execucoes"][0]["resultados"]
    assert dados["criterio_ok"] is None and len(resultados) == 6
    assert all(15 < x["validacao"] <= 100 and len(x["curva"]["validacao"]) == 11 for x in resultados)
    assert {x["taxa"] for x in resultados if x["experimento"] == "regra-linear"} == {0.0025, 0.01}
    r = rodar_reproducao(["tamanho-do-lote", "--taxa", "0"], ambiente, timeout=60)
    assert r.returncode == 2 and "precisam ser" in r.stdout
