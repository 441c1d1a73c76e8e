r"""Acurácia em função do tamanho do treino, com e sem aumento de dados (Nielsen, capítulo 3, "more_data").

A rede é a de Nielsen: [784, 30, 10], sigmoide, pesos $\mathcal N(0, 1)$, entropia
cruzada, η = 0,5, minilote 10. Para cada tamanho $n$ (as $n$ primeiras imagens
do treino de 50 000):

- L2 com $\lambda = 5{,}0 \cdot n / 50\,000$, para que o fator de decaimento
  $1 - \eta\lambda/n$ seja o mesmo em todos os tamanhos;
- $\lfloor E / n \rfloor$ épocas, em que $E$ é o número de exemplos processados por
  tamanho: assim o número de atualizações dos pesos, $\approx E / 10$, é o mesmo
  para todos. Nielsen usa $E = 1\,500\,000$ (30 épocas em 50 000, 15 000 épocas
  em 100); o padrão daqui, $E = 300\,000$, faz um quinto das atualizações e gasta
  uns 80 s de CPU (`--nielsen` usa o orçamento dele: uns 6 a 7 minutos de CPU);
- a acurácia é medida no conjunto de validação no fim do treino (como Nielsen)
  e, uma vez, no teste.

Depois, para os tamanhos pequenos de `--aumento`, a mesma receita com o treino
aumentado: os $n$ originais mais `--copias` cópias deslocadas (até 1 pixel) e
giradas (até 10°) de cada um (`redes.aumento.aumentar`), com o mesmo orçamento $E$
(portanto o mesmo número de atualizações) e $\lambda$ escalado pelo novo tamanho.

`NIELSEN` guarda os números publicados por Nielsen (arquivos `fig/more_data.json`
e `fig/more_data_svm.json` do repositório `mnielsen/neural-networks-and-deep-learning`),
medidos na validação; o SVM é o `svm.SVC()` do scikit-learn com as opções padrão,
que o curso não instala. `REGISTRADO` guarda uma execução do comando padrão deste
script, que o capítulo 16 usa nas figuras.
"""
from __future__ import annotations

import time

import numpy as np

from ..aumento import aumentar
from ..custos import SigmoideEntropiaCruzada
from ..modelo import mlp
from ..regularizacao import L2
from ..treino import contar_acertos, treinar
from .cli import carregar_mnist_informando, gravar_json

#: Os tamanhos de Nielsen.
TAMANHOS = (100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000)
ORCAMENTO_NIELSEN = 1_500_000
ORCAMENTO_PADRAO = 300_000
LAMBDA_50K = 5.0
TREINO_COMPLETO = 50_000

#: Acurácia (%) na validação publicada por Nielsen, para cada tamanho de `TAMANHOS`.
NIELSEN = {
    "rede": (69.09, 76.37, 85.29, 88.85, 91.27, 93.24, 94.89, 95.85, 95.97),
    "svm": (25.07, 48.93, 75.13, 83.87, 88.49, 91.46, 92.45, 93.47, 94.48),
}

#: Uma execução de `python -m redes.reproducoes tamanho-do-treino` (E = 300 000, semente 0, 1 thread de BLAS):
#: acurácias (%) na validação e no teste, uma por tamanho de `TAMANHOS`; 78 s de CPU (5 min de relógio
#: numa máquina de 2 núcleos ocupada). `aumento`: n → (sem aumento, com aumento) na validação, com 4 cópias
#: deslocadas até 1 pixel e giradas até 10°. `deslocamento_2`: n = 300 com cópias deslocadas até 2 pixels,
#: sementes 0, 1 e 2 (comando em `comando_deslocamento_2`).
REGISTRADO = {
    "comando": "python -m redes.reproducoes tamanho-do-treino",
    "orcamento": ORCAMENTO_PADRAO,
    "validacao": (67.69, 76.07, 84.34, 89.05, 91.09, 93.45, 93.92, 94.83, 94.89),
    "teste": (65.10, 73.90, 83.29, 88.34, 90.49, 92.62, 93.33, 94.79, 94.71),
    "aumento": {300: (80.00, 83.29), 1000: (89.05, 91.10)},
    "comando_deslocamento_2": ("python -m redes.reproducoes tamanho-do-treino --tamanhos 300 --aumento 300 "
                               "--deslocamento 2 --sementes 0 1 2"),
    "deslocamento_2": {"sem": (80.00, 80.25, 80.62), "com": (79.82, 80.15, 79.70)},
}


