"""As reproduções e o benchmark rodam de ponta a ponta (num pedaço pequeno do MNIST, uma época)."""
import json
import os
import subprocess
import sys

import pytest

from redes.reproducoes import mlp_mnist
from reproducao_util import RAIZ, ambiente  # noqa: F401 (ambiente é uma fixture)



def rodar(args, env):
    return subprocess.run([sys.executable, *args], cwd=RAIZ, env=env, capture_output=True, text=True, timeout=300)


def test_cli_das_reproducoes_em_miniatura(ambiente, tmp_path):
    saida_json = tmp_path / "r.json"
    r = rodar(["-m", "redes.reproducoes", "mlp-mnist", "nielsen-quadratico", "--exemplos", "1000",
               "--epocas", "1", "--sementes", "0", "--json", str(saida_json)], ambiente)
    assert r.returncode == 0, r.stderr
    linhas = r.stdout.splitlines()
    assert linhas[0].startswith("$ python -m redes.reproducoes mlp-mnist nielsen-quadratico")
    assert any(l.startswith("época 1/1  custo") and "teste: custo" in l for l in linhas)
    assert "(execução reduzida: o critério não se aplica)" in r.stdout
    resultado = json.loads(saida_json.read_text(encoding="utf-8"))["resultados"][0]
    assert resultado["epocas"] == 1 and 15 < resultado["pico_teste"] <= 100  # acima do acaso (10%) and resultado["segundos"] > 0
    r = rodar(["-m", "redes.reproducoes", "mlp-mnist", "moderno", "--exemplos", "500", "--epocas", "1",
               "--sem-progresso"], ambiente)
    assert r.returncode == 0, r.stderr
    assert "teste com esses pesos" in r.stdout and "época 1/1" not in r.stdout


def test_benchmark_em_miniatura(ambiente, tmp_path):
    (tmp_path / "torch.py").write_text("raise ImportError('PyTorch ausente, de propósito')\n")
    sem_torch = dict(ambiente, PYTHONPATH=str(tmp_path) + os.pathsep + ambiente["PYTHONPATH"])
    r = rodar(["ferramentas/benchmark.py", "--exemplos", "600", "--repeticoes", "1", "--lotes", "50"], sem_torch)
    assert r.returncode == 0, r.stderr
    assert "minilote   50: redes" in r.stdout and "1 thread(s)" in r.stdout
    assert "PyTorch não está instalado" in r.stdout and "python -m pip install torch" in r.stdout


def test_resumo_e_criterio():
    r = {"semente": 0, "pico_teste": 95.0, "final_teste": 94.9, "melhor_epoca": 20, "epocas": 30, "segundos": 20.0}
    texto, ok = mlp_mnist.resumo("nielsen-quadratico", [r, {**r, "pico_teste": 94.0}, {**r, "pico_teste": 95.2}], True)
    assert ok and "mediana de pico_teste em 3 semente(s): 95.00%" in texto and "critério" in texto
    _, ok = mlp_mnist.resumo("nielsen-quadratico", [{**r, "pico_teste": 94.7}], True)
    assert ok is False
    _, ok = mlp_mnist.resumo("nielsen-quadratico", [r], False)
    assert ok is None
    assert set(mlp_mnist.CONFIGURACOES) == {"nielsen-quadratico", "nielsen-quadratico-100", "nielsen-entropia", "nielsen-entropia-100", "nielsen-l2", "parte-3", "moderno"}


def test_toda_reproducao_se_registra_e_tem_ajuda(capsys):
    from redes.reproducoes import cli
    modulos = cli.reproducoes()
    assert "mlp-mnist" in modulos
    for comando, modulo in modulos.items():
        assert isinstance(modulo.AJUDA, str) and modulo.AJUDA and callable(modulo.executar)
        with pytest.raises(SystemExit) as saida:
            cli.main([comando, "--help"])
        assert saida.value.code == 0
        assert comando in capsys.readouterr().out
