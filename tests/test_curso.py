"""Linter do curso: cada notebook de capítulo segue as convenções de CONTRIBUTING.md."""
import json
import re
from pathlib import Path

import pytest

RAIZ = Path(__file__).resolve().parent.parent
CAPITULOS = sorted(RAIZ.glob("capitulos/[0-9][0-9]-*.ipynb"))
CAPITULOS_NUMERADOS = [p for p in CAPITULOS if not p.name.startswith("00-")]
EXERCICIOS_FONTE = sorted(RAIZ.glob("exercicios/fonte/*.ipynb"))
TAMANHO_MAXIMO = 2 * 1024 * 1024
CONTROLES = {"FloatSliderModel", "IntSliderModel", "FloatLogSliderModel", "SelectionSliderModel",
             "IntRangeSliderModel", "FloatRangeSliderModel", "DropdownModel", "ToggleButtonsModel",
             "ToggleButtonModel", "RadioButtonsModel", "CheckboxModel", "ButtonModel", "PlayModel",
             "SelectModel", "BoundedFloatTextModel", "BoundedIntTextModel", "FloatTextModel",
             "IntTextModel", "TextModel"}
CAMINHO_ABSOLUTO = re.compile(r"(?<![\w.~/-])/(home|root|Users|work|tmp|mnt|opt|usr|var)/|\b[A-Za-z]:\\\\")


def ler(caminho):
    return json.loads(caminho.read_text(encoding="utf-8"))


def texto(celula):
    fonte = celula.get("source", "")
    return "".join(fonte) if isinstance(fonte, list) else fonte


def ids(caminhos):
    return [p.name for p in caminhos]


def test_ha_capitulos():
    assert (RAIZ / "capitulos/00-comece-aqui.ipynb").exists()
    assert CAPITULOS_NUMERADOS, "nenhum capítulo em capitulos/"


@pytest.mark.parametrize("caminho", CAPITULOS + EXERCICIOS_FONTE, ids=ids(CAPITULOS + EXERCICIOS_FONTE))
def test_notebook_executado_e_limpo(caminho):
    nb = ler(caminho)
    assert caminho.stat().st_size <= TAMANHO_MAXIMO, f"{caminho.name} passa de 2 MB"
    assert nb["metadata"]["kernelspec"]["name"] == "python3"
    codigo = [c for c in nb["cells"] if c["cell_type"] == "code" and texto(c).strip()]
    contagens = [c.get("execution_count") for c in codigo]
    assert contagens == list(range(1, len(codigo) + 1)), \
        f"{caminho.name}: contagens de execução {contagens}; rode `make executar`"
    for i, c in enumerate(nb["cells"]):
        for saida in c.get("outputs", []):
            assert saida["output_type"] != "error", f"{caminho.name}, célula {i}: saída de erro guardada"
        assert "execution" not in c.get("metadata", {}), f"{caminho.name}, célula {i}: horários guardados"
        tags = c.get("metadata", {}).get("tags", [])
        assert "NBVAL" not in texto(c), f"{caminho.name}, célula {i}: use tags, não comentários # NBVAL_"
        assert not any(t.startswith("nbval-skip") for t in tags), f"{caminho.name}, célula {i}: não pule células"
        conteudo = texto(c) + json.dumps(c.get("outputs", []))
        assert not CAMINHO_ABSOLUTO.search(conteudo), f"{caminho.name}, célula {i}: caminho absoluto"


@pytest.mark.parametrize("caminho", CAPITULOS_NUMERADOS, ids=ids(CAPITULOS_NUMERADOS))
def test_estrutura_do_capitulo(caminho):
    nb = ler(caminho)
    numero = int(caminho.name[:2])
    markdown = [texto(c) for c in nb["cells"] if c["cell_type"] == "markdown"]
    assert re.match(rf"# Capítulo {numero} — \S", markdown[0]), \
        f"{caminho.name}: a primeira célula deve começar com '# Capítulo {numero} — título'"
    secoes = [linha[3:].strip() for m in markdown for linha in m.splitlines() if linha.startswith("## ")]
    for obrigatoria in ("Objetivos", "Resumo", "Exercícios", "Referências"):
        assert obrigatoria in secoes, f"{caminho.name}: falta a seção '## {obrigatoria}'"
    assert secoes[0] == "Objetivos", f"{caminho.name}: 'Objetivos' deve ser a primeira seção"
    assert secoes.index("Resumo") > secoes.index("Objetivos")
    codigo = "\n".join(texto(c) for c in nb["cells"] if c["cell_type"] == "code")
    assert re.search(r"^\s*(import redes|from redes)", codigo, re.M), f"{caminho.name}: não importa redes"
    assert "assert " in codigo, f"{caminho.name}: nenhum assert (os números do texto devem ser conferidos)"
    exercicio = RAIZ / "exercicios" / caminho.name
    if exercicio.exists():
        assert f"../exercicios/{caminho.name}" in "\n".join(markdown), \
            f"{caminho.name}: falta o link para ../exercicios/{caminho.name}"


