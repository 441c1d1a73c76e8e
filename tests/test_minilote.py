"""redes.minilote: contas de atualizações, relógio, treino por atualizações e o gradiente somado."""
import numpy as np
import pytest

from redes import custos, minilote, modelo, treino


def test_minilotes_e_atualizacoes():
    assert minilote.minilotes_por_epoca(32_000, 32) == 1000
    assert minilote.minilotes_por_epoca(1_000_000_000, 512) == 1_953_125
    assert minilote.minilotes_por_epoca(50_000, 64) == 782 and minilote.minilotes_por_epoca(60_000, 1024) == 59
    assert minilote.minilotes_por_epoca(7, 10) == 1 and minilote.minilotes_por_epoca(10, 10) == 1
    assert minilote.atualizacoes(50_000, 64, 10) == 7820 and minilote.atualizacoes(2048, 1024, 10) == 20
    U, epocas = minilote.atualizacoes_iguais(2048, 1024, 64, 10)
    assert (U, epocas) == (320, 160.0)
    U, epocas = minilote.atualizacoes_iguais(50_000, 16, 64, 10)
    assert U == 7820 and epocas == pytest.approx(7820 / 3125)
    with pytest.raises(ValueError, match="pelo menos 1"):
        minilote.minilotes_por_epoca(100, 0)
    with pytest.raises(TypeError, match="inteiro"):
        minilote.minilotes_por_epoca(100.0, 10)


def test_taxa_escalada_e_escala_de_ruido():
    assert minilote.taxa_escalada(0.01, 64, 1024) == pytest.approx(0.16)
    assert minilote.taxa_escalada(0.1, 256, 8192) == pytest.approx(3.2)
    assert minilote.escala_de_ruido(0.01, 60_000, 64) == pytest.approx(0.01 * (60_000 / 64 - 1))
    # a regra linear mantém a escala de ruído quase igual (a igualdade é exata em ηN/B)
    g64 = minilote.escala_de_ruido(0.01, 60_000, 64)
    g1024 = minilote.escala_de_ruido(minilote.taxa_escalada(0.01, 64, 1024), 60_000, 1024)
    assert abs(g1024 - g64) / g64 < 0.02
    with pytest.raises(ValueError, match="maior que 0"):
        minilote.taxa_escalada(0.0, 64, 1024)


@pytest.fixture
def dados_pequenos():
    rng = np.random.default_rng(0)
    X = rng.random((96, 12)).astype(np.float32)
    y = (X[:, :3].argmax(axis=1)).astype(np.int64)
    return X, y


def test_treinar_por_atualizacoes_reproduz_treinar(dados_pequenos):
    X, y = dados_pequenos
    custo = custos.SoftmaxLogVerossimilhanca()
    a = modelo.mlp([12, 8, 3], "relu", None, "he", semente=1)
    b = modelo.mlp([12, 8, 3], "relu", None, "he", semente=1)
    treino.treinar(a, (X, y), custo, 0.3, epocas=3, tamanho_lote=10, semente=5, progresso=False)
    curva = minilote.treinar_por_atualizacoes(b, (X, y), custo, 0.3, 10, 3 * 10, (X, y), avaliacoes=3, semente=5)
    assert all(np.array_equal(p, q) for p, q in zip(a.parametros(), b.parametros()))
    assert curva.atualizacoes == [0, 10, 20, 30] and curva.exemplos == [0, 96, 192, 288]
    assert curva.epocas == [0.0, 1.0, 2.0, 3.0]
    assert len(curva.segundos) == 4 and curva.segundos[0] == 0.0 and curva.segundos == sorted(curva.segundos)
    assert curva.acuracia_validacao[-1] == pytest.approx(
        np.mean(a.prever(X).argmax(axis=1) == y))


def test_treinar_por_atualizacoes_para_no_meio_da_epoca(dados_pequenos):
    X, y = dados_pequenos
    rede = modelo.mlp([12, 8, 3], "relu", None, "he", semente=1)
    curva = minilote.treinar_por_atualizacoes(rede, (X, y), "softmax_log_verossimilhanca", 0.1, 32, 4, (X, y), avaliacoes=2,
                                              relogio=iter(range(100)).__next__)
    assert curva.atualizacoes == [0, 2, 4] and curva.exemplos == [0, 64, 128]
    assert curva.segundos == [0.0, 2.0, 4.0]                   # o relógio falso anda 1 por chamada
    assert curva.epocas[-1] == pytest.approx(128 / 96)
    with pytest.raises(ValueError, match="classificação"):
        minilote.treinar_por_atualizacoes(modelo.mlp([12, 1], "relu", None), (X, X[:, 0]), "quadratico", 0.1,
                                          8, 2, (X, X[:, 0] * 0.5))


