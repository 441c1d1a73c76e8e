r"""A taxa de aprendizado no MNIST: o custo de treino com η = 0,025, 0,25 e 2,5 (Nielsen, capítulo 3, "multiple_eta").

A receita é a do `fig/multiple_eta.py` de Nielsen: rede [784, 30, 10], sigmoides,
pesos $\mathcal N(0, 1/n_{\text{entrada}})$ (o padrão do `network2.py`), entropia
cruzada, L2 com λ = 5,0, minilotes de 10, 30 épocas nas 50 000 imagens de treino.
O que se mede é o custo no treino inteiro, com a penalidade da L2, antes da
primeira época e no fim de cada uma (`redes.hiperparametros.CustoDeTreino`), e
também a acurácia na validação.

Nielsen descreve (sem números): com 0,025 o custo desce suave até o fim; com 0,25
desce e, depois de umas 20 épocas, fica quase parado, com oscilações pequenas;
com 2,5 oscila muito desde o começo. Ele sugere, sem testar, 0,25 por 20 épocas
e depois 0,025: a corrida `degraus` faz isso com `agendas.Degraus(0.25, 0.1, 20)`.

    python -m redes.reproducoes taxas                          # as quatro corridas, semente 0
    python -m redes.reproducoes taxas --sementes 0 1 2 --json taxas.json
    python -m redes.reproducoes taxas --exemplos 500 --epocas 2 --validacao 200   # teste rápido

`REGISTRADO` guarda uma execução do comando padrão, que o capítulo 18 desenha.
"""
from __future__ import annotations


import numpy as np

from ..agendas import Degraus
from ..hiperparametros import curva_de_custo
from ..otimizadores import SGD
from .cli import carregar_mnist_informando, gravar_json, primeiros, texto_do_criterio

TAXAS = (0.025, 0.25, 2.5)
LAMBDA_50K = 5.0
TREINO_COMPLETO = 50_000
EPOCAS = 30

#: Uma execução de `python -m redes.reproducoes taxas` (semente 0, uma thread de BLAS, numpy 2.4.6): o custo de
#: treino antes da 1ª época e no fim de cada uma, e a acurácia (%) na validação (final, pico). 151 s de CPU
#: (7 min 24 s de relógio numa máquina de 2 núcleos ocupada).
REGISTRADO: dict = {
    "comando": "python -m redes.reproducoes taxas",
    "semente": 0,
    "custos": {
        "η=0.025": [
            8.6903, 0.8602, 0.6592, 0.5847, 0.5432, 0.5141, 0.4902, 0.4701, 0.4552, 0.4454, 0.4316, 0.4217,
            0.4140, 0.4085, 0.3988, 0.3931, 0.3890, 0.3822, 0.3793, 0.3760, 0.3695, 0.3665, 0.3635, 0.3605,
            0.3583, 0.3541, 0.3534, 0.3509, 0.3463, 0.3490, 0.3435],
        "η=0.25": [
            8.6903, 0.4639, 0.4115, 0.3940, 0.3734, 0.3608, 0.3648, 0.3864, 0.3562, 0.3476, 0.3485, 0.3387,
            0.3413, 0.3487, 0.3398, 0.3297, 0.3486, 0.3303, 0.3376, 0.3479, 0.3333, 0.3463, 0.3580, 0.3310,
            0.3319, 0.3160, 0.3244, 0.3233, 0.3308, 0.3549, 0.3261],
        "η=2.5": [
            8.6903, 0.8292, 0.9081, 0.7741, 0.8467, 0.7987, 0.7484, 0.8568, 0.7902, 0.8645, 0.7539, 0.8145,
            0.8642, 0.8489, 0.7782, 0.8176, 0.8441, 0.8062, 0.8237, 0.8626, 0.8089, 0.8071, 1.2406, 0.8043,
            0.8673, 0.7990, 0.8042, 0.7875, 0.8689, 0.9562, 0.8689],
        "degraus": [
            8.6903, 0.4639, 0.4115, 0.3940, 0.3734, 0.3608, 0.3648, 0.3864, 0.3562, 0.3476, 0.3485, 0.3387,
            0.3413, 0.3487, 0.3398, 0.3297, 0.3486, 0.3303, 0.3376, 0.3479, 0.3333, 0.2997, 0.2977, 0.2954,
            0.2944, 0.2926, 0.2916, 0.2927, 0.2915, 0.2925, 0.2906],
    },
    "validacao": {"η=0.025": (95.96, 95.96), "η=0.25": (96.69, 96.76), "η=2.5": (91.56, 93.68), "degraus": (96.86, 96.95)},
}


def agenda_de_nielsen() -> Degraus:
    """0,25 nas épocas 1 a 20 e 0,025 dali em diante."""
    return Degraus(0.25, fator=0.1, a_cada=20)


def subidas(custos, tolerancia: float = 0.01) -> int:
    """Quantas vezes o custo subiu mais de `tolerancia` (1 %, por padrão) de uma época para a seguinte."""
    c = np.asarray(custos, dtype=float)
    return int(np.sum(c[1:] > c[:-1] * (1 + tolerancia)))


