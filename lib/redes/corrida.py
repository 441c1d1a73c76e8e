r"""Corrida de otimizadores em superfícies de duas variáveis, e o passo de Newton.

Os otimizadores de `redes.otimizadores` (SGD, Momentum, Nesterov, AdaGrad,
RMSProp, Adam) andam sobre as superfícies de `redes.descida`, um passo por
gradiente exato, e devolvem o caminho (um `redes.descida.Caminho`).

- `quadratica(kappa, angulo)`: a tigela mal condicionada
  $C = \tfrac12 v^\top H v$, com curvaturas $1/\kappa$ (o fundo do vale, na
  direção $(\cos\theta, \sin\theta)$) e $1$ (as paredes); $\kappa$ é o número
  de condição, a razão entre a maior e a menor curvatura.
- `caminho_otimizador`, `correr`: o caminho de um otimizador, ou de vários.
- `passo_newton`, `caminho_newton`: $\Delta v = -H^{-1}\nabla C$, resolvendo
  $H\,\Delta v = -\nabla C$ com `np.linalg.solve` (sem inverter $H$).
- `parametros_otimos`: os melhores $\eta$ (e $\mu$) da descida e do momentum
  numa quadrática com curvaturas entre $\ell$ e $L$; com eles o erro encolhe,
  por passo, pelo fator $(\kappa - 1)/(\kappa + 1)$ na descida e
  $(\sqrt\kappa - 1)/(\sqrt\kappa + 1)$ no momentum.
- `passos_ate`: o primeiro passo em que $C - C^*$ fica abaixo de uma tolerância.
- `hessiana_numerica`: a hessiana por diferenças centradas do gradiente.
"""
from __future__ import annotations

import math

import numpy as np

from . import otimizadores as _otim
from ._lotes import inteiro, real
from ._validacao import como_array, escolher
from .descida import SUPERFICIES, Caminho, Superficie, superficie

#: Os seis otimizadores da corrida, na ordem dos gráficos.
NOMES = ("SGD", "Momentum", "Nesterov", "AdaGrad", "RMSProp", "Adam")
#: Os que dividem o passo por uma média de $g^2$ (a taxa deles é uma distância, não distância por unidade de gradiente).
ADAPTATIVOS = ("AdaGrad", "RMSProp", "Adam")


def quadratica(kappa: float = 10.0, angulo: float = 0.0) -> Superficie:
    r"""A quadrática $C(v) = \tfrac12 v^\top H v$ com número de condição $\kappa \ge 1$.

    $H = \tfrac1\kappa\,u u^\top + n n^\top$, com $u = (\cos\theta, \sin\theta)$ (curvatura
    $1/\kappa$, o fundo do vale) e $n = (-\sin\theta, \cos\theta)$ (curvatura 1, as paredes);
    `angulo` é $\theta$ em graus. Com $\theta = 0$, $C = \tfrac12(v_1^2/\kappa + v_2^2)$.
    A maior curvatura é sempre 1, então a descida do gradiente converge para $\eta < 2$ em
    qualquer $\kappa$; o que muda com $\kappa$ é a lentidão no fundo do vale.
    """
    kappa = real(kappa, "kappa", minimo=1.0)
    theta = math.radians(real(angulo, "angulo"))
    u = np.array([math.cos(theta), math.sin(theta)])
    n = np.array([-math.sin(theta), math.cos(theta)])
    H = np.outer(u, u) / kappa + np.outer(n, n)

    def valor(v):
        v = np.asarray(v, dtype=float)
        return 0.5 * np.einsum("...i,ij,...j->...", v, H, v)

    def gradiente(v):
        return np.asarray(v, dtype=float) @ H

    nome = f"quadrática (κ = {kappa:g})" if theta == 0 else f"quadrática girada (κ = {kappa:g}, θ = {angulo:g}°)"
    return Superficie(nome, r"C = \tfrac12 v^\top H v", valor, gradiente, lambda v: H.copy(),
                      np.array([[0.0, 0.0]]), (-2.5, 2.5, -2.5, 2.5), (-2.0, 1.0))


#: Superfícies que `superficie_da_corrida` conhece, além das de `redes.descida`.
QUADRATICAS = {"quadrática": 0.0, "quadrática girada": 45.0}


