r"""Figuras de um treino no MNIST (capítulo 12): curvas por época, dígitos errados e o laboratório.

- `curvas_de_treino`: uma curva por época para cada medida do histórico
  (custo, acurácia de treino, acurácia de validação), de uma ou de várias redes;
- `figura_curvas_de_treino`: painéis lado a lado com essas curvas;
- `galeria_de_erros`: os dígitos que a rede errou, com o rótulo certo (em
  vermelho, no canto esquerdo) e a resposta da rede (em azul, no direito);
- `barras_linhas_de_base`: a acurácia de vários classificadores, em barras;
- `laboratorio_de_treino`: treina (com `redes.laboratorio.treinar_mlp`), mostra
  o progresso época a época e desenha as curvas e os erros; é a função do painel.

As acurácias aparecem em porcentagem: $100\cdot\frac1m\sum_x[\hat y(x) = y(x)]$.
"""
from __future__ import annotations

import numpy as np

from .. import laboratorio
from .._validacao import _descrever, como_inteiro
from .estilo import CORES, figura
from .figuras_mnist import grade_digitos

#: Como cada medida do histórico aparece nas legendas e nos eixos.
NOMES_DAS_MEDIDAS = {
    "custo": "custo (treino)",
    "custo_validacao": "custo (validação)",
    "acuracia": "acurácia (treino)",
    "acuracia_validacao": "acurácia (validação)",
}


def _como_historico(historico, nome: str) -> dict:
    """O dicionário de listas por época, a partir de um dict, de um `Historico` ou de um `ResultadoTreino`."""
    if isinstance(historico, laboratorio.ResultadoTreino):
        return historico.historico
    if hasattr(historico, "como_dict"):
        return historico.como_dict()
    if isinstance(historico, dict):
        return historico
    raise TypeError(f"esperava um histórico (dict, Historico ou ResultadoTreino) em `{nome}`, recebi {_descrever(historico)}")


