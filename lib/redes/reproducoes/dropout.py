r"""O treino curto do capítulo 15, com e sem dropout, repetido em várias sementes.

Rede $[784, n_{\text{ocultos}}, 10]$ com ReLU, pesos de He, softmax com
log-verossimilhança, $\eta = 0{,}2$, minilotes de 50 e 15 épocas, nas 2 000
primeiras imagens de treino do MNIST (divisão de Nielsen); a acurácia é a
da época final nas 2 000 primeiras imagens de validação. Para cada tamanho
de camada oculta e cada semente treina sem dropout e com `Dropout(p)` depois
da camada oculta, e imprime a diferença.

A semente 0 repete exatamente o treino do notebook (na mesma máquina). O
critério, conferido só na execução completa (os valores padrão): o dropout
ajuda a rede maior (mediana da diferença > 0) e atrapalha a menor (< 0).
"""
from __future__ import annotations

import statistics
import time

from ..custos import SoftmaxLogVerossimilhanca
from ..modelo import mlp
from ..treino import treinar
from .cli import carregar_mnist_informando, gravar_json, texto_do_criterio

COMANDO = "dropout-mnist"
AJUDA = "o treino curto do capítulo 15 com e sem dropout, em várias sementes (redes de 300 e 30 ocultos)"

PADRAO = {"ocultos": [300, 30], "p": 0.5, "sementes": [0, 1, 2], "exemplos": 2000, "validacao": 2000, "epocas": 15}


def rodar(mnist, ocultos: int, p: float, semente: int, exemplos: int, validacao: int, epocas: int) -> dict:
    """Um treino; devolve a acurácia final na validação (em %), o custo final e o tempo."""
    X, y = mnist.treino.X[:exemplos], mnist.treino.y[:exemplos]
    Xv, yv = mnist.validacao.X[:validacao], mnist.validacao.y[:validacao]
    rede = mlp([784, ocultos, 10], "relu", saida=None, inicializacao="he", semente=semente, dropout=p)
    inicio = time.perf_counter()
    historico = treinar(rede, (X, y), SoftmaxLogVerossimilhanca(), 0.2, epocas=epocas, tamanho_lote=50,
                        validacao=(Xv, yv), semente=semente, progresso=False)
    return {"ocultos": ocultos, "p": p, "semente": semente, "validacao": 100 * historico["acuracia_validacao"][-1],
            "custo_validacao": historico["custo_validacao"][-1], "segundos": time.perf_counter() - inicio}


def resumo(resultados: list[dict], p: float, completo: bool) -> tuple[str, bool | None]:
    """Texto com a diferença (com − sem dropout) por tamanho, a mediana e o critério."""
    linhas, medianas = [], {}
    for ocultos in dict.fromkeys(r["ocultos"] for r in resultados):
        sem = {r["semente"]: r["validacao"] for r in resultados if r["ocultos"] == ocultos and r["p"] == 0.0}
        com = {r["semente"]: r["validacao"] for r in resultados if r["ocultos"] == ocultos and r["p"] == p}
        diferencas = [com[s] - sem[s] for s in sem if s in com]
        if not diferencas:
            continue
        medianas[ocultos] = statistics.median(diferencas)
        linhas.append(f"{ocultos} ocultos: validação sem dropout {' / '.join(f'{sem[s]:.2f}' for s in sem)} %, "
                      f"com p = {p:g} {' / '.join(f'{com[s]:.2f}' for s in com)} %; diferença "
                      f"{' / '.join(f'{d:+.2f}' for d in diferencas)} pontos (mediana {medianas[ocultos]:+.2f})")
    ok, descricao = None, ""
    if completo and len(medianas) >= 2:
        maior, menor = max(medianas), min(medianas)
        ok = medianas[maior] > 0 > medianas[menor]
        descricao = f"o dropout ajuda a rede de {maior} e atrapalha a de {menor}"
    linhas.append(texto_do_criterio(descricao, ok))
    return "\n".join(linhas), ok


def configurar(p) -> None:
    """Opções de `python -m redes.reproducoes dropout-mnist`."""
    p.add_argument("--ocultos", type=int, nargs="+", default=PADRAO["ocultos"], help="tamanhos da camada oculta")
    p.add_argument("--p", type=float, default=PADRAO["p"], help="probabilidade de desligar (padrão 0,5)")
    p.add_argument("--sementes", type=int, nargs="+", default=PADRAO["sementes"], help="sementes (padrão 0 1 2)")
    p.add_argument("--exemplos", type=int, default=PADRAO["exemplos"], help="imagens de treino (padrão 2000)")
    p.add_argument("--validacao", type=int, default=PADRAO["validacao"], help="imagens de validação (padrão 2000)")
    p.add_argument("--epocas", type=int, default=PADRAO["epocas"], help="épocas (padrão 15)")
    p.add_argument("--json", metavar="ARQUIVO", help="grava os resultados neste arquivo JSON")


def executar(args, cabecalho: dict) -> int:
    """Treina cada combinação, imprime uma linha por treino e o resumo; 1 se o critério não foi atingido."""
    print(f"dropout-mnist: [784, n, 10], ReLU, He, softmax, η = 0,2, minilote 50, {args.epocas} épocas, "
          f"{args.exemplos} imagens de treino, {args.validacao} de validação; n = {args.ocultos}, "
          f"p = 0 e {args.p:g}; sementes {args.sementes}")
    inicio = time.perf_counter()
    mnist = carregar_mnist_informando(cabecalho)
    resultados = []
    for ocultos in args.ocultos:
        for semente in args.sementes:
            for p in (0.0, args.p):
                r = rodar(mnist, ocultos, p, semente, args.exemplos, args.validacao, args.epocas)
                resultados.append(r)
                print(f"{ocultos:4d} ocultos, p = {p:.2f}, semente {semente}: validação {r['validacao']:.2f} %, "
                      f"custo {r['custo_validacao']:.3f}; {r['segundos']:.1f} s", flush=True)
    completo = all(getattr(args, chave) == valor for chave, valor in PADRAO.items())
    texto, ok = resumo(resultados, args.p, completo)
    print("=" * 72)
    print(texto)
    print(f"tempo total: {time.perf_counter() - inicio:.1f} s", flush=True)
    gravar_json(args.json, cabecalho, resultados=resultados, criterio_ok=ok)
    return 0 if ok is not False else 1
