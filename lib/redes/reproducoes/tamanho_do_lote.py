r"""O tamanho do minilote no MNIST (capítulo 19): mesmas épocas, mesmas atualizações e a regra linear.

O experimento de Kevin Shen (2018), que o livro-texto traduz nos capítulos
37 e 38, comparou minilotes de 64, 256 e 1 024 com a **mesma taxa**
(η = 0,01) e o **mesmo número de épocas** (30). Nessas condições o minilote
de 1 024 faz 16 vezes menos atualizações que o de 64. Este script separa os
dois efeitos, numa rede menor que cabe em poucos minutos de CPU:

- rede $[784, 100, 10]$, ReLU, pesos de He, softmax com log-verossimilhança,
  SGD sem momento; divisão de Nielsen (50 000 / 10 000 / 10 000);
- `mesmas-epocas`: η = 0,01 para todo $B$, $E$ épocas (o desenho do blog);
- `regra-linear`: $E$ épocas com $\eta_B = 0{,}01 \cdot B / 64$ (Goyal et al., 2017);
- `mesmas-atualizacoes`: η = 0,01 e as $E\lceil 50\,000/64\rceil$ atualizações
  que o minilote de 64 faz em $E$ épocas, para todo $B$.

A acurácia de validação é medida 10 vezes ao longo de cada treino, contra o
tempo de CPU do processo (`time.process_time`, mais estável que o relógio numa
máquina compartilhada; com uma thread de BLAS os dois coincidem numa máquina
livre). No fim, treino, validação e teste são medidos uma vez, e a lacuna de
generalização é treino − teste.

`REGISTRADO` guarda uma execução do comando padrão, que o capítulo 19 usa.
"""
from __future__ import annotations

import time

import numpy as np

from .. import minilote
from ..custos import SoftmaxLogVerossimilhanca
from ..modelo import mlp
from ..treino import contar_acertos
from .cli import carregar_mnist_informando, gravar_json, primeiros

LOTES = (16, 64, 256, 1024)
REFERENCIA = 64
TAXA = 0.01
EPOCAS = 10
EXPERIMENTOS = ("mesmas-epocas", "regra-linear", "mesmas-atualizacoes")

#: Os números do blog de Kevin Shen (acurácia no teste, %, MLP [784, 1024, 1024, 10], 30 épocas).
SHEN = {"64, η = 0,01": 98.0, "1024, η = 0,01": 96.0, "1024, η = 0,1": 98.0, "2, η = 0,01": 99.0}

