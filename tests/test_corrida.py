"""redes.corrida: a quadrática mal condicionada, os caminhos dos otimizadores, Newton e os hiperparâmetros ótimos."""
import math
from types import SimpleNamespace

import numpy as np
import pytest

from redes import corrida, descida, otimizadores
from redes.reproducoes import mlp_mnist


# ------------------------------------------------------------------ a quadrática

@pytest.mark.parametrize("kappa,angulo", [(1.0, 0.0), (10.0, 0.0), (100.0, 45.0), (7.0, -30.0)])
def test_quadratica_tem_as_curvaturas_pedidas(kappa, angulo):
    sup = corrida.quadratica(kappa, angulo)
    H = sup.hessiana(np.zeros(2))
    autovalores = np.linalg.eigvalsh(H)
    assert np.allclose(autovalores, [1 / kappa, 1.0])
    u = np.array([math.cos(math.radians(angulo)), math.sin(math.radians(angulo))])
    assert np.allclose(H @ u, u / kappa)                              # o fundo do vale
    v = np.array([0.7, -1.3])
    assert np.isclose(sup.valor(v), 0.5 * v @ H @ v)
    assert np.allclose(sup.gradiente(v), H @ v)
    assert np.allclose(corrida.hessiana_numerica(sup.gradiente, v), H)
    grade = np.stack(np.meshgrid(np.linspace(-1, 1, 4), np.linspace(-1, 1, 3)), axis=-1)
    assert sup.valor(grade).shape == (3, 4) and sup.minimo_global == 0.0


def test_quadratica_sem_giro_e_a_tigela_alongada_dividida():
    sup = corrida.quadratica(10.0)
    alongada = descida.superficie("tigela alongada")
    v = np.array([-2.0, 1.5])
    assert np.isclose(sup.valor(np.array([1.0, 0.0])), 0.05) and np.isclose(sup.valor(np.array([0.0, 1.0])), 0.5)
    assert np.isclose(alongada.valor(v) / 10, sup.valor(v))        # ½(v1² + 10 v2²)/10


def test_superficie_da_corrida_e_erros():
    assert "κ = 30" in corrida.superficie_da_corrida("quadrática", 30).nome
    assert "θ = 45°" in corrida.superficie_da_corrida("Quadrática girada", 30).nome
    assert corrida.superficie_da_corrida("Rosenbrock").nome == "Rosenbrock"
    with pytest.raises(ValueError, match="kappa"):
        corrida.quadratica(0.5)
    with pytest.raises(ValueError, match="superficie"):
        corrida.superficie_da_corrida("sela")
    with pytest.raises(ValueError, match="otimizador"):
        corrida.otimizador("Adadelta", 0.1)


# ------------------------------------------------------------------ caminhos

def test_caminho_do_sgd_e_o_da_descida():
    sup = corrida.quadratica(10.0)
    meu = corrida.caminho_otimizador(sup, corrida.otimizador("SGD", 0.5), 30)
    dela = descida.caminho_descida(sup.gradiente, sup.inicio, 0.5, 30, valor=sup.valor)
    assert np.allclose(meu.pontos, dela.pontos) and np.allclose(meu.valores, dela.valores)
    assert not meu.divergiu and meu.passos_feitos == 30


def test_momentum_com_mu_zero_e_o_sgd_e_a_rotacao_nao_importa_para_eles():
    reta, girada = corrida.quadratica(50.0), corrida.quadratica(50.0, 45.0)
    sgd = corrida.caminho_otimizador(reta, corrida.otimizador("SGD", 1.0), 40)
    mu0 = corrida.caminho_otimizador(reta, corrida.otimizador("Momentum", 1.0, mu=0.0), 40)
    assert np.allclose(sgd.pontos, mu0.pontos)
    R = np.array([[math.cos(math.pi / 4), -math.sin(math.pi / 4)], [math.sin(math.pi / 4), math.cos(math.pi / 4)]])
    for nome in ("SGD", "Momentum", "Nesterov"):
        a = corrida.caminho_otimizador(reta, corrida.otimizador(nome, 1.0), 40)
        b = corrida.caminho_otimizador(girada, corrida.otimizador(nome, 1.0), 40, v0=R @ np.array(reta.inicio))
        assert np.allclose(b.pontos, a.pontos @ R.T)                   # girar o problema gira o caminho
    a = corrida.caminho_otimizador(reta, corrida.otimizador("Adam", 0.1), 40)
    b = corrida.caminho_otimizador(girada, corrida.otimizador("Adam", 0.1), 40, v0=R @ np.array(reta.inicio))
    assert not np.allclose(b.pontos, a.pontos @ R.T, atol=1e-3)        # o Adam trata cada eixo por conta própria


def test_caminho_para_quando_diverge_e_quando_chega():
    sup = corrida.quadratica(10.0)
    explode = corrida.caminho_otimizador(sup, corrida.otimizador("SGD", 2.5), 500)
    assert explode.divergiu and explode.passos_feitos < 500 and np.all(np.isfinite(explode.pontos))
    chega = corrida.caminho_otimizador(sup, corrida.otimizador("SGD", 1.0), 10_000, tolerancia=1e-6)
    assert chega.valores[-1] < 1e-6 <= chega.valores[-2]
    assert corrida.passos_ate(chega, 1e-6) == chega.passos_feitos == 58
    assert corrida.passos_ate(chega, 1e-30) is None and corrida.passos_ate(chega, 10.0) == 0
    with pytest.raises(TypeError, match="otimizador"):
        corrida.caminho_otimizador(sup, "SGD", 10)


