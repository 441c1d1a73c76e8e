"""Testes das figuras do MNIST (capítulo 8), com imagens sintéticas: não precisam dos dados baixados."""
import matplotlib

matplotlib.use("Agg")
from functools import partial  # noqa: E402

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from redes import graficos, interativo  # noqa: E402


@pytest.fixture(autouse=True)
def fechar_figuras():
    yield
    plt.close("all")


def ponto(linha, coluna, valor=255, tipo=np.uint8):
    """Imagem 28×28 toda zero, com um pixel aceso."""
    img = np.zeros((28, 28), dtype=tipo)
    img[linha, coluna] = valor
    return img


@pytest.fixture
def conjunto():
    """30 imagens sintéticas (bytes) com rótulos 0..9 repetidos três vezes."""
    rng = np.random.default_rng(0)
    imagens = rng.integers(0, 256, size=(30, 28, 28), dtype=np.uint8)
    rotulos = np.tile(np.arange(10), 3)
    return imagens, rotulos


# ------------------------------------------------------------------ grade e dígito

def test_grade_digitos_monta_um_mosaico(conjunto):
    imagens, rotulos = conjunto
    fig = graficos.grade_digitos(imagens[:12], rotulos[:12], colunas=5)
    ax = fig.axes[0]
    mosaico = ax.images[0].get_array()
    assert mosaico.shape == (3 * 30, 5 * 30)                       # 3 linhas × 5 colunas, 28 + 2 de borda
    np.testing.assert_array_equal(mosaico[1:29, 1:29], imagens[0])
    np.testing.assert_array_equal(mosaico[31:59, 61:89], imagens[7])   # linha 1, coluna 2
    assert np.ma.getmaskarray(mosaico)[0, 0] or np.isnan(mosaico[0, 0])  # borda sem imagem
    assert [t.get_text() for t in ax.texts] == [str(r) for r in rotulos[:12]]
    # achatadas (m, 784) também servem, e sem rótulos não há texto
    fig = graficos.grade_digitos(imagens[:3].reshape(3, 784))
    assert fig.axes[0].images[0].get_array().shape == (30, 90) and not fig.axes[0].texts


def test_grade_digitos_valida_entradas(conjunto):
    imagens, rotulos = conjunto
    with pytest.raises(ValueError, match=r"forma \(m, 28, 28\) ou \(m, 784\), recebi \(3, 10\)"):
        graficos.grade_digitos(np.zeros((3, 10)))
    with pytest.raises(ValueError, match="pelo menos uma imagem"):
        graficos.grade_digitos(np.zeros((0, 784)))
    with pytest.raises(ValueError, match="rótulos de 0 a 9"):
        graficos.grade_digitos(imagens[:2], [3, 12])
    with pytest.raises(ValueError, match=r"rótulos inteiros com forma \(2,\)"):
        graficos.grade_digitos(imagens[:2], [1, 2, 3])
    with pytest.raises(TypeError, match="array de imagens"):
        graficos.grade_digitos("imagens")
    with pytest.raises(ValueError, match="entre 1 e 40"):
        graficos.grade_digitos(imagens, colunas=0)


def test_centro_de_massa_e_janela():
    assert graficos.centro_de_massa(ponto(5, 20)) == (5.0, 20.0)
    img = ponto(10, 10) + ponto(10, 14)
    assert graficos.centro_de_massa(img) == (10.0, 12.0)
    assert graficos.centro_de_massa(np.zeros((28, 28))) == (13.5, 13.5)   # imagem vazia: o meio
    assert graficos.janela_da_tinta(ponto(14, 14), 12) == (8, 8)           # 14 fica no meio de 8..19
    assert graficos.janela_da_tinta(ponto(0, 27), 12) == (0, 16)           # empurrada para dentro
    assert graficos.janela_da_tinta(ponto(3, 3).reshape(784), 28) == (0, 0)
    with pytest.raises(ValueError, match="entre 1 e 28"):
        graficos.janela_da_tinta(ponto(3, 3), 29)


