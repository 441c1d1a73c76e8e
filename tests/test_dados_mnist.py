"""MNIST: leitor IDX, divisões, formatos, cópias .npy e, se houver, os arquivos de verdade."""
import gzip
import json
import os
import sys
import time
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, os.path.dirname(__file__))
from dados_util import (ROTULOS_TESTE, ROTULOS_TREINO, Servidor, idx, instalar_mnist_de_brinquedo,  # noqa: E402
                        mnist_de_brinquedo)
from dados_util import isolado, servidor  # noqa: F401,E402  (fixtures: cache temporário e servidor local)

from redes.dados import DadosIndisponiveis, FormatoInvalido, baixar, carregar_mnist, mnist, textos  # noqa: E402

DADOS_REAIS = Path(os.environ.get("REDES_DADOS") or Path(__file__).resolve().parents[2] / "shared" / "dados")


@pytest.fixture
def brinquedo(monkeypatch, servidor):
    return instalar_mnist_de_brinquedo(monkeypatch, servidor)


# ------------------------------------------------------------------- IDX

def test_ler_idx():
    imagens = mnist.ler_idx(idx(2051, (2, 3, 4)), 2051)
    assert imagens.shape == (2, 3, 4) and imagens.dtype == np.uint8
    np.testing.assert_array_equal(imagens.ravel(), np.arange(24))
    np.testing.assert_array_equal(mnist.ler_idx(idx(2049, (3,), bytes([7, 2, 1])), 2049), [7, 2, 1])


def test_idx_com_numero_magico_errado():
    with pytest.raises(FormatoInvalido, match=r"rotulos.gz: número mágico 2051, esperava 2049 \(rótulos\)"):
        mnist.ler_idx(idx(2051, (1, 2, 2)), 2049, "rotulos.gz")
    with pytest.raises(ValueError, match="número mágico 16909060, esperava 2051"):
        mnist.ler_idx(b"\x01\x02\x03\x04" + bytes(20), 2051)


def test_idx_com_tamanho_errado():
    with pytest.raises(FormatoInvalido, match=r"anuncia forma \(2, 3, 4\), ou seja 24 bytes de dados, mas o arquivo tem 23"):
        mnist.ler_idx(idx(2051, (2, 3, 4))[:-1], 2051)
    with pytest.raises(FormatoInvalido, match="mas o arquivo tem 25"):
        mnist.ler_idx(idx(2051, (2, 3, 4)) + b"\x00", 2051)
    with pytest.raises(FormatoInvalido, match="cabeçalho incompleto"):
        mnist.ler_idx(idx(2051, (2, 3, 4))[:10], 2051)
    with pytest.raises(FormatoInvalido, match="nem cabe o número mágico"):
        mnist.ler_idx(b"\x00\x00", 2051)


# ------------------------------------------------------- MNIST de brinquedo

def test_divisao_de_nielsen_e_formatos(brinquedo):
    conjunto = carregar_mnist(progresso=False)
    assert conjunto.divisao == "nielsen"
    assert conjunto.treino.X.shape == (5, 784) and conjunto.validacao.X.shape == (2, 784)
    assert conjunto.teste.X.shape == (3, 784) and conjunto.treino.X.dtype == np.float32
    assert conjunto.treino.y.tolist() == ROTULOS_TREINO[:5] and conjunto.validacao.y.tolist() == ROTULOS_TREINO[5:]
    assert conjunto.teste.y.tolist() == ROTULOS_TESTE and conjunto.teste.y.dtype == np.int64
    pixels = np.frombuffer(brinquedo["treino_imagens"], np.uint8, offset=16).reshape(7, 784)
    np.testing.assert_allclose(conjunto.treino.X, pixels[:5] / 255, rtol=1e-6)
    assert 0 <= conjunto.teste.X.min() and conjunto.teste.X.max() <= 1
    X, y = conjunto.treino  # desempacota como tupla
    assert X is conjunto.treino.X and y is conjunto.treino.y


def test_divisao_padrao_imagem_uint8_one_hot(brinquedo):
    conjunto = carregar_mnist("padrao", formato="imagem", tipo="uint8", rotulos="one-hot", progresso=False)
    assert conjunto.validacao is None
    assert conjunto.treino.X.shape == (7, 28, 28) and conjunto.treino.X.dtype == np.uint8
    assert conjunto.treino.y.shape == (7, 10) and conjunto.treino.y.dtype == np.float32
    np.testing.assert_array_equal(conjunto.treino.y.argmax(axis=1), ROTULOS_TREINO)
    np.testing.assert_array_equal(conjunto.treino.y.sum(axis=1), 1)
    conjunto.treino.X[0, 0, 0] = 1  # arrays graváveis, donos dos próprios dados
    texto = repr(conjunto)
    assert texto.startswith("ConjuntoMNIST(divisão 'padrao')") and "(7, 28, 28)" in texto and "validacao" not in texto


