r"""Mais camadas ocultas numa rede sigmoide simples ajudam? A tabela de Nielsen, em várias sementes (capítulo 23).

Redes $[784, 30, 10]$, $[784, 30, 30, 10]$, $[784, 30, 30, 30, 10]$ e
$[784, 30, 30, 30, 30, 10]$: sigmoide, entropia cruzada, pesos
$\mathcal N(0, 1/n_{ent})$ e vieses $\mathcal N(0, 1)$ (o padrão de Nielsen),
L2 com $\lambda = 5{,}0$, $\eta = 0{,}1$, minilote 10, 30 épocas, 50 000
imagens de treino; acurácia na validação (10 000 imagens) ao fim de cada época.

Nielsen relata 96,48 / 96,90 / 96,57 / 96,53 % para 1 / 2 / 3 / 4 camadas
ocultas, uma execução de cada. Diferenças de poucos décimos entre uma execução
e outra são do tamanho da variação entre sementes; por isso aqui cada
profundidade roda com várias sementes e o resumo dá a média e a faixa.

O critério, conferido só na execução completa (os valores padrão de épocas e
exemplos): nenhuma profundidade passa a média da rede de uma camada oculta por
mais de 1 ponto percentual. Ou seja, empilhar camadas sigmoides não traz o
ganho grande que a intuição sugeriria.

    python -m redes.reproducoes profundidade                         # 1 a 4 camadas, semente 0
    python -m redes.reproducoes profundidade --sementes 0 1 2 --json profundidade.json
    python -m redes.reproducoes profundidade --camadas 1 2 --epocas 2 --exemplos 2000 --validacao 500   # teste rápido
"""
from __future__ import annotations

import statistics
import time

from ..custos import SigmoideEntropiaCruzada
from ..modelo import mlp
from ..regularizacao import L2
from ..treino import treinar
from .cli import (ProgressoEspacado, carregar_mnist_informando, gravar_json, opcoes_de_treino, primeiros,
                  texto_do_criterio)

COMANDO = "profundidade"
AJUDA = "1 a 4 camadas ocultas sigmoides de 30 neurônios no MNIST (Nielsen, cap. 5), em várias sementes"

#: Camadas ocultas → acurácia relatada por Nielsen (validação, uma execução).
NIELSEN = {1: 96.48, 2: 96.90, 3: 96.57, 4: 96.53}
LARGURA, LMBDA, TAXA, LOTE, EPOCAS = 30, 5.0, 0.1, 10, 30
#: Quanto uma rede mais profunda pode passar a de uma camada oculta (pontos percentuais) sem refutar a conclusão.
FOLGA = 1.0


def tamanhos(camadas_ocultas: int, largura: int = LARGURA) -> list[int]:
    """[784, largura, ..., largura, 10] com `camadas_ocultas` camadas ocultas."""
    return [784, *([largura] * camadas_ocultas), 10]


def rodar(camadas_ocultas: int, mnist, semente: int = 0, epocas: int = EPOCAS, exemplos: int | None = None,
          validacao: int | None = None, a_cada: int | None = None) -> dict:
    """Um treino; devolve a acurácia de validação por época (em %), a final, a máxima e o tempo."""
    X, y = primeiros(mnist.treino, exemplos)
    Xv, yv = primeiros(mnist.validacao, validacao)
    rede = mlp(tamanhos(camadas_ocultas), saida=None, inicializacao="lecun", semente=semente)
    inicio = time.perf_counter()
    historico = treinar(rede, (X, y), SigmoideEntropiaCruzada(), TAXA, epocas=epocas, tamanho_lote=LOTE,
                        validacao=(Xv, yv), regularizacao=L2(LMBDA), semente=semente, progresso=False,
                        callbacks=[ProgressoEspacado(a_cada)] if a_cada else [])
    curva = [100 * a for a in historico["acuracia_validacao"]]
    return {"camadas_ocultas": camadas_ocultas, "tamanhos": tamanhos(camadas_ocultas), "semente": semente,
            "n": len(X), "epocas": len(curva), "curva_validacao": curva, "final": curva[-1], "maxima": max(curva),
            "segundos": time.perf_counter() - inicio}