def test_figura_digito_mostra_os_numeros_da_janela():
    img = ponto(12, 15, 200)
    l0, c0 = graficos.figura_digito(img, titulo="teste", tamanho=6)
    fig = plt.gcf()
    esq, dir_ = fig.axes
    assert (l0, c0) == graficos.janela_da_tinta(img, 6) and esq.get_title() == "teste"
    textos = [t.get_text() for t in dir_.texts]
    assert len(textos) == 36 and textos.count("200") == 1 and textos.count("0") == 35
    np.testing.assert_array_equal(dir_.images[0].get_array(), img[l0:l0 + 6, c0:c0 + 6])
    moldura = esq.patches[0]
    assert moldura.get_xy() == (c0 - 0.5, l0 - 0.5) and moldura.get_width() == 6
    # janela escolhida à mão e pixels reais (duas casas)
    assert graficos.figura_digito(ponto(0, 0, 0.5, float), janela=(0, 0), tamanho=3) == (0, 0)
    assert "0.50" in [t.get_text() for t in plt.gcf().axes[1].texts]


def test_figura_digito_valida():
    with pytest.raises(ValueError, match=r"forma \(28, 28\) ou \(784,\)"):
        graficos.figura_digito(np.zeros((27, 28)))
    with pytest.raises(ValueError, match="entre 0 e 16"):
        graficos.figura_digito(ponto(1, 1), janela=(17, 0))


def test_mostrar_digito_devolve_indice_e_rotulo(conjunto):
    imagens, rotulos = conjunto
    assert graficos.mostrar_digito(imagens, rotulos, 13) == (13, 3)
    assert plt.gcf().axes[0].get_title() == "índice 13: rótulo 3"
    assert graficos.mostrar_digito(imagens.reshape(30, 784), rotulos, 0) == graficos.Digito(0, 0)
    with pytest.raises(ValueError, match="entre 0 e 29"):
        graficos.mostrar_digito(imagens, rotulos, 30)
    with pytest.raises(TypeError, match="inteiro"):
        graficos.mostrar_digito(imagens, rotulos, True)


def test_mostrar_digito_da_classe(conjunto):
    imagens, rotulos = conjunto
    resultado = graficos.mostrar_digito_da_classe(imagens, rotulos, 4, 2)   # os 4 estão em 4, 14, 24
    assert resultado == (24, 4) and resultado.indice == 24 and resultado.rotulo == 4
    assert plt.gcf().axes[0].get_title() == "o 2º dígito 4 (índice 24)"
    with pytest.raises(ValueError, match="entre 0 e 2"):
        graficos.mostrar_digito_da_classe(imagens, rotulos, 4, 3)
    with pytest.raises(ValueError, match="entre 0 e 9"):
        graficos.mostrar_digito_da_classe(imagens, rotulos, 10, 0)


def test_paineis_de_digitos_sem_navegador(conjunto):
    imagens, rotulos = conjunto
    painel = interativo.Painel(partial(graficos.mostrar_digito, imagens, rotulos),
                               indice=interativo.deslizante_inteiro("índice", 0, 29, valor=0))
    assert painel.resultado == (0, 0)
    painel.definir(indice=17)
    assert painel.valores == {"indice": 17} and painel.resultado == (17, 7) and painel.erro is None
    painel = interativo.Painel(partial(graficos.mostrar_digito_da_classe, imagens, rotulos),
                               classe=interativo.escolha("dígito", list(range(10)), valor=3),
                               n=interativo.deslizante_inteiro("n", 0, 5, valor=0))
    assert painel.resultado == (3, 3)
    painel.definir(classe=9, n=1)
    assert painel.resultado == (19, 9)
    painel.definir(n=5)                       # só há três 9: vira uma mensagem, não uma exceção
    assert painel.resultado is None and "entre 0 e 2" in painel.erro


def test_comparar_mapas_diz_a_cor_do_zero():
    cores = graficos.comparar_mapas(ponto(3, 3))
    assert cores == {"gray": (0.0, 0.0, 0.0), "gray_r": (1.0, 1.0, 1.0)}
    assert [ax.get_title() for ax in plt.gcf().axes] == ['cmap="gray": 0 sai preto', 'cmap="gray_r": 0 sai branco']
    with pytest.raises(ValueError, match="mapas de cores"):
        graficos.comparar_mapas(ponto(3, 3), ["nao_existe"])


