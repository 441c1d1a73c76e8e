"""As ferramentas de manutenção: preparar o ambiente e re-executar notebooks."""
import os
import sys

import nbformat

sys.path.insert(0, os.path.dirname(__file__))
from ferramentas_util import RAIZ, carregar  # noqa: E402

executar = carregar("executar")
preparar = carregar("preparar")


def test_preparar_sabe_onde_fica_o_python():
    python = preparar.python_do_venv(RAIZ / ".venv")
    assert python.parent.name in ("bin", "Scripts")
    assert len(preparar.assinatura()) == 64


def test_executar_guarda_saidas_e_tira_horarios(tmp_path):
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells = [nbformat.v4.new_code_cell("import os\nprint(os.environ['OPENBLAS_NUM_THREADS'])"),
                nbformat.v4.new_code_cell("from pathlib import Path\nprint(Path.cwd().name)")]
    caminho = tmp_path / "exemplo.ipynb"
    nbformat.write(nb, caminho)
    assert executar.precisa_executar(nbformat.read(caminho, as_version=4))
    executar.executar(caminho)
    feito = nbformat.read(caminho, as_version=4)
    assert feito.cells[0].outputs[0].text == "1\n"                 # uma thread de BLAS
    assert feito.cells[1].outputs[0].text == f"{tmp_path.name}\n"  # roda na pasta do notebook
    assert [c.execution_count for c in feito.cells] == [1, 2]
    assert all("execution" not in c.metadata for c in feito.cells)
    assert not executar.precisa_executar(feito)
    feito.cells[1].source += "\nprint('mudou')"
    assert executar.precisa_executar(feito)


def test_executar_nao_grava_se_falhar(tmp_path):
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells = [nbformat.v4.new_code_cell("1 / 0")]
    caminho = tmp_path / "quebrado.ipynb"
    nbformat.write(nb, caminho)
    antes = caminho.read_text(encoding="utf-8")
    try:
        executar.executar(caminho)
    except Exception as erro:  # noqa: BLE001
        assert "ZeroDivisionError" in str(erro)
    else:
        raise AssertionError("a execução deveria falhar")
    assert caminho.read_text(encoding="utf-8") == antes