@pytest.mark.parametrize("caminho", CAPITULOS_NUMERADOS, ids=ids(CAPITULOS_NUMERADOS))
def test_capitulo_tem_widget(caminho):
    nb = ler(caminho)
    motivo = nb["metadata"].get("redes", {}).get("sem_widget")
    if motivo:
        assert len(motivo) > 20, "explique em metadata.redes.sem_widget por que não há widget"
        return
    estado = nb["metadata"].get("widgets", {}).get("application/vnd.jupyter.widget-state+json", {})
    modelos = {m.get("model_name") for m in estado.get("state", {}).values()}
    assert modelos & CONTROLES, f"{caminho.name}: nenhum controle ipywidgets (ou metadata.redes.sem_widget)"


@pytest.mark.parametrize("caminho", CAPITULOS_NUMERADOS, ids=ids(CAPITULOS_NUMERADOS))
def test_capitulo_esta_nos_mapas(caminho):
    comece = "\n".join(texto(c) for c in ler(RAIZ / "capitulos/00-comece-aqui.ipynb")["cells"])
    assert f"]({caminho.name})" in comece, f"{caminho.name} não tem link em 00-comece-aqui"
    leiame = (RAIZ / "README.md").read_text(encoding="utf-8")
    assert f"](capitulos/{caminho.name})" in leiame, f"{caminho.name} não está no mapa do README"


@pytest.mark.parametrize("caminho", EXERCICIOS_FONTE, ids=ids(EXERCICIOS_FONTE))
def test_fonte_de_exercicios_aprova_as_solucoes(caminho):
    """As saídas guardadas (que o nbval confere) mostram ✔ em toda verificação e nenhum ✘."""
    nb = ler(caminho)
    verificacoes = [c for c in nb["cells"] if c["cell_type"] == "code"
                    and c.get("metadata", {}).get("nbgrader", {}).get("grade")]
    assert len(verificacoes) >= 3, f"{caminho.name}: menos de 3 exercícios verificados"
    for c in verificacoes:
        saida = "".join(texto({"source": o.get("text", "")}) for o in c.get("outputs", []))
        assert "✔" in saida and "✘" not in saida, f"{caminho.name}: verificação sem ✔: {texto(c)[:60]}"


def test_modelo_de_capitulo_segue_a_estrutura():
    nb = ler(RAIZ / "ferramentas/modelo-capitulo.ipynb")
    markdown = [texto(c) for c in nb["cells"] if c["cell_type"] == "markdown"]
    assert markdown[0].startswith("# Capítulo N — ")
    secoes = [linha[3:].strip() for m in markdown for linha in m.splitlines() if linha.startswith("## ")]
    assert secoes[0] == "Objetivos"
    assert {"Resumo", "Exercícios", "Referências"} <= set(secoes)
    assert any("nbval-ignore-output" in c["metadata"].get("tags", []) for c in nb["cells"])


def test_links_para_notebooks_existem():
    """Nada marcado como disponível aponta para um arquivo que não existe."""
    leiame = (RAIZ / "README.md").read_text(encoding="utf-8")
    for alvo in re.findall(r"\]\(((?:capitulos|exercicios)/[^)#]+\.ipynb)\)", leiame):
        assert (RAIZ / alvo).exists(), f"README aponta para {alvo}, que não existe"
    # as fontes (exercicios/fonte/) trazem os links do caderno do aluno, que fica em exercicios/
    for caminho in CAPITULOS + sorted(RAIZ.glob("exercicios/*.ipynb")):
        for c in ler(caminho)["cells"]:
            if c["cell_type"] != "markdown":
                continue
            for alvo in re.findall(r"\]\(([^)#:]+\.(?:ipynb|md))\)", texto(c)):
                assert (caminho.parent / alvo).exists(), f"{caminho.name} aponta para {alvo}, que não existe"
