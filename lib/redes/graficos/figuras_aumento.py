r"""Figuras do aumento de dados: um dígito antes e depois das transformações, os efeitos de $\alpha$ e $\sigma$
na distorção elástica e a acurácia em função do tamanho do treino.

Cada função desenha e devolve algo conferível: a imagem transformada, as imagens
de uma grade, ou as acurácias lidas no ponto escolhido.
"""
from __future__ import annotations

import numpy as np

from .. import aumento
from .._lotes import real
from .._validacao import _descrever, como_inteiro, escolher
from .estilo import CORES, figura
from .figuras_mnist import _imagem, _limpar

#: Cores das curvas de acurácia, na ordem em que aparecem.
_CORES_CURVAS = ("azul", "laranja", "verde", "roxo", "vermelho", "celeste")


def transformar_digito(imagem, angulo: float = 0.0, dx: int = 0, dy: int = 0, alfa: float = 0.0, sigma: float = 4.0,
                semente=0) -> np.ndarray:
    """A imagem distorcida (se `alfa > 0`), depois girada `angulo` graus e por fim deslocada `(dx, dy)` pixels.

    É a mesma ordem de `redes.aumento.aumentar`. Devolve a imagem 28×28 em reais.
    """
    img = _imagem(imagem).astype(np.float64)
    if real(alfa, "alfa", minimo=0.0) > 0:
        img = aumento.distorcao_elastica(img, alfa, sigma, semente)
    if real(angulo, "angulo") != 0:
        img = aumento.girar(img, angulo)
    return aumento.deslocar(img, dx, dy)


def _sobrepor(original: np.ndarray, nova: np.ndarray) -> np.ndarray:
    """Imagem RGB: a original em laranja, a transformada em azul (onde as duas coincidem, escuro)."""
    laranja = np.array([0.90, 0.62, 0.0])
    azul = np.array([0.0, 0.45, 0.70])
    topo = max(float(original.max()), float(nova.max()), 1e-12)
    o, n = original[..., None] / topo, nova[..., None] / topo
    return np.clip(1.0 - o * (1.0 - laranja) - n * (1.0 - azul), 0.0, 1.0)


def figura_aumento(imagens, digito: int, angulo: float = 0.0, dx: int = 0, dy: int = 0, alfa: float = 0.0,
                   sigma: float = 4.0, semente=0) -> np.ndarray:
    """Três painéis: o dígito `imagens[digito]`, a versão transformada e as duas sobrepostas.

    `imagens` tem uma imagem por dígito (forma `(k, 28, 28)` ou `(k, 784)`); as
    transformações são as de `transformar_digito`. Devolve a imagem transformada (28×28).
    """
    lote = np.asarray(imagens)
    if lote.ndim not in (2, 3) or lote.dtype.kind not in "uif":
        raise ValueError(f"esperava em `imagens` um lote (k, 28, 28) ou (k, 784), recebi {_descrever(lote)}")
    digito = como_inteiro(digito, "digito", 0, len(lote) - 1)
    original = _imagem(lote[digito]).astype(np.float64)
    nova = transformar_digito(original, angulo, dx, dy, alfa, sigma, semente)
    fig, eixos = figura(colunas=3, largura=6.6, altura=2.5)
    topo = 255.0 if lote.dtype.kind in "iu" else 1.0
    eixos[0].imshow(original, cmap="gray_r", vmin=0, vmax=topo)
    eixos[0].set_title("original")
    eixos[1].imshow(nova, cmap="gray_r", vmin=0, vmax=topo)
    partes = [f"{angulo:+.0f}°" if angulo else "", f"dx = {dx:+d}, dy = {dy:+d}" if dx or dy else "",
              f"α = {alfa:.0f}, σ = {sigma:.1f}" if alfa else ""]
    eixos[1].set_title("; ".join(p for p in partes if p) or "sem transformação", fontsize=8)
    eixos[2].imshow(_sobrepor(original, nova))
    eixos[2].set_title("laranja: antes; azul: depois", fontsize=8)
    for ax in eixos:
        _limpar(ax)
    return nova


def grade_elastica(imagem, alfas=(8.0, 34.0, 80.0), sigmas=(1.0, 4.0, 8.0), semente=0) -> np.ndarray:
    """Grade de distorções elásticas da mesma imagem: uma linha por $\\sigma$, uma coluna por $\\alpha$.

    Todas usam a mesma `semente`, isto é, o mesmo ruído antes da suavização: só
    $\\alpha$ e $\\sigma$ mudam. Devolve as imagens, forma `(len(sigmas), len(alfas), 28, 28)`.
    """
    img = _imagem(imagem).astype(np.float64)
    alfas = [real(a, "alfas", minimo=0.0) for a in alfas]
    sigmas = [real(s, "sigmas", acima_de=0.0) for s in sigmas]
    if not alfas or not sigmas:
        raise ValueError("esperava pelo menos um valor em `alfas` e em `sigmas`")
    grade = np.stack([np.stack([aumento.distorcao_elastica(img, a, s, semente) for a in alfas]) for s in sigmas])
    fig, eixos = figura(colunas=len(alfas) + 1, linhas=len(sigmas), largura=1.25 * (len(alfas) + 1),
                        altura=1.3 * len(sigmas))
    eixos = np.asarray(eixos).reshape(len(sigmas), len(alfas) + 1)
    for i, s in enumerate(sigmas):
        eixos[i, 0].imshow(img, cmap="gray_r", vmin=0, vmax=max(float(img.max()), 1e-12))
        eixos[i, 0].set_title("original" if i == 0 else "", fontsize=8)
        eixos[i, 0].set_ylabel(f"σ = {s:g}", fontsize=8)
        for j, a in enumerate(alfas):
            eixos[i, j + 1].imshow(grade[i, j], cmap="gray_r", vmin=0, vmax=max(float(img.max()), 1e-12))
            if i == 0:
                eixos[i, j + 1].set_title(f"α = {a:g}", fontsize=8)
        for ax in eixos[i]:
            _limpar(ax)
    return grade


