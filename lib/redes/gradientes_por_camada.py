r"""A velocidade de cada camada: $\lVert\delta^l\rVert = \lVert\partial C/\partial \mathbf b^l\rVert$ numa rede densa profunda.

Convenção do curso (um exemplo por linha): $Z^l = A^{l-1}W^l + \mathbf b^l$.
As camadas ocultas usam a ativação $g$ escolhida (sigmoide, tanh ou ReLU); a
saída é sempre sigmoide. Com a entropia cruzada
$C = -\frac1m\sum_x\sum_k [y_k\ln a_k + (1-y_k)\ln(1-a_k)]$ vale
$\Delta^L = (A^L - Y)/m$; com o custo quadrático, $\Delta^L = (A^L - Y)\odot\sigma'(Z^L)/m$.
Para trás, $\Delta^l = (\Delta^{l+1}(W^{l+1})^\top)\odot g'(Z^l)$ e
$\partial C/\partial\mathbf b^l = \sum_{\text{linhas}}\Delta^l$.

Três remédios que o livro-texto não mostra, todos opcionais:

- **normalização** (`normalizar=True`): em cada camada oculta, cada linha de $Z^l$ é
  centrada e dividida pelo seu desvio, $\hat z = (z - \mu)/\sqrt{s^2 + \epsilon}$, antes da
  ativação (uma normalização de camada sem parâmetros aprendidos);
- **conexões residuais** (`residual=True`): entre camadas ocultas de mesma largura,
  $A^l = A^{l-1} + g(\cdot)$, e o gradiente tem um caminho direto para trás;
- **recorte pela norma global** (`recortar_pela_norma`): se $\lVert g\rVert > c$, o gradiente
  inteiro é multiplicado por $c/\lVert g\rVert$.
"""
from __future__ import annotations

import numpy as np

from ._lotes import gerador, inteiro, lote, real
from ._validacao import escolher
from .ativacoes import relu, sigmoide, tanh
from .gradiente import gradiente_numerico
from .retropropagacao import Gradientes, iniciar

ATIVACOES = ("sigmoide", "tanh", "relu")
INICIALIZACOES = ("grande", "lecun", "glorot", "he")
CUSTOS = ("entropia", "quadratico")
EPS = 1e-5


#: Ativação → (g, g′ escrita com z e a = g(z)).
_G = {"sigmoide": (sigmoide, lambda z, a: a * (1 - a)),
      "tanh": (tanh, lambda z, a: 1 - a * a),
      "relu": (relu, lambda z, a: (z > 0).astype(float))}


def iniciar_rede(profundidade: int, largura: int, entradas: int = 784, saidas: int = 10,
                 inicializacao: str = "lecun", escala: float = 1.0, semente=0):
    r"""Pesos e vieses de $[\text{entradas}, \text{largura} \times \text{profundidade}, \text{saídas}]$.

    Usa os esquemas de `redes.inicializacao` e multiplica todos os pesos por `escala`.
    """
    tamanhos = [inteiro(entradas, "entradas")] + [inteiro(largura, "largura")] * inteiro(
        profundidade, "profundidade") + [inteiro(saidas, "saidas")]
    inicializacao = escolher(inicializacao, "inicializacao", INICIALIZACOES)
    escala = real(escala, "escala", acima_de=0.0)
    pesos, vieses = iniciar(tamanhos, inicializacao, semente)
    return [escala * W for W in pesos], vieses


def _conferir(pesos, vieses, X, Y, ativacao, custo):
    if not isinstance(pesos, (list, tuple)) or not isinstance(vieses, (list, tuple)) or len(pesos) != len(vieses) \
            or not pesos:
        raise ValueError("esperava listas `pesos` e `vieses` do mesmo tamanho, uma entrada por camada")
    X = lote(X, "X", np.shape(pesos[0])[0], np.float64)
    Y = lote(Y, "Y", np.shape(pesos[-1])[1], np.float64)
    if X.shape[0] != Y.shape[0]:
        raise ValueError(f"X tem {X.shape[0]} exemplos e Y tem {Y.shape[0]}: esperava um alvo por exemplo")
    return X, Y, escolher(ativacao, "ativacao", ATIVACOES), escolher(custo, "custo", CUSTOS)


