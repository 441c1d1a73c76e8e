"""Textos (o do curso e Dom Casmurro), normalização e o vocabulário de ida e volta."""
import json
import os
import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, os.path.dirname(__file__))
from dados_util import Servidor, md5, porta_fechada  # noqa: E402
from dados_util import isolado, servidor  # noqa: F401  (fixtures: cache temporário e servidor local)

from redes.dados import DadosIndisponiveis, Vocabulario, carregar_texto, mnist, normalizar, pastas, textos  # noqa: E402

DADOS_REAIS = Path(os.environ.get("REDES_DADOS") or Path(__file__).resolve().parents[2] / "shared" / "dados")
ESPELHOS_REAIS = list(textos.ESPELHOS_DOM_CASMURRO)  # guardados antes que os testes os escondam
TRECHO = "Capítulo I\nUma noite destas, vindo da cidade — encontrei no trem um rapaz.\n"


# ------------------------------------------------------------ normalizar

def test_normalizar():
    decomposto = "Ac\u0327a\u0303o"  # "Ação" com acentos combinantes (NFD)
    assert normalizar(decomposto) == "Ação" and len(normalizar(decomposto)) == 4
    assert normalizar("Ação\r\nÉ assim\r") == "Ação\nÉ assim\n"
    assert normalizar("Ação É", minusculas=True) == "ação é"
    assert normalizar("Ação, pé e PÃO", sem_acentos=True) == "Acao, pe e PAO"
    assert normalizar("— Já?", minusculas=True, sem_acentos=True) == "— ja?"


# ------------------------------------------------------------ vocabulário

def test_vocabulario_de_caracteres_ida_e_volta():
    vocab = Vocabulario(TRECHO)
    ids = vocab.codificar(TRECHO)
    assert ids.dtype == np.int64 and ids.shape == (len(TRECHO),)
    assert vocab.decodificar(ids) == TRECHO
    assert vocab.decodificar(ids.tolist()) == TRECHO
    assert list(vocab.simbolos) == sorted(set(TRECHO)) and len(vocab) == len(set(TRECHO))
    assert "í" in vocab and "z" in vocab and "x" not in vocab
    assert vocab.codificar("").shape == (0,) and vocab.decodificar([]) == ""
    assert repr(vocab).startswith(f"Vocabulario(caracteres, {len(vocab)} símbolos: '\\n', ' ', ")


def test_vocabulario_de_palavras_ida_e_volta():
    vocab = Vocabulario(TRECHO, nivel="palavras")
    ids = vocab.codificar(TRECHO)
    assert vocab.decodificar(ids) == TRECHO
    assert {"Capítulo", "noite", "—", ",", ".", " ", "\n"} <= set(vocab.simbolos)
    frase = "Uma noite, um rapaz."
    assert vocab.decodificar(vocab.codificar(frase)) == frase
    assert len(vocab.codificar(frase)) == 9  # Uma, ␣, noite, ",", ␣, um, ␣, rapaz, "."


def test_vocabulario_simbolo_desconhecido():
    vocab = Vocabulario("abc")
    with pytest.raises(ValueError, match=r"símbolo fora do vocabulário: 'z' \(posição 2\)"):
        vocab.codificar("abz")
    com_reserva = Vocabulario("abc", desconhecido="?")
    assert com_reserva.decodificar(com_reserva.codificar("abz")) == "ab?"
    with pytest.raises(ValueError, match=r"id 3 fora do vocabulário \(os ids vão de 0 a 2\)"):
        vocab.decodificar([0, 3])
    with pytest.raises(ValueError, match="esperava uma sequência de ids inteiros"):
        vocab.decodificar([0.5])
    with pytest.raises(ValueError, match="o texto está vazio"):
        Vocabulario("")
    with pytest.raises(TypeError, match=r"esperava um texto \(str\)"):
        Vocabulario(["a", "b"])
    with pytest.raises(ValueError, match="`nivel` desconhecido"):
        Vocabulario("abc", nivel="silabas")


