"""Linha de comando das reproduções: `python -m redes.reproducoes <reprodução> [opções]`.

Exemplos:

    python -m redes.reproducoes mlp-mnist nielsen-quadratico               # 3 sementes, 30 épocas
    python -m redes.reproducoes mlp-mnist nielsen-l2 --sementes 0
    python -m redes.reproducoes mlp-mnist moderno --json resultados.json
    python -m redes.reproducoes mlp-mnist nielsen-quadratico --exemplos 1000 --epocas 1   # teste rápido
    python -m redes.reproducoes --help                                      # todas as reproduções

Cada reprodução é um módulo deste pacote com quatro nomes:

- `COMANDO`: o nome na linha de comando (por exemplo `"mlp-mnist"`);
- `AJUDA`: uma frase;
- `configurar(analisador)`: acrescenta as opções ao `argparse`;
- `executar(args, cabecalho)`: roda, imprime os resultados e devolve o código de saída
  (0 se o critério foi atingido ou não se aplica, 1 se não foi).

As threads de BLAS vêm do ambiente (`OPENBLAS_NUM_THREADS=1` ou `2`): o
número usado sai impresso no começo, junto com o comando.
"""
from __future__ import annotations

import argparse
import importlib
import json
import os
import pkgutil
import platform
import shlex
import sys

import numpy as np

from ..callbacks import Callback, resumo_da_epoca

_NAO_SAO_REPRODUCOES = {"cli", "__main__"}


def threads_blas() -> str:
    """Quantas threads o BLAS usa (pelo threadpoolctl, se houver; senão, pela variável de ambiente)."""
    try:
        from threadpoolctl import threadpool_info
        info = [f"{i['internal_api']} {i['num_threads']}" for i in threadpool_info() if i.get("user_api") == "blas"]
        if info:
            return ", ".join(info)
    except ImportError:
        pass
    return f"OPENBLAS_NUM_THREADS={os.environ.get('OPENBLAS_NUM_THREADS', '(não definido)')}"


def carregar_mnist_informando(cabecalho: dict):
    """Imprime as versões e as threads de BLAS, carrega o MNIST (divisão de Nielsen) e diz quanto demorou."""
    import time

    from ..dados import carregar_mnist
    print(f"numpy {cabecalho['numpy']}, Python {cabecalho['python']}, BLAS: {cabecalho['blas']}", flush=True)
    inicio = time.perf_counter()
    conjunto = carregar_mnist(progresso=False)
    print(f"MNIST carregado em {time.perf_counter() - inicio:.1f} s", flush=True)
    return conjunto


def opcoes_de_treino(p, epocas: int, a_cada: int) -> None:
    """As opções comuns a uma reprodução que treina no MNIST: sementes, épocas, subconjuntos, progresso e JSON."""
    p.add_argument("--sementes", type=int, nargs="+", default=[0], help="sementes (padrão: 0)")
    p.add_argument("--epocas", type=int, default=epocas, help=f"épocas (padrão: {epocas})")
    p.add_argument("--exemplos", type=int, default=None, help="usa só as primeiras N imagens de treino (teste rápido)")
    p.add_argument("--validacao", type=int, default=None, help="usa só as primeiras N imagens de validação")
    p.add_argument("--a-cada", type=int, default=a_cada, help=f"imprime o progresso a cada K épocas (padrão: {a_cada})")
    p.add_argument("--sem-progresso", action="store_true", help="não imprime o progresso das épocas")
    p.add_argument("--json", metavar="ARQUIVO", help="grava os resultados (com as curvas) neste arquivo JSON")


def primeiros(conjunto, n: int | None):
    """`(X[:n], y[:n])` de um conjunto `(X, y)` do MNIST; com `n` None ou 0, o conjunto inteiro (para testes rápidos)."""
    X, y = conjunto
    return (X[:n], y[:n]) if n else (X, y)


def texto_do_criterio(descricao: str, ok: bool | None) -> str:
    """A linha do veredito: "critério (descrição): OK" ou "NÃO ATINGIDO"; com `ok=None`, o aviso de execução reduzida."""
    if ok is None:
        return "(execução reduzida: o critério não se aplica)"
    return f"critério ({descricao}): {'OK' if ok else 'NÃO ATINGIDO'}"


def gravar_json(caminho: str | None, cabecalho: dict, **campos) -> None:
    """Grava o cabeçalho (comando, versões, BLAS) e os `campos` em `caminho`, se houver um."""
    if caminho:
        with open(caminho, "w", encoding="utf-8") as f:
            json.dump({**cabecalho, **campos}, f, ensure_ascii=False, indent=1)


class ProgressoEspacado(Callback):
    """Callback de treino que imprime o resumo de uma época a cada `a_cada` épocas (e na última).

    Com `mostrar_primeira=True`, imprime também a primeira época.
    """

    def __init__(self, a_cada: int, mostrar_primeira: bool = False):
        self.a_cada = max(1, int(a_cada))
        self.mostrar_primeira = mostrar_primeira

    def ao_fim_da_epoca(self, t, historico, modelo) -> bool:
        if (self.mostrar_primeira and t == 0) or (t + 1) % self.a_cada == 0 or t + 1 == historico.epocas_pedidas:
            print("  " + resumo_da_epoca(historico, t), flush=True)
        return False


def reproducoes() -> dict:
    """COMANDO → módulo, para cada módulo de reprodução deste pacote."""
    from .. import reproducoes as pacote
    encontradas = {}
    for info in sorted(pkgutil.iter_modules(pacote.__path__), key=lambda i: i.name):
        if info.name in _NAO_SAO_REPRODUCOES or info.name.startswith("_"):
            continue
        modulo = importlib.import_module(f"{pacote.__name__}.{info.name}")
        if hasattr(modulo, "COMANDO"):
            encontradas[modulo.COMANDO] = modulo
    return encontradas


def _analisador(modulos: dict) -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m redes.reproducoes",
                                description="Reproduções de resultados do livro, com o tempo gasto.")
    sub = p.add_subparsers(dest="reproducao", required=True, metavar="reprodução")
    for comando, modulo in modulos.items():
        modulo.configurar(sub.add_parser(comando, help=modulo.AJUDA, description=modulo.AJUDA))
    return p


def main(argv=None) -> int:
    modulos = reproducoes()
    args = _analisador(modulos).parse_args(argv)
    comando = "python -m redes.reproducoes " + " ".join(shlex.quote(a) for a in (argv if argv is not None else sys.argv[1:]))
    cabecalho = {"comando": comando, "blas": threads_blas(), "numpy": np.__version__,
                 "python": platform.python_version()}
    print(f"$ {comando}")
    return modulos[args.reproducao].executar(args, cabecalho)
