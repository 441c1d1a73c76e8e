"""O texto do curso é escrito com palavras próprias (só roda onde ../shared existe, como no CI)."""
import subprocess
import sys
from pathlib import Path

import pytest

RAIZ = Path(__file__).resolve().parent.parent
VERIFICADOR = RAIZ.parent / "shared" / "ferramentas" / "verificar_originalidade.py"


@pytest.mark.skipif(not VERIFICADOR.exists(), reason="../shared não está ao lado do repositório")
def test_sem_trechos_copiados_das_fontes():
    alvos = [a for a in ("capitulos", "exercicios", "lib", "README.md", "CONTRIBUTING.md", "GLOSSARIO.md")
             if (RAIZ / a).exists()]
    resultado = subprocess.run([sys.executable, str(VERIFICADOR), *alvos], cwd=RAIZ,
                               capture_output=True, text=True, timeout=120)
    assert resultado.returncode == 0, "trechos copiados das fontes:\n" + resultado.stdout[-3000:]