def test_correr_usa_a_taxa_de_cada_familia():
    caminhos = corrida.correr("quadrática", 1.0, 5, mu=0.5, taxa_adaptativa=0.01)
    assert list(caminhos) == list(corrida.NOMES)
    primeiro = {nome: c.pontos[1] - c.pontos[0] for nome, c in caminhos.items()}
    g = corrida.quadratica(10.0).gradiente(np.array(corrida.quadratica(10.0).inicio))
    assert np.allclose(primeiro["SGD"], -1.0 * g)
    for nome in corrida.ADAPTATIVOS:                                   # o primeiro passo anda ≈ η em cada eixo
        assert np.allclose(np.abs(primeiro[nome]), 0.01 * (1 if nome != "RMSProp" else 1 / math.sqrt(0.1)),
                           rtol=1e-4)


# ------------------------------------------------------------------ Newton

def test_passo_newton_resolve_quadratica_num_passo():
    rng = np.random.default_rng(0)
    Q = np.linalg.qr(rng.normal(size=(4, 4)))[0]
    H = Q @ np.diag([0.01, 0.3, 2.0, 50.0]) @ Q.T
    b = rng.normal(size=4)
    w = rng.normal(size=4)
    w_estrela = np.linalg.solve(H, -b)                                 # mínimo de ½ wᵀHw + bᵀw
    assert np.allclose(w + corrida.passo_newton(H @ w + b, H), w_estrela)
    with pytest.raises(np.linalg.LinAlgError):
        corrida.passo_newton(np.ones(2), np.zeros((2, 2)))
    with pytest.raises(ValueError, match="hessiana"):
        corrida.passo_newton(np.ones(2), np.eye(3))


def test_caminho_newton():
    quad = corrida.caminho_newton(corrida.quadratica(1000.0, 30.0), 3)
    assert np.allclose(quad.pontos[1:], 0.0) and quad.valores[1] < 1e-20
    rosen = corrida.caminho_newton("Rosenbrock", 10)
    assert corrida.passos_ate(rosen, 1e-10) == 6 and np.allclose(rosen.final, [1.0, 1.0])
    metade = corrida.caminho_newton(corrida.quadratica(10.0), 2, taxa=0.5)
    assert np.allclose(metade.pontos[1], 0.5 * np.array(metade.pontos[0]))


# ------------------------------------------------------------------ teoria

def test_parametros_otimos_e_as_taxas_de_convergencia():
    p = corrida.parametros_otimos(0.01, 1.0)
    assert np.isclose(p["kappa"], 100) and np.isclose(p["taxa_gd"], 2 / 1.01)
    assert np.isclose(p["fator_gd"], 99 / 101) and np.isclose(p["fator_momentum"], 9 / 11)
    assert np.isclose(p["mu"], (9 / 11) ** 2) and np.isclose(p["taxa_momentum"], 4 / 1.1 ** 2)
    sup = corrida.quadratica(100.0)
    gd = corrida.caminho_otimizador(sup, corrida.otimizador("SGD", p["taxa_gd"]), 400)
    mo = corrida.caminho_otimizador(sup, corrida.otimizador("Momentum", p["taxa_momentum"], p["mu"]), 400)
    # a distância ao mínimo encolhe pelo fator previsto (C, que é quadrático, pelo fator ao quadrado)
    assert np.isclose((gd.valores[300] / gd.valores[200]) ** (1 / 100), p["fator_gd"] ** 2, rtol=1e-3)
    raio = np.linalg.norm(mo.pontos[300:], axis=1).max() / np.linalg.norm(mo.pontos[200:], axis=1).max()
    assert raio ** (1 / 100) <= p["fator_momentum"] * 1.02
    assert corrida.passos_ate(gd, 1e-6) == 330 and corrida.passos_ate(mo, 1e-6) == 56
    with pytest.raises(ValueError):
        corrida.parametros_otimos(1.0, 0.5)


def test_hessiana_numerica_na_rosenbrock():
    rosen = descida.superficie("Rosenbrock")
    for ponto in ([-1.5, 2.0], [1.0, 1.0], [0.3, -0.2]):
        v = np.array(ponto)
        assert np.allclose(corrida.hessiana_numerica(rosen.gradiente, v), rosen.hessiana(v), rtol=1e-6, atol=1e-4)
    with pytest.raises(TypeError):
        corrida.hessiana_numerica("grad", np.zeros(2))


def test_otimizador_pelo_nome():
    assert isinstance(corrida.otimizador("momentum", 0.1, mu=0.5), otimizadores.Momentum)
    assert corrida.otimizador("Nesterov", 0.1, mu=0.3).mu == 0.3
    assert isinstance(corrida.otimizador("adam", 0.01), otimizadores.Adam)


# ------------------------------------------------------------------ a reprodução do fim da Parte 3

def _mnist_falso(n=240, semente=0):
    rng = np.random.default_rng(semente)
    centros = rng.random((10, 784)).astype(np.float32)

    def conjunto(m):
        y = rng.integers(0, 10, size=m)
        return (np.clip(centros[y] + 0.3 * rng.normal(size=(m, 784)), 0, 1).astype(np.float32), y)

    return SimpleNamespace(treino=conjunto(n), validacao=conjunto(100), teste=conjunto(100))


def test_reproducao_parte3_em_miniatura():
    cfg = mlp_mnist.CONFIGURACOES["parte-3"]
    assert cfg.tamanhos == [784, 100, 10] and cfg.criterio[:2] == ("teste", 98.0)
    assert cfg.monitorar == "validacao" and cfg.lmbda and cfg.saida is None
    r = mlp_mnist.rodar("parte-3", _mnist_falso(), 0, epocas=2, progresso=False)
    assert r["epocas"] == 2 and 1 <= r["melhor_epoca"] <= 2 and 0 <= r["teste"] <= 100 and not r["divergiu"]
    texto, ok = mlp_mnist.resumo("parte-3", [r], completo=False)
    assert ok is None and "parte-3" in texto