def superficie_da_corrida(nome, kappa: float = 10.0) -> Superficie:
    """`"quadrática"` ($\\theta = 0$), `"quadrática girada"` ($\\theta = 45°$) com esse $\\kappa$, ou uma de `redes.descida`."""
    if isinstance(nome, Superficie):
        return nome
    nome = escolher(nome, "superficie", [*QUADRATICAS, *SUPERFICIES])
    if nome in QUADRATICAS:
        return quadratica(kappa, QUADRATICAS[nome])
    return superficie(nome)


def otimizador(nome: str, taxa: float, mu: float = 0.9) -> _otim.Otimizador:
    """Um otimizador novo de `redes.otimizadores` pelo nome; `mu` vale para Momentum e Nesterov (os outros usam
    os padrões: RMSProp com $\\rho = 0{,}9$, Adam com $\\beta_1 = 0{,}9$ e $\\beta_2 = 0{,}999$)."""
    nome = escolher(nome, "otimizador", NOMES)
    classe = getattr(_otim, nome)
    return classe(taxa, mu=mu) if nome in ("Momentum", "Nesterov") else classe(taxa)


def _andar(sup: Superficie, v0, passos: int, limite: float, proximo, tolerancia=None) -> Caminho:
    v = como_array(sup.inicio if v0 is None else v0, "v0", forma=(2,)).copy()
    passos = inteiro(passos, "passos", minimo=0)
    limite = real(limite, "limite", acima_de=0.0)
    alvo = None if tolerancia is None else sup.minimo_global + real(tolerancia, "tolerancia", acima_de=0.0)
    pontos, valores, divergiu = [v.copy()], [float(sup.valor(v))], False
    with np.errstate(all="ignore"):
        for _ in range(passos):
            if alvo is not None and valores[-1] < alvo:
                break
            novo = proximo(v)
            if novo is None or not np.all(np.isfinite(novo)) or np.max(np.abs(novo)) > limite:
                divergiu = True
                break
            v = novo
            pontos.append(v.copy())
            valores.append(float(sup.valor(v)))
    return Caminho(np.array(pontos), np.array(valores), divergiu)


def caminho_otimizador(sup, otim: _otim.Otimizador, passos: int, v0=None, limite: float = 1e6,
                       tolerancia: float | None = None) -> Caminho:
    r"""Os pontos visitados por `otim` (um objeto de `redes.otimizadores`) na superfície `sup`, a partir de `v0`
    (ou de `sup.inicio`), com o gradiente exato a cada passo.

    Como `redes.descida.caminho_descida`: para sem avisos se uma coordenada passa de `limite` ou vira NaN
    (`divergiu` verdadeiro) e devolve também $C$ em cada ponto. Com `tolerancia`, para antes, assim que
    $C - C^* <$ `tolerancia`.
    """
    sup = superficie_da_corrida(sup)
    if not isinstance(otim, _otim.Otimizador):
        raise TypeError(f"esperava um otimizador de redes.otimizadores, recebi {type(otim).__name__}")

    def proximo(v):
        g = np.asarray(sup.gradiente(v), dtype=float)
        if not np.all(np.isfinite(g)):
            return None
        w = v.copy()
        otim.passo([w], [g])
        return w

    return _andar(sup, v0, passos, limite, proximo, tolerancia)


def passo_newton(gradiente, hessiana) -> np.ndarray:
    r"""O passo de Newton $\Delta v = -H^{-1}\nabla C$, o mínimo do modelo quadrático
    $C + \nabla C\cdot\Delta v + \tfrac12\Delta v^\top H\,\Delta v$.

    Resolve o sistema $H\,\Delta v = -\nabla C$ (`np.linalg.solve`), mais barato e mais
    preciso que calcular $H^{-1}$. Levanta `np.linalg.LinAlgError` se $H$ for singular.
    """
    g = como_array(gradiente, "gradiente", dims=1)
    H = como_array(hessiana, "hessiana", forma=(g.size, g.size))
    return np.linalg.solve(H, -g)


def caminho_newton(sup, passos: int, v0=None, taxa: float = 1.0, limite: float = 1e6) -> Caminho:
    r"""O método de Newton, $v \leftarrow v - \eta\,H^{-1}\nabla C$ (com $\eta = 1$, o passo cheio), em `sup`.

    Para (com `divergiu`) se a hessiana ficar singular. Numa quadrática, o passo cheio cai no mínimo de uma vez.
    """
    sup = superficie_da_corrida(sup)
    taxa = real(taxa, "taxa", acima_de=0.0)

    def proximo(v):
        try:
            return v + taxa * passo_newton(sup.gradiente(v), sup.hessiana(v))
        except (np.linalg.LinAlgError, ValueError):
            return None

    return _andar(sup, v0, passos, limite, proximo)