def test_relogio(dados_pequenos):
    X, y = dados_pequenos
    rede = modelo.mlp([12, 8, 3], "relu", None, "he", semente=1)
    antes = rede.copiar_parametros()
    t = minilote.tempo_do_passo(rede, "softmax_log_verossimilhanca", X, y, 16, repeticoes=2, rodadas=2)
    assert 0 < t < 1
    segundos = minilote.tempo_de_uma_epoca(rede, (X, y), "softmax_log_verossimilhanca", 0.5, 8)
    assert 0 < segundos < 5
    assert all(np.array_equal(p, q) for p, q in zip(antes, rede.parametros()))   # nada mudou nos pesos
    with pytest.raises(ValueError, match="passa do número de exemplos"):
        minilote.tempo_do_passo(rede, "softmax_log_verossimilhanca", X, y, 200)


def test_gradientes_da_regressao():
    x, y = minilote.regressao_de_brinquedo(n=500, semente=3)
    theta = np.array([0.5, -0.2])
    g = minilote.gradientes_por_exemplo(theta, x, y)
    r = 0.5 * x - 0.2 - y
    assert g.shape == (500, 2) and np.allclose(g[:, 0], r * x) and np.allclose(g[:, 1], r)
    assert np.allclose(minilote.gradiente_do_lote(theta, x, y, "soma"), 500 * minilote.gradiente_do_lote(theta, x, y))
    # diferenças finitas no custo médio
    C = lambda t: 0.5 * np.mean((t[0] * x + t[1] - y) ** 2)      # noqa: E731
    h = 1e-6
    numerico = [(C(theta + h * e) - C(theta - h * e)) / (2 * h) for e in np.eye(2)]
    assert np.allclose(minilote.gradiente_do_lote(theta, x, y), numerico, atol=1e-6)
    estrela = minilote.minimos_quadrados(x, y)
    assert np.allclose(minilote.gradiente_do_lote(estrela, x, y), 0, atol=1e-10)
    assert abs(estrela[0] - 2) < 0.1 and abs(estrela[1] - 1) < 0.1
    with pytest.raises(ValueError, match="convencao"):
        minilote.gradiente_do_lote(theta, x, y, "mediana")


def test_normas_do_gradiente_somado_sem_atualizar_sao_exatas():
    x, y = minilote.regressao_de_brinquedo(n=3000, semente=1)
    lotes = [1, 4, 64, 256]
    media = minilote.normas_do_gradiente_somado(x, y, np.zeros(2), lotes, amostra=256, ensaios=20, semente=2)
    soma = minilote.normas_do_gradiente_somado(x, y, np.zeros(2), lotes, amostra=256, ensaios=20, semente=2,
                                               convencao="soma")
    for B in lotes:                                # média: soma dos gradientes / B; soma: não depende de B
        assert np.allclose(media[B], soma[256] / B) and np.allclose(soma[B], soma[1])
    assert minilote.inclinacao_loglog(lotes, [media[B].mean() for B in lotes]) == pytest.approx(-1.0)
    # um ensaio à mão, com atualizações, confere com a versão vetorizada
    rng = np.random.default_rng(2)
    idx = rng.choice(3000, 256, replace=False)
    theta, total = np.zeros(2), np.zeros(2)
    for j in range(0, 256, 64):
        g = minilote.gradiente_do_lote(theta, x[idx[j:j + 64]], y[idx[j:j + 64]])
        total, theta = total + g, theta - 0.05 * g
    vetorizado = minilote.normas_do_gradiente_somado(x, y, np.zeros(2), [64], amostra=256, ensaios=1, semente=2,
                                                     atualizar=True, taxa=0.05)
    assert vetorizado[64][0] == pytest.approx(np.linalg.norm(total))
    with pytest.raises(ValueError, match="dividir a amostra"):
        minilote.normas_do_gradiente_somado(x, y, np.zeros(2), [3], amostra=256)


def test_norma_de_um_minilote_cresce_como_raiz_no_fim():
    x, y = minilote.regressao_de_brinquedo(semente=0)
    lotes = [1, 4, 16, 64, 256, 1024]
    normas = minilote.normas_de_um_minilote(x, y, minilote.minimos_quadrados(x, y), lotes, ensaios=200)
    assert 0.4 < minilote.inclinacao_loglog(lotes, [normas[B].mean() for B in lotes]) < 0.6
    normas = minilote.normas_de_um_minilote(x, y, minilote.minimos_quadrados(x, y), lotes, ensaios=200,
                                            convencao="media")
    assert -0.6 < minilote.inclinacao_loglog(lotes, [normas[B].mean() for B in lotes]) < -0.4


def test_normalizar_como_no_blog_e_inclinacao():
    medias, desvios = np.array([1.0, 2.0, 4.0]), np.array([0.5, 0.5, 0.5])
    mu, sigma = minilote.normalizar_como_no_blog(medias, desvios)
    assert np.allclose(mu, 4.0) and np.allclose(sigma, [2.0, 1.0, 0.5])
    assert np.allclose(sigma / mu, desvios / medias)                      # o coeficiente de variação fica
    assert minilote.inclinacao_loglog([1, 4, 16], [3.0, 6.0, 12.0]) == pytest.approx(0.5)
    with pytest.raises(ValueError, match="positivas"):
        minilote.normalizar_como_no_blog([0.0, 1.0], [1.0, 1.0])
    with pytest.raises(ValueError, match="pelo menos dois"):
        minilote.inclinacao_loglog([1], [1.0])
