r"""Inicialização antiga contra nova no MNIST (capítulo 17): a comparação de Nielsen, medida na validação.

| nome | rede | referência (Nielsen) |
|---|---|---|
| `trinta` | [784, 30, 10] | depois da época 1: abaixo de 87 % (antiga) contra quase 93 % (nova); as duas terminam um pouco acima de 96 % |
| `cem` | [784, 100, 10] | o mesmo quadro; as curvas só se encontram com algumas épocas a mais que 30 |

As duas: sigmoide, entropia cruzada, L2 com λ = 5,0, η = 0,1, minilote 10,
30 épocas, 50 000 imagens de treino; acurácia na validação (10 000 imagens)
ao fim de cada época. A inicialização antiga é `"grande"`, pesos e vieses
$\mathcal N(0, 1)$; a nova é `"lecun"`, pesos $\mathcal N(0, 1/n_{ent})$ e vieses
$\mathcal N(0, 1)$. Com a mesma semente, as duas redes sorteiam os mesmos números:
a nova só divide os pesos por $\sqrt{n_{ent}}$.

    python -m redes.reproducoes inicializacao                       # trinta, semente 0
    python -m redes.reproducoes inicializacao trinta --sementes 0 1 2
    python -m redes.reproducoes inicializacao cem --epocas 40
    python -m redes.reproducoes inicializacao trinta --epocas 2 --exemplos 1000 --validacao 500   # teste rápido
"""
from __future__ import annotations

import time

from ..custos import SigmoideEntropiaCruzada
from ..modelo import mlp
from ..regularizacao import L2
from ..treino import treinar
from .cli import (ProgressoEspacado, carregar_mnist_informando, gravar_json, opcoes_de_treino, primeiros,
                  texto_do_criterio)

COMANDO = "inicializacao"
AJUDA = "pesos N(0, 1) contra N(0, 1/n) no MNIST: a primeira época e o fim do treino, na validação"

#: Nome → (tamanhos da rede, o que Nielsen relata).
CONFIGURACOES = {
    "trinta": ([784, 30, 10], "Nielsen: época 1 abaixo de 87 % (antiga) e quase 93 % (nova); as duas acabam um pouco "
                              "acima de 96 % (30 épocas)"),
    "cem": ([784, 100, 10], "Nielsen: a nova na frente desde a época 1; as curvas só se encontram com algumas épocas "
                            "a mais que 30"),
}
ESQUEMAS = ("grande", "lecun")
ROTULOS = {"grande": "antiga N(0, 1)", "lecun": "nova N(0, 1/n)"}
LMBDA, TAXA, LOTE, EPOCAS = 5.0, 0.1, 10, 30


def rodar(tamanhos, esquema: str, mnist, semente: int = 0, epocas: int = EPOCAS, exemplos: int | None = None,
          validacao: int | None = None, a_cada: int | None = None) -> dict:
    """Um treino; devolve a acurácia de validação por época (em %) e o tempo."""
    X, y = primeiros(mnist.treino, exemplos)
    Xv, yv = primeiros(mnist.validacao, validacao)
    rede = mlp(tamanhos, saida=None, inicializacao=esquema, semente=semente)
    inicio = time.perf_counter()
    historico = treinar(rede, (X, y), SigmoideEntropiaCruzada(), TAXA, epocas=epocas, tamanho_lote=LOTE,
                        validacao=(Xv, yv), regularizacao=L2(LMBDA), semente=semente, progresso=False,
                        callbacks=[ProgressoEspacado(a_cada, mostrar_primeira=True)] if a_cada else [])
    curva = [100 * a for a in historico["acuracia_validacao"]]
    return {"tamanhos": list(tamanhos), "esquema": esquema, "semente": semente, "n": len(X), "epocas": len(curva),
            "curva_validacao": curva, "primeira": curva[0], "final": curva[-1], "maxima": max(curva),
            "segundos": time.perf_counter() - inicio}


