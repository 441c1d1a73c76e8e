r"""Figuras do capítulo 13: o neurônio que aprende devagar, a softmax e a entropia cruzada.

- `figura_neuronio_lento`: custo e saída época a época de um neurônio sigmoide
  com entrada 1 e alvo 0 (o widget do capítulo); devolve as trajetórias.
- `grade_custos_neuronio`: a grade 2×2 (custo × ponto de partida) das curvas de custo.
- `figura_gradiente_por_saida`: o tamanho de $\partial C/\partial w$ em função da saída $a$.
- `figura_distribuicoes`: potenciais → softmax $q$ contra o alvo one-hot $p$, com
  $H(p, q)$, $D_{KL}$, erro quadrático médio e acerto (o segundo widget).
- `figura_acuracia_por_epoca`: curvas de acurácia de vários treinos (um por semente).

Todas desenham e devolvem números que os testes e os widgets conferem.
"""
from __future__ import annotations

import numpy as np
from matplotlib import ticker

from .. import ativacoes, informacao
from .._validacao import como_array, como_escalar, escolher
from ..neuronio_lento import Trajetoria, gradiente_w, treinar_neuronio
from .estilo import CORES, figura

#: Opções do widget (rótulos para quem lê) → nomes de `redes.neuronio_lento`.
ROTULOS_CUSTO = {"quadrático": "quadratico", "entropia cruzada": "entropia"}
OPCOES_CUSTO = ("quadrático", "entropia cruzada", "ambos")
COR_CUSTO = {"quadratico": CORES["laranja"], "entropia": CORES["azul"]}
NOME_CUSTO = {"quadratico": "quadrático", "entropia": "entropia cruzada"}

#: As classes do exemplo do livro.
CLASSES = ("A", "B", "C")


def _br(valor: float, casas: int = 3) -> str:
    """Número com vírgula decimal e sinal de menos tipográfico."""
    return f"{valor:.{casas}f}".replace(".", ",").replace("-", "−")


def _custos_pedidos(custo: str) -> list[str]:
    if isinstance(custo, str) and custo.strip().lower() == "ambos":
        return ["quadratico", "entropia"]
    if isinstance(custo, str) and custo.strip().lower() in ROTULOS_CUSTO:
        return [ROTULOS_CUSTO[custo.strip().lower()]]
    opcoes = [*OPCOES_CUSTO, *ROTULOS_CUSTO.values()]
    return [escolher(custo, "custo", opcoes)]


def figura_neuronio_lento(w0: float = 2.0, b0: float = 2.0, taxa: float = 0.15, epocas: int = 300,
                          custo: str = "ambos") -> dict[str, Trajetoria]:
    r"""Custo (escala log, à esquerda) e saída $a$ (à direita) época a época, para entrada 1 e alvo 0.

    `custo` é `"quadrático"`, `"entropia cruzada"` ou `"ambos"` (também aceita
    `"quadratico"` e `"entropia"`). O título de cada painel traz a saída e
    $\partial C/\partial w$ no fim. Devolve `{nome: Trajetoria}`, com nome
    `"quadratico"` e/ou `"entropia"`.
    """
    nomes = _custos_pedidos(custo)
    trajetorias = {nome: treinar_neuronio(w0, b0, taxa, epocas, nome) for nome in nomes}
    fig, (ax_c, ax_a) = figura(colunas=2, largura=8.4, altura=3.0)
    epocas_eixo = np.arange(trajetorias[nomes[0]].epocas + 1)
    resumo = []
    for nome, tr in trajetorias.items():
        cor = COR_CUSTO[nome]
        ax_c.plot(epocas_eixo, tr.custo, color=cor, label=NOME_CUSTO[nome])
        ax_a.plot(epocas_eixo, tr.a, color=cor, label=NOME_CUSTO[nome])
        resumo.append(f"{NOME_CUSTO[nome]}: a = {_br(tr.a[-1])}, ∂C/∂w = "
                      + f"{tr.gradiente_w[-1]:.3g}".replace(".", ",").replace("-", "−"))
    ax_c.set_yscale("log")
    rotulo_log = ticker.FuncFormatter(lambda v, _: f"{v:.3g}".replace(".", ","))
    ax_c.yaxis.set_major_formatter(rotulo_log)
    todos = np.concatenate([tr.custo for tr in trajetorias.values()])
    if todos.max() / max(todos.min(), 1e-300) < 30:
        ax_c.yaxis.set_minor_formatter(rotulo_log)     # menos de uma década e meia: rotula os intermediários
    else:
        ax_c.yaxis.set_minor_formatter(ticker.NullFormatter())
    ax_c.set_xlabel("época")
    ax_c.set_ylabel("custo C (escala log)")
    ax_c.set_title(f"w₀ = {_br(trajetorias[nomes[0]].w[0], 2)}, b₀ = {_br(trajetorias[nomes[0]].b[0], 2)}, "
                   f"η = {trajetorias[nomes[0]].taxa:.3g}".replace(".", ","), fontsize=9)
    ax_a.axhline(0.0, color=CORES["cinza"], ls="--", lw=1, label="alvo y = 0")
    ax_a.set_ylim(-0.04, 1.04)
    ax_a.set_xlabel("época")
    ax_a.set_ylabel("saída a = σ(w + b)")
    ax_a.set_title("\n".join(resumo), fontsize=8.5)
    ax_a.legend(fontsize=8, loc="upper right")
    for ax in (ax_c, ax_a):
        ax.set_xlim(0, max(epocas_eixo[-1], 1))
    return trajetorias


