"""O que os testes das reproduções têm em comum: o MNIST de verdade e um jeito de rodar a linha de comando.

    from reproducao_util import ambiente, rodar_reproducao  # noqa: F401 (ambiente é uma fixture)
"""
import os
import subprocess
import sys
from pathlib import Path

import pytest

RAIZ = Path(__file__).resolve().parent.parent
DADOS_REAIS = Path(os.environ.get("REDES_DADOS") or RAIZ.parent / "shared" / "dados")


@pytest.fixture(scope="module")
def ambiente(tmp_path_factory):
    """Variáveis de ambiente para rodar uma reprodução num subprocesso com o MNIST local (pula sem ele)."""
    if not (DADOS_REAIS / "mnist" / "train-images-idx3-ubyte.gz").exists():
        pytest.skip(f"sem os arquivos do MNIST em {DADOS_REAIS} (defina REDES_DADOS)")
    env = dict(os.environ, REDES_DADOS=str(DADOS_REAIS), OPENBLAS_NUM_THREADS="1",
               REDES_DADOS_CACHE=str(tmp_path_factory.mktemp("cache_mnist")))
    env["PYTHONPATH"] = str(RAIZ / "lib") + os.pathsep + env.get("PYTHONPATH", "")
    return env


def rodar_reproducao(argumentos, env, timeout: int = 300) -> subprocess.CompletedProcess:
    """`python -m redes.reproducoes <argumentos>` na raiz do repositório."""
    return subprocess.run([sys.executable, "-m", "redes.reproducoes", *argumentos], cwd=RAIZ, env=env,
                          capture_output=True, text=True, timeout=timeout)
