r"""Aumento de dados para imagens: deslocar, girar e distorcer dígitos sem mudar o rótulo.

Cada função recebe uma imagem `(h, w)` ou um lote `(m, h, w)`; imagens do
MNIST achatadas também servem, `(784,)` ou `(m, 784)`, e voltam achatadas.

- `deslocar(imagens, dx, dy)`: translação inteira, com zeros onde a imagem
  não tem de onde tirar pixel. O pixel $(i, j)$ vai para $(i + d_y, j + d_x)$:
  $d_x > 0$ empurra para a direita, $d_y > 0$ para baixo. Feita só com fatias
  do NumPy, sem interpolação: o resultado é exato.
- `girar(imagens, angulo)`: rotação em torno do centro, em graus
  (positivo = sentido anti-horário na figura), com `scipy.ndimage.rotate`
  (`reshape=False`: a imagem continua 28×28) e interpolação bilinear.
  Cada pixel de saída $(i, j)$ busca o valor da posição de origem

  $$\begin{pmatrix} r \\ c \end{pmatrix} = \begin{pmatrix} c_i \\ c_j \end{pmatrix}
    + \begin{pmatrix} \cos\theta & \sin\theta \\ -\sin\theta & \cos\theta \end{pmatrix}
      \begin{pmatrix} i - c_i \\ j - c_j \end{pmatrix},$$

  com $(c_i, c_j) = ((h-1)/2, (w-1)/2)$, e interpola entre os quatro vizinhos.
- `distorcao_elastica(imagens, alfa, sigma, semente)`: a receita de Simard,
  Steinkraus e Platt (2003). Sorteiam-se dois campos $\Delta_x, \Delta_y$ com um
  número uniforme em $[-1, 1]$ por pixel, suavizam-se os dois com um filtro
  gaussiano de desvio padrão $\sigma$ (em pixels) e multiplicam-se por $\alpha$;
  o pixel $(i, j)$ da nova imagem recebe o valor da original em
  $(i + \Delta_y, j + \Delta_x)$, por interpolação bilinear. $\sigma$ pequeno dá
  um campo quase aleatório (borrão); $\sigma$ grande, um campo quase constante
  (um deslocamento); no meio, algo como o tremor de uma mão. No MNIST, o par
  mais usado é $\sigma = 4$ e $\alpha = 34$ (o padrão daqui).
- `aumentar(X, y, k, semente)`: $k$ cópias transformadas de cada exemplo
  ($k \cdot n$ exemplos), com os rótulos repetidos na mesma ordem.

Nem toda transformação preserva o rótulo: um 6 girado 180° é um 9, e um 2
espelhado não é dígito nenhum. Por isso os ângulos ficam pequenos.
"""
from __future__ import annotations

import numpy as np
from scipy import ndimage

from ._lotes import gerador, inteiro, numerico, real
from ._validacao import _descrever

LADO_MNIST = 28


# ------------------------------------------------------------------ formatos

def _como_lote(imagens, nome: str = "imagens"):
    """Devolve `(lote (m, h, w), desfazer)`, em que `desfazer` põe um resultado de volta no formato recebido."""
    array = numerico(imagens, nome)
    forma = array.shape
    if array.ndim == 1 and forma == (LADO_MNIST ** 2,):
        return array.reshape(1, LADO_MNIST, LADO_MNIST), lambda r: r.reshape(forma)
    if array.ndim == 2 and forma[1] == LADO_MNIST ** 2 and forma != (LADO_MNIST, LADO_MNIST):
        return array.reshape(-1, LADO_MNIST, LADO_MNIST), lambda r: r.reshape(forma)
    if array.ndim == 2:
        return array[None], lambda r: r[0]
    if array.ndim == 3:
        return array, lambda r: r
    raise ValueError(f"esperava `{nome}` como uma imagem (h, w), um lote (m, h, w) ou imagens do MNIST "
                     f"achatadas (784,) ou (m, 784), recebi forma {forma}")


def _tipo_real(array: np.ndarray):
    """float32 continua float32; o resto (inteiros, float64) vira float64."""
    return np.float32 if array.dtype == np.float32 else np.float64


def _por_imagem(valor, m: int, nome: str, inteiros: bool) -> np.ndarray:
    """Um número (o mesmo para todas as imagens) ou um array `(m,)` (um por imagem)."""
    if isinstance(valor, (bool, np.bool_)) or isinstance(valor, (str, bytes)) or valor is None:
        raise TypeError(f"esperava {'um inteiro' if inteiros else 'um número'} em `{nome}`, recebi {_descrever(valor)}")
    array = numerico(valor, nome)
    if array.ndim == 0:
        array = np.full(m, array)
    if array.shape != (m,):
        raise ValueError(f"esperava `{nome}` como um número ou um array com forma ({m},), um por imagem, "
                         f"recebi forma {array.shape}")
    if inteiros:
        if array.dtype.kind == "f" and not np.all(array == np.round(array)):
            raise ValueError(f"`{nome}` precisa ser inteiro (o deslocamento é de pixels inteiros); "
                             f"para meio pixel use `girar` ou `distorcao_elastica`")
        return array.astype(np.int64)
    array = array.astype(np.float64)
    if not np.all(np.isfinite(array)):
        raise ValueError(f"`{nome}` contém NaN ou infinito")
    return array


