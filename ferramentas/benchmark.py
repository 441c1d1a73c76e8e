"""Quanto tempo `redes` leva para treinar uma época, comparado ao PyTorch (CPU).

A mesma rede [784, 100, 10] (sigmoide na camada oculta, softmax com
log-verossimilhança na saída), os mesmos pesos iniciais, a mesma ordem dos
exemplos e o mesmo SGD (η = 0,1), em float32, numa época sobre as 50 000
imagens de treino do MNIST, com minilotes de 10 e de 128. Cada medida se
repete algumas vezes, alternando os dois lados; valem as medianas.

    python ferramentas/benchmark.py                 # 1 thread de BLAS, 5 repetições
    python ferramentas/benchmark.py --threads 2 --repeticoes 3

O tempo de `redes` é o da chamada `treinar(...)` inteira (inclui conferir os
dados). O do PyTorch é o do laço de treino escrito à mão, do jeito usual.
O PyTorch não faz parte do curso; sem ele, o script mede só `redes` e diz
como instalá-lo. Sem o MNIST, usa imagens aleatórias do mesmo tamanho.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path


def _argumentos(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--threads", type=int, default=int(os.environ.get("OPENBLAS_NUM_THREADS", "1")),
                   help="threads de BLAS para os dois lados (padrão: 1, ou OPENBLAS_NUM_THREADS)")
    p.add_argument("--repeticoes", type=int, default=5, help="quantas vezes medir cada caso (padrão: 5)")
    p.add_argument("--lotes", type=int, nargs="+", default=[10, 128], help="tamanhos de minilote (padrão: 10 128)")
    p.add_argument("--exemplos", type=int, default=50_000, help="imagens de treino (padrão: 50 000)")
    p.add_argument("--sem-torch", action="store_true", help="mede só redes")
    return p.parse_args(argv)


ARGS = _argumentos()
# As threads precisam ser escolhidas antes de o NumPy carregar o BLAS.
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = str(ARGS.threads)
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "lib"))

import numpy as np  # noqa: E402

from redes.camadas import Densa  # noqa: E402
from redes.custos import SoftmaxLogVerossimilhanca  # noqa: E402
from redes.modelo import Sequencial  # noqa: E402
from redes.otimizadores import SGD  # noqa: E402
from redes.treino import treinar  # noqa: E402

TAXA = 0.1


def dados(n: int):
    """As `n` primeiras imagens de treino do MNIST (float32, 0 a 1) e os rótulos; ou aleatórias, sem o MNIST."""
    try:
        from redes.dados import carregar_mnist
        treino = carregar_mnist(progresso=False).treino
        return treino.X[:n], treino.y[:n], "MNIST"
    except Exception as erro:  # noqa: BLE001 - qualquer falha: segue com dados aleatórios
        print(f"(sem o MNIST: {erro.__class__.__name__}; usando imagens aleatórias do mesmo tamanho)")
        rng = np.random.default_rng(0)
        return rng.random((n, 784), dtype=np.float32), rng.integers(0, 10, n), "aleatórios"


def rede_redes():
    return Sequencial([Densa(784, 100, "lecun", semente=1), "sigmoide", Densa(100, 10, "lecun", semente=2)])


def medir_redes(X, y, lote: int, semente: int) -> float:
    rede = rede_redes()
    inicio = time.perf_counter()
    treinar(rede, (X, y), SoftmaxLogVerossimilhanca(), SGD(TAXA), epocas=1, tamanho_lote=lote,
            semente=semente, progresso=False)
    return time.perf_counter() - inicio


def medir_torch(torch, X, y, lote: int, semente: int) -> float:
    modelo = rede_redes()  # os mesmos pesos iniciais
    densas = [c for c in modelo.camadas if isinstance(c, Densa)]
    rede = torch.nn.Sequential(torch.nn.Linear(784, 100), torch.nn.Sigmoid(), torch.nn.Linear(100, 10))
    with torch.no_grad():
        for linear, densa in zip((rede[0], rede[2]), densas):
            linear.weight.copy_(torch.from_numpy(densa.W.T.copy()))  # o PyTorch guarda W transposta
            linear.bias.copy_(torch.from_numpy(densa.b))
    otimizador = torch.optim.SGD(rede.parameters(), lr=TAXA)
    perda = torch.nn.CrossEntropyLoss()
    Xt, yt = torch.from_numpy(X), torch.from_numpy(y.astype(np.int64))
    inicio = time.perf_counter()
    ordem = torch.from_numpy(np.random.default_rng(semente).permutation(len(X)))  # a mesma ordem de redes
    for comeco in range(0, len(X), lote):
        idx = ordem[comeco:comeco + lote]
        otimizador.zero_grad()
        valor = perda(rede(Xt[idx]), yt[idx])
        valor.backward()
        otimizador.step()
    return time.perf_counter() - inicio


def main() -> int:
    torch = None
    if not ARGS.sem_torch:
        try:
            import torch
        except ImportError:
            print("PyTorch não está instalado: medindo só redes. Para comparar, instale-o no mesmo ambiente\n"
                  "(a versão para CPU basta; ele não faz parte do curso e não entra em requirements.txt):\n"
                  "    python -m pip install torch==2.13.0")
    if torch is not None:
        torch.set_num_threads(ARGS.threads)
    X, y, origem = dados(ARGS.exemplos)
    print(f"[784, 100, 10], 1 época, {len(X)} exemplos ({origem}), float32, {ARGS.threads} thread(s), "
          f"{ARGS.repeticoes} repetições; numpy {np.__version__}"
          + (f", torch {torch.__version__}" if torch is not None else ""))
    for lote in ARGS.lotes:
        medir_redes(X[:2000], y[:2000], lote, 0)  # aquecimento
        if torch is not None:
            medir_torch(torch, X[:2000], y[:2000], lote, 0)
        tempos_redes, tempos_torch = [], []
        for s in range(ARGS.repeticoes):  # alternados: uma variação da máquina afeta os dois lados
            tempos_redes.append(medir_redes(X, y, lote, s))
            if torch is not None:
                tempos_torch.append(medir_torch(torch, X, y, lote, s))
        t_redes = statistics.median(tempos_redes)
        t_torch = statistics.median(tempos_torch) if tempos_torch else None
        razao = f"{t_redes / t_torch:.2f}" if t_torch else "—"
        print(f"minilote {lote:>4}: redes {t_redes:6.2f} s   pytorch "
              + (f"{t_torch:6.2f} s" if t_torch else "   —  ") + f"   razão redes/pytorch {razao}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
