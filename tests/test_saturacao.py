"""Testes de `redes.saturacao`: a variância de z, as amostras de camadas reais e os sinais numa rede profunda."""
import numpy as np
import pytest

from redes import ativacoes, inicializacao, saturacao
from redes.graficos import trechos_saturados


def test_variancias_de_cada_esquema():
    assert saturacao.variancia_dos_pesos("grande", 784, 30) == 1.0
    assert saturacao.variancia_dos_pesos("lecun", 784, 30) == pytest.approx(1 / 784)
    assert saturacao.variancia_dos_pesos("glorot", 784, 30) == pytest.approx(2 / 814)
    assert saturacao.variancia_dos_pesos("He", 784, 30) == pytest.approx(2 / 784)
    assert [saturacao.variancia_dos_vieses(e) for e in saturacao.ESQUEMAS] == [1.0, 1.0, 0.0, 0.0]


def test_desvio_teorico_do_exemplo_e_da_biblioteca():
    assert saturacao.desvio_teorico(1000, 0.5, "grande") == pytest.approx(np.sqrt(501))
    assert round(saturacao.desvio_teorico(1000, 0.5, "grande"), 2) == 22.38
    assert saturacao.desvio_teorico(1000, 0.5, "lecun") == pytest.approx(np.sqrt(1.5))
    assert round(saturacao.desvio_teorico(1000, 0.5, "lecun"), 4) == 1.2247
    assert saturacao.desvio_teorico(1000, 0.5, "he") == pytest.approx(1.0)
    assert saturacao.desvio_teorico(1000, 0.5, "glorot", n_saida=1000) == pytest.approx(np.sqrt(0.5))
    for esquema in ("grande", "lecun", "he"):
        for n, f in ((1000, 0.5), (784, 0.19), (30, 1.0), (10, 0.0)):
            assert saturacao.desvio_teorico(n, f, esquema) == pytest.approx(
                inicializacao.desvio_do_potencial(n, round(f * n), esquema))


@pytest.mark.parametrize("esquema", saturacao.ESQUEMAS)
def test_amostras_seguem_a_teoria(esquema):
    z = saturacao.amostrar_potenciais(1000, 0.5, esquema, n_saida=30, neuronios=4000, semente=1)
    assert z.shape == (4000,)
    assert z.std() == pytest.approx(saturacao.desvio_teorico(1000, 0.5, esquema, 30), rel=0.05)
    assert abs(z.mean()) < 0.1 * saturacao.desvio_teorico(1000, 0.5, esquema, 30)
    assert np.array_equal(z, saturacao.amostrar_potenciais(1000, 0.5, esquema, 30, 4000, semente=1))


def test_amostras_usam_as_camadas_da_biblioteca():
    rng = np.random.default_rng(3)
    W, b = inicializacao.lecun(50, 7, rng)
    z = saturacao.amostrar_potenciais(50, 0.4, "lecun", n_saida=7, neuronios=7, semente=3)
    x = np.r_[np.ones(20), np.zeros(30)]
    assert np.allclose(z, x @ W + b)


def test_fracao_de_saturados_concorda_com_o_capitulo_4():
    limite = -trechos_saturados("sigmoide", 0.01, limites=(-6.0, 0.0))[0][1]
    assert limite == pytest.approx(4.585, abs=0.02)
    z = np.array([0.0, 1.0, -1.0, 4.0, -4.0, 5.0, -5.0, 100.0, -1000.0])
    assert saturacao.fracao_de_saturados(z) == pytest.approx(4 / 9)
    assert saturacao.fracao_de_saturados(z, limiar=0.2) == pytest.approx(8 / 9)   # σ′(1) ≈ 0,197 < 0,2
    assert saturacao.fracao_de_saturados([-1.0, 1.0], "relu") == 0.5
    assert saturacao.fracao_de_saturados([3.0, 0.1], "tanh") == 0.5
    assert ativacoes.derivada_sigmoide(1.0) > 0.19


def test_saturacao_nos_dois_esquemas_do_livro():
    grande = saturacao.amostrar_potenciais(1000, 0.5, "grande", semente=0)
    lecun = saturacao.amostrar_potenciais(1000, 0.5, "lecun", semente=0)
    assert 0.80 < saturacao.fracao_de_saturados(grande) < 0.87      # teoria: 2(1 − Φ(4,585/22,38)) ≈ 0,838
    assert saturacao.fracao_de_saturados(lecun) < 0.002             # teoria: ≈ 0,0002


def test_estatisticas_por_camada():
    he = saturacao.estatisticas_por_camada("relu", "he", camadas=8, largura=128, exemplos=400)
    assert set(he) >= {"desvio_z", "desvio_a", "saturados", "desvio_delta"}
    assert all(v.shape == (8,) for k, v in he.items() if k.startswith("desvio") or k == "saturados")
    assert np.all((he["desvio_z"] > 1.1) & (he["desvio_z"] < 1.8))          # √2 ≈ 1,41, sem crescer nem sumir
    assert np.all((he["desvio_delta"] > 0.5) & (he["desvio_delta"] < 1.0))
    sem_fator = saturacao.estatisticas_por_camada("relu", "glorot", camadas=8, largura=128, exemplos=400)
    razao = sem_fator["desvio_z"][-1] / sem_fator["desvio_z"][0]
    assert razao == pytest.approx(2 ** -3.5, rel=0.35)                      # a variância cai à metade por camada
    tanh_grande = saturacao.estatisticas_por_camada("tanh", "grande", camadas=5, largura=128, exemplos=400)
    assert np.all(tanh_grande["saturados"] > 0.7) and np.all(tanh_grande["desvio_z"] > 8)
    tanh_glorot = saturacao.estatisticas_por_camada("tanh", "glorot", camadas=5, largura=128, exemplos=400)
    assert np.all(tanh_glorot["saturados"] < 0.01)


def test_erros_em_portugues():
    with pytest.raises(ValueError, match="esquema"):
        saturacao.desvio_teorico(1000, 0.5, "xavier")
    with pytest.raises(ValueError, match="fracao"):
        saturacao.desvio_teorico(1000, 1.5, "grande")
    with pytest.raises(TypeError, match="n_entrada"):
        saturacao.amostrar_potenciais(10.5, 0.5)
    with pytest.raises(ValueError, match="ativacao"):
        saturacao.estatisticas_por_camada("softmax", "he")
    with pytest.raises(ValueError, match="pelo menos um"):
        saturacao.fracao_de_saturados([])