def curvas_de_treino(historicos, medidas=("acuracia_validacao",), ax=None, titulo: str | None = None) -> dict:
    """Desenha, época a época, as `medidas` de cada histórico; devolve `{rótulo: valores desenhados}`.

    `historicos` é um histórico só ou um dicionário `{nome: histórico}`. As
    acurácias são desenhadas em porcentagem; os custos, como estão. A época 1
    é a primeira (o eixo conta a partir de 1, como se fala).
    """
    if not isinstance(historicos, dict) or any(k in historicos for k in NOMES_DAS_MEDIDAS):
        historicos = {"": historicos}
    if not historicos:
        raise ValueError("esperava pelo menos um histórico em `historicos`")
    medidas = [medidas] if isinstance(medidas, str) else list(medidas)
    desconhecidas = [m for m in medidas if m not in NOMES_DAS_MEDIDAS]
    if not medidas or desconhecidas:
        raise ValueError(f"medida desconhecida: {desconhecidas or medidas}; opções: {', '.join(NOMES_DAS_MEDIDAS)}")
    if ax is None:
        _, ax = figura(largura=5.0, altura=3.0)
    desenhadas = {}
    estilos = ["-", "--", ":", "-."]
    for i, (nome, historico) in enumerate(historicos.items()):
        h = _como_historico(historico, f"historicos[{nome!r}]")
        for j, medida in enumerate(medidas):
            if medida not in h:
                raise ValueError(f"o histórico {nome!r} não tem {medida!r}; tem: {', '.join(h)}")
            valores = np.asarray(h[medida], dtype=float) * (100.0 if medida.startswith("acuracia") else 1.0)
            rotulo = ", ".join(p for p in (str(nome), NOMES_DAS_MEDIDAS[medida] if len(medidas) > 1 else "") if p)
            cor = f"C{i}" if len(historicos) > 1 else f"C{j}"
            estilo = estilos[j % len(estilos)] if len(historicos) > 1 else "-"
            ax.plot(np.arange(1, len(valores) + 1), valores, estilo, color=cor, marker="o", ms=3.5,
                    label=rotulo or NOMES_DAS_MEDIDAS[medida])
            desenhadas[rotulo or NOMES_DAS_MEDIDAS[medida]] = valores
    epocas = max((len(v) for v in desenhadas.values()), default=1)
    ax.set_xticks(range(1, epocas + 1, max(1, epocas // 10)))
    ax.set_xlabel("época")
    ax.set_ylabel("acurácia (%)" if medidas[0].startswith("acuracia") else "custo")
    if titulo:
        ax.set_title(titulo)
    if len(desenhadas) > 1:
        ax.legend(fontsize=8)
    return desenhadas


def figura_curvas_de_treino(historicos, paineis=(("custo", "custo_validacao"), ("acuracia", "acuracia_validacao")),
                            largura: float = 8.4, altura: float = 2.9) -> dict:
    """Um painel por grupo de medidas (padrão: custos à esquerda, acurácias à direita); devolve `{painel: curvas}`."""
    paineis = [tuple([p] if isinstance(p, str) else p) for p in paineis]
    if not paineis:
        raise ValueError("esperava pelo menos um painel em `paineis`")
    _, eixos = figura(colunas=len(paineis), largura=largura, altura=altura)
    eixos = np.atleast_1d(eixos)
    return {p: curvas_de_treino(historicos, p, ax=ax) for p, ax in zip(paineis, eixos)}


def galeria_de_erros(imagens, erros, maximo: int = 20, colunas: int = 10, celula: float = 0.62) -> list:
    """Os primeiros `maximo` dígitos errados: rótulo certo em vermelho (esquerda), resposta da rede em azul (direita).

    `erros` é um `ErrosDeClassificacao` (ou a tupla `(indices, previstos, verdadeiros)`)
    com posições em `imagens`. Usa `grade_digitos` e escreve a resposta em cada
    célula. Devolve a lista `[(indice, verdadeiro, previsto), ...]` do que foi desenhado.
    """
    try:
        indices, previstos, verdadeiros = (np.asarray(parte) for parte in erros)
    except (TypeError, ValueError):
        raise TypeError(f"esperava `erros` como (indices, previstos, verdadeiros), recebi {_descrever(erros)}") from None
    if not (indices.shape == previstos.shape == verdadeiros.shape) or indices.ndim != 1:
        raise ValueError(f"esperava indices, previstos e verdadeiros com a mesma forma (n,), recebi "
                         f"{indices.shape}, {previstos.shape} e {verdadeiros.shape}")
    maximo = como_inteiro(maximo, "maximo", 1, 400)
    if indices.size == 0:
        fig, ax = figura(largura=4.0, altura=0.8)
        ax.set_axis_off()
        ax.text(0.5, 0.5, "nenhum erro: a rede acertou todos os exemplos", ha="center", va="center")
        return []
    mostrar = slice(0, min(maximo, indices.size))
    indices, previstos, verdadeiros = (a[mostrar].astype(np.int64) for a in (indices, previstos, verdadeiros))
    fig = grade_digitos(np.asarray(imagens)[indices], verdadeiros, colunas=colunas, celula=celula)
    ax = fig.axes[0]
    colunas = min(colunas, indices.size)
    passo = 30  # 28 pixels + a borda de 2 do mosaico de grade_digitos
    for i, p in enumerate(previstos):
        linha, coluna = divmod(i, colunas)
        ax.text(coluna * passo + passo - 2, linha * passo + 2, str(p), ha="right", va="top",
                fontsize=max(7.0, 11 * celula), color=CORES["azul"], fontweight="bold")
    for texto in ax.texts[:indices.size]:  # os rótulos certos, que grade_digitos escreveu
        texto.set_fontsize(max(7.0, 11 * celula))
        texto.set_fontweight("bold")
    ax.set_title("vermelho: rótulo certo · azul: resposta da rede", fontsize=8)
    return [(int(i), int(v), int(p)) for i, v, p in zip(indices, verdadeiros, previstos)]


def barras_linhas_de_base(acuracias: dict, destaque=(), ax=None) -> list:
    """Barras horizontais com a acurácia (em %) de cada classificador, da menor para a maior.

    `acuracias` é `{nome: porcentagem}`; os nomes em `destaque` saem em laranja.
    Devolve a lista `[(nome, porcentagem), ...]` na ordem desenhada (de baixo para cima).
    """
    if not isinstance(acuracias, dict) or not acuracias:
        raise TypeError(f"esperava um dicionário {{nome: acurácia em %}}, recebi {_descrever(acuracias)}")
    itens = []
    for nome, valor in acuracias.items():
        if isinstance(valor, bool) or not isinstance(valor, (int, float, np.number)) or not 0 <= float(valor) <= 100:
            raise ValueError(f"esperava a acurácia de {nome!r} em porcentagem (de 0 a 100), recebi {valor!r}")
        itens.append((str(nome), float(valor)))
    itens.sort(key=lambda item: item[1])
    if ax is None:
        _, ax = figura(largura=6.4, altura=0.34 * len(itens) + 0.8)
    cores = [CORES["laranja"] if nome in destaque else CORES["azul"] for nome, _ in itens]
    ax.barh(range(len(itens)), [v for _, v in itens], color=cores, height=0.65)
    for k, (_, v) in enumerate(itens):
        ax.text(v + 1, k, f"{v:.2f} %".replace(".", ","), va="center", fontsize=8)
    ax.set_yticks(range(len(itens)), [nome for nome, _ in itens], fontsize=8)
    ax.set_xlim(0, 112)
    ax.set_xticks(range(0, 101, 20))
    ax.set_xlabel("acurácia no teste (%)")
    ax.grid(axis="y", visible=False)
    return itens


def laboratorio_de_treino(X, y, X_avaliacao, y_avaliacao, ocultos: int = 30, taxa: float = 3.0, minilote: int = 10,
                          epocas: int = 3, exemplos: int = 5000, semente=0, ao_vivo: bool = True,
                          maximo_erros: int = 20) -> laboratorio.ResultadoTreino:
    """Treina uma rede [n, `ocultos`, 10] de sigmoides (custo quadrático, pesos N(0, 1)) e desenha o que aconteceu.

    Com `ao_vivo=True`, escreve uma linha por época enquanto treina (num painel,
    ela aparece na hora). No fim, desenha as curvas por época e a galeria dos
    dígitos de avaliação que a rede errou. Devolve o `ResultadoTreino`.
    """
    def progresso(t, medidas):
        print(f"época {t + 1}/{epocas}: acurácia {100 * medidas['acuracia_validacao']:.2f} % na validação, "
              f"custo de treino {medidas['custo']:.4f}", flush=True)

    resultado = laboratorio.treinar_mlp(X, y, X_avaliacao, y_avaliacao, ocultos=ocultos, taxa=taxa,
                                        minilote=minilote, epocas=epocas, exemplos=exemplos, semente=semente,
                                        classes=10, ao_fim_da_epoca=progresso if ao_vivo else None)
    figura_curvas_de_treino(resultado, largura=7.6, altura=2.5)
    erros = resultado.erros
    galeria_de_erros(X_avaliacao, erros, maximo=maximo_erros, celula=0.62)
    print(f"[{', '.join(map(str, resultado.configuracao['tamanhos']))}], η = {taxa:g}, minilote {minilote}, "
          f"{exemplos} imagens, {epocas} épocas: {100 * resultado.acuracia_final:.2f} % na validação "
          f"({erros.indices.size} erros)")
    return resultado