def grade_custos_neuronio(taxa: float = 0.15, epocas: int = 300, inicios=((0.6, 0.9), (2.0, 2.0)),
                          taxa_entropia: float | None = None) -> dict[tuple, Trajetoria]:
    r"""Grade 2×2 das curvas de custo: linhas = custo (quadrático, entropia cruzada), colunas = início $(w_0, b_0)$.

    `taxa_entropia` permite outra taxa para a entropia cruzada (o livro usa 0,005);
    sem ela, as duas usam `taxa`. Cada painel anota a saída no começo e no fim.
    Devolve `{(nome_do_custo, (w0, b0)): Trajetoria}`.
    """
    inicios = [tuple(float(v) for v in como_array(par, "inicios", forma=(2,))) for par in inicios]
    if not inicios:
        raise ValueError("esperava pelo menos um ponto de partida (w0, b0) em `inicios`")
    taxas = {"quadratico": como_escalar(taxa, "taxa"),
             "entropia": como_escalar(taxa if taxa_entropia is None else taxa_entropia, "taxa_entropia")}
    fig, eixos = figura(colunas=len(inicios), linhas=2, largura=3.3 * len(inicios) + 0.6, altura=4.6)
    eixos = np.asarray(eixos).reshape(2, len(inicios))
    resultado = {}
    for i, nome in enumerate(("quadratico", "entropia")):
        for j, (w0, b0) in enumerate(inicios):
            tr = treinar_neuronio(w0, b0, taxas[nome], epocas, nome)
            resultado[(nome, (w0, b0))] = tr
            ax = eixos[i, j]
            ax.plot(np.arange(tr.epocas + 1), tr.custo, color=COR_CUSTO[nome])
            ax.set_ylim(0, 1.08 * tr.custo.max())
            ax.set_xlim(0, tr.epocas)
            ax.set_title(f"{NOME_CUSTO[nome]}, η = {taxas[nome]:g}; (w₀, b₀) = ({_br(w0, 1)}; {_br(b0, 1)})"
                         .replace(".", ","), fontsize=8.5)
            ax.text(0.97, 0.92, f"a: {_br(tr.a[0], 2)} → {_br(tr.a[-1], 3)}", transform=ax.transAxes,
                    ha="right", va="top", fontsize=8.5)
            ax.tick_params(labelsize=8)
            if i == 1:
                ax.set_xlabel("época")
            if j == 0:
                ax.set_ylabel("custo C")
    return resultado


