"""Obter arquivos de dados: cache, pasta de origem, espelhos, e cada jeito de dar errado."""
import io
import os
import random
import subprocess
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, os.path.dirname(__file__))
from dados_util import Servidor, comprimir, instalar_mnist_de_brinquedo, md5, porta_fechada  # noqa: E402
from dados_util import isolado, servidor  # noqa: F401  (fixtures: cache temporário e servidor local)
from ferramentas_util import RAIZ, carregar  # noqa: E402

from redes.dados import baixar, mnist, pastas, progresso, textos  # noqa: E402
from redes.dados.baixar import Arquivo, DadosIndisponiveis  # noqa: E402

CONTEUDO = random.Random(0).randbytes(50_000)  # não comprime: o .gz também tem ~50 kB
GZ = comprimir(CONTEUDO)


def arquivo(*urls, nome="teste/dados.txt.gz", conteudo=CONTEUDO):
    return Arquivo(nome, md5(conteudo), tuple(urls))


def parciais(pasta: Path):
    return [p.name for p in pasta.rglob("*.parcial")]


# ------------------------------------------------------------------ pastas

def test_pasta_cache_pela_variavel(isolado):
    assert pastas.pasta_cache() == isolado and isolado.is_dir()


def test_pasta_cache_no_repositorio(tmp_path, monkeypatch):
    assert pastas.raiz_do_repositorio() == RAIZ  # a pasta do curso, dois níveis acima de lib/redes
    monkeypatch.delenv("REDES_DADOS_CACHE")
    monkeypatch.setattr(pastas, "raiz_do_repositorio", lambda: tmp_path)
    assert pastas.pasta_cache() == tmp_path / "dados"
    assert (tmp_path / "dados").is_dir()


def test_cache_somente_leitura_vai_para_a_pasta_do_usuario(tmp_path, monkeypatch, capsys):
    (tmp_path / "repo" / "dados").mkdir(parents=True)
    monkeypatch.delenv("REDES_DADOS_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.setattr(pastas, "raiz_do_repositorio", lambda: tmp_path / "repo")
    monkeypatch.setattr(pastas, "gravavel", lambda pasta: "xdg" in str(pasta))  # simula chmod a-w
    monkeypatch.setattr(pastas, "_avisados", set())
    assert pastas.pasta_cache() == tmp_path / "xdg" / "redes-neurais"
    assert "não dá para gravar em" in capsys.readouterr().err
    pastas.pasta_cache()
    assert capsys.readouterr().err == ""  # avisa uma vez só


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0, reason="como root (ou no Windows) chmod não impede a gravação")
def test_gravavel_com_chmod_de_verdade(tmp_path):
    pasta = tmp_path / "travada"
    pasta.mkdir()
    pasta.chmod(0o555)
    try:
        assert not pastas.gravavel(pasta)
    finally:
        pasta.chmod(0o755)


def test_gravavel_e_pasta_do_usuario(tmp_path, monkeypatch):
    assert pastas.gravavel(tmp_path)
    assert not pastas.gravavel(tmp_path / "nao-existe")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert pastas.pasta_do_usuario() == tmp_path / "redes-neurais"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert pastas.pasta_do_usuario() == Path.home() / ".cache" / "redes-neurais"
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "local"))
    assert pastas.pasta_do_usuario(windows=True) == tmp_path / "local" / "redes-neurais"


def test_cache_pela_variavel_sem_permissao(monkeypatch, isolado):
    monkeypatch.setattr(pastas, "gravavel", lambda pasta: False)
    with pytest.raises(PermissionError, match="REDES_DADOS_CACHE.*não aceita gravação"):
        pastas.pasta_cache()


# --------------------------------------------------------------- verificação

