"""Aumento de dados: deslocar (exato), girar (= SciPy), distorção elástica (Simard et al.) e aumentar."""
import numpy as np
import pytest
from scipy import ndimage

from redes import aumento


def numerada(h=28, w=28):
    return np.arange(1, h * w + 1, dtype=float).reshape(h, w)


def deslocar_com_lacos(img, dx, dy):
    """A definição ao pé da letra: o pixel (i, j) vai para (i + dy, j + dx), se couber."""
    h, w = img.shape
    saida = np.zeros_like(img)
    for i in range(h):
        for j in range(w):
            if 0 <= i + dy < h and 0 <= j + dx < w:
                saida[i + dy, j + dx] = img[i, j]
    return saida


def digito_falso(rng, raio=11.0):
    i, j = np.mgrid[:28, :28]
    return np.where((i - 13.5) ** 2 + (j - 13.5) ** 2 <= raio ** 2, rng.random((28, 28)), 0.0)


# ------------------------------------------------------------------ deslocar

@pytest.mark.parametrize("dx,dy", [(0, 0), (2, 0), (0, -3), (-1, 2), (5, 5), (-27, 0), (28, 0), (0, -40)])
def test_deslocar_confere_com_a_definicao(dx, dy):
    img = numerada(28, 28)
    assert np.array_equal(aumento.deslocar(img, dx, dy), deslocar_com_lacos(img, dx, dy))


def test_deslocar_valores_exatos_e_sentidos():
    img = numerada(3, 4)                       # [[1 2 3 4] [5 6 7 8] [9 10 11 12]]
    assert aumento.deslocar(img, 1, 0).tolist() == [[0, 1, 2, 3], [0, 5, 6, 7], [0, 9, 10, 11]]   # direita
    assert aumento.deslocar(img, 0, 1).tolist() == [[0, 0, 0, 0], [1, 2, 3, 4], [5, 6, 7, 8]]     # para baixo
    assert aumento.deslocar(img, -2, -1).tolist() == [[7, 8, 0, 0], [11, 12, 0, 0], [0, 0, 0, 0]]
    assert np.array_equal(aumento.deslocar(img, 4, 0), np.zeros((3, 4)))                          # saiu do quadro
    assert np.array_equal(img, numerada(3, 4))                                                    # a entrada fica


def test_deslocar_em_lote_com_um_deslocamento_por_imagem():
    rng = np.random.default_rng(0)
    lote = rng.random((7, 28, 28))
    dx = np.array([0, 1, -1, 2, 2, 0, -3])
    dy = np.array([0, 0, 1, -2, -2, 3, 0])
    saida = aumento.deslocar(lote, dx, dy)
    for i in range(7):
        assert np.array_equal(saida[i], deslocar_com_lacos(lote[i], dx[i], dy[i]))
    assert np.array_equal(aumento.deslocar(lote, 1, -1), np.stack([deslocar_com_lacos(x, 1, -1) for x in lote]))


def test_deslocar_mantem_formato_e_tipo():
    bytes_ = np.arange(2 * 784, dtype=np.uint8).reshape(2, 784)
    saida = aumento.deslocar(bytes_, 1, 0)
    assert saida.shape == (2, 784) and saida.dtype == np.uint8
    assert np.array_equal(saida.reshape(2, 28, 28)[0], deslocar_com_lacos(bytes_.reshape(2, 28, 28)[0], 1, 0))
    assert aumento.deslocar(np.ones(784, dtype=np.float32), 0, 1).shape == (784,)
    assert aumento.deslocar(np.ones(784, dtype=np.float32), 0, 1).dtype == np.float32
    assert aumento.deslocar(numerada(28, 28), np.int64(1), 2.0).shape == (28, 28)        # 2.0 é inteiro


@pytest.mark.parametrize("args,erro,trecho", [
    ((numerada(), 0.5, 0), ValueError, "precisa ser inteiro"),
    ((numerada(), "1", 0), TypeError, "esperava um inteiro"),
    ((numerada(), True, 0), TypeError, "esperava um inteiro"),
    ((numerada(), None, 0), TypeError, "esperava um inteiro"),
    ((np.ones((2, 28, 28)), [1, 2, 3], 0), ValueError, "um por imagem"),
    ((np.ones((2, 3, 4, 5)), 1, 0), ValueError, "esperava `imagens`"),
    (("texto", 1, 0), TypeError, "esperava números"),
])
def test_deslocar_erros_claros(args, erro, trecho):
    with pytest.raises(erro, match=trecho):
        aumento.deslocar(*args)


# ------------------------------------------------------------------ girar

@pytest.mark.parametrize("angulo", [0.0, 15.0, -30.0, 90.0, 180.0, 7.3])
def test_girar_e_o_rotate_do_scipy(angulo):
    img = digito_falso(np.random.default_rng(1))
    esperado = ndimage.rotate(img, angulo, reshape=False, order=1)
    assert np.allclose(aumento.girar(img, angulo), esperado, atol=1e-12)