def correr(sup, taxa: float, passos: int, mu: float = 0.9, taxa_adaptativa: float | None = None, v0=None,
           nomes=NOMES) -> dict[str, Caminho]:
    r"""O caminho de cada otimizador de `nomes` em `sup`, todos do mesmo ponto.

    SGD, Momentum e Nesterov usam `taxa` (e `mu`); AdaGrad, RMSProp e Adam usam `taxa_adaptativa`
    (por padrão, a mesma `taxa`): neles o passo é $\eta\,g/\sqrt{\overline{g^2}}$, perto de $\eta$ em
    cada coordenada, então a escala boa de $\eta$ é outra.
    """
    taxa_adaptativa = taxa if taxa_adaptativa is None else taxa_adaptativa
    caminhos = {}
    for nome in nomes:
        nome = escolher(nome, "otimizador", NOMES)
        eta = taxa_adaptativa if nome in ADAPTATIVOS else taxa
        caminhos[nome] = caminho_otimizador(sup, otimizador(nome, eta, mu), passos, v0=v0)
    return caminhos


def passos_ate(caminho: Caminho, tolerancia: float, minimo: float = 0.0, de_vez: bool = True) -> int | None:
    """Quantos passos até $C(v_t) - C^*$ ficar abaixo de `tolerancia` ($C^*$ = `minimo`); None se não fica.

    Com `de_vez=True`, o primeiro $t$ a partir do qual o custo **não volta** a passar da tolerância até o fim
    do caminho (um método que oscila pode encostar no mínimo e sair de novo); com `de_vez=False`, a primeira
    vez que ele fica abaixo.
    """
    tolerancia = real(tolerancia, "tolerancia", acima_de=0.0)
    if caminho.valores is None:
        raise ValueError("o caminho não tem os valores de C: use valor=... ao criá-lo")
    abaixo = np.asarray(caminho.valores) - real(minimo, "minimo") < tolerancia
    if not de_vez:
        return int(np.argmax(abaixo)) if abaixo.any() else None
    if not abaixo[-1]:
        return None
    acima = np.flatnonzero(~abaixo)
    return int(acima[-1]) + 1 if acima.size else 0


def parametros_otimos(curvatura_min: float, curvatura_max: float) -> dict:
    r"""Os melhores hiperparâmetros fixos numa quadrática com curvaturas entre $\ell$ e $L$ ($\kappa = L/\ell$).

    - descida do gradiente: $\eta = 2/(L + \ell)$, fator por passo $(\kappa - 1)/(\kappa + 1)$;
    - momentum (Polyak, 1964): $\eta = 4/(\sqrt L + \sqrt\ell)^2$,
      $\mu = \big((\sqrt\kappa - 1)/(\sqrt\kappa + 1)\big)^2$, fator por passo $\sqrt\mu$.

    O fator diz quanto a distância ao mínimo encolhe a cada passo (no pior caso).
    """
    ell = real(curvatura_min, "curvatura_min", acima_de=0.0)
    L = real(curvatura_max, "curvatura_max", minimo=ell)
    kappa, raiz = L / ell, math.sqrt(L / ell)
    return {"kappa": kappa,
            "taxa_gd": 2.0 / (L + ell), "fator_gd": (kappa - 1) / (kappa + 1),
            "taxa_momentum": 4.0 / (math.sqrt(L) + math.sqrt(ell)) ** 2,
            "mu": ((raiz - 1) / (raiz + 1)) ** 2, "fator_momentum": (raiz - 1) / (raiz + 1)}


def hessiana_numerica(gradiente, v, h: float = 1e-5) -> np.ndarray:
    r"""A hessiana por diferenças centradas do gradiente, coluna a coluna:
    $H_{:,j} \approx \big(\nabla C(v + h e_j) - \nabla C(v - h e_j)\big)/(2h)$, simetrizada no fim."""
    if not callable(gradiente):
        raise TypeError(f"esperava uma função em `gradiente`, recebi {type(gradiente).__name__}")
    v = como_array(v, "v", dims=1)
    h = real(h, "h", acima_de=0.0)
    H = np.empty((v.size, v.size))
    for j in range(v.size):
        e = np.zeros_like(v)
        e[j] = h
        H[:, j] = (np.asarray(gradiente(v + e), dtype=float) - np.asarray(gradiente(v - e), dtype=float)) / (2 * h)
    return 0.5 * (H + H.T)