def _ida(pesos, vieses, X, ativacao, normalizar, residual):
    g = _G[ativacao][0]
    A, guardados = [X], []
    L = len(pesos)
    for l, (W, b) in enumerate(zip(pesos, vieses)):
        Z = A[-1] @ W + b
        if l == L - 1:
            guardados.append((Z, None, None, None))
            A.append(sigmoide(Z))
            break
        N, inv = Z, None
        if normalizar:
            centrado = Z - Z.mean(axis=1, keepdims=True)
            inv = 1.0 / np.sqrt((centrado ** 2).mean(axis=1, keepdims=True) + EPS)
            N = centrado * inv
        H = g(N)
        pula = residual and l > 0 and W.shape[0] == W.shape[1]
        guardados.append((N, inv, H, pula))
        A.append(A[-1] + H if pula else H)
    return A, guardados


def _valor_do_custo(AL, ZL, Y, custo):
    m = Y.shape[0]
    if custo == "quadratico":
        return float(0.5 * np.sum((AL - Y) ** 2) / m)
    # ln a = -ln(1 + e^{-z}), ln(1 - a) = -ln(1 + e^{z}): estável para |z| grande
    return float(np.sum(Y * np.logaddexp(0, -ZL) + (1 - Y) * np.logaddexp(0, ZL)) / m)


def gradientes(pesos, vieses, X, Y, ativacao: str = "sigmoide", custo: str = "entropia",
               normalizar: bool = False, residual: bool = False) -> Gradientes:
    r"""Passo para frente e para trás; devolve $\nabla_{W^l}C$, $\nabla_{\mathbf b^l}C$, $\Delta^l$ e o custo.

    Na normalização, com $\hat z = (z - \mu)\,r$ e $r = 1/\sqrt{s^2 + \epsilon}$ (por linha, $n$ neurônios):
    $$\frac{\partial C}{\partial z} = r\Big(\frac{\partial C}{\partial\hat z}
      - \overline{\frac{\partial C}{\partial\hat z}} - \hat z\,\overline{\frac{\partial C}{\partial\hat z}\hat z}\Big),$$
    em que a barra é a média sobre os $n$ neurônios da linha.
    """
    X, Y, ativacao, custo = _conferir(pesos, vieses, X, Y, ativacao, custo)
    W = [np.asarray(w, float) for w in pesos]
    A, guardados = _ida(W, vieses, X, ativacao, normalizar, residual)
    m, L = X.shape[0], len(W)
    ZL = guardados[-1][0]
    delta = (A[-1] - Y) / m
    if custo == "quadratico":
        delta = delta * A[-1] * (1 - A[-1])
    gW, gb, deltas = [None] * L, [None] * L, [None] * L
    dA = None
    derivada = _G[ativacao][1]
    for l in range(L - 1, -1, -1):
        if l < L - 1:
            N, inv, H, pula = guardados[l]
            dN = dA * derivada(N, H)
            if normalizar:
                dN = inv * (dN - dN.mean(axis=1, keepdims=True) - N * (dN * N).mean(axis=1, keepdims=True))
            delta = dN
        deltas[l], gW[l], gb[l] = delta, A[l].T @ delta, delta.sum(axis=0)
        anterior = delta @ W[l].T
        if l < L - 1 and guardados[l][3]:
            anterior = anterior + dA             # o caminho direto da conexão residual
        dA = anterior
    return Gradientes(gW, gb, deltas, _valor_do_custo(A[-1], ZL, Y, custo))


def custo_da_rede(pesos, vieses, X, Y, ativacao="sigmoide", custo="entropia", normalizar=False, residual=False):
    """Só o valor do custo (para as diferenças finitas)."""
    X, Y, ativacao, custo = _conferir(pesos, vieses, X, Y, ativacao, custo)
    A, guardados = _ida([np.asarray(w, float) for w in pesos], vieses, X, ativacao, normalizar, residual)
    return _valor_do_custo(A[-1], guardados[-1][0], Y, custo)


def gradiente_por_diferencas(pesos, vieses, X, Y, h: float = 1e-6, **opcoes):
    r"""$(\nabla_W C, \nabla_b C)$ por diferenças centradas, $[C(\theta + h) - C(\theta - h)]/2h$ (lento: $2P$ passadas)."""
    W = [np.array(w, dtype=float) for w in pesos]
    b = [np.array(v, dtype=float) for v in vieses]

    def f(_):
        return custo_da_rede(W, b, X, Y, **opcoes)
    return [gradiente_numerico(f, w, h) for w in W], [gradiente_numerico(f, v, h) for v in b]