# ------------------------------------------------------------------ achatamento e conjunto

def test_figura_achatamento_linha_por_linha():
    img = np.arange(784).reshape(28, 28) % 251
    vetor = graficos.figura_achatamento(img, destaque=(2, 20))
    np.testing.assert_array_equal(vetor, img.reshape(784))
    dir_ = plt.gcf().axes[1]
    x, y = dir_.lines[0].get_data()
    np.testing.assert_array_equal(y, img.reshape(784))
    faixas = [p for p in dir_.patches]
    assert len(faixas) == 2
    textos = [t.get_text() for t in dir_.texts]
    assert textos == ["linha 2\n56–83", "linha 20\n560–587"]
    with pytest.raises(ValueError, match="entre 0 e 27"):
        graficos.figura_achatamento(img, destaque=(28,))


def test_barras_por_classe_em_porcentagem():
    y1 = np.array([0, 0, 1, 9])
    y2 = np.arange(10)
    contagens = graficos.barras_por_classe({"a": y1, "b": y2})
    np.testing.assert_array_equal(contagens["a"], [2, 1, 0, 0, 0, 0, 0, 0, 0, 1])
    np.testing.assert_array_equal(contagens["b"], np.ones(10))
    ax = plt.gcf().axes[0]
    alturas = [r.get_height() for r in ax.patches]
    assert alturas[:10] == pytest.approx([50, 25, 0, 0, 0, 0, 0, 0, 0, 25])
    assert alturas[10:] == pytest.approx([10] * 10)
    with pytest.raises(TypeError, match="dicionário"):
        graficos.barras_por_classe(y1)
    with pytest.raises(ValueError, match="rótulos de 0 a 9"):
        graficos.barras_por_classe({"a": [10]})


def test_imagens_medias(conjunto):
    imagens, rotulos = conjunto
    medias = graficos.imagens_medias(imagens, rotulos)
    assert medias.shape == (10, 28, 28)
    np.testing.assert_allclose(medias[7], imagens[[7, 17, 27]].astype(float).mean(axis=0))
    assert len(plt.gcf().axes) == 10 and plt.gcf().axes[3].get_title() == "3"
    np.testing.assert_allclose(graficos.imagens_medias(imagens.reshape(30, 784), rotulos), medias)


def test_figura_escuridao_medias_e_fronteiras():
    rng = np.random.default_rng(1)
    y = np.repeat(np.arange(10), 20)
    e = 10.0 * y + rng.normal(size=200)
    medias = graficos.figura_escuridao(e, y, destaque=(0, 9))
    np.testing.assert_allclose(medias, [e[y == d].mean() for d in range(10)])
    esq, dir_ = plt.gcf().axes
    assert [t.get_text() for t in esq.get_legend().get_texts()] == ["dígito 0", "dígito 9"]
    verticais = [l for l in dir_.lines if len(l.get_xdata()) == 2 and l.get_xdata()[0] == l.get_xdata()[1]
                 and tuple(l.get_ydata()) == (0, 1)]
    assert len(verticais) == 9                        # uma fronteira entre cada par de médias vizinhas
    with pytest.raises(ValueError, match=r"rótulos inteiros com forma \(200,\)"):
        graficos.figura_escuridao(e, y[:10])


def test_partes_do_digito_somam_a_imagem():
    img = np.zeros((28, 28), dtype=np.uint8)
    img[8:20, 8] = img[8:20, 19] = img[8, 8:20] = img[19, 8:20] = 200     # um "0" quadrado
    partes = graficos.partes_do_digito(img)
    assert partes.shape == (4, 28, 28)
    np.testing.assert_array_equal(partes.sum(axis=0), img)
    assert np.all((partes > 0).sum(axis=0) <= 1)          # cada pixel em uma parte só
    assert all(p.sum() > 0 for p in partes)               # as quatro partes têm traço
    assert len(plt.gcf().axes) == 5