def test_opcoes_invalidas():
    with pytest.raises(ValueError, match="`divisao` desconhecido.*nielsen, padrao"):
        carregar_mnist("keras")
    with pytest.raises(ValueError, match="`formato` desconhecido"):
        carregar_mnist(formato="quadrado")
    with pytest.raises(ValueError, match="`rotulos` desconhecido"):
        carregar_mnist(rotulos="texto")


def test_copias_npy_aceleram_e_dispensam_o_gz(brinquedo, servidor, isolado):
    carregar_mnist(progresso=False)
    pedidos = len(servidor.pedidos)
    assert pedidos == 4  # um por arquivo: o 1º espelho (porta fechada) nem chega ao servidor
    pasta = isolado / "mnist"
    assert sorted(p.name for p in pasta.glob("*.npy")) == [
        "t10k-images-idx3-ubyte.npy", "t10k-labels-idx1-ubyte.npy",
        "train-images-idx3-ubyte.npy", "train-labels-idx1-ubyte.npy"]
    lateral = json.loads((pasta / "train-images-idx3-ubyte.npy.json").read_text())
    assert lateral["forma"] == [7, 28, 28] and lateral["md5_origem"] == mnist.ARQUIVOS["treino_imagens"][2]
    for gz in pasta.glob("*.gz"):
        gz.unlink()
    servidor.limpar()
    conjunto = carregar_mnist(progresso=False)  # só das cópias .npy: nada é pedido ao servidor
    assert servidor.pedidos == [] and conjunto.teste.y.tolist() == ROTULOS_TESTE


def test_copia_npy_corrompida_e_posta_de_lado_e_refeita(brinquedo, isolado, capsys):
    carregar_mnist(progresso=False)
    npy = isolado / "mnist" / "train-labels-idx1-ubyte.npy"
    dados = bytearray(npy.read_bytes())
    dados[-1] ^= 0xFF  # um rótulo trocado: o .npy ainda abre, mas o MD5 não confere
    npy.write_bytes(bytes(dados))
    conjunto = carregar_mnist(progresso=False)
    assert conjunto.validacao.y.tolist() == ROTULOS_TREINO[5:]
    assert len(list(npy.parent.glob("train-labels-idx1-ubyte.npy.corrompido-*"))) == 1
    assert "a cópia .npy não confere" in capsys.readouterr().err
    npy.write_bytes(b"\x93NUMPY lixo")  # cabeçalho quebrado
    assert carregar_mnist(progresso=False).treino.y.tolist() == ROTULOS_TREINO[:5]


def test_copia_npy_de_outros_dados_e_refeita_sem_alarde(brinquedo, isolado, capsys):
    carregar_mnist(progresso=False)
    lateral = isolado / "mnist" / "t10k-labels-idx1-ubyte.npy.json"
    info = json.loads(lateral.read_text())
    lateral.write_text(json.dumps({**info, "md5_origem": "0" * 32}))
    assert carregar_mnist(progresso=False).teste.y.tolist() == ROTULOS_TESTE
    assert json.loads(lateral.read_text())["md5_origem"] == info["md5_origem"]
    assert capsys.readouterr().err == ""


def test_gz_no_cache_corrompido_e_baixado_de_novo(brinquedo, isolado, capsys):
    pasta = isolado / "mnist"
    pasta.mkdir(parents=True)
    (pasta / "t10k-labels-idx1-ubyte.gz").write_bytes(b"\x1f\x8b estragado")
    assert carregar_mnist(progresso=False).teste.y.tolist() == ROTULOS_TESTE
    assert len(list(pasta.glob("t10k-labels-idx1-ubyte.gz.corrompido-*"))) == 1
    assert "corrompido ou incompleto" in capsys.readouterr().err


