"""Um termo por conceito: as variantes proibidas em GLOSSARIO.md não aparecem no texto do curso."""
import io
import json
import re
import tokenize
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


def prosa_do_codigo(codigo: str) -> str:
    """Só o que é texto para quem lê num código Python: comentários e strings (sem os {campos} de f-strings).

    Nomes de variáveis ficam de fora: `epoca` é um bom nome em código, "epoca" não é português.
    """
    partes = []
    try:
        for tok in tokenize.generate_tokens(io.StringIO(codigo).readline):
            if tok.type in (tokenize.COMMENT, tokenize.STRING) or tok.type == getattr(tokenize, "FSTRING_MIDDLE", -1):
                partes.append(re.sub(r"\{[^{}]*\}", " ", tok.string))
    except (tokenize.TokenError, IndentationError, SyntaxError):
        return codigo
    return "\n".join(partes)


def textos():
    """(onde, texto) de cada trecho escrito para quem lê: markdown, comentários, docstrings, mensagens."""
    for nb in sorted(RAIZ.glob("capitulos/*.ipynb")) + sorted(RAIZ.glob("exercicios/**/*.ipynb")):
        if ".ipynb_checkpoints" in nb.parts:
            continue
        for i, celula in enumerate(json.loads(nb.read_text(encoding="utf-8"))["cells"]):
            fonte = celula["source"] if isinstance(celula["source"], str) else "".join(celula["source"])
            if celula["cell_type"] == "code":
                fonte = prosa_do_codigo(fonte)
            yield f"{nb.relative_to(RAIZ)}, célula {i}", fonte
    for arquivo in [RAIZ / "README.md", RAIZ / "CONTRIBUTING.md"]:
        if arquivo.exists():
            yield str(arquivo.relative_to(RAIZ)), arquivo.read_text(encoding="utf-8")
    for arquivo in sorted((RAIZ / "lib").rglob("*.py")):
        yield str(arquivo.relative_to(RAIZ)), prosa_do_codigo(arquivo.read_text(encoding="utf-8"))


def sem_glosas(texto: str) -> str:
    """Tira código inline, LaTeX, endereços de links e glosas em inglês em itálico (*bias*), que são permitidos."""
    texto = re.sub(r"`[^`]*`", " ", texto)
    texto = re.sub(r"\]\([^)\s]*\)", "] ", texto)  # nomes de arquivos: 13-entropia-cruzada-softmax.ipynb
    texto = re.sub(r"\$[^$]*\$", " ", texto)
    return re.sub(r"(?<![*\w])\*[^*\n]+\*(?!\*)", " ", texto)


def test_glossario_tem_os_termos_basicos():
    mapa = proibidas()
    assert mapa["taxa de aprendizagem"] == "taxa de aprendizado"
    assert mapa["polarização"] == "viés"
    assert mapa["gradiente descendente"] == "descida do gradiente"


def test_nomes_de_variaveis_ficam_de_fora():
    assert "epoca" not in prosa_do_codigo("for epoca in range(3):\n    x = epoca")
    assert "epoca" in prosa_do_codigo("print('uma epoca')  # e outra epoca")
    assert "epoca" not in prosa_do_codigo("print(f'época {epoca}')")


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


def test_enderecos_de_links_ficam_de_fora():
    texto = sem_glosas("Veja [o capítulo 13](13-entropia-cruzada-softmax.ipynb) sobre entropia-cruzada.")
    assert "13-entropia-cruzada-softmax" not in texto and "o capítulo 13" in texto and "entropia-cruzada." in texto
