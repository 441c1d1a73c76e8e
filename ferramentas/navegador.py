"""Garante o navegador dos testes no navegador: o Chromium do sistema (nunca `playwright install`).

Uso: python ferramentas/navegador.py   (o `make teste-navegador` chama antes dos testes)

Se não houver `chromium` no PATH e o usuário for root numa máquina Debian/Ubuntu,
instala com `apt-get install chromium`; senão, explica o que fazer e sai com erro.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys


def chromium() -> str | None:
    return os.environ.get("REDES_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")


def main() -> int:
    caminho = chromium()
    if caminho:
        print(f"Chromium: {caminho}")
        return 0
    if shutil.which("apt-get") and hasattr(os, "geteuid") and os.geteuid() == 0:
        print("Chromium não encontrado; instalando com apt-get (uma vez só, cerca de 1 minuto)...", flush=True)
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
        subprocess.run(["apt-get", "install", "-y", "-qq", "chromium"], check=True, env=env)
        caminho = chromium()
        if caminho:
            print(f"Chromium: {caminho}")
            return 0
    print("Os testes no navegador precisam do Chromium do sistema. No Debian/Ubuntu: sudo apt-get install chromium;\n"
          "em outro sistema, instale o Chromium e aponte a variável REDES_CHROMIUM para o executável.", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