def fileira_de_imagens(imagens, titulos=None, celula: float = 1.3):
    """Imagens lado a lado, cada uma com seu título; devolve a figura."""
    lote = np.asarray(imagens)
    if lote.ndim == 2 and lote.shape[1] == 784:
        lote = lote.reshape(-1, 28, 28)
    if lote.ndim != 3 or len(lote) == 0 or lote.dtype.kind not in "uif":
        raise ValueError(f"esperava em `imagens` um lote (k, h, w) com k ≥ 1, recebi {_descrever(lote)}")
    titulos = [""] * len(lote) if titulos is None else [str(t) for t in titulos]
    if len(titulos) != len(lote):
        raise ValueError(f"esperava {len(lote)} títulos (um por imagem), recebi {len(titulos)}")
    fig, eixos = figura(colunas=len(lote), largura=celula * len(lote), altura=celula + 0.3)
    topo = 255.0 if lote.dtype.kind in "iu" else 1.0
    for ax, img, titulo in zip(np.atleast_1d(eixos), lote, titulos):
        ax.imshow(img, cmap="gray_r", vmin=0, vmax=topo)
        ax.set_title(titulo, fontsize=8)
        _limpar(ax)
    return fig


def _curvas(tamanhos, curvas) -> tuple[np.ndarray, dict]:
    n = np.asarray(tamanhos, dtype=float)
    if n.ndim != 1 or len(n) < 2 or np.any(n <= 0) or np.any(np.diff(n) <= 0):
        raise ValueError(f"esperava `tamanhos` positivos e crescentes (pelo menos dois), recebi {_descrever(tamanhos)}")
    if not isinstance(curvas, dict) or not curvas:
        raise TypeError(f"esperava em `curvas` um dicionário nome → acurácias, recebi {_descrever(curvas)}")
    limpas = {}
    for nome, valores in curvas.items():
        v = np.asarray(valores, dtype=float)
        if v.shape != n.shape:
            raise ValueError(f"a curva {nome!r} tem {v.size} valores, esperava {n.size} (um por tamanho)")
        limpas[str(nome)] = v
    return n, limpas


def figura_tamanho_do_treino(tamanhos, curvas: dict, n=None, escala: str = "log", ax=None) -> dict:
    """Acurácia (%) em função do tamanho do treino, uma linha por curva; marca o tamanho `n`.

    `curvas` é `{nome: acurácias}`, uma por tamanho; `escala` é `"linear"` ou `"log"`
    (eixo horizontal). Com `n` (um dos `tamanhos`), traça uma linha vertical e
    devolve `{nome: acurácia em n}`; sem `n`, devolve `{}`.
    """
    x, curvas = _curvas(tamanhos, curvas)
    escala = escolher(escala, "escala", ("linear", "log"))
    if ax is None:
        _, ax = figura(largura=5.6, altura=3.2)
    for (nome, v), cor in zip(curvas.items(), _CORES_CURVAS * 3):
        ax.plot(x, v, "o-", color=CORES[cor], ms=4, lw=1.6, label=nome)
    ax.set_xscale(escala)
    ax.set_xlabel("tamanho do treino, n" + (" (escala log)" if escala == "log" else ""))
    ax.set_ylabel("acurácia na validação (%)")
    menor = min(float(v.min()) for v in curvas.values())
    ax.set_ylim(max(0.0, np.floor(menor / 10) * 10 - 2), 100)
    if escala == "linear":
        ax.set_xlim(0, x[-1] * 1.03)
    lidas = {}
    if n is not None:
        if n not in set(x.tolist()):
            raise ValueError(f"`n` precisa ser um dos tamanhos {[int(t) for t in x]}, recebi {n!r}")
        i = int(np.flatnonzero(x == n)[0])
        ax.axvline(n, color=CORES["cinza"], ls="--", lw=1)
        lidas = {nome: float(v[i]) for nome, v in curvas.items()}
        texto = "\n".join(f"{nome}: {valor:.2f}%" for nome, valor in lidas.items())
        ax.text(0.98, 0.04, f"n = {int(n)}\n{texto}", transform=ax.transAxes, ha="right", va="bottom", fontsize=8,
                bbox={"boxstyle": "round", "fc": "white", "ec": "#cccccc"})
    ax.legend(loc="center right", fontsize=8)
    return lidas