#: Uma execução de `python -m redes.reproducoes tamanho-do-lote` (η = 0,01, 10 épocas, semente 0, 1 thread de
#: BLAS; 116,7 s de CPU no total). Para cada experimento e B: (atualizações, segundos de CPU, validação %, teste %,
#: treino %); em "curvas", para cada (experimento, B), a validação (%) nos 11 pontos de avaliação e os segundos de
#: CPU acumulados até cada um. Os segundos dependem da máquina; as acurácias, não (a menos do BLAS).
REGISTRADO: dict = {
    "comando": "python -m redes.reproducoes tamanho-do-lote",
    "mesmas-epocas": {
        16: (31250, 8.7, 96.48, 96.18, 96.73),
        64: (7820, 4.6, 93.69, 93.44, 93.17),
        256: (1960, 3.5, 90.85, 90.34, 89.65),
        1024: (490, 3.7, 85.71, 85.12, 83.59),
    },
    "regra-linear": {
        16: (31250, 8.9, 93.71, 93.41, 93.15),
        64: (7820, 4.6, 93.69, 93.44, 93.17),
        256: (1960, 3.5, 93.74, 93.39, 93.17),
        1024: (490, 3.5, 93.74, 93.38, 93.13),
    },
    "mesmas-atualizacoes": {
        16: (7820, 2.3, 93.68, 93.26, 93.13),
        64: (7820, 4.6, 93.69, 93.44, 93.17),
        256: (7820, 14.8, 93.71, 93.36, 93.21),
        1024: (7820, 55.4, 93.79, 93.36, 93.21),
    },
    "curvas": {
        ("mesmas-epocas", 16): (
            (12.13, 91.75, 92.93, 94.18, 94.71, 95.21, 95.54, 95.97, 96.22, 96.26, 96.48),
            (0.00, 0.89, 1.68, 2.54, 3.40, 4.30, 5.14, 6.03, 6.94, 7.86, 8.69)),
        ("mesmas-epocas", 64): (
            (12.13, 87.94, 90.36, 91.15, 91.90, 92.32, 92.64, 92.91, 93.14, 93.46, 93.69),
            (0.00, 0.57, 1.10, 1.53, 1.98, 2.43, 2.84, 3.27, 3.71, 4.14, 4.60)),
        ("mesmas-epocas", 256): (
            (12.13, 77.65, 84.32, 86.66, 87.99, 88.91, 89.50, 89.88, 90.23, 90.55, 90.85),
            (0.00, 0.34, 0.64, 0.96, 1.32, 1.67, 2.03, 2.38, 2.77, 3.15, 3.54)),
        ("mesmas-epocas", 1024): (
            (12.13, 44.25, 66.21, 73.14, 77.60, 80.31, 82.12, 83.43, 84.28, 85.10, 85.71),
            (0.00, 0.34, 0.68, 1.06, 1.44, 1.81, 2.19, 2.57, 2.92, 3.29, 3.65)),
        ("regra-linear", 16): (
            (12.13, 88.04, 90.36, 91.31, 91.86, 92.31, 92.67, 92.95, 93.15, 93.48, 93.71),
            (0.00, 0.97, 1.93, 2.81, 3.68, 4.57, 5.43, 6.30, 7.27, 8.11, 8.92)),
        ("regra-linear", 64): (
            (12.13, 87.94, 90.36, 91.15, 91.90, 92.32, 92.64, 92.91, 93.14, 93.46, 93.69),
            (0.00, 0.57, 1.10, 1.53, 1.98, 2.43, 2.84, 3.27, 3.71, 4.14, 4.60)),
        ("regra-linear", 256): (
            (12.13, 87.93, 90.32, 91.27, 91.75, 92.36, 92.57, 92.83, 93.17, 93.50, 93.74),
            (0.00, 0.32, 0.72, 1.10, 1.48, 1.85, 2.22, 2.57, 2.89, 3.16, 3.53)),
        ("regra-linear", 1024): (
            (12.13, 88.08, 90.29, 91.29, 91.76, 92.36, 92.62, 92.89, 93.13, 93.44, 93.74),
            (0.00, 0.46, 0.81, 1.18, 1.47, 1.75, 2.09, 2.45, 2.81, 3.16, 3.48)),
        ("mesmas-atualizacoes", 16): (
            (12.13, 88.06, 90.01, 91.13, 91.74, 92.02, 92.47, 92.83, 93.03, 93.43, 93.68),
            (0.00, 0.19, 0.40, 0.65, 0.91, 1.18, 1.40, 1.64, 1.89, 2.12, 2.31)),
        ("mesmas-atualizacoes", 64): (
            (12.13, 87.94, 90.36, 91.15, 91.90, 92.32, 92.64, 92.91, 93.14, 93.46, 93.69),
            (0.00, 0.57, 1.10, 1.53, 1.98, 2.43, 2.84, 3.27, 3.71, 4.14, 4.60)),
        ("mesmas-atualizacoes", 256): (
            (12.13, 87.95, 90.26, 91.36, 91.91, 92.30, 92.56, 92.97, 93.21, 93.39, 93.71),
            (0.00, 1.49, 2.81, 4.27, 5.70, 7.27, 9.31, 10.67, 12.02, 13.31, 14.78)),
        ("mesmas-atualizacoes", 1024): (
            (12.13, 87.99, 90.23, 91.36, 91.87, 92.27, 92.64, 92.97, 93.16, 93.52, 93.79),
            (0.00, 5.88, 11.22, 16.48, 21.61, 27.39, 33.08, 38.61, 44.28, 49.93, 55.45)),
    },
}

#: O mesmo com `--taxa 0.1` (a taxa do capítulo 38 do livro-texto; 110,9 s de CPU), sem as curvas.
REGISTRADO_TAXA_0_1: dict = {
    "comando": "python -m redes.reproducoes tamanho-do-lote --taxa 0.1",
    "mesmas-epocas": {
        16: (31250, 8.2, 97.72, 97.78, 99.63),
        64: (7820, 5.2, 97.30, 97.34, 98.37),
        256: (1960, 3.6, 95.66, 95.31, 95.52),
        1024: (490, 3.4, 92.67, 92.44, 91.92),
    },
    "regra-linear": {
        16: (31250, 9.2, 97.40, 97.39, 98.50),
        64: (7820, 5.2, 97.30, 97.34, 98.37),
        256: (1960, 3.5, 97.26, 97.24, 98.36),
        1024: (490, 3.8, 94.58, 94.24, 94.51),
    },
    "mesmas-atualizacoes": {
        16: (7820, 2.6, 97.01, 97.01, 97.79),
        64: (7820, 5.2, 97.30, 97.34, 98.37),
        256: (7820, 14.4, 97.36, 97.45, 98.58),
        1024: (7820, 49.5, 97.37, 97.41, 98.62),
    },
}


