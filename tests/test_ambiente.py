"""O ambiente é o mesmo pelos dois caminhos: venv (requirements.txt) e conda (environment.yml)."""
import re
from pathlib import Path

import pytest

try:
    import tomllib
except ImportError:  # Python 3.10
    import tomli as tomllib
import yaml
from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

RAIZ = Path(__file__).resolve().parent.parent
AMBIENTES = {
    "linux-3.11": {"python_version": "3.11", "python_full_version": "3.11.7", "sys_platform": "linux",
                   "platform_system": "Linux", "os_name": "posix", "platform_machine": "x86_64",
                   "implementation_name": "cpython", "platform_python_implementation": "CPython"},
}
for versao, completa in (("3.10", "3.10.13"), ("3.12", "3.12.1"), ("3.13", "3.13.0")):
    AMBIENTES[f"linux-{versao}"] = {**AMBIENTES["linux-3.11"], "python_version": versao, "python_full_version": completa}
AMBIENTES["windows-3.11"] = {**AMBIENTES["linux-3.11"], "sys_platform": "win32", "platform_system": "Windows",
                             "os_name": "nt", "platform_machine": "AMD64"}


def travadas(ambiente: dict) -> dict[str, str]:
    """Versões de requirements.txt que valem no `ambiente` (marcadores avaliados)."""
    versoes = {}
    for linha in (RAIZ / "requirements.txt").read_text(encoding="utf-8").splitlines():
        linha = linha.split("#")[0].strip()
        if not linha:
            continue
        req = Requirement(linha)
        if req.marker is None or req.marker.evaluate(ambiente):
            (especificador,) = req.specifier
            assert especificador.operator == "==", f"versão não travada: {linha}"
            versoes[canonicalize_name(req.name)] = especificador.version
    return versoes


def diretas() -> list[Requirement]:
    projeto = tomllib.loads((RAIZ / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return [Requirement(r) for r in projeto["dependencies"] + projeto["optional-dependencies"]["curso"]]


def pip_do_environment() -> list[str]:
    env = yaml.safe_load((RAIZ / "environment.yml").read_text(encoding="utf-8"))
    (pip,) = [d["pip"] for d in env["dependencies"] if isinstance(d, dict)]
    return pip


def test_environment_yml_tem_as_mesmas_versoes():
    env = yaml.safe_load((RAIZ / "environment.yml").read_text(encoding="utf-8"))
    assert "python=3.11" in env["dependencies"], "o conda usa o Python das saídas guardadas (3.11)"
    pip = pip_do_environment()
    assert "-c requirements.txt" in pip and "-e ." in pip
    fixadas = {}
    for linha in pip:
        if not linha.startswith("-"):
            req = Requirement(linha)
            (esp,) = req.specifier
            fixadas[canonicalize_name(req.name)] = esp.version
    lock = travadas(AMBIENTES["linux-3.11"])
    assert set(fixadas) == {canonicalize_name(r.name) for r in diretas()}, \
        "environment.yml e pyproject.toml devem citar os mesmos pacotes"
    for nome, versao in fixadas.items():
        assert lock[nome] == versao, f"{nome}: environment.yml tem {versao}, requirements.txt tem {lock[nome]}"


@pytest.mark.parametrize("ambiente", list(AMBIENTES))
def test_trava_satisfaz_pyproject(ambiente):
    lock = travadas(AMBIENTES[ambiente])
    for req in diretas():
        nome = canonicalize_name(req.name)
        assert nome in lock, f"{nome} não está travado para {ambiente}"
        assert req.specifier.contains(lock[nome], prereleases=False), \
            f"{nome}=={lock[nome]} não satisfaz '{req}' ({ambiente})"
    assert int(lock["numpy"].split(".")[0]) >= 2
    assert not {"torch", "tensorflow", "jax"} & set(lock), "o curso não usa PyTorch nem TensorFlow"


def test_gitignore():
    linhas = (RAIZ / ".gitignore").read_text(encoding="utf-8").splitlines()
    for padrao in (".venv/", "*.egg-info/", ".ipynb_checkpoints/", "dados/*"):
        assert padrao in linhas


def test_ci_e_make():
    ci = (RAIZ / ".ci/run").read_text(encoding="utf-8")
    assert "make testes" in ci and "CI=true" in ci and "set -euo pipefail" in ci
    make = (RAIZ / "Makefile").read_text(encoding="utf-8")
    for alvo in ("curso", "testes", "executar", "exercicios", "dados"):
        assert re.search(rf"^{alvo}:", make, re.M), f"Makefile sem o alvo {alvo}"
    assert "OPENBLAS_NUM_THREADS := 1" in make
