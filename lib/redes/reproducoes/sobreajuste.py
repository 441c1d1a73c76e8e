r"""Sobreajuste e regularização L2 no MNIST: os experimentos de Nielsen, acompanhados na validação.

| nome | treino | λ | referência (Nielsen, medida no teste) |
|---|---|---|---|
| `mil` | primeiras 1 000 imagens, 400 épocas | 0 e 0,1 | λ = 0: pico de 82,27 %, treino 100 %, custo mínimo perto da época 15; λ = 0,1: 87,1 % |
| `cinquenta-mil` | as 50 000 imagens, 30 épocas | 0 e 5,0 | λ = 0: 95,49 % (treino 97,86 % contra 95,33 % no capítulo anterior); λ = 5,0: 96,49 % |

As duas usam a rede [784, 30, 10], sigmoide, pesos $\mathcal N(0, 1)$, entropia
cruzada, η = 0,5 e minilote 10. Diferente de Nielsen, as curvas acompanham a
**validação** (as 10 000 imagens separadas do treino); os pesos da época de
maior acurácia na validação são guardados e só então o teste é medido, uma vez.
O λ = 5,0 com 50 000 imagens dá o mesmo fator $1 - \eta\lambda/n$ que λ = 0,1
com 1 000. Como em `treinar`, com λ > 0 o custo de validação do histórico
inclui a penalidade $\frac{\lambda}{2n}\sum w^2$; a acurácia de treino é a média
medida durante cada época.

    python -m redes.reproducoes sobreajuste mil
    python -m redes.reproducoes sobreajuste cinquenta-mil
    python -m redes.reproducoes sobreajuste todas --json sobreajuste.json
    python -m redes.reproducoes sobreajuste mil --epocas 2 --validacao 500    # teste rápido
"""
from __future__ import annotations

import time
from dataclasses import dataclass

from ..callbacks import ParadaAntecipada
from ..sobreajuste import NormaDosPesos, experimento, resumo
from ..treino import contar_acertos
from .cli import ProgressoEspacado, carregar_mnist_informando, gravar_json, primeiros, texto_do_criterio


@dataclass
class Configuracao:
    """Um experimento: quantas imagens, quantas épocas, quais λ e o que Nielsen mediu."""

    descricao: str
    n: int
    epocas: int
    lambdas: tuple
    referencia: str


CONFIGURACOES = {
    "mil": Configuracao(
        "[784, 30, 10], entropia cruzada, η = 0,5, minilote 10, primeiras 1 000 imagens", 1000, 400, (0.0, 0.1),
        "Nielsen, no teste: λ = 0 → pico 82,27 % (treino 100 %), custo do teste mínimo perto da época 15; "
        "λ = 0,1 → pico 87,1 %"),
    "cinquenta-mil": Configuracao(
        "[784, 30, 10], entropia cruzada, η = 0,5, minilote 10, 50 000 imagens", 50_000, 30, (0.0, 5.0),
        "Nielsen, no teste: λ = 0 → 95,49 % (e treino 97,86 % contra teste 95,33 %); λ = 5,0 → 96,49 %"),
}


def rodar(nome: str, mnist, lmbda: float, semente: int = 0, epocas: int | None = None, exemplos: int | None = None,
          validacao: int | None = None, a_cada: int | None = None) -> dict:
    """Um treino: a configuração `nome` com `lmbda` e `semente`; devolve as medidas (acurácias em %)."""
    cfg = CONFIGURACOES[nome]
    epocas = epocas or cfg.epocas
    n = exemplos or cfg.n
    Xv, yv = primeiros(mnist.validacao, validacao)
    melhor = ParadaAntecipada("acuracia_validacao", paciencia=epocas + 1, restaurar=True)  # só guarda o melhor
    norma = NormaDosPesos()
    callbacks = [melhor, norma] + ([ProgressoEspacado(a_cada)] if a_cada else [])
    inicio = time.perf_counter()
    rede, historico = experimento(mnist.treino, (Xv, yv), n=n, lmbda=lmbda, epocas=epocas, semente=semente,
                                  callbacks=callbacks)
    segundos = time.perf_counter() - inicio
    Xt, yt = mnist.teste
    teste = 100 * contar_acertos(rede.prever(Xt), yt, 0.0) / len(Xt)   # pesos da melhor época na validação
    return {"configuracao": nome, "lmbda": lmbda, "semente": semente, "n": n, **resumo(historico),
            "teste": teste, "soma_dos_quadrados_final": norma.valores[-1], "segundos": segundos,
            "divergiu": historico.divergiu}