def taxa_do_experimento(experimento: str, B: int, taxa: float = TAXA, referencia: int = REFERENCIA) -> float:
    """η de cada experimento: fixa, ou escalada pela regra linear em `regra-linear`."""
    return minilote.taxa_escalada(taxa, referencia, B) if experimento == "regra-linear" else taxa


def atualizacoes_do_experimento(experimento: str, n: int, B: int, epocas: int = EPOCAS,
                                referencia: int = REFERENCIA) -> int:
    """Atualizações de cada treino: as de `epocas` épocas, ou as do minilote de referência em `mesmas-atualizacoes`."""
    if experimento == "mesmas-atualizacoes":
        return minilote.atualizacoes_iguais(n, B, referencia, epocas)[0]
    return minilote.atualizacoes(n, B, epocas)


def curva_registrada(experimento: str, B: int, registro: dict | None = None) -> minilote.Curva:
    """A curva guardada em `REGISTRADO["curvas"]` como uma `minilote.Curva` (para `graficos.figura_curvas_minilote`)."""
    registro = REGISTRADO if registro is None else registro
    validacao, segundos = registro["curvas"][experimento, B]
    n = 50_000
    U = atualizacoes_do_experimento(experimento, n, B)
    marcos = np.linspace(0, U, len(validacao)).round().astype(int).tolist()
    por_epoca = minilote.minilotes_por_epoca(n, B)
    exemplos = [(u // por_epoca) * n + (u % por_epoca) * B for u in marcos]
    return minilote.Curva(B, taxa_do_experimento(experimento, B), n, marcos, exemplos, list(segundos),
                          [v / 100 for v in validacao])


def acuracia(rede, X, y) -> float:
    """Acurácia (%) da rede em (X, y)."""
    return 100 * contar_acertos(rede.prever(X), y, 0.0) / len(X)


def rodar(experimento: str, B: int, mnist, epocas: int = EPOCAS, exemplos: int | None = None, semente: int = 0,
          ocultos: int = 100, avaliacoes: int = 10, taxa_referencia: float = TAXA) -> dict:
    """Um treino: devolve atualizações, segundos de CPU, acurácias finais (%) e a curva de validação."""
    X, y = primeiros(mnist.treino, exemplos)
    taxa = taxa_do_experimento(experimento, B, taxa_referencia)
    U = atualizacoes_do_experimento(experimento, len(X), B, epocas)
    rede = mlp([784, ocultos, 10], "relu", None, "he", semente=semente)
    curva = minilote.treinar_por_atualizacoes(rede, (X, y), SoftmaxLogVerossimilhanca(), taxa, B, U,
                                              mnist.validacao, avaliacoes=avaliacoes, semente=semente,
                                              relogio=time.process_time)
    return {"experimento": experimento, "B": B, "taxa": taxa, "atualizacoes": U, "epocas": curva.epocas[-1],
            "segundos": curva.segundos[-1], "validacao": 100 * curva.acuracia_validacao[-1],
            "teste": acuracia(rede, *mnist.teste), "treino": acuracia(rede, X, y),
            "curva": {"atualizacoes": curva.atualizacoes, "segundos": curva.segundos,
                      "validacao": [100 * a for a in curva.acuracia_validacao]}}


def linha(r: dict) -> str:
    """Uma linha de resultado."""
    return (f"{r['experimento']:<20} B = {r['B']:>4}, η = {r['taxa']:<7.4g} {r['atualizacoes']:>7} atualizações "
            f"({r['epocas']:>6.4g} épocas): validação {r['validacao']:.2f}%, teste {r['teste']:.2f}%, "
            f"treino {r['treino']:.2f}% (lacuna {r['treino'] - r['teste']:+.2f})  [{r['segundos']:.1f} s de CPU]")


def criterio(resultados: list[dict], lotes=LOTES) -> tuple[bool, str]:
    """Com mesmas épocas, o maior B perde mais de 1 ponto para o de referência; nos outros dois, fica a menos de 1."""
    por = {(r["experimento"], r["B"]): r["validacao"] for r in resultados}
    maior = max(lotes)
    diferencas = {e: por[e, maior] - por[e, REFERENCIA] for e in EXPERIMENTOS
                  if (e, maior) in por and (e, REFERENCIA) in por}
    ok = (len(diferencas) == 3 and diferencas["mesmas-epocas"] < -1.0
          and abs(diferencas["regra-linear"]) < 1.0 and abs(diferencas["mesmas-atualizacoes"]) < 1.0)
    texto = "; ".join(f"{e}: B = {maior} menos B = {REFERENCIA} = {d:+.2f} pontos" for e, d in diferencas.items())
    return ok, texto


COMANDO = "tamanho-do-lote"
AJUDA = "o efeito do tamanho do minilote no MNIST: mesmas épocas, mesmas atualizações e a regra linear η ∝ B"


def configurar(p) -> None:
    """Opções de `python -m redes.reproducoes tamanho-do-lote`."""
    p.add_argument("--lotes", type=int, nargs="+", default=list(LOTES), help="tamanhos de minilote (padrão: 16 64 256 1024)")
    p.add_argument("--experimentos", nargs="+", choices=EXPERIMENTOS, default=list(EXPERIMENTOS),
                   help="quais experimentos rodar (padrão: os três)")
    p.add_argument("--taxa", type=float, default=TAXA, help=f"η do minilote de referência (padrão {TAXA}, a do blog)")
    p.add_argument("--epocas", type=int, default=EPOCAS, help=f"épocas do minilote de referência (padrão {EPOCAS})")
    p.add_argument("--exemplos", type=int, default=None, help="usa só as primeiras N imagens de treino (teste rápido)")
    p.add_argument("--ocultos", type=int, default=100, help="neurônios na camada oculta (padrão 100)")
    p.add_argument("--sementes", type=int, nargs="+", default=[0], help="sementes (padrão: 0)")
    p.add_argument("--json", metavar="ARQUIVO", help="grava os resultados neste arquivo JSON")


def executar(args, cabecalho: dict) -> int:
    """Roda os experimentos pedidos; 1 se o critério falhar numa execução completa."""
    if (args.taxa <= 0 or args.epocas < 1 or any(B < 1 for B in args.lotes)
            or (args.exemplos is not None and args.exemplos < 1)):
        print("erro: --taxa, --epocas, --lotes e --exemplos precisam ser inteiros positivos")
        return 2
    print(f"{COMANDO}: [784, {args.ocultos}, 10], ReLU, He, softmax, SGD; referência B = {REFERENCIA}, "
          f"η = {args.taxa:g}, {args.epocas} épocas; lotes {args.lotes}; sementes {args.sementes}")
    mnist = carregar_mnist_informando(cabecalho)

    completo = (args.exemplos is None and args.epocas >= EPOCAS and args.taxa == TAXA and REFERENCIA in args.lotes
                and set(args.experimentos) == set(EXPERIMENTOS))
    n = len(mnist.treino.X[:args.exemplos])
    execucoes, ok = [], True
    for semente in args.sementes:
        print(f"--- semente {semente}", flush=True)
        inicio = time.process_time()
        resultados, feitos = [], {}       # (B, η, atualizações) → resultado: o mesmo treino não roda duas vezes
        for experimento in args.experimentos:
            for B in args.lotes:
                chave = (B, taxa_do_experimento(experimento, B, args.taxa),
                         atualizacoes_do_experimento(experimento, n, B, args.epocas))
                repetido = chave in feitos
                if not repetido:
                    feitos[chave] = rodar(experimento, B, mnist, args.epocas, args.exemplos, semente, args.ocultos,
                                          taxa_referencia=args.taxa)
                r = dict(feitos[chave], experimento=experimento)
                print(linha(r) + ("  (o mesmo treino de antes)" if repetido else ""), flush=True)
                resultados.append(r)
        passou, texto = criterio(resultados, args.lotes)
        print("=" * 72)
        if completo:
            print(f"critério: {texto}: {'OK' if passou else 'NÃO ATINGIDO'}")
        elif args.taxa != TAXA:
            print(f"(o critério é o da taxa padrão, {TAXA}; com outra taxa ele não se aplica)")
        else:
            print("(execução reduzida: o critério não se aplica)")
        print(f"tempo de CPU da semente {semente}: {time.process_time() - inicio:.1f} s", flush=True)
        ok = ok and (passou or not completo)
        execucoes.append({"semente": semente, "resultados": resultados})
    gravar_json(args.json, cabecalho, execucoes=execucoes, criterio_ok=ok if completo else None)
    return 0 if ok else 1
