"""Linha de comando das reproduções: `python -m redes.reproducoes mlp-mnist <configuração> [opções]`.

Exemplos:

    python -m redes.reproducoes mlp-mnist nielsen-quadratico               # 3 sementes, 30 épocas
    python -m redes.reproducoes mlp-mnist nielsen-l2 --sementes 0
    python -m redes.reproducoes mlp-mnist moderno --json resultados.json
    python -m redes.reproducoes mlp-mnist nielsen-quadratico --exemplos 1000 --epocas 1   # teste rápido

As threads de BLAS vêm do ambiente (`OPENBLAS_NUM_THREADS=1` ou `2`): o
número usado sai impresso no começo, junto com o comando.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shlex
import sys
import time

import numpy as np

from . import mlp_mnist


def _threads_blas() -> str:
    try:
        from threadpoolctl import threadpool_info
        info = [f"{i['internal_api']} {i['num_threads']}" for i in threadpool_info() if i.get("user_api") == "blas"]
        if info:
            return ", ".join(info)
    except ImportError:
        pass
    return f"OPENBLAS_NUM_THREADS={os.environ.get('OPENBLAS_NUM_THREADS', '(não definido)')}"


def _analisador() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m redes.reproducoes",
                                description="Reproduções de resultados do livro, com o tempo gasto.")
    sub = p.add_subparsers(dest="reproducao", required=True, metavar="reprodução")
    mnist = sub.add_parser("mlp-mnist", help="redes densas no MNIST (Nielsen e uma receita moderna)",
                           description=mlp_mnist.__doc__.split("\n\n")[0])
    mnist.add_argument("configuracao", choices=sorted(mlp_mnist.CONFIGURACOES), metavar="configuração",
                       help="; ".join(f"{k}: {v.descricao}" for k, v in mlp_mnist.CONFIGURACOES.items()))
    mnist.add_argument("--sementes", type=int, nargs="+", default=None,
                       help="sementes (padrão: 0 1 2 para nielsen-quadratico, 0 para as outras)")
    mnist.add_argument("--epocas", type=int, default=None, help="épocas (padrão: as da receita)")
    mnist.add_argument("--exemplos", type=int, default=None,
                       help="usa só as primeiras N imagens de treino (execução reduzida, para testar)")
    mnist.add_argument("--sem-progresso", action="store_true", help="não imprime uma linha por época")
    mnist.add_argument("--json", metavar="ARQUIVO", help="grava os resultados neste arquivo JSON")
    return p


def main(argv=None) -> int:
    args = _analisador().parse_args(argv)
    nome = args.configuracao
    cfg = mlp_mnist.CONFIGURACOES[nome]
    sementes = args.sementes if args.sementes is not None else ([0, 1, 2] if nome == "nielsen-quadratico" else [0])
    comando = "python -m redes.reproducoes " + " ".join(shlex.quote(a) for a in (argv if argv is not None else sys.argv[1:]))
    print(f"$ {comando}")
    print(f"{nome}: {cfg.descricao}; {args.epocas or cfg.epocas} épocas; sementes {sementes}")
    print(f"numpy {np.__version__}, Python {platform.python_version()}, BLAS: {_threads_blas()}", flush=True)

    from ..dados import carregar_mnist
    inicio = time.perf_counter()
    conjunto = carregar_mnist(progresso=False)
    print(f"MNIST carregado em {time.perf_counter() - inicio:.1f} s", flush=True)

    resultados = []
    for semente in sementes:
        print(f"--- semente {semente}", flush=True)
        r = mlp_mnist.rodar(nome, conjunto, semente, epocas=args.epocas, exemplos=args.exemplos,
                            progresso=not args.sem_progresso)
        print(mlp_mnist.linha_de_resultado(r), flush=True)
        resultados.append(r)

    completo = args.exemplos is None and (args.epocas is None or args.epocas >= cfg.epocas)
    texto, ok = mlp_mnist.resumo(nome, resultados, completo)
    print("=" * 72)
    print(texto, flush=True)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump({"comando": comando, "blas": _threads_blas(), "numpy": np.__version__,
                       "resultados": resultados, "criterio_ok": ok}, f, ensure_ascii=False, indent=1)
    return 0 if ok is not False else 1
