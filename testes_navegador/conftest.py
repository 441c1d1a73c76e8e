"""Servidores para os testes no navegador: um JupyterLab e um Voilà rodando numa cópia do repositório.

A cópia existe para que o salvamento automático do JupyterLab nunca escreva nos
notebooks versionados. O navegador é o Chromium do sistema (Debian: `apt-get
install chromium`), dirigido pelo Playwright do PyPI; `playwright install` não é usado.
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

RAIZ = Path(__file__).resolve().parent.parent
ARTEFATOS = Path(__file__).resolve().parent / "artefatos"
TOKEN = "teste-navegador"
CHROMIUM = os.environ.get("REDES_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")


def porta_livre() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def esperar_http(url: str, processo: subprocess.Popen, limite: float = 90.0) -> None:
    """Espera o servidor responder 200 (ou morre com o log, se o processo acabar antes)."""
    fim = time.monotonic() + limite
    while time.monotonic() < fim:
        if processo.poll() is not None:
            raise RuntimeError(f"o servidor terminou antes de responder (código {processo.returncode})")
        try:
            with urllib.request.urlopen(url, timeout=5) as r:
                if r.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.5)
    raise TimeoutError(f"{url} não respondeu em {limite:.0f} s")


@pytest.fixture(scope="session")
def copia(tmp_path_factory) -> Path:
    destino = tmp_path_factory.mktemp("repositorio")
    for pasta in ("capitulos", "playground"):
        if (RAIZ / pasta).exists():
            shutil.copytree(RAIZ / pasta, destino / pasta, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    return destino


def _ambiente(base: Path) -> dict:
    env = dict(os.environ, OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1")
    for nome in ("JUPYTER_CONFIG_DIR", "JUPYTER_DATA_DIR", "JUPYTER_RUNTIME_DIR", "IPYTHONDIR"):
        pasta = base / nome.lower()
        pasta.mkdir(exist_ok=True)
        env[nome] = str(pasta)
    env.pop("JUPYTER_PATH", None)
    return env


def _servidor(comando, cwd, env, url, log):
    with open(log, "w") as saida:
        processo = subprocess.Popen(comando, cwd=cwd, env=env, stdout=saida, stderr=subprocess.STDOUT)
    try:
        try:
            esperar_http(url, processo)
        except TimeoutError:  # a primeira partida de um servidor às vezes demora muito: uma segunda chance
            esperar_http(url, processo)
    except Exception:
        processo.terminate()
        raise RuntimeError(f"servidor não subiu; log:\n{Path(log).read_text()[-3000:]}") from None
    return processo


def _parar(processo: subprocess.Popen) -> None:
    processo.terminate()
    try:
        processo.wait(timeout=20)
    except subprocess.TimeoutExpired:
        processo.kill()


@pytest.fixture(scope="session")
def jupyterlab(copia, tmp_path_factory):
    """URL base de um JupyterLab servindo a cópia do repositório."""
    porta = porta_livre()
    base = tmp_path_factory.mktemp("jupyter")
    comando = [sys.executable, "-m", "jupyter", "lab", "--no-browser", f"--port={porta}", "--ip=127.0.0.1",
               f"--ServerApp.token={TOKEN}", "--LabApp.news_url=None", "--ServerApp.allow_root=True"]
    url = f"http://127.0.0.1:{porta}"
    env = _ambiente(base)
    # sem o aviso "Would you like to get notified about official Jupyter news?" cobrindo as capturas
    configuracoes = base / "configuracoes_do_lab"
    aviso = configuracoes / "@jupyterlab" / "apputils-extension" / "notification.jupyterlab-settings"
    aviso.parent.mkdir(parents=True)
    aviso.write_text('{"fetchNews": "false"}')
    env["JUPYTERLAB_SETTINGS_DIR"] = str(configuracoes)
    processo = _servidor(comando, copia, env, f"{url}/api/status?token={TOKEN}", base / "lab.log")
    yield url
    _parar(processo)


@pytest.fixture(scope="session")
def navegador():
    if CHROMIUM is None:
        pytest.fail("não encontrei o Chromium: instale com `apt-get install chromium` (ou aponte REDES_CHROMIUM)")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True,
                                    args=["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"])
        yield browser
        browser.close()


@pytest.fixture
def pagina(navegador):
    contexto = navegador.new_context(viewport={"width": 1400, "height": 1000})
    pagina = contexto.new_page()
    pagina.set_default_timeout(60_000)
    yield pagina
    contexto.close()


@pytest.fixture(scope="session")
def artefatos() -> Path:
    ARTEFATOS.mkdir(exist_ok=True)
    return ARTEFATOS


@pytest.fixture(scope="session")
def voila(copia, tmp_path_factory):
    """URL de um Voilà servindo o aplicativo do Playground (`playground/app.ipynb`) da cópia."""
    porta = porta_livre()
    base = tmp_path_factory.mktemp("voila")
    comando = [sys.executable, "-m", "voila", "playground/app.ipynb", "--no-browser", f"--port={porta}",
               "--Voila.ip=127.0.0.1"]
    url = f"http://127.0.0.1:{porta}/"
    processo = _servidor(comando, copia, _ambiente(base), url, base / "voila.log")
    yield url
    _parar(processo)