def test_girar_confere_com_a_formula_bilinear():
    """A fórmula da docstring, escrita do zero, dá o mesmo que o SciPy (com borda de zeros)."""
    img = digito_falso(np.random.default_rng(2))
    theta = np.deg2rad(23.0)
    c = 13.5
    i, j = np.mgrid[:28, :28]
    r = c + np.cos(theta) * (i - c) + np.sin(theta) * (j - c)
    s = c - np.sin(theta) * (i - c) + np.cos(theta) * (j - c)
    r0, s0 = np.floor(r).astype(int), np.floor(s).astype(int)
    fr, fs = r - r0, s - s0

    def pixel(a, b):
        dentro = (a >= 0) & (a < 28) & (b >= 0) & (b < 28)
        return np.where(dentro, img[np.clip(a, 0, 27), np.clip(b, 0, 27)], 0.0)

    manual = ((1 - fr) * (1 - fs) * pixel(r0, s0) + (1 - fr) * fs * pixel(r0, s0 + 1)
              + fr * (1 - fs) * pixel(r0 + 1, s0) + fr * fs * pixel(r0 + 1, s0 + 1))
    assert np.allclose(aumento.girar(img, 23.0), manual, atol=1e-12)


def test_girar_sentido_anti_horario_e_composicao():
    img = np.zeros((5, 5))
    img[0, 2] = 1.0                                  # em cima, no meio
    girada = aumento.girar(img, 90)
    assert np.unravel_index(np.argmax(girada), girada.shape) == (2, 0)   # foi para a esquerda
    quatro = img
    for _ in range(4):
        quatro = aumento.girar(quatro, 90)
    assert np.allclose(quatro, img, atol=1e-9)
    assert np.array_equal(aumento.girar(img, 0), img)


def test_girar_lote_com_um_ou_varios_angulos():
    rng = np.random.default_rng(3)
    lote = np.stack([digito_falso(rng) for _ in range(4)]).astype(np.float32)
    igual = aumento.girar(lote, 12.0)
    assert igual.dtype == np.float32 and igual.shape == (4, 28, 28)
    assert np.allclose(igual[2], ndimage.rotate(lote[2], 12.0, reshape=False, order=1), atol=1e-6)
    angulos = np.array([0.0, 10.0, -10.0, 45.0])
    varios = aumento.girar(lote.reshape(4, 784), angulos)
    assert varios.shape == (4, 784)
    for k in range(4):
        assert np.allclose(varios[k].reshape(28, 28), aumento.girar(lote[k], angulos[k]), atol=1e-6)
    assert aumento.girar(np.zeros((28, 28), dtype=np.uint8), 5).dtype == np.float64


def test_girar_erros_claros():
    with pytest.raises(ValueError, match="ordem"):
        aumento.girar(numerada(), 10, ordem=7)
    with pytest.raises(ValueError, match="NaN"):
        aumento.girar(numerada(), float("nan"))
    with pytest.raises(ValueError, match="um por imagem"):
        aumento.girar(np.ones((3, 28, 28)), [1.0, 2.0])


# ------------------------------------------------------------------ distorção elástica

def test_campo_elastico_forma_semente_e_escala():
    campo = aumento.campo_elastico(3, 28, 28, alfa=34, sigma=4, semente=0)
    assert campo.shape == (2, 3, 28, 28)
    assert np.array_equal(campo, aumento.campo_elastico(3, 28, 28, alfa=34, sigma=4, semente=0))
    assert not np.array_equal(campo, aumento.campo_elastico(3, 28, 28, alfa=34, sigma=4, semente=1))
    assert np.allclose(aumento.campo_elastico(3, 28, 28, 2.0, 4, 0), 2 * aumento.campo_elastico(3, 28, 28, 1.0, 4, 0))
    assert np.array_equal(aumento.campo_elastico(1, 5, 5, alfa=0.0), np.zeros((2, 1, 5, 5)))
    # σ maior, campo mais liso e menor (a média de mais números uniformes fica mais perto de 0)
    desvios = [aumento.campo_elastico(20, 28, 28, 34, s, 0).std() for s in (1.0, 4.0, 8.0)]
    assert desvios[0] > desvios[1] > desvios[2] > 0
    # a receita: ruído uniforme em [-1, 1], filtro gaussiano em cada imagem separada (sem misturar imagens), vezes α
    ruido = np.random.default_rng(0).uniform(-1, 1, size=(2, 3, 28, 28))
    esperado = 34 * np.array([[ndimage.gaussian_filter(ruido[c, i], 4) for i in range(3)] for c in range(2)])
    assert np.allclose(campo, esperado, atol=1e-12)


