"""Conferência de gradientes: diferenças finitas em arrays, em camadas, em custos e em redes inteiras."""
import numpy as np
import pytest

from redes import custos
from redes.camadas import Camada, Densa
from redes.gradiente import (conferir_camada, conferir_custo, conferir_modelo, diferenca_relativa,
                             gradiente_numerico)
from redes.modelo import mlp


def test_gradiente_numerico_no_lugar_e_restaura():
    x = np.array([[1.0, -2.0], [0.5, 3.0]])
    copia = x.copy()
    g = gradiente_numerico(lambda v: float(np.sum(v ** 3)), x)
    np.testing.assert_allclose(g, 3 * copia ** 2, rtol=1e-8)
    np.testing.assert_array_equal(x, copia)                      # x voltou ao que era
    parcial = gradiente_numerico(lambda v: float(np.sum(v ** 2)), x, indices=[0, 3])
    np.testing.assert_allclose(parcial.ravel(), [2.0, 0.0, 0.0, 6.0], rtol=1e-8)
    with pytest.raises(TypeError, match="array de floats"):
        gradiente_numerico(lambda v: 0.0, [1.0, 2.0])
    with pytest.raises(ValueError, match="contíguo"):
        gradiente_numerico(lambda v: 0.0, np.zeros((3, 4))[:, :2])


def test_diferenca_relativa():
    assert diferenca_relativa([1.0, 2.0], [1.0, 2.0]) == 0.0
    assert diferenca_relativa([0.0], [0.0]) == 0.0
    assert diferenca_relativa([1.0, 0.0], [0.0, 1.0]) == pytest.approx(np.sqrt(2) / 2)
    with pytest.raises(ValueError, match="mesmo tamanho"):
        diferenca_relativa([1.0], [1.0, 2.0])


class DensaComErro(Densa):
    """Uma retropropagação errada de propósito: esquece o fator X no gradiente dos pesos."""

    def _backward(self, G, precisa_entrada):
        saida = super()._backward(G, precisa_entrada)
        self.gradientes["W"] *= 1.1
        return saida


def test_pega_uma_retropropagacao_errada():
    X = np.random.default_rng(0).normal(size=(4, 3))
    assert max(conferir_camada(Densa(3, 2), X).values()) < 1e-8
    erros = conferir_camada(DensaComErro(3, 2), X)
    assert erros["W"] > 1e-2 and erros["b"] < 1e-8


def test_camada_original_nao_muda_e_amostra():
    camada = Densa(30, 20, semente=0)
    W = camada.W.copy()
    erros = conferir_camada(camada, np.ones((2, 30)), amostra=15)
    assert max(erros.values()) < 1e-7
    np.testing.assert_array_equal(camada.W, W)
    assert camada.W.dtype == np.float32                            # a cópia é que virou float64


def test_modelo_e_custo():
    rede = mlp([5, 4, 3], "sigmoide", "sigmoide", "grande", semente=0)
    X = np.random.default_rng(1).normal(size=(6, 5))
    y = np.array([0, 1, 2, 2, 1, 0])
    for custo in (custos.ErroQuadratico(), custos.EntropiaCruzadaBinaria()):
        erros = conferir_modelo(rede, custo, X, y)
        assert list(erros) == ["0.W", "0.b", "2.W", "2.b"] and max(erros.values()) < 1e-7
    assert conferir_custo(custos.ErroQuadratico(), np.ones((2, 2)), np.zeros((2, 2))) < 1e-8


def test_camada_sem_backward():
    class Incompleta(Camada):
        def _forward(self, X, treino):
            return X
    with pytest.raises(NotImplementedError):
        conferir_camada(Incompleta(), np.ones((1, 2)))