# ------------------------------------------------------------------ deslocar

def _fatias(d: int, tamanho: int) -> tuple[slice, slice]:
    """(origem, destino) ao longo de um eixo, para um deslocamento `d` (|d| < tamanho)."""
    return slice(max(0, -d), tamanho - max(0, d)), slice(max(0, d), tamanho - max(0, -d))


def _deslocar_igual(lote: np.ndarray, dx: int, dy: int) -> np.ndarray:
    """Desloca todas as imagens do lote pelo mesmo (dx, dy), com zeros nas bordas que ficaram vazias."""
    saida = np.zeros_like(lote)
    h, w = lote.shape[1:]
    if abs(dx) >= w or abs(dy) >= h:
        return saida  # a imagem saiu inteira do quadro
    (ol, dl), (oc, dc) = _fatias(dy, h), _fatias(dx, w)
    saida[:, dl, dc] = lote[:, ol, oc]
    return saida


def deslocar(imagens, dx, dy) -> np.ndarray:
    """Translação inteira com preenchimento por zeros: o pixel $(i, j)$ vai para $(i + d_y, j + d_x)$.

    `dx` (colunas, positivo para a direita) e `dy` (linhas, positivo para baixo)
    são inteiros, iguais para o lote todo, ou arrays `(m,)`, um por imagem.
    Devolve um array novo, no formato e no tipo da entrada.
    """
    lote, desfazer = _como_lote(imagens)
    m = lote.shape[0]
    dx = _por_imagem(dx, m, "dx", inteiros=True)
    dy = _por_imagem(dy, m, "dy", inteiros=True)
    saida = np.empty_like(lote)
    pares, grupo = np.unique(np.stack([dx, dy], axis=1), axis=0, return_inverse=True)
    for g, (a, b) in enumerate(pares):  # um corte de fatias por par (dx, dy) distinto
        quais = grupo.reshape(-1) == g
        saida[quais] = _deslocar_igual(lote[quais], int(a), int(b))
    return desfazer(saida)


# ------------------------------------------------------------------ girar

def girar(imagens, angulo, ordem: int = 1) -> np.ndarray:
    """Gira cada imagem `angulo` graus em torno do centro (positivo = anti-horário), sem mudar o tamanho.

    É `scipy.ndimage.rotate(imagem, angulo, reshape=False, order=ordem)`, com zeros
    fora da imagem; `ordem=1` é a interpolação bilinear (0 = vizinho mais
    próximo). `angulo` é um número ou um array `(m,)`, um por imagem. Devolve
    reais (float32 se a entrada for float32, senão float64), no formato da entrada.
    """
    lote, desfazer = _como_lote(imagens)
    ordem = inteiro(ordem, "ordem", minimo=0)
    if ordem > 5:
        raise ValueError(f"`ordem` precisa estar entre 0 e 5 (grau da interpolação), recebi {ordem}")
    angulos = _por_imagem(angulo, lote.shape[0], "angulo", inteiros=False)
    lote = lote.astype(_tipo_real(lote), copy=False)
    if np.all(angulos == angulos[0]):
        saida = ndimage.rotate(lote, float(angulos[0]), axes=(1, 2), reshape=False, order=ordem,
                               mode="constant", cval=0.0)
    else:
        saida = np.empty_like(lote)
        for i, a in enumerate(angulos):
            saida[i] = ndimage.rotate(lote[i], float(a), reshape=False, order=ordem, mode="constant", cval=0.0)
    return desfazer(saida)


# ------------------------------------------------------------------ distorção elástica

def campo_elastico(m: int, h: int, w: int, alfa: float = 34.0, sigma: float = 4.0, semente=0) -> np.ndarray:
    r"""Campos de deslocamento de Simard et al.: forma `(2, m, h, w)`, com $\Delta_y$ em `[0]` e $\Delta_x$ em `[1]`.

    $\Delta = \alpha \cdot (G_\sigma * U)$, com $U$ uniforme em $[-1, 1]$ em cada
    pixel e $G_\sigma$ o filtro gaussiano de desvio padrão $\sigma$ (só nos eixos da
    imagem: cada imagem tem o seu campo).
    """
    m, h, w = inteiro(m, "m"), inteiro(h, "h"), inteiro(w, "w")
    alfa = real(alfa, "alfa", minimo=0.0)
    sigma = real(sigma, "sigma", acima_de=0.0)
    ruido = gerador(semente).uniform(-1.0, 1.0, size=(2, m, h, w))
    return alfa * ndimage.gaussian_filter(ruido, sigma=(0, 0, sigma, sigma))