def figura_gradiente_por_saida(inicios=((0.6, 0.9), (2.0, 2.0)), ax=None) -> dict[tuple, dict[str, float]]:
    r"""$|\partial C/\partial w|$ contra a saída $a$, com $x = 1$ e $y = 0$: $a^2(1 - a)$ (quadrático) e $a$ (entropia).

    Marca a saída inicial de cada $(w_0, b_0)$ em `inicios`. Devolve
    `{(w0, b0): {"a": a0, "quadratico": ..., "entropia": ...}}`.
    """
    if ax is None:
        _, ax = figura(largura=5.4, altura=3.0)
    a = np.linspace(0.0, 1.0, 401)
    formulas = {"quadratico": "a²(1 − a)", "entropia": "a"}
    for nome in ("quadratico", "entropia"):
        ax.plot(a, gradiente_w(a, nome), color=COR_CUSTO[nome], label=f"{NOME_CUSTO[nome]}: {formulas[nome]}")
    marcas = {}
    for k, (w0, b0) in enumerate(inicios):
        w0, b0 = como_escalar(w0, "w0"), como_escalar(b0, "b0")
        a0 = float(ativacoes.sigmoide(w0 + b0))
        valores = {nome: float(gradiente_w(a0, nome)) for nome in ("quadratico", "entropia")}
        marcas[(w0, b0)] = {"a": a0, **valores}
        ax.axvline(a0, color=CORES["cinza"], ls=":", lw=1)
        for nome, v in valores.items():
            ax.plot([a0], [v], "o", color=COR_CUSTO[nome], ms=5)
        ax.text(a0 - 0.015, 0.55 - 0.22 * k,
                f"a₀ = {_br(a0, 3)}\nquadrático: {_br(valores['quadratico'], 4)}\n"
                f"entropia: {_br(valores['entropia'], 3)}", ha="right", va="top", fontsize=7.5)
    ax.set_xlim(0, 1.02)
    ax.set_ylim(0, 1.08)
    ax.set_xlabel("saída a (alvo y = 0)")
    ax.set_ylabel("∂C/∂w (com x = 1)")
    ax.set_title("tamanho do gradiente em função da saída", fontsize=9)
    ax.legend(fontsize=8, loc="upper left")
    return marcas


def _metricas(z: np.ndarray, y: int) -> dict:
    q = ativacoes.softmax(z)
    p = np.eye(len(z))[y]
    return {"q": q, "p": p,
            "entropia_cruzada": float(informacao.entropia_cruzada(p, q)),
            "entropia_p": float(informacao.entropia(p)),
            "kl": float(informacao.divergencia_kl(p, q)),
            "eqm": float(np.mean((p - q) ** 2)),
            "acertou": bool(int(np.argmax(q)) == y)}