# ---------------------------------------------------------- texto do curso

def test_texto_do_curso_vem_dos_capitulos():
    texto = carregar_texto("curso")
    assert len(texto) > 1000 and "neurônio" in texto
    assert "import numpy" not in texto  # só Markdown, nada de código
    assert carregar_texto("curso", minusculas=True) == texto.lower()


def test_texto_do_curso_so_markdown_e_em_ordem(tmp_path, monkeypatch):
    pasta = tmp_path / "capitulos"
    pasta.mkdir()
    for nome, celulas in [("02-b.ipynb", [("markdown", "Segundo.\n"), ("code", "x = 1")]),
                          ("01-a.ipynb", [("markdown", ["# Primeiro\n", "linha"]), ("raw", "cru")])]:
        nb = {"cells": [{"cell_type": tipo, "source": fonte, "metadata": {}} for tipo, fonte in celulas]}
        (pasta / nome).write_text(json.dumps(nb), encoding="utf-8")
    monkeypatch.setattr(pastas, "raiz_do_repositorio", lambda: tmp_path)
    assert carregar_texto("curso") == "# Primeiro\nlinha\n\nSegundo.\n"
    for caderno in pasta.glob("*.ipynb"):
        caderno.unlink()
    with pytest.raises(FileNotFoundError, match="nenhuma célula Markdown"):
        carregar_texto("curso")


def test_nome_de_texto_invalido():
    with pytest.raises(ValueError, match="`nome` desconhecido.*curso, dom_casmurro"):
        carregar_texto("iracema")


# ---------------------------------------------------------- Dom Casmurro

def test_dom_casmurro_baixado_e_conferido(servidor, monkeypatch, isolado):
    conteudo = TRECHO.encode("utf-8")
    monkeypatch.setattr(textos, "MD5_DOM_CASMURRO", md5(conteudo))
    monkeypatch.setattr(textos, "ESPELHOS_DOM_CASMURRO", [porta_fechada(), servidor.servir("/dc.txt", conteudo)])
    assert carregar_texto("dom_casmurro", progresso=False) == TRECHO
    assert (isolado / "textos" / "domCasmurro.txt").read_bytes() == conteudo
    servidor.limpar()
    assert carregar_texto("dom_casmurro", minusculas=True) == TRECHO.lower()  # do cache, sem rede


def test_dom_casmurro_offline(isolado):
    with pytest.raises(DadosIndisponiveis) as info:
        carregar_texto("dom_casmurro", progresso=False)
    assert info.value.faltando == ("textos/domCasmurro.txt",)
    assert str(isolado / "textos") in str(info.value) and "make dados" in str(info.value)


def test_espelhos_do_dom_casmurro_sao_enderecos_brutos_do_github():
    assert ESPELHOS_REAIS and all(u.startswith("https://raw.githubusercontent.com/") and u.endswith("/domCasmurro.txt")
                                  for u in ESPELHOS_REAIS)
    assert textos.arquivo_dom_casmurro().md5 == "8924b21392a7eba5d6d3cb2670beb39a"


@pytest.mark.skipif(not (DADOS_REAIS / "textos" / "domCasmurro.txt").exists(), reason="sem a pasta de dados (REDES_DADOS)")
def test_dom_casmurro_de_verdade(monkeypatch):
    monkeypatch.setenv("REDES_DADOS", str(DADOS_REAIS))
    texto = carregar_texto("dom_casmurro", progresso=False)
    assert texto.startswith("Dom Casmurro\n\nCAPÍTULO PRIMEIRO\nDO TÍTULO\n") and texto.endswith("FIM\n")
    assert len(texto) == 371_506 and len(texto.encode("utf-8")) == 383_745
    vocab = Vocabulario(texto)
    assert len(vocab) == 101 and vocab.decodificar(vocab.codificar(texto)) == texto
    palavras = Vocabulario(texto, nivel="palavras")
    assert palavras.decodificar(palavras.codificar(texto)) == texto and "Capitu" in palavras