def aplicar_campo(imagens, campo, ordem: int = 1) -> np.ndarray:
    r"""Nova imagem com o pixel $(i, j)$ tirado da original em $(i + \Delta_y, j + \Delta_x)$ (zeros fora dela).

    `campo` tem forma `(2, m, h, w)` (como o de `campo_elastico`) ou `(2, h, w)`
    para uma imagem só; a interpolação é bilinear (`ordem=1`).
    """
    lote, desfazer = _como_lote(imagens)
    m, h, w = lote.shape
    campo = numerico(campo, "campo").astype(np.float64)
    if campo.shape == (2, h, w):
        campo = campo[:, None]
    if campo.shape != (2, m, h, w):
        raise ValueError(f"esperava `campo` com forma (2, {m}, {h}, {w}) (Δy e Δx de cada imagem), "
                         f"recebi {campo.shape}")
    if not np.all(np.isfinite(campo)):
        raise ValueError("`campo` contém NaN ou infinito")
    ordem = inteiro(ordem, "ordem", minimo=0)
    lote = lote.astype(_tipo_real(lote), copy=False)
    indice, linha, coluna = np.meshgrid(np.arange(m), np.arange(h), np.arange(w), indexing="ij")
    coordenadas = np.stack([indice, linha + campo[0], coluna + campo[1]])
    saida = ndimage.map_coordinates(lote, coordenadas, order=ordem, mode="constant", cval=0.0)
    return desfazer(saida.astype(lote.dtype, copy=False))


def distorcao_elastica(imagens, alfa: float = 34.0, sigma: float = 4.0, semente=0) -> np.ndarray:
    """Distorção elástica de Simard et al. (2003): um campo aleatório suave, diferente para cada imagem.

    `alfa` é a intensidade (em pixels, antes da suavização) e `sigma` a largura da
    gaussiana: $\\sigma$ grande dá ondas largas e suaves. Com `alfa=0` a imagem
    não muda. Mesma `semente`, mesma distorção.
    """
    lote, desfazer = _como_lote(imagens)
    campo = campo_elastico(*lote.shape, alfa=alfa, sigma=sigma, semente=semente)
    return desfazer(aplicar_campo(lote, campo))


# ------------------------------------------------------------------ aumentar

def aumentar(X, y, k: int = 1, semente=0, deslocamento: int = 1, angulo: float = 10.0,
             alfa: float = 0.0, sigma: float = 4.0):
    r"""$k$ cópias transformadas de cada exemplo: devolve `(X_novo, y_novo)` com $k \cdot n$ exemplos.

    Cada cópia sorteia, por imagem: uma distorção elástica (se `alfa > 0`), um
    ângulo uniforme em $[-\text{angulo}, \text{angulo}]$ graus e um deslocamento
    inteiro $d_x, d_y \in \{-\text{deslocamento}, \dots, \text{deslocamento}\}$,
    aplicados nessa ordem. A cópia $c$ ocupa as linhas $c\,n$ a $(c+1)\,n - 1$,
    na ordem de `X`, e `y_novo` repete `y` $k$ vezes. Os originais **não** vêm
    junto: para treinar com eles, concatene (`np.concatenate([X, X_novo])`).
    `X` pode ser `(n, h, w)` ou `(n, 784)`; o resultado vem no mesmo formato,
    em reais (float32 se `X` for float32).
    """
    X = numerico(X, "X")
    if not (X.ndim == 3 or (X.ndim == 2 and X.shape[1] == LADO_MNIST ** 2)):
        raise ValueError(f"esperava em `X` um lote de imagens (n, h, w) ou do MNIST achatadas (n, 784), "
                         f"recebi forma {X.shape}")
    lote, _ = _como_lote(X, "X")
    n = lote.shape[0]
    rotulos = np.asarray(y)
    if rotulos.ndim == 0 or rotulos.shape[0] != n:
        raise ValueError(f"esperava um rótulo por exemplo: X tem {n} exemplos, y tem forma {rotulos.shape}")
    k = inteiro(k, "k")
    deslocamento = inteiro(deslocamento, "deslocamento", minimo=0)
    angulo = real(angulo, "angulo", minimo=0.0, maximo=180.0)
    alfa = real(alfa, "alfa", minimo=0.0)
    sorteio = gerador(semente)
    tipo = _tipo_real(lote)
    copias = []
    for _ in range(k):
        atual = lote.astype(tipo, copy=False)
        if alfa > 0:
            atual = distorcao_elastica(atual, alfa, sigma, semente=sorteio)
        if angulo > 0:
            atual = girar(atual, sorteio.uniform(-angulo, angulo, size=n))
        if deslocamento > 0:
            d = sorteio.integers(-deslocamento, deslocamento + 1, size=(2, n))
            atual = deslocar(atual, d[0], d[1])
        copias.append(np.array(atual, dtype=tipo))
    X_novo = np.concatenate(copias)
    return X_novo.reshape((k * n,) + X.shape[1:]), np.concatenate([rotulos] * k)