def epocas_para(n: int, orcamento: int) -> int:
    """Épocas para processar cerca de `orcamento` exemplos com `n` exemplos de treino (pelo menos 1)."""
    return max(1, orcamento // n)


def treinar_tamanho(X, y, validacao, teste, orcamento: int, semente: int = 0) -> dict:
    """Treina a rede de Nielsen em `(X, y)` com o orçamento dado e devolve as acurácias (%) e o tempo."""
    n = len(X)
    epocas = epocas_para(n, orcamento)
    rede = mlp([784, 30, 10], "sigmoide", None, "grande", semente=semente)
    inicio = time.perf_counter()
    treinar(rede, (X, y), SigmoideEntropiaCruzada(), 0.5, epocas=epocas, tamanho_lote=10,
            regularizacao=L2(LAMBDA_50K * n / TREINO_COMPLETO), semente=semente, progresso=False)
    segundos = time.perf_counter() - inicio
    medidas = {nome: 100 * contar_acertos(rede.prever(Xc), yc, 0.0) / len(Xc)
               for nome, (Xc, yc) in (("validacao", validacao), ("teste", teste))}
    return {"n": n, "epocas": epocas, "atualizacoes": epocas * -(-n // 10), "segundos": segundos, **medidas}


def varrer(mnist, tamanhos=TAMANHOS, orcamento: int = ORCAMENTO_PADRAO, semente: int = 0, aumento=(300, 1000),
           copias: int = 4, deslocamento: int = 1, angulo: float = 10.0, imprimir=print) -> dict:
    """A varredura inteira: uma linha por tamanho e, depois, os tamanhos de `aumento` com e sem aumento."""
    X, y = mnist.treino
    resultado = {"orcamento": orcamento, "semente": semente, "copias": copias, "deslocamento": deslocamento,
                 "angulo": angulo, "tamanhos": [], "aumento": []}
    for n in tamanhos:
        r = treinar_tamanho(X[:n], y[:n], mnist.validacao, mnist.teste, orcamento, semente)
        imprimir(f"n = {n:>6}: {r['epocas']:>5} épocas ({r['atualizacoes']} atualizações), "
                 f"validação {r['validacao']:.2f}%, teste {r['teste']:.2f}%  [{r['segundos']:.1f} s]")
        resultado["tamanhos"].append(r)
    sem = {r["n"]: r for r in resultado["tamanhos"]}
    for n in aumento:
        if n not in sem:
            sem[n] = treinar_tamanho(X[:n], y[:n], mnist.validacao, mnist.teste, orcamento, semente)
        X_novo, y_novo = aumentar(X[:n], y[:n], copias, semente=semente + 1, deslocamento=deslocamento,
                                  angulo=angulo)
        com = treinar_tamanho(np.concatenate([X[:n], X_novo]), np.concatenate([y[:n], y_novo]),
                              mnist.validacao, mnist.teste, orcamento, semente)
        imprimir(f"n = {n:>6} com aumento ({n} originais + {copias * n} cópias): {com['epocas']} épocas, "
                 f"validação {com['validacao']:.2f}% (sem aumento: {sem[n]['validacao']:.2f}%; "
                 f"diferença {com['validacao'] - sem[n]['validacao']:+.2f} pontos)  [{com['segundos']:.1f} s]")
        resultado["aumento"].append({"n": n, "sem": sem[n], "com": com})
    return resultado


def tabela(resultado: dict) -> str:
    """Os resultados ao lado dos de Nielsen (rede e SVM), para os tamanhos em comum."""
    linhas = ["     n | este script (validação) | Nielsen: rede | Nielsen: SVM"]
    for r in resultado["tamanhos"]:
        i = TAMANHOS.index(r["n"]) if r["n"] in TAMANHOS else None
        ref = (f"{NIELSEN['rede'][i]:>12.2f}% | {NIELSEN['svm'][i]:>11.2f}%" if i is not None
               else f"{'—':>13} | {'—':>12}")
        linhas.append(f"{r['n']:>6} | {r['validacao']:>22.2f}% | {ref}")
    return "\n".join(linhas)


def criterio(resultado: dict) -> tuple[bool, str]:
    """A curva sobe com n (cada ponto ≥ o anterior − 1 ponto percentual) e o aumento melhora cada tamanho pequeno."""
    acuracias = [r["validacao"] for r in resultado["tamanhos"]]
    sobe = all(b >= a - 1.0 for a, b in zip(acuracias, acuracias[1:]))
    ajuda = all(a["com"]["validacao"] > a["sem"]["validacao"] for a in resultado["aumento"])
    texto = (f"a acurácia cresce com n: {'sim' if sobe else 'NÃO'}; "
             f"o aumento melhora os tamanhos pequenos: {'sim' if ajuda else 'NÃO'}")
    return sobe and ajuda, texto


COMANDO = "tamanho-do-treino"
AJUDA = "acurácia da rede [784, 30, 10] em função do tamanho do treino, com e sem aumento de dados"


def configurar(p) -> None:
    """Opções de `python -m redes.reproducoes tamanho-do-treino`."""
    p.add_argument("--tamanhos", type=int, nargs="+", default=list(TAMANHOS),
                   help="tamanhos do treino (padrão: os de Nielsen, de 100 a 50 000)")
    p.add_argument("--exemplos-por-tamanho", type=int, default=None, metavar="E",
                   help=f"exemplos processados por tamanho, E (padrão {ORCAMENTO_PADRAO}; épocas = E // n)")
    p.add_argument("--nielsen", action="store_true",
                   help=f"usa o orçamento de Nielsen, E = {ORCAMENTO_NIELSEN} (uns 6 a 7 minutos de CPU)")
    p.add_argument("--sementes", type=int, nargs="+", default=[0], help="sementes (padrão: 0)")
    p.add_argument("--aumento", type=int, nargs="*", default=[300, 1000],
                   help="tamanhos treinados também com aumento de dados (padrão: 300 1000; vazio desliga)")
    p.add_argument("--copias", type=int, default=4, help="cópias transformadas por exemplo (padrão: 4)")
    p.add_argument("--deslocamento", type=int, default=1, help="deslocamento máximo, em pixels (padrão: 1)")
    p.add_argument("--angulo", type=float, default=10.0, help="ângulo máximo, em graus (padrão: 10)")
    p.add_argument("--json", metavar="ARQUIVO", help="grava os resultados neste arquivo JSON")


def executar(args, cabecalho: dict) -> int:
    """Roda a varredura para cada semente; 1 se o critério falhar numa execução completa."""
    orcamento = args.exemplos_por_tamanho or (ORCAMENTO_NIELSEN if args.nielsen else ORCAMENTO_PADRAO)
    if orcamento < 1 or args.copias < 1 or any(n < 1 for n in args.tamanhos + list(args.aumento)):
        print("erro: tamanhos, --exemplos-por-tamanho e --copias precisam ser inteiros positivos")
        return 2
    print(f"{COMANDO}: [784, 30, 10], sigmoide, N(0,1), entropia cruzada, η = 0,5, minilote 10, "
          f"λ = 5,0·n/50 000, E = {orcamento} exemplos por tamanho; sementes {args.sementes}")
    mnist = carregar_mnist_informando(cabecalho)

    execucoes, ok = [], True
    completo = sorted(args.tamanhos) == list(TAMANHOS) and orcamento >= ORCAMENTO_PADRAO
    for semente in args.sementes:
        print(f"--- semente {semente}", flush=True)
        inicio = time.perf_counter()
        r = varrer(mnist, args.tamanhos, orcamento, semente, args.aumento, args.copias, args.deslocamento,
                   args.angulo, imprimir=lambda texto: print(texto, flush=True))
        r["segundos"] = time.perf_counter() - inicio
        print("=" * 72)
        print(tabela(r))
        passou, texto = criterio(r)
        print(f"critério: {texto}" if completo else "(execução reduzida: o critério não se aplica)")
        print(f"tempo total da semente {semente}: {r['segundos']:.1f} s", flush=True)
        ok = ok and (passou or not completo)
        execucoes.append(r)
    gravar_json(args.json, cabecalho, resultados=execucoes, criterio_ok=ok if completo else None)
    return 0 if ok else 1
