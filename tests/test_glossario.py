"""Um termo por conceito: as variantes proibidas em GLOSSARIO.md não aparecem no texto do curso."""
import json
import re
from pathlib import Path

import pytest

RAIZ = Path(__file__).resolve().parent.parent


def proibidas() -> dict[str, str]:
    """variante proibida (minúsculas) → termo certo."""
    mapa = {}
    for linha in (RAIZ / "GLOSSARIO.md").read_text(encoding="utf-8").splitlines():
        colunas = [c.strip() for c in linha.strip().strip("|").split("|")]
        if len(colunas) != 4 or colunas[0] in ("termo", "") or set(colunas[0]) <= {"-"}:
            continue
        for variante in filter(None, (v.strip() for v in colunas[3].split(";"))):
            mapa[variante.lower()] = colunas[0]
    return mapa


def textos():
    """(onde, texto) de cada trecho escrito para quem lê: markdown, comentários, docstrings, mensagens."""
    for nb in sorted(RAIZ.glob("capitulos/*.ipynb")) + sorted(RAIZ.glob("exercicios/**/*.ipynb")):
        if ".ipynb_checkpoints" in nb.parts:
            continue
        for i, celula in enumerate(json.loads(nb.read_text(encoding="utf-8"))["cells"]):
            fonte = celula["source"] if isinstance(celula["source"], str) else "".join(celula["source"])
            yield f"{nb.relative_to(RAIZ)}, célula {i}", fonte
    for arquivo in [RAIZ / "README.md", RAIZ / "CONTRIBUTING.md", *sorted((RAIZ / "lib").rglob("*.py"))]:
        if arquivo.exists():
            yield str(arquivo.relative_to(RAIZ)), arquivo.read_text(encoding="utf-8")


def sem_glosas(texto: str) -> str:
    """Tira código inline, LaTeX e glosas em inglês em itálico (*bias*), que são permitidos."""
    texto = re.sub(r"`[^`]*`", " ", texto)
    texto = re.sub(r"\$[^$]*\$", " ", texto)
    return re.sub(r"(?<![*\w])\*[^*\n]+\*(?!\*)", " ", texto)


def test_glossario_tem_os_termos_basicos():
    mapa = proibidas()
    assert mapa["taxa de aprendizagem"] == "taxa de aprendizado"
    assert mapa["polarização"] == "viés"
    assert mapa["gradiente descendente"] == "descida do gradiente"


def test_detector_funciona():
    mapa = proibidas()
    exemplo = sem_glosas("A taxa de aprendizagem e o viés (*bias*) e `mini-lote`.")
    achados = [v for v in mapa if re.search(rf"(?<!\w){re.escape(v)}(?!\w)", exemplo, re.I)]
    assert achados == ["taxa de aprendizagem"]


@pytest.mark.parametrize("onde,texto", list(textos()), ids=lambda v: v if len(v) < 60 else None)
def test_sem_variantes_proibidas(onde, texto):
    limpo = sem_glosas(texto)
    for variante, termo in proibidas().items():
        achado = re.search(rf"(?<!\w){re.escape(variante)}(?!\w)", limpo, re.I)
        assert not achado, f"{onde}: '{achado.group(0)}' — o glossário usa '{termo}'"