def rodar(rotulo: str, otimizador, mnist, semente: int = 0, epocas: int = EPOCAS, exemplos: int | None = None,
          validacao: int | None = None, progresso: bool = True) -> dict:
    """Uma corrida: `otimizador` é a taxa (número) ou um `SGD` com agenda; λ = 5,0 · n / 50 000."""
    X, y = mnist.treino
    n = exemplos or len(X)
    Xv, yv = primeiros(mnist.validacao, validacao)
    lmbda = LAMBDA_50K * n / TREINO_COMPLETO

    def mostrar(t, custo, acuracia):
        print(f"  época {t:>2}/{epocas}  custo de treino {custo:.4f}  validação {100 * acuracia:.2f}%", flush=True)

    curva = curva_de_custo((X, y), otimizador, lmbda=lmbda, n=n, epocas=epocas, semente=semente,
                           validacao=(Xv, yv), ao_fim_da_epoca=mostrar if progresso else None)
    custos = curva.custos
    acuracias = curva.acuracias_validacao
    return {"rotulo": rotulo, "semente": semente, "n": n, "lmbda": lmbda, "epocas": epocas,
            "custos": [round(float(c), 6) for c in custos], "subidas": subidas(custos[np.isfinite(custos)]),
            "subidas_10": subidas(custos[:11]), "validacao_final": 100 * float(acuracias[-1]) if len(acuracias) else None,
            "validacao_pico": 100 * float(acuracias.max()) if len(acuracias) else None,
            "divergiu": curva.divergiu, "segundos": curva.segundos}


def linha_de_resultado(r: dict) -> str:
    c = r["custos"]
    marcos = ", ".join(f"{t}: {c[t]:.3f}" for t in (0, 1, 10, 20, r["epocas"]) if t < len(c))
    return (f"{r['rotulo']:>8} (semente {r['semente']}): custo de treino nas épocas {{{marcos}}}; "
            f"{r['subidas']} subidas de mais de 1 % ({r['subidas_10']} nas 10 primeiras épocas); validação final "
            f"{r['validacao_final']:.2f}% (pico {r['validacao_pico']:.2f}%); {r['segundos']:.1f} s")


def criterio(resultados: list[dict]) -> tuple[bool, str]:
    """O quadro de Nielsen, semente a semente (só numa execução completa)."""
    por_semente: dict = {}
    for r in resultados:
        por_semente.setdefault(r["semente"], {})[r["rotulo"]] = r
    ok = True
    for corridas in por_semente.values():
        lenta, boa, grande = (corridas.get(f"η={t:g}") for t in TAXAS)
        if not (lenta and boa and grande):
            continue
        ok &= lenta["subidas"] == 0                                    # suave até o fim
        ok &= boa["custos"][-1] < lenta["custos"][-1]                   # mais rápida que a pequena
        ok &= grande["subidas_10"] >= 2 and grande["custos"][-1] > boa["custos"][-1]   # oscila desde o começo
        if "degraus" in corridas:
            ok &= corridas["degraus"]["custos"][-1] <= boa["custos"][-1]
    return bool(ok), ("η = 0,025 sem nenhuma subida de mais de 1 %; η = 0,25 termina abaixo dela; η = 2,5 sobe "
                      "pelo menos 2 vezes nas 10 primeiras épocas e termina acima de 0,25; a agenda termina no máximo "
                      "no custo de 0,25")


COMANDO = "taxas"
AJUDA = "taxa de aprendizado no MNIST: o custo de treino com η = 0,025, 0,25 e 2,5, e a agenda 0,25 → 0,025"


def configurar(p) -> None:
    """Opções de `python -m redes.reproducoes taxas`."""
    p.add_argument("--taxas", type=float, nargs="+", default=list(TAXAS), help="taxas constantes (padrão: 0.025 0.25 2.5)")
    p.add_argument("--sem-agenda", action="store_true", help="não roda a agenda 0,25 → 0,025 na época 21")
    p.add_argument("--sementes", type=int, nargs="+", default=[0], help="sementes (padrão: 0)")
    p.add_argument("--epocas", type=int, default=EPOCAS, help="épocas (padrão: 30)")
    p.add_argument("--exemplos", type=int, default=None,
                   help="usa só as primeiras N imagens de treino, com λ = 5,0·N/50 000 (execução reduzida)")
    p.add_argument("--validacao", type=int, default=None, help="usa só as primeiras N imagens de validação")
    p.add_argument("--sem-progresso", action="store_true", help="não imprime uma linha por época")
    p.add_argument("--json", metavar="ARQUIVO", help="grava os resultados neste arquivo JSON")


def executar(args, cabecalho: dict) -> int:
    """Roda cada taxa (e a agenda) em cada semente e imprime o resumo; 1 se o critério não foi atingido."""
    mnist = carregar_mnist_informando(cabecalho)
    corridas = [(f"η={t:g}", float(t)) for t in args.taxas]
    if not args.sem_agenda:
        corridas.append(("degraus", None))
    resultados = []
    for semente in args.sementes:
        for rotulo, taxa in corridas:
            print(f"--- {rotulo}, semente {semente}", flush=True)
            otimizador = taxa if taxa is not None else SGD(agenda_de_nielsen())
            r = rodar(rotulo, otimizador, mnist, semente, epocas=args.epocas, exemplos=args.exemplos,
                      validacao=args.validacao, progresso=not args.sem_progresso)
            print(linha_de_resultado(r), flush=True)
            resultados.append(r)
    completo = not (args.exemplos or args.validacao) and args.epocas >= EPOCAS
    linhas = ["taxas: [784, 30, 10], sigmoide, N(0, 1/n), entropia cruzada, L2 λ = 5,0, minilote 10",
              "referência: Nielsen, sem números: 0,025 desce suave; 0,25 quase para depois de ~20 épocas; "
              "2,5 oscila desde o começo"]
    linhas += [linha_de_resultado(r) for r in resultados]
    ok, descricao = criterio(resultados) if completo else (None, "")
    linhas.append(texto_do_criterio(descricao, ok))
    print("=" * 72)
    print("\n".join(linhas), flush=True)
    gravar_json(args.json, cabecalho, resultados=resultados, criterio_ok=ok)
    return 0 if ok is not False else 1
