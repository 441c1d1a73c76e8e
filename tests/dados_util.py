"""Apoio aos testes de `redes.dados`: um servidor HTTP local e arquivos IDX de brinquedo.

Nenhum teste fala com a internet: os espelhos apontam para este servidor
(127.0.0.1, porta livre) ou para uma porta fechada.
"""
from __future__ import annotations

import gzip
import hashlib
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import numpy as np
import pytest


def md5(conteudo: bytes) -> str:
    return hashlib.md5(conteudo).hexdigest()


def comprimir(conteudo: bytes) -> bytes:
    return gzip.compress(conteudo, mtime=0)


def idx(magico: int, forma: tuple[int, ...], dados: bytes | None = None) -> bytes:
    """Um arquivo IDX de bytes: mágico, tamanhos (4 bytes cada, big-endian) e dados."""
    if dados is None:
        dados = (np.arange(int(np.prod(forma))) % 256).astype(np.uint8).tobytes()
    return magico.to_bytes(4, "big") + b"".join(d.to_bytes(4, "big") for d in forma) + dados


def porta_fechada() -> str:
    """Endereço de uma porta local sem ninguém escutando: a conexão é recusada na hora."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        porta = s.getsockname()[1]
    return f"http://127.0.0.1:{porta}/"


class Servidor:
    """Servidor HTTP numa thread. `servir(caminho, conteudo, ...)` define a resposta de cada caminho.

    Opções de cada caminho: `status` (erro HTTP), `cortar_em` (anuncia o tamanho
    todo, manda só esses bytes e fecha a conexão, depois de `pausa` segundos) e
    `atraso` (espera antes de responder, para estourar o tempo limite do cliente).
    """

    def __init__(self):
        self.rotas: dict[str, dict] = {}
        self.pedidos: list[str] = []
        servidor = self

        class Atendente(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 - nome exigido por http.server
                servidor.pedidos.append(self.path)
                rota = servidor.rotas.get(self.path)
                if rota is None:
                    self.send_error(404, "nada aqui")
                    return
                time.sleep(rota["atraso"])
                if rota["status"] != 200:
                    self.send_error(rota["status"])
                    return
                conteudo = rota["conteudo"]
                self.send_response(200)
                self.send_header("Content-Length", str(len(conteudo)))
                self.end_headers()
                if rota["cortar_em"] is None:
                    self.wfile.write(conteudo)
                else:
                    self.wfile.write(conteudo[:rota["cortar_em"]])
                    self.wfile.flush()
                    time.sleep(rota["pausa"])  # trava no meio (para o tempo limite) ou só fecha
                    self.close_connection = True

            def log_message(self, *args):
                pass

        class Http(ThreadingHTTPServer):
            daemon_threads = True
            block_on_close = False

        self.httpd = Http(("127.0.0.1", 0), Atendente)
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self.thread.start()

    def servir(self, caminho: str, conteudo: bytes = b"", *, status: int = 200,
               cortar_em: int | None = None, atraso: float = 0.0, pausa: float = 0.0) -> str:
        """Registra a resposta de `caminho` (começando com "/") e devolve o endereço completo."""
        self.rotas[caminho] = {"conteudo": conteudo, "status": status, "cortar_em": cortar_em,
                               "atraso": atraso, "pausa": pausa}
        return self.base + caminho

    def limpar(self) -> None:
        self.rotas.clear()
        self.pedidos.clear()

    def fechar(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


# MNIST de brinquedo: 7 imagens de treino e 3 de teste, 28×28, com rótulos conhecidos.
ROTULOS_TREINO = [5, 0, 4, 1, 9, 2, 1]
ROTULOS_TESTE = [7, 2, 1]


def mnist_de_brinquedo() -> dict[str, bytes]:
    """Conteúdo descomprimido dos quatro arquivos, por chave de `redes.dados.mnist.ARQUIVOS`."""
    gerador = np.random.default_rng(7)
    return {
        "treino_imagens": idx(2051, (7, 28, 28), gerador.integers(0, 256, 7 * 784, dtype=np.uint8).tobytes()),
        "treino_rotulos": idx(2049, (7,), bytes(ROTULOS_TREINO)),
        "teste_imagens": idx(2051, (3, 28, 28), gerador.integers(0, 256, 3 * 784, dtype=np.uint8).tobytes()),
        "teste_rotulos": idx(2049, (3,), bytes(ROTULOS_TESTE)),
    }


def instalar_mnist_de_brinquedo(monkeypatch, servidor: Servidor, conteudos: dict[str, bytes] | None = None,
                                validacao: int = 2) -> dict[str, bytes]:
    """Troca os arquivos, os MD5 e os espelhos do módulo `mnist` pelos de brinquedo, servidos localmente."""
    from redes.dados import mnist
    conteudos = conteudos or mnist_de_brinquedo()
    arquivos = {}
    for chave, (nome, magico, _) in mnist.ARQUIVOS.items():
        servidor.servir(f"/espelho/{nome}", comprimir(conteudos[chave]))
        arquivos[chave] = (nome, magico, md5(conteudos[chave]))
    monkeypatch.setattr(mnist, "ARQUIVOS", arquivos)
    monkeypatch.setattr(mnist, "ESPELHOS", [porta_fechada(), servidor.base + "/espelho/"])
    monkeypatch.setattr(mnist, "TAMANHO_VALIDACAO", validacao)
    return conteudos


# ------------------------------------------------------------ fixtures comuns dos testes de dados

@pytest.fixture(scope="module")
def servidor():
    """Um servidor HTTP local (127.0.0.1) que serve arquivos bons e ruins."""
    s = Servidor()
    yield s
    s.fechar()


@pytest.fixture(autouse=True)
def isolado(tmp_path, monkeypatch, servidor):
    """Cache num diretório temporário, sem pasta de origem e sem espelhos reais: nada sai da máquina."""
    from redes.dados import mnist, textos
    monkeypatch.setenv("REDES_DADOS_CACHE", str(tmp_path / "cache"))
    monkeypatch.delenv("REDES_DADOS", raising=False)
    monkeypatch.setattr(mnist, "ESPELHOS", [])
    monkeypatch.setattr(textos, "ESPELHOS_DOM_CASMURRO", [])
    servidor.limpar()
    return tmp_path / "cache"