def test_md5_do_conteudo_descomprimido(tmp_path):
    (tmp_path / "a.gz").write_bytes(GZ)
    (tmp_path / "a.txt").write_bytes(CONTEUDO)
    assert baixar.md5_do_conteudo(tmp_path / "a.gz") == md5(CONTEUDO) == baixar.md5_do_conteudo(tmp_path / "a.txt")
    assert baixar.md5_do_conteudo(tmp_path / "a.gz", comprimido=False) == md5(GZ)
    (tmp_path / "b.gz").write_bytes(GZ[: len(GZ) // 2])  # truncado
    assert not baixar.confere(tmp_path / "b.gz", md5(CONTEUDO))
    assert not baixar.confere(tmp_path / "nao-existe.gz", md5(CONTEUDO))


# ------------------------------------------------------------ caminhos felizes

def test_copia_da_pasta_de_origem_e_depois_usa_o_cache(tmp_path, monkeypatch, isolado):
    origem = tmp_path / "origem"
    (origem / "teste").mkdir(parents=True)
    (origem / "teste" / "dados.txt.gz").write_bytes(GZ)
    monkeypatch.setenv("REDES_DADOS", str(origem))
    obtido = baixar.garantir(arquivo())
    assert obtido.origem.startswith("copiado de") and obtido.caminho == isolado / "teste" / "dados.txt.gz"
    assert obtido.caminho.read_bytes() == GZ and (origem / "teste" / "dados.txt.gz").read_bytes() == GZ
    assert baixar.garantir(arquivo()).origem == "cache"


def test_baixa_do_segundo_espelho_quando_o_primeiro_falha(servidor, isolado, capsys):
    ruim = servidor.servir("/a/dados.txt.gz", status=404)
    bom = servidor.servir("/b/dados.txt.gz", GZ)
    obtido = baixar.garantir(arquivo(porta_fechada(), ruim, bom), progresso=False)
    assert obtido.origem == f"baixado de {bom}" and obtido.caminho.read_bytes() == GZ
    assert servidor.pedidos == ["/a/dados.txt.gz", "/b/dados.txt.gz"]
    assert parciais(isolado) == [] and capsys.readouterr().err == ""


def test_origem_corrompida_cai_para_o_espelho(tmp_path, monkeypatch, servidor):
    origem = tmp_path / "origem"
    (origem / "teste").mkdir(parents=True)
    (origem / "teste" / "dados.txt.gz").write_bytes(b"lixo")
    monkeypatch.setenv("REDES_DADOS", str(origem))
    obtido = baixar.garantir(arquivo(servidor.servir("/dados.txt.gz", GZ)), progresso=False)
    assert obtido.origem.startswith("baixado de")
    assert (origem / "teste" / "dados.txt.gz").read_bytes() == b"lixo"  # a origem não é tocada


# ------------------------------------------------------- arquivos estragados

@pytest.mark.parametrize("estrago", [b"isto nao e gzip", GZ[: len(GZ) // 3]], ids=["corrompido", "truncado"])
def test_arquivo_ruim_no_cache_e_posto_de_lado_e_baixado_de_novo(estrago, servidor, isolado, capsys):
    ruim = isolado / "teste" / "dados.txt.gz"
    ruim.parent.mkdir(parents=True)
    ruim.write_bytes(estrago)
    obtido = baixar.garantir(arquivo(servidor.servir("/dados.txt.gz", GZ)), progresso=False)
    assert obtido.origem.startswith("baixado de") and ruim.read_bytes() == GZ
    de_lado = sorted(ruim.parent.glob("dados.txt.gz.corrompido-*"))
    assert len(de_lado) == 1 and de_lado[0].read_bytes() == estrago  # guardado, nunca apagado
    erro = capsys.readouterr().err
    assert "corrompido ou incompleto" in erro and de_lado[0].name in erro


def test_dois_arquivos_ruins_seguidos_nao_se_sobrescrevem(isolado, capsys):
    isolado.mkdir(parents=True)
    ruim = isolado / "x.txt"
    for conteudo in (b"primeiro", b"segundo"):
        ruim.write_bytes(conteudo)
        baixar.por_de_lado(ruim, "teste")
    guardados = {p.read_bytes() for p in isolado.glob("x.txt.corrompido-*")}
    assert guardados == {b"primeiro", b"segundo"} and not ruim.exists()


# -------------------------------------------------------------- sem dados

def test_offline_sem_cache_sem_origem_e_espelhos_recusando(servidor, isolado):
    urls = (porta_fechada(), servidor.servir("/fora.gz", status=503))
    with pytest.raises(DadosIndisponiveis) as info:
        baixar.garantir(arquivo(*urls), progresso=False)
    erro = info.value
    assert isinstance(erro, RuntimeError) and erro.faltando == ("teste/dados.txt.gz",)
    texto = str(erro)
    assert "não consegui obter teste/dados.txt.gz" in texto
    assert f"{urls[0]}: sem conexão" in texto and f"{urls[1]}: o servidor respondeu HTTP 503" in texto
    assert "make dados" in texto and str(isolado / "teste") in texto and "REDES_DADOS" in texto
    assert parciais(isolado) == [] and not (isolado / "teste" / "dados.txt.gz").exists()


def test_download_interrompido(servidor, isolado):
    url = servidor.servir("/cortado.gz", GZ, cortar_em=100)
    with pytest.raises(DadosIndisponiveis, match=rf"{url}: download interrompido, chegaram 100 de {len(GZ)} bytes"):
        baixar.garantir(arquivo(url), progresso=False)
    assert parciais(isolado) == [] and not (isolado / "teste" / "dados.txt.gz").exists()


def test_tempo_esgotado(servidor, isolado):
    url = servidor.servir("/lento.gz", GZ, atraso=3.0)
    inicio = time.monotonic()
    with pytest.raises(DadosIndisponiveis, match=rf"{url}: tempo esgotado \(0.2 s\)"):
        baixar.garantir(arquivo(url), progresso=False, tempo_limite=0.2)
    assert time.monotonic() - inicio < 2.5  # desistiu antes de o servidor responder
    assert parciais(isolado) == []


def test_tempo_esgotado_no_meio_do_download(servidor, isolado):
    url = servidor.servir("/trava.gz", GZ, cortar_em=1000, pausa=1.0)
    with pytest.raises(DadosIndisponiveis, match=rf"{url}: tempo esgotado \(0.2 s\) no meio do download, depois de 1000 bytes"):
        baixar.garantir(arquivo(url), progresso=False, tempo_limite=0.2)
    assert parciais(isolado) == []


def test_conteudo_errado_do_espelho_nao_entra_no_cache(servidor, isolado):
    url = servidor.servir("/outro.gz", comprimir(b"outra coisa"))
    with pytest.raises(DadosIndisponiveis, match="conteúdo baixado não confere com o MD5"):
        baixar.garantir(arquivo(url), progresso=False)
    assert not (isolado / "teste" / "dados.txt.gz").exists() and parciais(isolado) == []


def test_sem_rede_nao_tenta_os_espelhos(servidor):
    url = servidor.servir("/dados.txt.gz", GZ)
    with pytest.raises(DadosIndisponiveis, match="não tentei a internet"):
        baixar.garantir(arquivo(url), usar_rede=False)
    assert servidor.pedidos == []


# -------------------------------------------------------------- progresso

class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_progresso_no_terminal_no_log_e_desligado():
    tela = Terminal()
    barra = progresso.Progresso("mnist/x.gz", total=2_000_000, saida=tela)
    for feito in (500_000, 2_000_000):
        barra.atualizar(feito)
    barra.fechar()
    assert barra.modo == "terminal" and tela.getvalue().count("\r") >= 2
    assert tela.getvalue().endswith("[########################] 100% (2.0 MB de 2.0 MB)\n")
    log = io.StringIO()
    barra = progresso.Progresso("x.gz", total=None, saida=log)
    barra.atualizar(1_500_000)
    barra.fechar()
    assert barra.modo == "log" and log.getvalue().startswith("x.gz: 1.5 MB em ") and log.getvalue().count("\n") == 1
    calado = Terminal()
    barra = progresso.Progresso("x.gz", total=10, ativo=False, saida=calado)
    barra.atualizar(10)
    barra.fechar()
    assert calado.getvalue() == ""


def test_progresso_no_notebook_usa_widgets(monkeypatch, capsys):
    monkeypatch.setattr(progresso, "em_notebook", lambda: True)
    barra = progresso.Progresso("mnist/x.gz", total=1000)
    barra.atualizar(1000)
    barra.fechar()
    controle, texto = barra._widgets
    assert barra.modo == "notebook" and controle.value == controle.max == 1000
    assert controle.bar_style == "success" and texto.value.startswith("mnist/x.gz: 0.0 MB em")


def test_detecta_que_nao_esta_num_notebook():
    assert progresso.em_notebook() is False


def test_download_mostra_progresso_no_log(servidor, monkeypatch, capsys):
    baixar.garantir(arquivo(servidor.servir("/dados.txt.gz", GZ)), progresso=True)
    assert f"teste/dados.txt.gz: {len(GZ) / 1e6:.1f} MB em" in capsys.readouterr().err


# ---------------------------------------------------------- import e script

def test_importar_nao_baixa_nem_carrega_widgets():
    codigo = "import sys, redes.dados; print('ipywidgets' in sys.modules, 'matplotlib' in sys.modules)"
    saida = subprocess.run([sys.executable, "-c", codigo], capture_output=True, text=True, timeout=60,
                           env={**os.environ, "REDES_DADOS_CACHE": "/nao/deve/ser/criada"})
    assert saida.returncode == 0 and saida.stdout.split() == ["False", "False"]
    assert not Path("/nao/deve/ser/criada").exists()


def test_script_baixa_tudo_e_avisa_o_que_falta(servidor, monkeypatch, capsys):
    script = carregar("dados")
    instalar_mnist_de_brinquedo(monkeypatch, servidor)
    texto = "Capítulo um.\n".encode()
    monkeypatch.setattr(textos, "MD5_DOM_CASMURRO", md5(texto))
    monkeypatch.setattr(textos, "ESPELHOS_DOM_CASMURRO", [servidor.servir("/dc.txt", texto)])
    assert script.main(["--sem-progresso"]) == 0
    saida = capsys.readouterr().out
    assert saida.count("  ok     ") == 6 and "baixado de" in saida and "cópias .npy" in saida
    assert script.main(["--sem-progresso"]) == 0
    assert capsys.readouterr().out.count("(cache)") == 5

    monkeypatch.setenv("REDES_DADOS_CACHE", str(Path(os.environ["REDES_DADOS_CACHE"]) / "vazio"))
    monkeypatch.setattr(textos, "ESPELHOS_DOM_CASMURRO", [porta_fechada()])
    assert script.main(["--sem-progresso"]) == 1
    capturado = capsys.readouterr()
    assert "FALTA  textos/domCasmurro.txt" in capturado.out
    assert "não consegui obter textos/domCasmurro.txt" in capturado.err and "make dados" in capturado.err
