"""Carrega os scripts de ferramentas/ como módulos (sem conflitar com a pasta exercicios/)."""
import importlib.util
from pathlib import Path

RAIZ = Path(__file__).resolve().parent.parent


def carregar(nome: str):
    spec = importlib.util.spec_from_file_location(f"ferramenta_{nome}", RAIZ / "ferramentas" / f"{nome}.py")
    modulo = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(modulo)
    return modulo