def comparar(antiga: dict, nova: dict) -> dict:
    """Diferenças nova − antiga (pontos percentuais) na primeira época, na última e época a época."""
    diferencas = [b - a for a, b in zip(antiga["curva_validacao"], nova["curva_validacao"])]
    return {"semente": nova["semente"], "diferenca_primeira": diferencas[0], "diferenca_final": diferencas[-1],
            "diferencas": diferencas}


def criterio(nome: str, pares: list[dict], finais: list[dict]) -> tuple[bool, str]:
    """Numa execução completa: a nova à frente na época 1, em cada semente, por mais de 3 pontos em `trinta`
    e de 2 em `cem`; em `trinta`, além disso, as duas acima de 95,5 % no fim e a menos de 1 ponto uma da outra."""
    vantagem = 3.0 if nome == "trinta" else 2.0
    ok = all(p["diferenca_primeira"] > vantagem for p in pares)
    descricao = f"a nova mais de {vantagem:g} pontos à frente na época 1"
    if nome == "trinta":
        ok &= all(r["final"] > 95.5 for r in finais) and all(abs(p["diferenca_final"]) < 1.0 for p in pares)
        descricao += "; no fim, as duas acima de 95,5 % e a menos de 1 ponto uma da outra"
    return bool(ok), descricao


def _linha(r: dict) -> str:
    return (f"{ROTULOS[r['esquema']]:>15}, semente {r['semente']}: validação na época 1 {r['primeira']:.2f}%, "
            f"na última ({r['epocas']}) {r['final']:.2f}%, máxima {r['maxima']:.2f}%; {r['segundos']:.1f} s")


def configurar(p) -> None:
    """Opções de `python -m redes.reproducoes inicializacao`."""
    p.add_argument("configuracao", nargs="?", default="trinta", choices=[*CONFIGURACOES, "todas"],
                   metavar="configuração", help="trinta: [784, 30, 10]; cem: [784, 100, 10]; todas: as duas "
                                                "(padrão: trinta)")
    opcoes_de_treino(p, epocas=EPOCAS, a_cada=5)


def executar(args, cabecalho: dict) -> int:
    """Treina as duas inicializações em cada configuração e semente; 1 se o critério não foi atingido."""
    nomes = list(CONFIGURACOES) if args.configuracao == "todas" else [args.configuracao]
    mnist = carregar_mnist_informando(cabecalho)
    todos, veredito, resumos = [], True, []
    for nome in nomes:
        tamanhos, referencia = CONFIGURACOES[nome]
        print(f"=== {nome}: {tamanhos}, sigmoide, entropia cruzada, λ = {LMBDA:g}, η = {TAXA:g}, minilote {LOTE}, "
              f"{args.epocas} épocas; sementes {args.sementes}", flush=True)
        finais, pares = [], []
        for semente in args.sementes:
            par = {}
            for esquema in ESQUEMAS:
                print(f"--- {ROTULOS[esquema]}, semente {semente}", flush=True)
                r = rodar(tamanhos, esquema, mnist, semente, args.epocas, args.exemplos, args.validacao,
                          None if args.sem_progresso else args.a_cada)
                print(_linha(r), flush=True)
                par[esquema] = r
                finais.append({"configuracao": nome, **r})
            pares.append(comparar(par["grande"], par["lecun"]))
        linhas = [f"{nome}: {tamanhos}", f"referência: {referencia}"] + [_linha(r) for r in finais]
        for p in pares:
            marcos = [e for e in (1, 5, 10, 20, 30, 40, 60) if e <= len(p["diferencas"])]
            linhas.append(f"semente {p['semente']}: nova − antiga = "
                          + ", ".join(f"{p['diferencas'][e - 1]:+.2f} (época {e})" for e in marcos) + " pontos")
        completo = not (args.exemplos or args.validacao) and args.epocas >= EPOCAS
        ok, descricao = criterio(nome, pares, finais) if completo else (None, "")
        veredito &= ok is not False
        linhas.append(texto_do_criterio(descricao, ok))
        resumos.append("\n".join(linhas))
        todos += finais
    print("=" * 72)
    print("\n\n".join(resumos), flush=True)
    gravar_json(args.json, cabecalho, resultados=todos, criterio_ok=veredito)
    return 0 if veredito else 1