def agrupar(resultados: list[dict]) -> dict:
    """Camadas ocultas → média, mínimo e máximo da acurácia final (e da máxima) entre as sementes."""
    grupos = {}
    for c in dict.fromkeys(r["camadas_ocultas"] for r in resultados):
        finais = [r["final"] for r in resultados if r["camadas_ocultas"] == c]
        maximas = [r["maxima"] for r in resultados if r["camadas_ocultas"] == c]
        grupos[c] = {"media": statistics.fmean(finais), "minimo": min(finais), "maximo": max(finais),
                     "media_maxima": statistics.fmean(maximas), "sementes": len(finais)}
    return grupos


def criterio(grupos: dict, folga: float = FOLGA) -> tuple[bool, str]:
    """Nenhuma rede mais profunda passa a média da rede de 1 camada oculta por mais de `folga` pontos."""
    descricao = f"nenhuma profundidade passa a de 1 camada oculta por mais de {folga:g} ponto"
    if 1 not in grupos or len(grupos) < 2:
        return False, descricao + " (faltam profundidades para comparar)"
    base = grupos[1]["media"]
    ok = all(g["media"] - base <= folga for c, g in grupos.items() if c != 1)
    return bool(ok), descricao


def _linha(r: dict) -> str:
    return (f"{r['camadas_ocultas']} camada(s) oculta(s), semente {r['semente']}: validação final {r['final']:.2f}%, "
            f"máxima {r['maxima']:.2f}%; {r['segundos']:.1f} s")


def configurar(p) -> None:
    """Opções de `python -m redes.reproducoes profundidade`."""
    p.add_argument("--camadas", type=int, nargs="+", default=list(NIELSEN), choices=range(1, 9), metavar="K",
                   help="quantas camadas ocultas testar (padrão: 1 2 3 4)")
    opcoes_de_treino(p, epocas=EPOCAS, a_cada=10)


def executar(args, cabecalho: dict) -> int:
    """Treina cada profundidade em cada semente; 1 se o critério não foi atingido."""
    mnist = carregar_mnist_informando(cabecalho)
    print(f"=== camadas ocultas {args.camadas} de {LARGURA}, sigmoide, entropia cruzada, λ = {LMBDA:g}, "
          f"η = {TAXA:g}, minilote {LOTE}, {args.epocas} épocas; sementes {args.sementes}", flush=True)
    resultados = []
    for camadas in args.camadas:
        for semente in args.sementes:
            print(f"--- {tamanhos(camadas)}, semente {semente}", flush=True)
            r = rodar(camadas, mnist, semente, args.epocas, args.exemplos, args.validacao,
                      None if args.sem_progresso else args.a_cada)
            print(_linha(r), flush=True)
            resultados.append(r)
    grupos = agrupar(resultados)
    print("=" * 72)
    for c, g in grupos.items():
        referencia = f" (Nielsen: {NIELSEN[c]:.2f}%)" if c in NIELSEN else ""
        print(f"{c} camada(s) oculta(s): validação final média {g['media']:.2f}% "
              f"(de {g['minimo']:.2f} a {g['maximo']:.2f}%, {g['sementes']} semente(s)); "
              f"máxima média {g['media_maxima']:.2f}%{referencia}")
    completo = not (args.exemplos or args.validacao) and args.epocas >= EPOCAS
    veredito, descricao = criterio(grupos) if completo else (None, "")
    print(texto_do_criterio(descricao, veredito), flush=True)
    gravar_json(args.json, cabecalho, resultados=resultados, grupos={str(c): g for c, g in grupos.items()},
                criterio_ok=veredito)
    return 0 if veredito is not False else 1