def test_arquivo_com_magico_errado(monkeypatch, servidor):
    conteudos = mnist_de_brinquedo()
    conteudos["treino_rotulos"] = idx(2051, (7, 1, 1), bytes(ROTULOS_TREINO))  # rótulos com cara de imagens
    instalar_mnist_de_brinquedo(monkeypatch, servidor, conteudos)
    with pytest.raises(FormatoInvalido, match="train-labels-idx1-ubyte.gz: número mágico 2051, esperava 2049"):
        carregar_mnist(progresso=False)


def test_arquivo_com_tamanho_errado(monkeypatch, servidor):
    conteudos = mnist_de_brinquedo()
    conteudos["teste_imagens"] = conteudos["teste_imagens"][:-784]  # falta uma imagem
    instalar_mnist_de_brinquedo(monkeypatch, servidor, conteudos)
    with pytest.raises(FormatoInvalido, match=r"t10k-images-idx3-ubyte.gz: o cabeçalho anuncia forma \(3, 28, 28\)"):
        carregar_mnist(progresso=False)


def test_imagens_e_rotulos_em_numero_diferente(monkeypatch, servidor):
    conteudos = mnist_de_brinquedo()
    conteudos["teste_rotulos"] = idx(2049, (2,), bytes([7, 2]))
    instalar_mnist_de_brinquedo(monkeypatch, servidor, conteudos)
    with pytest.raises(FormatoInvalido, match="MNIST de teste: 3 imagens, mas 2 rótulos"):
        carregar_mnist(progresso=False)


def test_offline_lista_os_quatro_arquivos_e_nao_insiste(brinquedo, servidor, monkeypatch):
    servidor.limpar()  # o servidor passa a responder 404 a tudo
    with pytest.raises(DadosIndisponiveis) as info:
        carregar_mnist(progresso=False)
    assert info.value.faltando == tuple(f"mnist/{nome}" for nome, _, _ in mnist.ARQUIVOS.values())
    texto = str(info.value)
    assert "HTTP 404" in texto and "make dados" in texto and "mnist" in texto
    assert len(servidor.pedidos) == 1  # só o primeiro arquivo tenta a rede


# --------------------------------------------------------- MNIST de verdade

@pytest.fixture(scope="module")
def cache_real(tmp_path_factory):
    if not (DADOS_REAIS / "mnist" / "train-images-idx3-ubyte.gz").exists():
        pytest.skip(f"sem os arquivos do MNIST em {DADOS_REAIS} (defina REDES_DADOS)")
    return tmp_path_factory.mktemp("cache_mnist_real")


def test_mnist_de_verdade(cache_real, monkeypatch):
    monkeypatch.setenv("REDES_DADOS", str(DADOS_REAIS))
    monkeypatch.setenv("REDES_DADOS_CACHE", str(cache_real))
    monkeypatch.setattr(mnist, "ESPELHOS", [])  # nada de internet: tudo vem da pasta de origem
    padrao = carregar_mnist("padrao", tipo="uint8", progresso=False)
    assert padrao.treino.X.shape == (60000, 784) and padrao.teste.X.shape == (10000, 784)
    assert padrao.treino.y[:5].tolist() == [5, 0, 4, 1, 9]
    assert padrao.teste.y[:5].tolist() == [7, 2, 1, 0, 4]
    assert round(float(padrao.treino.X.mean()), 3) == 33.318
    assert np.bincount(padrao.treino.y).tolist()[:2] == [5923, 6742]

    def sem_gz(*args, **kwargs):
        raise AssertionError("a recarga devia vir das cópias .npy, sem abrir os .gz")

    monkeypatch.setattr(baixar, "obter", sem_gz)
    inicio = time.perf_counter()
    nielsen = carregar_mnist(progresso=False)  # agora das cópias .npy
    segundos = time.perf_counter() - inicio
    assert segundos < 5.0, f"recarregar levou {segundos:.2f} s"  # ~0,15 s numa máquina tranquila
    assert nielsen.treino.X.shape == (50000, 784) and nielsen.validacao.X.shape == (10000, 784)
    assert nielsen.teste.X.shape == (10000, 784) and nielsen.treino.X.dtype == np.float32
    assert round(float(nielsen.treino.X.mean(dtype=np.float64)) * 255, 3) == 33.395
    assert 0.0 == nielsen.treino.X.min() and nielsen.treino.X.max() == 1.0
    np.testing.assert_array_equal(nielsen.validacao.y, padrao.treino.y[50000:])
    with gzip.open(cache_real / "mnist" / "t10k-labels-idx1-ubyte.gz") as f:
        assert f.read()[8:13] == bytes([7, 2, 1, 0, 4])
