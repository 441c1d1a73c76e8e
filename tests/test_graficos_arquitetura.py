"""Testes das figuras do capítulo 6 (arquitetura, camadas densas e esparsas, recorrência)."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from redes import arquitetura, graficos, interativo  # noqa: E402


@pytest.fixture(autouse=True)
def fechar_figuras():
    yield
    plt.close("all")


# ------------------------------------------------------------------ tamanhos_da_rede

def test_tamanhos_da_rede():
    assert graficos.tamanhos_da_rede(784, 1, 30, 10) == [784, 30, 10]
    assert graficos.tamanhos_da_rede(784, 2, 16, 10) == [784, 16, 16, 10]
    assert graficos.tamanhos_da_rede(4096, 0, 30, 1) == [4096, 1]
    assert graficos.tamanhos_da_rede(10, 3, [5, 4, 3], 2) == [10, 5, 4, 3, 2]
    assert graficos.tamanhos_da_rede(np.int64(8), np.int64(1), np.int64(2), np.int64(1)) == [8, 2, 1]


@pytest.mark.parametrize("args,erro,msg", [
    ((0, 1, 30, 10), ValueError, "entrada"),
    ((784, -1, 30, 10), ValueError, "ocultas"),
    ((784, 1, 0, 10), ValueError, "largura"),
    ((784, 1, 30, 0), ValueError, "saida"),
    ((784.0, 1, 30, 10), TypeError, "inteiro"),
    ((784, True, 30, 10), TypeError, "inteiro"),
    ((784, 2, [16], 10), ValueError, "2 larguras"),
    ((784, 1, "30", 10), TypeError, "lista de inteiros"),
])
def test_tamanhos_invalidos(args, erro, msg):
    with pytest.raises(erro, match=msg):
        graficos.tamanhos_da_rede(*args)


# ------------------------------------------------------------------ figura_arquitetura

@pytest.mark.parametrize("args,parametros", [
    ((784, 1, 30, 10), 23_860),
    ((784, 2, 16, 10), 13_002),
    ((4096, 1, 30, 1), 122_941),
    ((4096, 0, 30, 1), 4_097),
])
def test_figura_arquitetura_devolve_parametros_e_bytes(args, parametros):
    total, bytes_ = graficos.figura_arquitetura(*args)
    assert total == parametros and bytes_ == 4 * parametros
    assert total == arquitetura.contar_parametros(graficos.tamanhos_da_rede(*args))


def test_figura_arquitetura_desenha_uma_barra_por_camada():
    total, bytes_ = graficos.figura_arquitetura(784, 2, 16, 10, bytes_por_numero=8)
    assert (total, bytes_) == (13_002, 8 * 13_002)
    fig = plt.gcf()
    rede, barras = fig.axes
    larguras = sorted(p.get_width() for p in barras.patches)
    assert larguras == [170, 272, 12_560]
    assert "13.002" in rede.get_title() and "104.016 bytes" in barras.get_title()
    assert "104,0 KB" in barras.get_title()


def test_figura_arquitetura_com_larguras_diferentes():
    total, _ = graficos.figura_arquitetura(20, 2, [8, 4], 3)
    assert total == 20 * 8 + 8 + 8 * 4 + 4 + 4 * 3 + 3


def test_figura_arquitetura_recusa_bytes_invalidos():
    with pytest.raises(ValueError, match="bytes"):
        graficos.figura_arquitetura(784, 1, 30, 10, bytes_por_numero=3)


def test_painel_com_figura_arquitetura():
    painel = interativo.Painel(graficos.figura_arquitetura,
                               entrada=interativo.deslizante_inteiro("entradas", 1, 12_288, valor=784),
                               ocultas=interativo.deslizante_inteiro("ocultas", 0, 4, valor=1),
                               largura=interativo.deslizante_inteiro("largura", 1, 128, valor=30),
                               saida=interativo.deslizante_inteiro("saídas", 1, 20, valor=10))
    assert painel.resultado == (23_860, 95_440) and painel.erro is None
    painel.definir(entrada=4096, saida=1)
    assert painel.resultado == (122_941, 491_764)
    painel.definir(ocultas=0)
    assert painel.resultado == (4_097, 16_388)


# ------------------------------------------------------------------ densa e esparsa

def test_mascara_local():
    m = graficos.mascara_local(8, 6, 3)
    assert m.shape == (8, 6) and m.dtype == bool
    assert np.all(m.sum(axis=0) == 3)                    # cada neurônio vê k entradas
    assert m[:3, 0].all() and m[-3:, -1].all()           # a primeira janela começa no 0, a última termina no fim
    for j in range(6):                                   # entradas vizinhas (janela contígua)
        linhas = np.flatnonzero(m[:, j])
        assert np.array_equal(linhas, np.arange(linhas[0], linhas[0] + 3))
    assert np.all(m.any(axis=1))                         # nenhuma entrada fica de fora
    assert graficos.mascara_local(5, 1, 5).all()         # k = n_entrada: densa
    assert graficos.mascara_local(784, 30, 25).sum() == 750


@pytest.mark.parametrize("args,msg", [((8, 6, 0), "`k`"), ((8, 6, 9), "`k`"), ((0, 6, 1), "n_entrada")])
def test_mascara_local_invalida(args, msg):
    with pytest.raises(ValueError, match=msg):
        graficos.mascara_local(*args)


def test_figura_densa_esparsa():
    assert graficos.figura_densa_esparsa() == (48, 18)
    fig = plt.gcf()
    esq, dir_ = fig.axes
    assert len(esq.lines) == 48 and len(dir_.lines) == 18
    assert "48 ligações" in esq.get_title() and "18 ligações" in dir_.get_title()
    assert graficos.figura_densa_esparsa(4, 6, 2) == (24, 12)     # mais saídas que entradas também funciona


# ------------------------------------------------------------------ recorrência

@pytest.mark.parametrize("passos", [1, 3, 5])
def test_diagrama_recorrente(passos):
    setas = graficos.diagrama_recorrente(passos)
    assert setas == 3 * passos - 1
    esq, dir_ = plt.gcf().axes
    assert len(dir_.patches) == setas
    assert len(esq.patches) == 3                                   # x→h, h→y e o laço


def test_diagrama_recorrente_invalido():
    with pytest.raises(ValueError, match="passos"):
        graficos.diagrama_recorrente(0)
    with pytest.raises(TypeError, match="inteiro"):
        graficos.diagrama_recorrente(2.5)
