"""Obter um arquivo de dados: do cache, de uma pasta local ou da internet, sempre conferido.

Cada arquivo é descrito por um `Arquivo`: o caminho dele dentro do cache
(`"mnist/train-images-idx3-ubyte.gz"`), o resumo MD5 esperado e a lista de
endereços de onde baixá-lo. `obter(arquivo)` procura, nesta ordem:

1. **no cache** (`pasta_cache()`): se o arquivo existe e o MD5 confere, pronto;
2. **na pasta de origem** apontada pela variável `REDES_DADOS` (só leitura;
   o CI a usa para rodar sem rede): o arquivo é copiado para o cache;
3. **nos espelhos**, um de cada vez, com tempo limite e barra de progresso.

O MD5 de um `.gz` é o do conteúdo *descomprimido*: assim um arquivo truncado
(o gzip acaba antes da hora) também é pego. Nada chega ao cache sem conferir:
a cópia ou o download vai para um arquivo temporário na mesma pasta, que só
é renomeado depois da verificação. Um arquivo do cache que não confere é
avisado, **posto de lado** com o nome `<nome>.corrompido-<data-hora>` (nunca
apagado, nunca usado) e obtido de novo. Se nada der certo, o erro é
`DadosIndisponiveis`, que diz o que falta e como conseguir.

As pastas (e as variáveis `REDES_DADOS_CACHE` e `REDES_DADOS`) estão em `redes.dados.pastas`.
"""
from __future__ import annotations

import gzip
import hashlib
import http.client
import os
import secrets
import shutil
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from .pastas import VARIAVEL_FONTE, informar, pasta_cache, pasta_fonte
from .progresso import Progresso

TEMPO_LIMITE = 30.0  # segundos sem resposta antes de desistir de um espelho
BLOCO = 1 << 16


class DadosIndisponiveis(RuntimeError):
    """Nenhuma fonte forneceu um arquivo válido (sem cache, sem pasta de origem, sem rede).

    `faltando` lista os arquivos (caminhos dentro do cache) e `tentativas`
    descreve o que foi tentado e por que falhou.
    """

    def __init__(self, faltando, tentativas=(), pasta: Path | None = None):
        self.faltando = tuple(faltando)
        self.tentativas = tuple(tentativas)
        self.pasta = pasta
        super().__init__(self._mensagem())

    def _mensagem(self) -> str:
        nomes = ", ".join(self.faltando)
        linhas = [f"não consegui obter {nomes}."]
        if self.tentativas:
            linhas.append("O que tentei:")
            linhas += [f"  - {t}" for t in self.tentativas]
        destino = self.pasta if self.pasta is not None else "dados"
        subpastas = sorted({str(Path(destino, *n.split("/")[:-1])) for n in self.faltando})
        linhas += [
            "Como resolver:",
            "  - com internet, rode `make dados` (ou `python ferramentas/dados.py`) na raiz do curso;",
            f"  - sem internet, traga os arquivos de outro computador e copie-os para {' e '.join(subpastas)},",
            f"    ou aponte a variável {VARIAVEL_FONTE} para uma pasta que já os tenha, com a mesma estrutura.",
        ]
        return "\n".join(linhas)


@dataclass(frozen=True)
class Arquivo:
    """Um arquivo de dados: `nome` é o caminho no cache, com "/" (por exemplo "textos/domCasmurro.txt")."""

    nome: str
    md5: str
    urls: tuple[str, ...] = ()

    @property
    def partes(self) -> tuple[str, ...]:
        return tuple(self.nome.split("/"))

    @property
    def comprimido(self) -> bool:
        """Se o MD5 é do conteúdo descomprimido (arquivos `.gz`)."""
        return self.nome.endswith(".gz")


class Obtido(NamedTuple):
    """Resultado de `garantir`: onde o arquivo está e de onde veio ("cache", "copiado de ...", "baixado de ...")."""

    caminho: Path
    origem: str


class _Falha(Exception):
    """Uma tentativa que não deu certo; a mensagem entra na lista de `DadosIndisponiveis`."""


# ---------------------------------------------------------------- verificação

def md5_do_conteudo(caminho: Path, comprimido: bool | None = None) -> str:
    """MD5 do conteúdo; se `comprimido` (padrão: o nome termina em `.gz`), do conteúdo descomprimido.

    Erros de gzip (arquivo cortado, lixo no lugar) sobem como EOFError ou OSError.
    """
    if comprimido is None:
        comprimido = str(caminho).endswith(".gz")
    abrir = gzip.open if comprimido else open
    resumo = hashlib.md5()
    with abrir(caminho, "rb") as f:
        while bloco := f.read(1 << 20):
            resumo.update(bloco)
    return resumo.hexdigest()


def confere(caminho: Path, md5: str, comprimido: bool | None = None) -> bool:
    """Se o arquivo existe, abre (gzip inteiro, sem cortes) e tem o MD5 esperado."""
    try:
        return md5_do_conteudo(caminho, comprimido) == md5.lower()
    except (OSError, EOFError, gzip.BadGzipFile):
        return False


def por_de_lado(caminho: Path, motivo: str) -> Path:
    """Renomeia um arquivo ruim para `<nome>.corrompido-<data-hora>` (nunca apaga) e avisa."""
    carimbo = time.strftime("%Y%m%d-%H%M%S")
    novo = caminho.with_name(f"{caminho.name}.corrompido-{carimbo}")
    extra = 1
    while novo.exists():
        extra += 1
        novo = caminho.with_name(f"{caminho.name}.corrompido-{carimbo}-{extra}")
    os.replace(caminho, novo)
    informar(f"Aviso: {caminho} está corrompido ou incompleto ({motivo}). "
             f"Guardei-o como {novo.name} e vou obtê-lo de novo.")
    return novo


