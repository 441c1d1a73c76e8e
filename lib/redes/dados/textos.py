"""Textos em português para modelos de linguagem, e o vocabulário que os transforma em números.

- `carregar_texto("curso")`: o texto das células Markdown dos próprios
  capítulos (`capitulos/*.ipynb`, em ordem); sempre disponível, sem rede.
- `carregar_texto("dom_casmurro")`: o romance de Machado de Assis (1899,
  domínio público), baixado e conferido com as mesmas regras do MNIST
  (cache, pasta `REDES_DADOS/textos/`, espelhos; veja `redes.dados.baixar`).

Um `Vocabulario` numera os símbolos de um texto (caracteres ou palavras) e
converte nos dois sentidos: `codificar(texto)` dá um array de inteiros e
`decodificar(ids)` devolve o texto. No nível de palavras, espaços e
pontuação também são símbolos, para que `decodificar(codificar(t)) == t`.
"""
from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import numpy as np

from .._validacao import _descrever, escolher
from . import baixar, pastas
from .baixar import Arquivo

#: Cópias públicas com exatamente o conteúdo esperado (conferidas pelo MD5 a cada download).
ESPELHOS_DOM_CASMURRO = [
    "https://raw.githubusercontent.com/Niksonber/LLMs-from-scratch-explained/"
    "b5dc4b05b512695a64780c3b31522658fbdbc4d7/data/domCasmurro.txt",
    "https://raw.githubusercontent.com/Niksonber/LLMs-from-scratch-explained/HEAD/data/domCasmurro.txt",
]
MD5_DOM_CASMURRO = "8924b21392a7eba5d6d3cb2670beb39a"  # 383 745 bytes, UTF-8

TEXTOS = ("curso", "dom_casmurro")
_PALAVRAS = re.compile(r"\w+|\s+|[^\w\s]")


def arquivo_dom_casmurro() -> Arquivo:
    return Arquivo("textos/domCasmurro.txt", MD5_DOM_CASMURRO, tuple(ESPELHOS_DOM_CASMURRO))


def normalizar(texto: str, minusculas: bool = False, sem_acentos: bool = False) -> str:
    """Forma Unicode composta (NFC), quebras de linha `\\n` e, se pedido, minúsculas e sem acentos.

    >>> normalizar("Ação\\r\\nÉ", minusculas=True, sem_acentos=True)
    'acao\\ne'
    """
    texto = unicodedata.normalize("NFC", texto.replace("\r\n", "\n").replace("\r", "\n"))
    if minusculas:
        texto = texto.lower()
    if sem_acentos:
        decomposto = unicodedata.normalize("NFD", texto)
        texto = unicodedata.normalize("NFC", "".join(c for c in decomposto if unicodedata.category(c) != "Mn"))
    return texto


def texto_dos_cadernos(pasta: Path) -> str:
    """As células Markdown dos notebooks de `pasta`, em ordem de nome, separadas por linha em branco."""
    trechos = []
    for caderno in sorted(Path(pasta).glob("*.ipynb")):
        celulas = json.loads(caderno.read_text(encoding="utf-8")).get("cells", [])
        for celula in celulas:
            if celula.get("cell_type") == "markdown":
                fonte = celula.get("source", "")
                trechos.append(fonte if isinstance(fonte, str) else "".join(fonte))
    if not trechos:
        raise FileNotFoundError(f"nenhuma célula Markdown em {pasta}/*.ipynb: o texto do curso vem dos capítulos")
    return "\n\n".join(t.strip("\n") for t in trechos) + "\n"


def carregar_texto(nome: str = "curso", minusculas: bool = False, sem_acentos: bool = False,
                   progresso: bool = True) -> str:
    """Devolve o texto `nome` ("curso" ou "dom_casmurro"), normalizado por `normalizar`."""
    nome = escolher(nome, "nome", TEXTOS)
    if nome == "curso":
        texto = texto_dos_cadernos(pastas.raiz_do_repositorio() / "capitulos")
    else:
        texto = baixar.obter(arquivo_dom_casmurro(), progresso=progresso).read_text(encoding="utf-8")
    return normalizar(texto, minusculas=minusculas, sem_acentos=sem_acentos)


def separar(texto: str, nivel: str = "caracteres") -> list[str]:
    """Os símbolos de `texto`: cada caractere, ou palavras, espaços e sinais de pontuação."""
    if not isinstance(texto, str):
        raise TypeError(f"esperava um texto (str), recebi {_descrever(texto)}")
    return list(texto) if nivel == "caracteres" else _PALAVRAS.findall(texto)


class Vocabulario:
    """Numeração dos símbolos de um texto, em ordem (de código Unicode): o símbolo `simbolos[i]` tem id `i`.

    `desconhecido` (opcional) é um símbolo extra usado no lugar de qualquer
    símbolo que não estava no texto de origem; sem ele, um símbolo novo é erro.

    >>> v = Vocabulario("banana")
    >>> v.simbolos, v.codificar("nab").tolist(), v.decodificar([1, 0])
    (('a', 'b', 'n'), [2, 0, 1], 'ba')
    """

    def __init__(self, texto: str, nivel: str = "caracteres", desconhecido: str | None = None):
        self.nivel = escolher(nivel, "nivel", ("caracteres", "palavras"))
        simbolos = set(separar(texto, self.nivel))
        if desconhecido is not None:
            if not isinstance(desconhecido, str) or not desconhecido:
                raise TypeError(f"esperava um texto não vazio em `desconhecido`, recebi {_descrever(desconhecido)}")
            simbolos.add(desconhecido)
        if not simbolos:
            raise ValueError("o texto está vazio: não há símbolos para o vocabulário")
        self.simbolos: tuple[str, ...] = tuple(sorted(simbolos))
        self.indice: dict[str, int] = {s: i for i, s in enumerate(self.simbolos)}
        self.desconhecido = desconhecido

    def __len__(self) -> int:
        return len(self.simbolos)

    def __contains__(self, simbolo) -> bool:
        return simbolo in self.indice

    def __repr__(self) -> str:
        amostra = ", ".join(repr(s) for s in self.simbolos[:8])
        return f"Vocabulario({self.nivel}, {len(self)} símbolos: {amostra}{', ...' if len(self) > 8 else ''})"

    def codificar(self, texto: str) -> np.ndarray:
        """Ids (int64, forma `(n,)`) dos `n` símbolos de `texto`."""
        simbolos = separar(texto, self.nivel)
        reserva = self.indice.get(self.desconhecido) if self.desconhecido is not None else None
        ids = [self.indice.get(simbolo, reserva) for simbolo in simbolos]
        if reserva is None and None in ids:
            posicao = ids.index(None)
            raise ValueError(f"símbolo fora do vocabulário: {simbolos[posicao]!r} (posição {posicao}); "
                             "crie o Vocabulario com `desconhecido=...` para aceitar símbolos novos")
        return np.array(ids, dtype=np.int64)

    def decodificar(self, ids) -> str:
        """O texto correspondente a uma sequência de ids."""
        ids = np.asarray(ids)
        if ids.ndim != 1 or (ids.size and ids.dtype.kind not in "iu"):
            raise ValueError(f"esperava uma sequência de ids inteiros, forma (n,), recebi {_descrever(ids)}")
        ruins = ids[(ids < 0) | (ids >= len(self))]
        if ruins.size:
            raise ValueError(f"id {int(ruins[0])} fora do vocabulário (os ids vão de 0 a {len(self) - 1})")
        return "".join(self.simbolos[i] for i in ids.tolist())
