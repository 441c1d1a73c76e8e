"""Configuração comum dos testes (pytest e nbval).

- Uma thread de BLAS nos kernels dos notebooks (eles herdam este ambiente),
  para que as saídas guardadas se reproduzam bit a bit.
- No fim, o tempo de cada notebook (soma das células), para achar os lentos.
"""
import os
from collections import defaultdict

for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = "1"
os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")

LIMITE_POR_NOTEBOOK = 60.0  # segundos, numa máquina de 2 núcleos
_tempos: dict[str, float] = defaultdict(float)


def pytest_runtest_logreport(report):
    arquivo = report.nodeid.split("::")[0]
    if arquivo.endswith(".ipynb"):
        _tempos[arquivo] += report.duration


def pytest_terminal_summary(terminalreporter):
    if not _tempos:
        return
    terminalreporter.section("tempo por notebook")
    for arquivo, segundos in sorted(_tempos.items(), key=lambda par: -par[1]):
        aviso = "  <- acima do limite de 60 s" if segundos > LIMITE_POR_NOTEBOOK else ""
        terminalreporter.write_line(f"{segundos:7.1f} s  {arquivo}{aviso}")