def linha_de_resultado(r: dict) -> str:
    """Resumo de um treino numa linha."""
    primeira = f", 100 % no treino desde a época {r['primeira_epoca_100']}" if r["primeira_epoca_100"] else ""
    return (f"λ = {r['lmbda']:g}, semente {r['semente']}: pico na validação {r['pico_validacao']:.2f}% "
            f"(época {r['epoca_maior_acuracia']}), pico no treino {r['pico_treino']:.2f}%{primeira}; "
            f"lacuna {r['lacuna']:.2f} pontos; custo de validação mínimo na época {r['epoca_menor_custo']}; "
            f"teste com os pesos da melhor época {r['teste']:.2f}%; Σw² final {r['soma_dos_quadrados_final']:.0f}; "
            f"{r['epocas']} épocas em {r['segundos']:.1f} s")


def criterio(nome: str, resultados: list[dict]) -> tuple[bool, str]:
    """O que a reprodução precisa mostrar (conferido só numa execução completa), para cada semente."""
    por_semente: dict = {}
    for r in resultados:
        por_semente.setdefault(r["semente"], {})[r["lmbda"]] = r
    ok = True
    for medidas in por_semente.values():
        sem, com = medidas[0.0], medidas[max(medidas)]
        ok &= com["pico_validacao"] > sem["pico_validacao"] and com["lacuna"] < sem["lacuna"]
        if nome == "mil":
            ok &= sem["pico_treino"] == 100.0 and sem["lacuna"] > 10 and sem["epoca_menor_custo"] < 60
    descricao = ("com L2, pico na validação maior e lacuna menor"
                 + ("; sem L2, 100 % no treino, lacuna > 10 pontos e custo de validação mínimo antes da época 60"
                    if nome == "mil" else ""))
    return bool(ok), descricao


COMANDO = "sobreajuste"
AJUDA = "sobreajuste e regularização L2 no MNIST (1 000 imagens por 400 épocas; 50 000 por 30), medidos na validação"


def configurar(p) -> None:
    """Opções de `python -m redes.reproducoes sobreajuste`."""
    p.add_argument("configuracao", nargs="?", default="mil", choices=[*CONFIGURACOES, "todas"], metavar="configuração",
                   help="; ".join(f"{k}: {v.descricao}, {v.epocas} épocas, λ = {' e '.join(f'{l:g}' for l in v.lambdas)}"
                                  for k, v in CONFIGURACOES.items()) + "; todas: as duas (padrão: mil)")
    p.add_argument("--sementes", type=int, nargs="+", default=[0], help="sementes (padrão: 0)")
    p.add_argument("--epocas", type=int, default=None, help="épocas (padrão: as da configuração)")
    p.add_argument("--exemplos", type=int, default=None, help="imagens de treino (padrão: as da configuração)")
    p.add_argument("--validacao", type=int, default=None,
                   help="usa só as primeiras N imagens de validação (execução reduzida, para testar)")
    p.add_argument("--a-cada", type=int, default=None,
                   help="imprime o progresso a cada K épocas (padrão: 20 em 400 épocas, 5 em 30)")
    p.add_argument("--sem-progresso", action="store_true", help="não imprime o progresso das épocas")
    p.add_argument("--json", metavar="ARQUIVO", help="grava os resultados neste arquivo JSON")


def executar(args, cabecalho: dict) -> int:
    """Roda as configurações pedidas com λ = 0 e com L2; imprime o resumo; 1 se o critério não foi atingido."""
    nomes = list(CONFIGURACOES) if args.configuracao == "todas" else [args.configuracao]
    mnist = carregar_mnist_informando(cabecalho)

    todos, veredito, resumos = [], True, []
    for nome in nomes:
        cfg = CONFIGURACOES[nome]
        epocas = args.epocas or cfg.epocas
        a_cada = None if args.sem_progresso else (args.a_cada or max(1, epocas // 20 if epocas >= 100 else epocas // 6))
        print(f"=== {nome}: {cfg.descricao}; {epocas} épocas; λ = {', '.join(f'{l:g}' for l in cfg.lambdas)}; "
              f"sementes {args.sementes}", flush=True)
        resultados = []
        for semente in args.sementes:
            for lmbda in cfg.lambdas:
                print(f"--- λ = {lmbda:g}, semente {semente}", flush=True)
                r = rodar(nome, mnist, lmbda, semente, epocas=args.epocas, exemplos=args.exemplos,
                          validacao=args.validacao, a_cada=a_cada)
                print(linha_de_resultado(r), flush=True)
                resultados.append(r)
        completo = not (args.exemplos or args.validacao) and epocas >= cfg.epocas
        linhas = [f"{nome}: {cfg.descricao}", f"referência: {cfg.referencia}"]
        linhas += [linha_de_resultado(r) for r in resultados]
        ok, descricao = criterio(nome, resultados) if completo else (None, "")
        veredito &= ok is not False
        linhas.append(texto_do_criterio(descricao, ok))
        resumos.append("\n".join(linhas))
        todos += resultados
    print("=" * 72)
    print("\n\n".join(resumos), flush=True)
    gravar_json(args.json, cabecalho, resultados=todos, criterio_ok=veredito)
    return 0 if veredito else 1