def velocidades(grad: Gradientes) -> np.ndarray:
    r"""$\lVert\partial C/\partial\mathbf b^l\rVert$ de cada camada oculta (sem a de saída): a "velocidade" de Nielsen."""
    return np.array([float(np.linalg.norm(v)) for v in grad.b[:-1]])


def normas_por_camada(X, Y, profundidade: int = 4, largura: int = 30, ativacao: str = "sigmoide",
                      inicializacao: str = "lecun", escala: float = 1.0, semente=0, custo: str = "entropia",
                      normalizar: bool = False, residual: bool = False) -> np.ndarray:
    """Sorteia a rede e devolve as velocidades das camadas ocultas na inicialização."""
    X = lote(X, "X", None, np.float64)
    pesos, vieses = iniciar_rede(profundidade, largura, X.shape[1], np.shape(Y)[1], inicializacao, escala, semente)
    return velocidades(gradientes(pesos, vieses, X, Y, ativacao, custo, normalizar, residual))


def norma_global(grad: Gradientes) -> float:
    r"""$\lVert g\rVert = \sqrt{\sum_l \lVert\nabla_{W^l}C\rVert^2 + \lVert\nabla_{\mathbf b^l}C\rVert^2}$."""
    return float(np.sqrt(sum(np.sum(g * g) for g in grad.W + grad.b)))


def recortar_pela_norma(grad: Gradientes, limite: float):
    r"""Recorte pela norma global: $g \leftarrow g\cdot\min(1, c/\lVert g\rVert)$. Devolve `(recortado, antes, depois)`.

    A direção não muda; só o tamanho do passo fica limitado a $c$.
    """
    limite = real(limite, "limite", acima_de=0.0)
    antes = norma_global(grad)
    fator = min(1.0, limite / antes) if antes > 0 else 1.0
    novo = Gradientes([fator * g for g in grad.W], [fator * g for g in grad.b],
                      [fator * d for d in grad.deltas], grad.custo)
    return novo, antes, norma_global(novo)


def treinar_medindo(X, Y, pesos, vieses, epocas: int = 500, taxa: float = 0.1, ativacao: str = "sigmoide",
                    custo: str = "entropia", lambda_l2: float = 0.0, normalizar: bool = False,
                    residual: bool = False) -> dict:
    r"""Descida do gradiente em lote completo, guardando as velocidades antes de cada passo e depois do último.

    $W \leftarrow (1 - \eta\lambda/m)W - \eta\nabla_W C$, $\mathbf b \leftarrow \mathbf b - \eta\nabla_{\mathbf b}C$.
    Devolve `velocidades` (forma `(epocas + 1, camadas ocultas)`), `custos`, `pesos` e `vieses` finais
    (cópias; as listas recebidas não mudam).
    """
    epocas = inteiro(epocas, "epocas", minimo=0)
    taxa, lambda_l2 = real(taxa, "taxa", acima_de=0.0), real(lambda_l2, "lambda_l2", minimo=0.0)
    W = [np.array(w, dtype=float) for w in pesos]
    b = [np.array(v, dtype=float) for v in vieses]
    m = np.shape(X)[0]
    linhas, custos = [], []
    for t in range(epocas + 1):
        grad = gradientes(W, b, X, Y, ativacao, custo, normalizar, residual)
        linhas.append(velocidades(grad))
        custos.append(grad.custo)
        if t == epocas:
            break
        for l in range(len(W)):
            W[l] = (1 - taxa * lambda_l2 / m) * W[l] - taxa * grad.W[l]
            b[l] = b[l] - taxa * grad.b[l]
    return {"velocidades": np.array(linhas), "custos": np.array(custos), "pesos": W, "vieses": b}


def dados_de_brinquedo(exemplos: int = 20, entradas: int = 6, saidas: int = 3, semente=0):
    """Um lote pequeno, sorteado, para conferências rápidas: `X` normal e `Y` one-hot."""
    rng = gerador(semente)
    X = rng.standard_normal((inteiro(exemplos, "exemplos"), inteiro(entradas, "entradas")))
    Y = np.eye(inteiro(saidas, "saidas"))[rng.integers(0, saidas, X.shape[0])]
    return X, Y
