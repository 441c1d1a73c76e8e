r"""MNIST: 70 000 dígitos manuscritos, 28×28 pixels em tons de cinza (0 a 255).

São quatro arquivos no formato IDX, comprimidos com gzip: 60 000 imagens de
treino e 10 000 de teste, cada grupo com seus rótulos (0 a 9).

O formato IDX é simples: um número mágico de 4 bytes (big-endian), que diz
o tipo dos dados (0x08 = byte sem sinal) e o número de eixos, seguido do
tamanho de cada eixo (4 bytes cada) e dos dados, sem nenhum separador.
Imagens: mágico 2051 = 0x00000803 (3 eixos: n, 28, 28). Rótulos: 2049 =
0x00000801 (1 eixo: n). O leitor confere o mágico e que o número de bytes é
exatamente o produto dos tamanhos.

Depois do primeiro carregamento verificado, cópias já decodificadas ficam ao
lado dos `.gz` (`.npy`, lidas com `allow_pickle=False`), cada uma com um
arquivo `.npy.json` que guarda a forma e o MD5 dos pixels: recarregar leva
uma fração de segundo. Se a cópia não conferir, ela é posta de lado e refeita.

Fonte: Y. LeCun, C. Cortes e C. J. C. Burges; licença CC BY-SA 3.0.
"""
from __future__ import annotations

import gzip
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .._validacao import escolher
from . import baixar
from .baixar import Arquivo, DadosIndisponiveis
from .exemplos import Exemplos, one_hot

#: Espelhos públicos, tentados nesta ordem (a página original de LeCun não serve mais os arquivos).
ESPELHOS = [
    "https://ossci-datasets.s3.amazonaws.com/mnist/",
    "https://storage.googleapis.com/cvdf-datasets/mnist/",
]

#: chave: (nome do arquivo, número mágico, MD5 do conteúdo descomprimido)
ARQUIVOS = {
    "treino_imagens": ("train-images-idx3-ubyte.gz", 2051, "6bbc9ace898e44ae57da46a324031adb"),
    "treino_rotulos": ("train-labels-idx1-ubyte.gz", 2049, "a25bea736e30d166cdddb491f175f624"),
    "teste_imagens": ("t10k-images-idx3-ubyte.gz", 2051, "2646ac647ad5339dbf082846283269ea"),
    "teste_rotulos": ("t10k-labels-idx1-ubyte.gz", 2049, "27ae3e4e09519cfbb04c329615203637"),
}

#: Na divisão de Nielsen, as últimas imagens de treino viram o conjunto de validação.
TAMANHO_VALIDACAO = 10_000
CLASSES = 10


class FormatoInvalido(ValueError):
    """O conteúdo não é um arquivo IDX do tipo esperado (mágico ou tamanho errado)."""


@dataclass(frozen=True, repr=False)
class ConjuntoMNIST:
    """O MNIST dividido: `treino`, `validacao` (None na divisão padrão) e `teste`, cada um um `Exemplos(X, y)`."""

    treino: Exemplos
    validacao: Exemplos | None
    teste: Exemplos
    divisao: str = "nielsen"

    def __repr__(self) -> str:
        linhas = [f"ConjuntoMNIST(divisão {self.divisao!r})"]
        for nome in ("treino", "validacao", "teste"):
            parte = getattr(self, nome)
            if parte is not None:
                linhas.append(f"  {nome + ':':<11} X {str(parte.X.shape):<16} {str(parte.X.dtype):<8} "
                              f"y {str(parte.y.shape):<10} {parte.y.dtype}")
        return "\n".join(linhas)


def arquivos() -> list[Arquivo]:
    """Os quatro arquivos do MNIST, com os endereços de cada espelho (lidos na hora de `ESPELHOS`)."""
    return [_arquivo(chave) for chave in ARQUIVOS]


def _arquivo(chave: str) -> Arquivo:
    nome, _, md5 = ARQUIVOS[chave]
    return Arquivo(f"mnist/{nome}", md5, tuple(espelho.rstrip("/") + "/" + nome for espelho in ESPELHOS))


def ler_idx(conteudo: bytes, magico: int, nome: str = "arquivo IDX") -> np.ndarray:
    """Decodifica o conteúdo (já descomprimido) de um arquivo IDX de bytes sem sinal."""
    tipo = "imagens" if magico == 2051 else "rótulos" if magico == 2049 else "dados"
    if len(conteudo) < 4:
        raise FormatoInvalido(f"{nome}: tem só {len(conteudo)} bytes, nem cabe o número mágico")
    encontrado = int.from_bytes(conteudo[:4], "big")
    if encontrado != magico:
        raise FormatoInvalido(f"{nome}: número mágico {encontrado}, esperava {magico} ({tipo}); "
                              "o arquivo não é desse tipo ou está corrompido")
    eixos = magico & 0xFF
    cabecalho = 4 + 4 * eixos
    if len(conteudo) < cabecalho:
        raise FormatoInvalido(f"{nome}: cabeçalho incompleto ({len(conteudo)} de {cabecalho} bytes)")
    forma = tuple(int.from_bytes(conteudo[4 + 4 * i:8 + 4 * i], "big") for i in range(eixos))
    esperado = int(np.prod(forma))
    dados = len(conteudo) - cabecalho
    if dados != esperado:
        raise FormatoInvalido(f"{nome}: o cabeçalho anuncia forma {forma}, ou seja {esperado} bytes de dados, "
                              f"mas o arquivo tem {dados}")
    return np.frombuffer(conteudo, dtype=np.uint8, offset=cabecalho).reshape(forma)


# ------------------------------------------------------------ cópias .npy

def _md5_array(array: np.ndarray) -> str:
    return hashlib.md5(np.ascontiguousarray(array).data).hexdigest()


