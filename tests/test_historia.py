"""Testes de redes.historia (os marcos) e das figuras do capítulo 1."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

from redes import graficos, historia  # noqa: E402


@pytest.fixture(autouse=True)
def fechar_figuras():
    yield
    plt.close("all")


# ---------------------------------------------------------------- os dados

def test_eventos_em_ordem_com_categorias_validas():
    anos = [e.ano for e in historia.EVENTOS]
    assert anos == sorted(anos)
    assert len(historia.EVENTOS) == 30
    assert anos[0] == 1943 and anos[-1] == 2024
    assert {e.categoria for e in historia.EVENTOS} == set(historia.CATEGORIAS)
    titulos = [e.titulo for e in historia.EVENTOS]
    assert len(set(titulos)) == len(titulos)                 # títulos únicos: ano(titulo) não é ambíguo
    assert all(len(t) <= 48 for t in titulos)                # cabem na figura


@pytest.mark.parametrize("titulo,ano", [
    ("neurônio de McCulloch e Pitts", 1943),
    ("perceptron de Rosenblatt", 1958),
    ("ADALINE de Widrow e Hoff", 1960),                      # o livro diz 1959
    ("neocognitron de Fukushima", 1980),                     # o livro escreve "Neoconitron"
    ("rede de Hopfield", 1982),
    ("retropropagação de Rumelhart, Hinton e Williams", 1986),   # o livro diz 1985
    ("Hochreiter: o gradiente que some", 1991),              # o livro diz "em torno de 2000"
    ("SVM de Cortes e Vapnik", 1995),
    ("LSTM de Hochreiter e Schmidhuber", 1997),
    ("AlexNet vence o ILSVRC", 2012),                        # o livro sugere 2011 e 2012
    ("DeepFace, do Facebook", 2014),                         # o livro diz 2015
    ("Transformer: a atenção basta", 2017),
    ("ChatGPT", 2022),
    ("Nobel de Física: Hopfield e Hinton", 2024),
])
def test_datas_conferidas(titulo, ano):
    assert historia.ano(titulo) == ano


def test_ano_ignora_maiusculas_acentos_e_espacos():
    assert historia.ano("REDE  DE hopfield") == 1982
    assert historia.ano("retropropagacao de rumelhart, hinton e williams") == 1986


def test_ano_de_titulo_desconhecido_sugere():
    with pytest.raises(ValueError, match="você quis dizer 'rede de Hopfield'"):
        historia.ano("Hopfield")
    with pytest.raises(ValueError, match="não conheço"):
        historia.ano("máquina de Turing")
    with pytest.raises(TypeError, match="título"):
        historia.ano(1982)


def test_eventos_filtra_por_ano_e_categoria():
    ate_1969 = historia.eventos(ate=1969)
    assert [e.ano for e in ate_1969] == [1943, 1949, 1956, 1958, 1960, 1965, 1969]
    assert historia.eventos(ate=1942) == []
    assert historia.eventos() == list(historia.EVENTOS)
    assert len(historia.eventos(ate=2012.5)) == 21               # as duas de 2012 entram
    assert [e.titulo for e in historia.eventos(categoria="dados")] == ["base de dígitos MNIST", "ImageNet"]
    assert [e.ano for e in historia.eventos(ate=1990, categoria="Treino")] == [1949, 1970, 1974, 1986]
    contagem = sum(len(historia.eventos(categoria=c)) for c in historia.CATEGORIAS)
    assert contagem == len(historia.EVENTOS)


@pytest.mark.parametrize("ate,erro,mensagem", [
    ("1990", TypeError, "esperava um ano"),
    (True, TypeError, "esperava um ano"),
    ([1990], TypeError, "esperava um ano"),
    (float("nan"), ValueError, "finito"),
])
def test_eventos_valida_ate(ate, erro, mensagem):
    with pytest.raises(erro, match=mensagem):
        historia.eventos(ate=ate)


def test_eventos_valida_categoria():
    with pytest.raises(ValueError, match="categoria.*opções"):
        historia.eventos(categoria="hardware")
    with pytest.raises(TypeError):
        historia.eventos(categoria=3)


def test_parametros_de_modelos_crescem():
    anos = [a for a, _, _ in historia.PARAMETROS_DE_MODELOS]
    tamanhos = [p for _, _, p in historia.PARAMETROS_DE_MODELOS]
    assert anos == sorted(anos) and tamanhos == sorted(tamanhos)
    assert 2.9e6 < tamanhos[-1] / tamanhos[0] < 3.0e6         # de LeNet-5 a GPT-3


# ---------------------------------------------------------------- as figuras

def test_linha_do_tempo_conta_e_desenha_so_o_que_ja_aconteceu():
    total = len(historia.EVENTOS)
    for ano in (1930, 1943, 1969, 1986, 2012, 2026):
        _, ax = graficos.figura()
        n = graficos.linha_do_tempo(ano, ax=ax)
        assert n == len(historia.eventos(ate=ano))
        rotulos = [t.get_text() for t in ax.texts if t.get_text()[:4].isdigit() and "  " in t.get_text()]
        assert len(rotulos) == n
        assert ax.get_title() == f"Marcos até {ano}: {n} de {total}"
        pontos = sum(len(c.get_offsets()) for c in ax.collections if hasattr(c, "get_offsets"))
        assert pontos == n
    assert graficos.linha_do_tempo(1969) == 7                   # sem ax: cria a figura


def test_linha_do_tempo_posicoes_fixas():
    """Os rótulos não mudam de lugar quando o ano muda (só aparecem)."""
    _, ax1 = graficos.figura()
    graficos.linha_do_tempo(1970, ax=ax1)
    _, ax2 = graficos.figura()
    graficos.linha_do_tempo(2026, ax=ax2)
    pos1 = {t.get_text(): t.get_position() for t in ax1.texts}
    pos2 = {t.get_text(): t.get_position() for t in ax2.texts}
    comuns = [k for k in pos1 if k[:4].isdigit() and "  " in k]
    assert len(comuns) == 8 and all(pos1[k] == pos2[k] for k in comuns)
    assert ax2.get_ylim()[0] > ax2.get_ylim()[1]               # o tempo desce


def test_linha_do_tempo_valida():
    with pytest.raises(TypeError):
        graficos.linha_do_tempo("1990")
    with pytest.raises(ValueError):
        graficos.linha_do_tempo(float("inf"))


def test_diagrama_ia_ml_dl_encaixado():
    _, ax = graficos.figura()
    nomes = graficos.diagrama_ia_ml_dl(ax=ax)
    assert nomes == ["inteligência artificial", "aprendizado de máquina", "deep learning"]
    elipses = ax.patches
    assert len(elipses) == 3
    # cada elipse cabe inteira na anterior: pontos da borda de dentro caem dentro da de fora
    for fora, dentro in zip(elipses, elipses[1:]):
        borda = dentro.get_path().transformed(dentro.get_patch_transform()).vertices
        assert fora.get_path().transformed(fora.get_patch_transform()).contains_points(borda).all()
    textos = [t.get_text() for t in ax.texts]
    assert all(n in textos for n in nomes)
