r"""Descida do gradiente: superfícies de teste, o caminho da descida e a estabilidade.

A regra é uma linha só: a partir de $v_0$, repetir

$$v_{t+1} = v_t - \eta\,\nabla C(v_t),$$

com a taxa de aprendizado $\eta > 0$. Para $\eta$ pequeno, cada passo muda o
custo em $\Delta C \approx -\eta\lVert\nabla C\rVert^2 \le 0$.

- Quatro superfícies $C(v_1, v_2)$ com valor, gradiente e hessiana exatos
  (`SUPERFICIES`, `superficie(nome)`): tigela redonda, tigela alongada,
  Rosenbrock e dois mínimos.
- `caminho_descida(gradiente, v0, taxa, passos)`: os pontos visitados; para
  sem avisos quando os números explodem e marca `divergiu`.
- Estabilidade numa quadrática $C = \tfrac a2 v^2$: $v_{t+1} = (1 - \eta a)\,v_t$,
  que converge se e só se $0 < \eta < 2/a$ (`regime_quadratica`, `taxa_maxima_estavel`).

A regressão linear com ruído treinada em lote, um exemplo por vez ou em
minilotes está em `redes.regressao`.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, NamedTuple

import numpy as np

from ._lotes import inteiro, real
from ._validacao import como_array, escolher


# ------------------------------------------------------------------ superfícies

def _v(v):
    v = np.asarray(v, dtype=float)
    if v.shape[-1:] != (2,):
        raise ValueError(f"esperava pontos com 2 coordenadas (último eixo de tamanho 2), recebi forma {v.shape}")
    return v[..., 0], v[..., 1]


@dataclass(frozen=True)
class Superficie:
    """Uma função $C(v_1, v_2)$ com gradiente e hessiana exatos, os mínimos e uma janela para desenhar.

    `valor`, `gradiente` e `hessiana` aceitam um ponto `(2,)` ou uma grade `(..., 2)`.
    `minimos` tem um mínimo por linha, o global primeiro.
    """

    nome: str
    formula: str
    valor: Callable
    gradiente: Callable
    hessiana: Callable
    minimos: np.ndarray
    janela: tuple
    inicio: tuple

    @property
    def minimo_global(self) -> float:
        """O menor valor de $C$."""
        return float(self.valor(self.minimos[0]))


def _dois_minimos_criticos():
    raizes = np.sort(np.roots([4.0, 0.0, -4.0, 0.3]).real)      # dC/dv1 = 4v³ − 4v + 0,3 = 0
    return raizes[0], raizes[2]


def _superficies() -> dict[str, Superficie]:
    def redonda(v):
        a, b = _v(v)
        return 0.5 * (a ** 2 + b ** 2)

    def alongada(v):
        a, b = _v(v)
        return 0.5 * (a ** 2 + 10 * b ** 2)

    def rosenbrock(v):
        a, b = _v(v)
        return (1 - a) ** 2 + 100 * (b - a ** 2) ** 2

    def grad_rosenbrock(v):
        a, b = _v(v)
        return np.stack([-2 * (1 - a) - 400 * a * (b - a ** 2), 200 * (b - a ** 2)], axis=-1)

    def hess_rosenbrock(v):
        a, b = _v(v)
        return np.array([[2 - 400 * (b - a ** 2) + 800 * a ** 2, -400 * a], [-400 * a, 200.0]])

    def dois(v):
        a, b = _v(v)
        return (a ** 2 - 1) ** 2 + b ** 2 + 0.3 * a

    def grad_dois(v):
        a, b = _v(v)
        return np.stack([4 * a * (a ** 2 - 1) + 0.3, 2 * b], axis=-1)

    esq, dir_ = _dois_minimos_criticos()
    return {
        "tigela redonda": Superficie(
            "tigela redonda", r"C = \tfrac12(v_1^2 + v_2^2)", redonda, lambda v: np.asarray(v, float) * 1.0,
            lambda v: np.eye(2), np.array([[0.0, 0.0]]), (-2.5, 2.5, -2.5, 2.5), (-2.0, 1.5)),
        "tigela alongada": Superficie(
            "tigela alongada", r"C = \tfrac12(v_1^2 + 10\,v_2^2)", alongada,
            lambda v: np.asarray(v, float) * np.array([1.0, 10.0]), lambda v: np.diag([1.0, 10.0]),
            np.array([[0.0, 0.0]]), (-2.5, 2.5, -2.5, 2.5), (-2.0, 1.5)),
        "Rosenbrock": Superficie(
            "Rosenbrock", r"C = (1 - v_1)^2 + 100\,(v_2 - v_1^2)^2", rosenbrock, grad_rosenbrock, hess_rosenbrock,
            np.array([[1.0, 1.0]]), (-2.0, 2.0, -1.0, 3.0), (-1.5, 2.0)),
        "dois mínimos": Superficie(
            "dois mínimos", r"C = (v_1^2 - 1)^2 + v_2^2 + 0{,}3\,v_1", dois, grad_dois,
            lambda v: np.array([[12 * _v(v)[0] ** 2 - 4, 0.0], [0.0, 2.0]]),
            np.array([[esq, 0.0], [dir_, 0.0]]), (-2.0, 2.0, -2.0, 2.0), (1.5, 1.5)),
    }


#: As quatro superfícies de teste, pelo nome.
SUPERFICIES = _superficies()


def superficie(nome) -> Superficie:
    """A superfície de `SUPERFICIES` com esse nome (ou a própria, se já for uma `Superficie`)."""
    if isinstance(nome, Superficie):
        return nome
    return SUPERFICIES[escolher(nome, "superficie", SUPERFICIES)]


# ------------------------------------------------------------------ o caminho

class Caminho(NamedTuple):
    """Os pontos visitados (`(k + 1, d)`, o início primeiro), os valores de $C$ neles (ou None) e se divergiu."""

    pontos: np.ndarray
    valores: np.ndarray | None
    divergiu: bool

    @property
    def final(self) -> np.ndarray:
        """O último ponto com números finitos."""
        return self.pontos[-1]

    @property
    def passos_feitos(self) -> int:
        return len(self.pontos) - 1


def caminho_descida(gradiente, v0, taxa, passos: int, valor=None, limite: float = 1e6) -> Caminho:
    r"""Descida do gradiente a partir de `v0`: $v_{t+1} = v_t - \eta\,\nabla C(v_t)$, por `passos` passos.

    Se uma coordenada passa de `limite` em valor absoluto (ou vira NaN ou infinito),
    a descida para ali, sem avisos: `divergiu` fica verdadeiro e `pontos` termina no
    último ponto são. Com `valor` (a função $C$), devolve também $C$ em cada ponto.
    """
    if not callable(gradiente):
        raise TypeError(f"esperava uma função em `gradiente`, recebi {type(gradiente).__name__}")
    v = como_array(v0, "v0", dims=1).copy()
    taxa = real(taxa, "taxa", minimo=0.0)
    passos = inteiro(passos, "passos", minimo=0)
    pontos, divergiu = [v], False
    with np.errstate(all="ignore"):
        for _ in range(passos):
            g = np.asarray(gradiente(v), dtype=float)
            if g.shape != v.shape:
                raise ValueError(f"esperava o gradiente com forma {v.shape}, recebi {g.shape}")
            novo = v - taxa * g
            if not np.all(np.isfinite(novo)) or np.max(np.abs(novo)) > limite:
                divergiu = True
                break
            v = novo
            pontos.append(v)
        pontos = np.array(pontos)
        valores = None if valor is None else np.array([float(valor(p)) for p in pontos])
    return Caminho(pontos, valores, divergiu)


def variacao_do_custo(valor, gradiente, v, taxa) -> tuple[float, float]:
    r"""Um passo da descida a partir de `v`: $\Delta C$ previsto, $-\eta\lVert\nabla C\rVert^2$, e o real, $C(v - \eta\nabla C) - C(v)$."""
    v = como_array(v, "v", dims=1)
    taxa = real(taxa, "taxa", minimo=0.0)
    g = np.asarray(gradiente(v), dtype=float)
    return float(-taxa * g @ g), float(valor(v - taxa * g) - valor(v))


# ------------------------------------------------------------------ estabilidade

def regime_quadratica(a, taxa) -> str:
    r"""Como a descida se comporta em $C = \tfrac a2 v^2$ ($a > 0$), onde $v_{t+1} = (1 - \eta a)\,v_t$.

    - `"monótona"`: $0 < \eta < 1/a$ (o fator fica entre 0 e 1);
    - `"um passo"`: $\eta = 1/a$ (fator 0: chega ao mínimo no primeiro passo);
    - `"oscilante"`: $1/a < \eta < 2/a$ (fator entre −1 e 0: troca de lado, mas encolhe);
    - `"não converge"`: $\eta = 0$ ou $\eta = 2/a$ (fator 1 ou −1: fica parado ou pula para sempre);
    - `"diverge"`: $\eta > 2/a$ (fator abaixo de −1: cada passo aumenta $|v|$).
    """
    a = real(a, "a", acima_de=0.0)
    fator = 1.0 - real(taxa, "taxa", minimo=0.0) * a
    tol = 1e-12
    if abs(fator) > 1 + tol:
        return "diverge"
    if abs(abs(fator) - 1) <= tol:
        return "não converge"
    if abs(fator) <= tol:
        return "um passo"
    return "monótona" if fator > 0 else "oscilante"


def taxa_maxima_estavel(curvatura) -> float:
    r"""O limite $2/\lambda_{\max}$: a descida numa quadrática converge se e só se $\eta$ fica abaixo dele.

    `curvatura` é o $a$ de $C = \tfrac a2 v^2$, um vetor de curvaturas (as de
    $C = \tfrac12\sum_i a_i v_i^2$) ou a hessiana $H$ (simétrica, definida
    positiva) de $C = \tfrac12 v^\top H v$; $\lambda_{\max}$ é a maior curvatura.
    """
    H = como_array(curvatura, "curvatura", dims=(0, 1, 2))
    if H.ndim == 2:
        if H.shape[0] != H.shape[1] or not np.allclose(H, H.T):
            raise ValueError(f"esperava uma hessiana quadrada e simétrica, recebi forma {H.shape}")
        autovalores = np.linalg.eigvalsh(H)
    else:
        autovalores = H.ravel()
    if autovalores.size == 0 or np.min(autovalores) <= 0:
        raise ValueError("esperava curvaturas positivas (uma tigela, não uma sela ou um vale plano)")
    return float(2.0 / np.max(autovalores))