def figura_distribuicoes(z1: float, z2: float, z3: float, classe: str = "B") -> dict:
    r"""Três potenciais → $q = \mathrm{softmax}(z)$, comparada com o alvo one-hot $p$ da `classe` ("A", "B" ou "C").

    À esquerda, as barras de $q$ e o contorno de $p$, com $H(p, q)$, $D_{KL}(p\Vert q)$,
    o erro quadrático médio $\frac13\sum_c (p_c - q_c)^2$ e se a maior probabilidade
    está na classe certa. À direita, as três medidas enquanto só o potencial da
    classe certa varia: a entropia cruzada desce suave, o erro de classificação
    (0 ou 1) é plano e só muda num salto. Devolve um dicionário com `q`, `p`,
    `entropia_cruzada`, `entropia_p`, `kl`, `eqm`, `acertou` e `classe` (o índice).
    """
    z = np.array([como_escalar(z1, "z1"), como_escalar(z2, "z2"), como_escalar(z3, "z3")])
    y = CLASSES.index(escolher(classe, "classe", CLASSES))
    m = _metricas(z, y)
    fig, (ax_b, ax_v) = figura(colunas=2, largura=8.4, altura=3.0)
    posicoes = np.arange(3)
    cores = [CORES["azul"] if c == y else CORES["cinza"] for c in range(3)]
    ax_b.bar(posicoes, m["q"], color=cores, alpha=0.85, label="q = softmax(z)")
    ax_b.bar(posicoes, m["p"], fill=False, edgecolor=CORES["preto"], lw=1.4, ls="--", label="p (alvo)")
    for x, v in zip(posicoes, m["q"]):
        ax_b.text(x, v + 0.02, _br(v), ha="center", va="bottom", fontsize=8.5)
    ax_b.set_xticks(posicoes, [f"classe {c}" for c in CLASSES])
    ax_b.set_ylim(0, 1.18)
    ax_b.legend(fontsize=7.5, loc="upper left", ncol=2)
    veredito = "acerta" if m["acertou"] else "erra"
    ax_b.set_title(f"H(p, q) = {_br(m['entropia_cruzada'])}   KL = {_br(m['kl'])}\n"
                   f"EQM = {_br(m['eqm'])}   a rede {veredito}", fontsize=9)

    varredura = np.linspace(-6.0, 6.0, 241)
    Zv = np.repeat(z[None, :], len(varredura), axis=0)
    Zv[:, y] = varredura
    Qv = ativacoes.softmax(Zv)
    Pv = np.repeat(m["p"][None, :], len(varredura), axis=0)
    curvas = {"entropia_cruzada": informacao.entropia_cruzada(Pv, Qv),
              "eqm": np.mean((Pv - Qv) ** 2, axis=1),
              "erro": (np.argmax(Qv, axis=1) != y).astype(float)}
    ax_v.plot(varredura, curvas["entropia_cruzada"], color=CORES["azul"], label="entropia cruzada H(p, q)")
    ax_v.plot(varredura, curvas["eqm"], color=CORES["laranja"], label="erro quadrático médio")
    ax_v.plot(varredura, curvas["erro"], color=CORES["vermelho"], ls="--", lw=1.5,
              label="erro de classificação (0 ou 1)")
    ax_v.axvline(z[y], color=CORES["cinza"], ls=":", lw=1)
    ax_v.plot([z[y]], [m["entropia_cruzada"]], "o", color=CORES["azul"], ms=5)
    ax_v.set_xlim(varredura[0], varredura[-1])
    ax_v.set_ylim(0, max(3.0, min(8.0, m["entropia_cruzada"] + 0.5)))
    ax_v.set_xlabel(f"potencial da classe certa, z_{CLASSES[y]} (os outros fixos)")
    ax_v.set_title("só o potencial da classe certa muda", fontsize=9)
    ax_v.legend(fontsize=7.5, loc="upper right")
    m["classe"] = y
    return m


def figura_acuracia_por_epoca(curvas: dict, ax=None, titulo: str | None = None) -> dict[str, np.ndarray]:
    r"""Acurácia (em %) por época de vários treinos: `curvas = {rótulo: matriz (sementes, épocas)}` com frações.

    Cada semente vira uma linha fina; a média, uma linha grossa com pontos.
    Devolve `{rótulo: média por época, em %}`.
    """
    if not curvas:
        raise ValueError("esperava pelo menos uma curva em `curvas`")
    if ax is None:
        _, ax = figura(largura=5.6, altura=3.0)
    cores = [CORES["laranja"], CORES["azul"], CORES["verde"], CORES["roxo"]]
    medias = {}
    for i, (rotulo, matriz) in enumerate(curvas.items()):
        matriz = 100 * como_array(matriz, f"curvas[{rotulo!r}]", dims=(1, 2))
        matriz = matriz.reshape(-1, matriz.shape[-1])
        epocas = np.arange(1, matriz.shape[1] + 1)
        cor = cores[i % len(cores)]
        for linha in matriz:
            ax.plot(epocas, linha, color=cor, lw=0.8, alpha=0.45)
        medias[rotulo] = matriz.mean(axis=0)
        ax.plot(epocas, medias[rotulo], "o-", color=cor, lw=2, ms=4, label=f"{rotulo} (média)")
    ax.set_xticks(epocas)
    ax.set_xlabel("época")
    ax.set_ylabel("acurácia (%)")
    if titulo:
        ax.set_title(titulo, fontsize=9)
    ax.legend(fontsize=8, loc="lower right")
    return medias
