"""Gera os cadernos de exercícios dos alunos a partir das fontes com soluções.

    python ferramentas/exercicios.py             # gera exercicios/NN-*.ipynb de exercicios/fonte/
    python ferramentas/exercicios.py --forcar    # regrava mesmo os que o aluno editou (guarda cópia antes)

Usa os pré-processadores do próprio nbgrader (`ClearSolutions`, `ClearHiddenTests`,
`LockCells`) sem o banco de dados dele (`enforce_metadata=False`), então a fonte
serve também para quem corrige com nbgrader.

Ninguém perde trabalho: cada caderno gerado guarda o resumo das suas células
(`metadata.redes.assinatura`). Se o caderno do aluno não confere mais com o resumo,
ele foi editado, e o gerador não o toca (com `--forcar`, copia-o antes para
`exercicios/copias/`).
"""
from __future__ import annotations

import argparse
import hashlib
import shutil
import sys
import time
from pathlib import Path

import nbformat
from nbconvert.preprocessors import ClearOutputPreprocessor
from nbgrader.preprocessors import ClearHiddenTests, ClearSolutions, LockCells
from traitlets.config import Config

RAIZ = Path(__file__).resolve().parent.parent
FONTES = RAIZ / "exercicios" / "fonte"
DESTINO = RAIZ / "exercicios"
COPIAS = DESTINO / "copias"

STUB_CODIGO = "# SEU CÓDIGO AQUI\nraise NotImplementedError()"
STUB_TEXTO = "ESCREVA SUA RESPOSTA AQUI"


def assinatura(nb) -> str:
    """Resumo SHA-256 do conteúdo que o aluno pode mudar: tipo e texto de cada célula."""
    h = hashlib.sha256()
    for celula in nb.cells:
        h.update(celula.cell_type.encode() + b"\x00" + celula.source.encode("utf-8") + b"\x01")
    return h.hexdigest()[:16]


def gerar(fonte: Path):
    """Devolve o caderno do aluno (um `NotebookNode`) gerado a partir da `fonte`."""
    config = Config()
    config.ClearSolutions.enforce_metadata = False
    config.ClearSolutions.code_stub = {"python": STUB_CODIGO}
    config.ClearSolutions.text_stub = STUB_TEXTO
    config.ClearHiddenTests.enforce_metadata = False
    nb = nbformat.read(fonte, as_version=4)
    recursos = {"metadata": {"path": str(fonte.parent)}}
    for classe in (ClearSolutions, ClearHiddenTests, LockCells, ClearOutputPreprocessor):
        nb, recursos = classe(config=config).preprocess(nb, recursos)
    for celula in nb.cells:
        for chave in ("execution", "collapsed", "scrolled"):
            celula.metadata.pop(chave, None)
    nb.metadata.pop("widgets", None)
    nb.metadata["redes"] = {"fonte": f"fonte/{fonte.name}", "assinatura": assinatura(nb)}
    return nb


def foi_editado(nb) -> bool:
    """Verdadeiro se o aluno mudou o caderno desde que ele foi gerado."""
    return nb.metadata.get("redes", {}).get("assinatura") != assinatura(nb)


def escrever(fonte: Path, pasta: Path = DESTINO, forcar: bool = False) -> str:
    """Gera o caderno de `fonte` em `pasta`; devolve o que aconteceu, em uma frase."""
    destino = pasta / fonte.name
    novo = gerar(fonte)
    if destino.exists():
        atual = nbformat.read(destino, as_version=4)
        if atual == novo:
            return f"{destino.name}: em dia"
        if foi_editado(atual):
            if not forcar:
                return (f"{destino.name}: MANTIDO — você editou este caderno, então ele não foi "
                        "substituído (use --forcar para receber a versão nova; a sua será copiada "
                        "para exercicios/copias/)")
            copias = pasta / "copias"
            copias.mkdir(exist_ok=True)
            copia = copias / f"{destino.stem}-{time.strftime('%Y%m%d-%H%M%S')}.ipynb"
            shutil.copy2(destino, copia)
            nbformat.write(novo, destino)
            return f"{destino.name}: atualizado; sua versão foi guardada em {copia.relative_to(pasta.parent)}"
    nbformat.write(novo, destino)
    return f"{destino.name}: gerado"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--forcar", action="store_true",
                        help="substitui também os cadernos editados (guardando uma cópia antes)")
    args = parser.parse_args()
    fontes = sorted(FONTES.glob("*.ipynb"))
    if not fontes:
        print(f"Nenhuma fonte em {FONTES.relative_to(RAIZ)}/")
        return 1
    for fonte in fontes:
        print(escrever(fonte, forcar=args.forcar))
    return 0


if __name__ == "__main__":
    sys.exit(main())
