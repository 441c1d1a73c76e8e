"""Onde ficam os dados: a pasta de cache (gravável) e a pasta de origem (só leitura).

- Cache: `$REDES_DADOS_CACHE`, se definida; senão `<repositório>/dados/`; se
  essa pasta não aceitar gravação, a pasta de cache do usuário
  (`$XDG_CACHE_HOME/redes-neurais`, `~/.cache/redes-neurais` ou, no Windows,
  `%LOCALAPPDATA%\\redes-neurais`), com um aviso.
- Origem: `$REDES_DADOS`, uma pasta só de leitura com a mesma estrutura do
  cache (`mnist/...`, `textos/...`); o CI a usa para rodar sem rede.
"""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

VARIAVEL_CACHE = "REDES_DADOS_CACHE"
VARIAVEL_FONTE = "REDES_DADOS"

_avisados: set[str] = set()


def informar(mensagem: str) -> None:
    """Avisos para quem usa o curso (cache trocado, arquivo corrompido): vão para `stderr`."""
    print(mensagem, file=sys.stderr, flush=True)


def raiz_do_repositorio() -> Path:
    """A pasta do curso: dois níveis acima do pacote `redes` (`<raiz>/lib/redes`)."""
    import redes
    return Path(redes.__file__).resolve().parents[2]


def gravavel(pasta: Path) -> bool:
    """Se dá para criar arquivos em `pasta` (testa de verdade: `os.access` mente para o root)."""
    try:
        with tempfile.TemporaryFile(dir=pasta):
            return True
    except OSError:
        return False


def pasta_do_usuario(windows: bool | None = None) -> Path:
    """Cache do usuário: `%LOCALAPPDATA%\\redes-neurais` no Windows, `$XDG_CACHE_HOME/redes-neurais` ou `~/.cache/redes-neurais` nos outros."""
    if os.name == "nt" if windows is None else windows:
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
    else:
        base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "redes-neurais"


def pasta_cache() -> Path:
    """Pasta onde os dados verificados ficam guardados (criada se preciso)."""
    escolhida = os.environ.get(VARIAVEL_CACHE)
    if escolhida:
        pasta = Path(escolhida).expanduser()
        pasta.mkdir(parents=True, exist_ok=True)
        if not gravavel(pasta):
            raise PermissionError(f"a pasta de cache {pasta} (variável {VARIAVEL_CACHE}) não aceita gravação")
        return pasta
    raiz = raiz_do_repositorio()
    pasta = raiz / "dados"
    if pasta.is_dir() or gravavel(raiz):
        try:
            pasta.mkdir(exist_ok=True)
        except OSError:
            pass
        if pasta.is_dir() and gravavel(pasta):
            return pasta
    reserva = pasta_do_usuario()
    reserva.mkdir(parents=True, exist_ok=True)
    if str(reserva) not in _avisados:
        _avisados.add(str(reserva))
        informar(f"Aviso: não dá para gravar em {pasta}; os dados vão para {reserva}.")
    return reserva


def pasta_fonte() -> Path | None:
    """A pasta de origem somente leitura (`REDES_DADOS`), ou None se a variável não está definida."""
    fonte = os.environ.get(VARIAVEL_FONTE)
    return Path(fonte).expanduser() if fonte else None