def _caminhos_npy(gz: Path) -> tuple[Path, Path]:
    npy = gz.with_name(gz.name.removesuffix(".gz") + ".npy")
    return npy, npy.with_name(npy.name + ".json")


def _ler_npy(gz: Path, md5_origem: str) -> np.ndarray | None:
    """A cópia decodificada, se existe e confere com o arquivo lateral; senão None."""
    npy, lateral = _caminhos_npy(gz)
    if not npy.exists():
        return None
    try:
        info = json.loads(lateral.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None  # gravação interrompida antes do arquivo lateral: é só refazer
    if info.get("md5_origem") != md5_origem:
        return None  # veio de outros dados: refaz
    try:
        array = np.load(npy, allow_pickle=False)
        ok = (list(array.shape) == info.get("forma") and str(array.dtype) == info.get("tipo")
              and _md5_array(array) == info.get("md5"))
    except (OSError, ValueError, EOFError):
        ok = False
    if not ok:
        baixar.por_de_lado(npy, "a cópia .npy não confere com o resumo guardado")
        return None
    return array


def _gravar_npy(gz: Path, array: np.ndarray, md5_origem: str) -> None:
    """Grava a cópia decodificada e o arquivo lateral; se a pasta não aceitar, segue sem elas."""
    npy, lateral = _caminhos_npy(gz)
    info = {"md5_origem": md5_origem, "forma": list(array.shape), "tipo": str(array.dtype), "md5": _md5_array(array)}
    temporarios = []
    try:
        for destino, gravar in ((npy, lambda f: np.save(f, array, allow_pickle=False)),
                                (lateral, lambda f: f.write(json.dumps(info).encode()))):
            temporario = baixar._temporario(destino)
            temporarios.append(temporario)
            with open(temporario, "wb") as f:
                gravar(f)
            os.replace(temporario, destino)
    except OSError:
        pass
    finally:
        for temporario in temporarios:
            baixar._apagar(temporario)


def _carregar(chave: str, progresso: bool, usar_rede: bool) -> np.ndarray:
    nome, magico, md5 = ARQUIVOS[chave]
    gz = baixar.pasta_cache() / "mnist" / nome
    array = _ler_npy(gz, md5)
    if array is None:
        gz = baixar.obter(_arquivo(chave), progresso=progresso, usar_rede=usar_rede)
        with gzip.open(gz, "rb") as f:
            array = ler_idx(f.read(), magico, nome)
        _gravar_npy(gz, array, md5)
    return array


# --------------------------------------------------------------- interface

def carregar_mnist(divisao: str = "nielsen", formato: str = "plano", tipo: str = "float32",
                   rotulos: str = "inteiros", progresso: bool = True) -> ConjuntoMNIST:
    """Carrega o MNIST (baixando e conferindo na primeira vez) e devolve um `ConjuntoMNIST`.

    - `divisao="nielsen"`: as 50 000 primeiras imagens de treino são o treino,
      as 10 000 últimas a validação, e as 10 000 de teste o teste;
      `"padrao"`: treino com as 60 000, sem validação, e o mesmo teste.
    - `formato="plano"`: cada imagem é uma linha de 784 números; `"imagem"`: 28×28.
    - `tipo="float32"`: pixels divididos por 255, entre 0 e 1; `"uint8"`: 0 a 255.
    - `rotulos="inteiros"`: `y` de forma `(m,)`, int64; `"one-hot"`: `(m, 10)`, float32.
    - `progresso=False` esconde a barra de download.
    """
    divisao = escolher(divisao, "divisao", ("nielsen", "padrao"))
    formato = escolher(formato, "formato", ("plano", "imagem"))
    tipo = escolher(tipo, "tipo", ("float32", "uint8"))
    rotulos = escolher(rotulos, "rotulos", ("inteiros", "one-hot"))

    arrays, faltando, tentativas, usar_rede = {}, [], [], True
    for chave in ARQUIVOS:
        try:
            arrays[chave] = _carregar(chave, progresso, usar_rede)
        except DadosIndisponiveis as erro:
            faltando += erro.faltando
            tentativas += erro.tentativas
            usar_rede = False  # sem rede para um, não espera o tempo limite de novo para os outros
    if faltando:
        raise DadosIndisponiveis(faltando, tentativas, baixar.pasta_cache())

    def preparar(imagens: np.ndarray, digitos: np.ndarray, nome: str) -> Exemplos:
        if len(imagens) != len(digitos):
            raise FormatoInvalido(f"MNIST de {nome}: {len(imagens)} imagens, mas {len(digitos)} rótulos")
        X = imagens.reshape(len(imagens), -1) if formato == "plano" else imagens
        if tipo == "float32":
            X = X.astype(np.float32)
            X /= np.float32(255)
        elif not X.flags.writeable:
            X = X.copy()
        y = one_hot(digitos, CLASSES, tipo=np.float32) if rotulos == "one-hot" else digitos.astype(np.int64)
        return Exemplos(X, y)

    treino = preparar(arrays["treino_imagens"], arrays["treino_rotulos"], "treino")
    teste = preparar(arrays["teste_imagens"], arrays["teste_rotulos"], "teste")
    if divisao == "padrao":
        return ConjuntoMNIST(treino, None, teste, divisao)
    corte = len(treino.X) - TAMANHO_VALIDACAO
    if corte <= 0:
        raise FormatoInvalido(f"MNIST de treino com {len(treino.X)} imagens não dá para separar "
                              f"{TAMANHO_VALIDACAO} de validação")
    return ConjuntoMNIST(Exemplos(treino.X[:corte], treino.y[:corte]),
                         Exemplos(treino.X[corte:], treino.y[corte:]), teste, divisao)
