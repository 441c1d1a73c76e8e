"""Prepara o ambiente do curso: cria `.venv` e instala as versões travadas.

Só usa a biblioteca padrão do Python, porque roda antes de qualquer instalação.
Funciona em Linux, macOS e Windows:

    python ferramentas/preparar.py          # cria/atualiza .venv se preciso
    python ferramentas/preparar.py --python # só mostra o caminho do Python do .venv

A instalação é refeita apenas quando `requirements.txt` ou `pyproject.toml`
mudam (o resumo deles fica gravado em `.venv/.redes-instalado`).
"""
from __future__ import annotations

import argparse
import hashlib
import os
import subprocess
import sys
import time
from pathlib import Path

RAIZ = Path(__file__).resolve().parent.parent
VENV = RAIZ / ".venv"
MARCA = VENV / ".redes-instalado"
VERSAO_MINIMA = (3, 10)


def python_do_venv(venv: Path = VENV) -> Path:
    """Caminho do interpretador dentro do ambiente virtual."""
    if os.name == "nt":
        return venv / "Scripts" / "python.exe"
    return venv / "bin" / "python"


def assinatura() -> str:
    """Resumo (SHA-256) dos arquivos que definem o que é instalado."""
    h = hashlib.sha256()
    for nome in ("requirements.txt", "pyproject.toml"):
        h.update((RAIZ / nome).read_bytes())
    h.update(sys.version.split()[0].encode())
    return h.hexdigest()


def rodar(comando: list[str], dica: str) -> None:
    print("  $", " ".join(str(c) for c in comando), flush=True)
    resultado = subprocess.run(comando, cwd=RAIZ)
    if resultado.returncode != 0:
        sys.exit(f"\nErro: o comando acima falhou (código {resultado.returncode}). {dica}")


def preparar() -> Path:
    if sys.version_info < VERSAO_MINIMA:
        sys.exit(f"Erro: o curso precisa de Python >= {VERSAO_MINIMA[0]}.{VERSAO_MINIMA[1]}; "
                 f"este é o {sys.version.split()[0]} ({sys.executable}).")
    python = python_do_venv()
    esperado = assinatura()
    if python.exists() and MARCA.exists() and MARCA.read_text().strip() == esperado:
        return python
    inicio = time.monotonic()
    if not python.exists():
        print(f"Criando o ambiente virtual em {VENV.name}/ ...", flush=True)
        rodar([sys.executable, "-m", "venv", str(VENV)],
              "Falta o módulo venv? No Debian/Ubuntu: sudo apt install python3-venv.")
    print("Instalando as versões travadas (requirements.txt) e a biblioteca `redes`...", flush=True)
    rodar([str(python), "-m", "pip", "install", "--disable-pip-version-check", "-q",
           "-r", "requirements.txt"], "Verifique a conexão com o PyPI e rode de novo.")
    rodar([str(python), "-m", "pip", "install", "--disable-pip-version-check", "-q",
           "--no-deps", "-e", "."], "Verifique a conexão com o PyPI e rode de novo.")
    MARCA.write_text(esperado + "\n")
    print(f"Ambiente pronto em {time.monotonic() - inicio:.0f} s.", flush=True)
    return python


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--python", action="store_true",
                        help="só mostra o caminho do Python do ambiente (sem instalar)")
    args = parser.parse_args()
    if args.python:
        print(python_do_venv())
        return
    preparar()


if __name__ == "__main__":
    main()