def test_aplicar_campo_convencoes():
    img = numerada(28, 28)
    zero = np.zeros((2, 28, 28))
    assert np.allclose(aumento.aplicar_campo(img, zero), img)
    um_a_direita = np.stack([np.zeros((28, 28)), np.ones((28, 28))])    # Δx = 1: busca o pixel da direita
    assert np.allclose(aumento.aplicar_campo(img, um_a_direita), aumento.deslocar(img, -1, 0))
    um_abaixo = np.stack([np.ones((28, 28)), np.zeros((28, 28))])       # Δy = 1: busca o pixel de baixo
    assert np.allclose(aumento.aplicar_campo(img, um_abaixo), aumento.deslocar(img, 0, -1))
    meio = np.stack([np.zeros((28, 28)), np.full((28, 28), 0.5)])       # meio pixel: a média dos vizinhos
    assert np.allclose(aumento.aplicar_campo(img, meio)[5, 3], (img[5, 3] + img[5, 4]) / 2)
    with pytest.raises(ValueError, match="forma"):
        aumento.aplicar_campo(img, np.zeros((2, 27, 28)))


def test_distorcao_elastica():
    rng = np.random.default_rng(4)
    lote = np.stack([digito_falso(rng) for _ in range(3)]).astype(np.float32)
    assert np.allclose(aumento.distorcao_elastica(lote, alfa=0.0), lote)
    d = aumento.distorcao_elastica(lote, 34, 4, semente=5)
    assert d.shape == lote.shape and d.dtype == np.float32
    assert np.array_equal(d, aumento.distorcao_elastica(lote, 34, 4, semente=5))
    assert d.min() >= 0 and d.max() <= lote.max() + 1e-6          # a bilinear só faz médias
    assert np.abs(d - lote).mean() > 0.01                           # mudou de verdade
    # mesma semente num lote: cada imagem recebe o seu campo
    iguais = aumento.distorcao_elastica(np.stack([lote[0], lote[0]]), 34, 4, semente=5)
    assert not np.allclose(iguais[0], iguais[1])
    # igual a aplicar o campo sorteado com a mesma semente
    campo = aumento.campo_elastico(3, 28, 28, 34, 4, semente=5)
    assert np.allclose(d, aumento.aplicar_campo(lote, campo), atol=1e-6)
    plano = aumento.distorcao_elastica(lote.reshape(3, 784), 34, 4, semente=5)
    assert plano.shape == (3, 784) and np.allclose(plano.reshape(3, 28, 28), d)
    with pytest.raises(ValueError, match="sigma"):
        aumento.distorcao_elastica(lote, 34, 0.0)
    with pytest.raises(ValueError, match="alfa"):
        aumento.distorcao_elastica(lote, -1.0, 4)


# ------------------------------------------------------------------ aumentar

def test_aumentar_formas_rotulos_e_ordem():
    rng = np.random.default_rng(6)
    X = rng.random((5, 28, 28)).astype(np.float32)
    y = np.array([3, 1, 4, 1, 5])
    X_novo, y_novo = aumento.aumentar(X, y, k=3, semente=0, deslocamento=2, angulo=0.0)
    assert X_novo.shape == (15, 28, 28) and X_novo.dtype == np.float32
    assert np.array_equal(y_novo, np.tile(y, 3))
    for j in range(15):                      # só deslocamentos: cada cópia é a original deslocada até 2 pixels
        assert any(np.array_equal(X_novo[j], aumento.deslocar(X[j % 5], a, b))
                   for a in range(-2, 3) for b in range(-2, 3))
    assert not np.array_equal(X_novo[:5], X)                           # os originais não vêm junto


def test_aumentar_semente_formato_plano_e_rotulos_one_hot():
    rng = np.random.default_rng(7)
    X = rng.random((4, 784))
    Y = np.eye(10)[[0, 1, 2, 3]]
    a = aumento.aumentar(X, Y, 2, semente=1, alfa=20.0)
    b = aumento.aumentar(X, Y, 2, semente=1, alfa=20.0)
    c = aumento.aumentar(X, Y, 2, semente=2, alfa=20.0)
    assert a[0].shape == (8, 784) and a[1].shape == (8, 10) and np.array_equal(a[1], np.tile(Y, (2, 1)))
    assert np.array_equal(a[0], b[0]) and not np.array_equal(a[0], c[0])
    nada = aumento.aumentar(X, Y, 1, semente=0, deslocamento=0, angulo=0.0, alfa=0.0)
    assert np.allclose(nada[0], X)


@pytest.mark.parametrize("args,kwargs,erro,trecho", [
    ((np.ones((3, 28, 28)), [1, 2]), {}, ValueError, "um rótulo por exemplo"),
    ((np.ones((3, 28, 28)), [1, 2, 3]), {"k": 0}, ValueError, "`k` precisa ser pelo menos 1"),
    ((np.ones(784), [1]), {}, ValueError, "esperava em `X` um lote"),
    ((np.ones((3, 28)), [1, 2, 3]), {}, ValueError, "esperava em `X` um lote"),
    ((np.ones((3, 28, 28)), [1, 2, 3]), {"angulo": 200.0}, ValueError, "angulo"),
    ((np.ones((3, 28, 28)), [1, 2, 3]), {"semente": -1}, ValueError, "semente"),
])
def test_aumentar_erros_claros(args, kwargs, erro, trecho):
    with pytest.raises(erro, match=trecho):
        aumento.aumentar(*args, **kwargs)
