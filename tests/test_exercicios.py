"""Sistema de exercícios: cadernos gerados em dia, sem soluções, que nunca quebram e nunca apagam trabalho."""
import json
import os
import sys

import nbformat
import pytest
from nbclient import NotebookClient

sys.path.insert(0, os.path.dirname(__file__))
from ferramentas_util import RAIZ, carregar  # noqa: E402

exercicios = carregar("exercicios")
executar = carregar("executar")
FONTES = sorted((RAIZ / "exercicios" / "fonte").glob("*.ipynb"))
NOMES = [p.name for p in FONTES]


def test_ha_fontes():
    assert FONTES, "nenhuma fonte em exercicios/fonte/"


@pytest.mark.parametrize("fonte", FONTES, ids=NOMES)
def test_caderno_do_aluno_igual_ao_gerado(fonte):
    aluno = RAIZ / "exercicios" / fonte.name
    assert aluno.exists(), f"falta exercicios/{fonte.name}: rode `make exercicios`"
    assert nbformat.read(aluno, as_version=4) == exercicios.gerar(fonte), \
        f"exercicios/{fonte.name} está desatualizado: rode `make exercicios`"


@pytest.mark.parametrize("fonte", FONTES, ids=NOMES)
def test_caderno_do_aluno_sem_solucoes(fonte):
    aluno = nbformat.read(RAIZ / "exercicios" / fonte.name, as_version=4)
    texto = "\n".join(c.source for c in aluno.cells)
    for marca in ("BEGIN SOLUTION", "END SOLUTION", "HIDDEN TESTS"):
        assert marca not in texto
    assert texto.count("raise NotImplementedError()") >= 3
    assert not any(c.get("outputs") for c in aluno.cells if c.cell_type == "code")
    # as células de enunciado e de verificação ficam protegidas contra edição acidental
    travadas = [c for c in aluno.cells if c.metadata.get("nbgrader", {}).get("grade")
                and c.cell_type == "code"]
    assert travadas and all(c.metadata.get("editable") is False for c in travadas)


@pytest.mark.parametrize("fonte", FONTES, ids=NOMES)
def test_caderno_do_aluno_roda_sem_quebrar(fonte, tmp_path):
    """Sem nenhuma resposta, só as células de solução levantam NotImplementedError;
    cada verificação responde 'ainda não…' em vez de um erro."""
    nb = exercicios.gerar(fonte)
    km = executar.KernelManager(kernel_name="python3", kernel_spec_manager=executar.KernelDesteAmbiente())
    NotebookClient(nb, km=km, timeout=120, allow_errors=True,
                   resources={"metadata": {"path": str(RAIZ / "exercicios")}}).execute()
    verificacoes = 0
    for celula in nb.cells:
        if celula.cell_type != "code":
            continue
        erros = [o for o in celula.outputs if o.output_type == "error"]
        if erros:  # só o esboço de uma solução pode levantar erro, e só NotImplementedError
            assert "raise NotImplementedError()" in celula.source and erros[0].ename == "NotImplementedError", \
                f"célula quebrou no caderno do aluno: {celula.source[:80]} → {erros[0].ename}"
        if celula.metadata.get("nbgrader", {}).get("grade") and celula.cell_type == "code":
            verificacoes += 1
            saida = "".join(o.get("text", "") for o in celula.outputs)
            assert "ainda não" in saida and "✔" not in saida, saida
    assert verificacoes >= 3


def test_regerar_nunca_apaga_trabalho(tmp_path, capsys):
    fonte = FONTES[0]
    (tmp_path / "copias").mkdir()
    assert exercicios.escrever(fonte, tmp_path).endswith("gerado")
    assert exercicios.escrever(fonte, tmp_path).endswith("em dia")
    destino = tmp_path / fonte.name
    nb = nbformat.read(destino, as_version=4)
    # rodar o caderno (saídas, contagens) não conta como edição
    codigo = next(c for c in nb.cells if c.cell_type == "code")
    codigo.execution_count = 7
    codigo.outputs = [nbformat.v4.new_output("stream", name="stdout", text="rodou\n")]
    assert not exercicios.foi_editado(nb)
    solucao = next(c for c in nb.cells if "raise NotImplementedError()" in c.source)
    solucao.source = "def minha_resposta():\n    return 42\n"
    nbformat.write(nb, destino)
    mensagem = exercicios.escrever(fonte, tmp_path)
    assert "MANTIDO" in mensagem
    assert "return 42" in destino.read_text(encoding="utf-8")
    mensagem = exercicios.escrever(fonte, tmp_path, forcar=True)
    assert "guardada em" in mensagem
    copias = list((tmp_path / "copias").glob("*.ipynb"))
    assert len(copias) == 1 and "return 42" in copias[0].read_text(encoding="utf-8")
    assert "return 42" not in destino.read_text(encoding="utf-8")


def test_fonte_sem_marcas_erradas():
    for fonte in FONTES:
        nb = json.loads(fonte.read_text(encoding="utf-8"))
        ids = [c["metadata"]["nbgrader"]["grade_id"] for c in nb["cells"] if "nbgrader" in c["metadata"]]
        assert len(ids) == len(set(ids)), f"{fonte.name}: grade_id repetido"