def _temporario(destino: Path) -> Path:
    """Nome único, ao lado de `destino`, para gravar antes de conferir (criado depois, com as permissões do umask)."""
    return destino.with_name(f".{destino.name}.{os.getpid()}-{secrets.token_hex(4)}.parcial")


def _apagar(caminho: Path) -> None:
    try:
        caminho.unlink()
    except OSError:
        pass


# -------------------------------------------------------------------- download

def baixar(url: str, destino: Path, *, tempo_limite: float = TEMPO_LIMITE,
           progresso: bool = True, rotulo: str | None = None) -> int:
    """Baixa `url` para `destino` e devolve quantos bytes chegaram.

    Falhas (tempo esgotado, erro HTTP, conexão recusada ou cortada no meio)
    viram uma mensagem em português que cita o endereço.
    """
    pedido = urllib.request.Request(url, headers={"User-Agent": "redes-neurais-na-pratica"})
    try:
        resposta = urllib.request.urlopen(pedido, timeout=tempo_limite)
    except urllib.error.HTTPError as erro:
        raise _Falha(f"{url}: o servidor respondeu HTTP {erro.code} ({erro.reason})") from None
    except urllib.error.URLError as erro:
        if isinstance(erro.reason, TimeoutError):
            raise _Falha(f"{url}: tempo esgotado ({tempo_limite:g} s) esperando resposta") from None
        raise _Falha(f"{url}: sem conexão ({erro.reason})") from None
    except TimeoutError:
        raise _Falha(f"{url}: tempo esgotado ({tempo_limite:g} s) esperando resposta") from None
    except (OSError, http.client.HTTPException) as erro:
        raise _Falha(f"{url}: falha na conexão ({erro})") from None
    with resposta:
        tamanho = resposta.headers.get("Content-Length")
        total = int(tamanho) if tamanho and tamanho.isdigit() else None
        barra = Progresso(rotulo or url.rsplit("/", 1)[-1], total, ativo=progresso)
        recebidos, ok = 0, False
        try:
            ler = getattr(resposta, "read1", resposta.read)  # read1: devolve o que já chegou, sem esperar encher
            with open(destino, "wb") as saida:
                while bloco := ler(BLOCO):
                    saida.write(bloco)
                    recebidos += len(bloco)
                    barra.atualizar(recebidos)
            ok = total is None or recebidos == total
        except TimeoutError:
            raise _Falha(f"{url}: tempo esgotado ({tempo_limite:g} s) no meio do download, "
                         f"depois de {recebidos} bytes") from None
        except (OSError, http.client.HTTPException) as erro:
            raise _Falha(f"{url}: a conexão caiu depois de {recebidos} bytes ({erro})") from None
        finally:
            barra.fechar(ok)
    if not ok:
        raise _Falha(f"{url}: download interrompido, chegaram {recebidos} de {total} bytes")
    return recebidos


def garantir(arquivo: Arquivo, *, progresso: bool = True, tempo_limite: float | None = None,
             usar_rede: bool = True) -> Obtido:
    """Põe `arquivo` no cache, conferido, e diz de onde ele veio. Veja o início do módulo."""
    pasta = pasta_cache()
    destino = pasta.joinpath(*arquivo.partes)
    destino.parent.mkdir(parents=True, exist_ok=True)
    if destino.exists():
        if confere(destino, arquivo.md5, arquivo.comprimido):
            return Obtido(destino, "cache")
        por_de_lado(destino, "o resumo MD5 não confere")
    tentativas = []

    fonte = pasta_fonte()
    if fonte is not None:
        original = fonte.joinpath(*arquivo.partes)
        if original.is_file():
            temporario = _temporario(destino)
            try:
                shutil.copyfile(original, temporario)
                if confere(temporario, arquivo.md5, arquivo.comprimido):
                    os.replace(temporario, destino)
                    return Obtido(destino, f"copiado de {original}")
                tentativas.append(f"{original}: o resumo MD5 não confere (cópia corrompida na origem)")
            except OSError as erro:
                tentativas.append(f"{original}: não consegui copiar ({erro})")
            finally:
                _apagar(temporario)
        else:
            tentativas.append(f"{original}: não existe ({VARIAVEL_FONTE}={fonte})")

    if not usar_rede:
        tentativas.append("não tentei a internet (um arquivo anterior já tinha falhado)")
    for url in arquivo.urls if usar_rede else ():
        temporario = _temporario(destino)
        try:
            baixar(url, temporario, tempo_limite=tempo_limite or TEMPO_LIMITE,
                   progresso=progresso, rotulo=arquivo.nome)
            if not confere(temporario, arquivo.md5, arquivo.comprimido):
                raise _Falha(f"{url}: o conteúdo baixado não confere com o MD5 esperado ({arquivo.md5})")
            os.replace(temporario, destino)
            return Obtido(destino, f"baixado de {url}")
        except _Falha as falha:
            tentativas.append(str(falha))
        finally:
            _apagar(temporario)
    raise DadosIndisponiveis([arquivo.nome], tentativas, pasta)


def obter(arquivo: Arquivo, **opcoes) -> Path:
    """Caminho do arquivo no cache, depois de conferido (veja `garantir` para as opções)."""
    return garantir(arquivo, **opcoes).caminho
