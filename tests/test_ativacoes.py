import warnings

import numpy as np
import pytest

from redes import ativacoes
from redes.gradiente import derivada_numerica

SUAVES = ["identidade", "sigmoide", "tanh", "relu"]


def test_valores_conhecidos():
    assert ativacoes.sigmoide(0.0) == 0.5
    assert ativacoes.degrau(0.0) == 0.0          # em z = 0 o neurônio não dispara
    assert ativacoes.degrau(1e-12) == 1.0
    np.testing.assert_allclose(ativacoes.relu([-2.0, 0.0, 3.0]), [0.0, 0.0, 3.0])
    np.testing.assert_allclose(ativacoes.tanh(1.0), np.tanh(1.0))
    np.testing.assert_allclose(ativacoes.identidade([1.5, -2.0]), [1.5, -2.0])
    assert ativacoes.sigmoide.derivada(0.0) == 0.25


@pytest.mark.parametrize("nome", SUAVES)
def test_derivadas_conferem_com_diferencas_finitas(nome):
    g = ativacoes.obter(nome)
    z = np.array([-3.1, -1.2, -0.3, 0.4, 1.7, 2.9])  # longe do bico da ReLU em 0
    numerica = derivada_numerica(g, z)
    np.testing.assert_allclose(g.derivada(z), numerica, rtol=1e-6, atol=1e-9)


def test_derivada_do_degrau_e_zero():
    np.testing.assert_array_equal(ativacoes.degrau.derivada([-1.0, 0.0, 2.0]), [0.0, 0.0, 0.0])


def test_sigmoide_estavel_sem_avisos():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        s = ativacoes.sigmoide(np.array([-1000.0, -50.0, 50.0, 1000.0]))
    assert s[0] == 0.0 and s[-1] == 1.0
    z = np.linspace(-30, 30, 61)
    np.testing.assert_allclose(ativacoes.sigmoide(-z), 1 - ativacoes.sigmoide(z), atol=1e-15)
    np.testing.assert_allclose(ativacoes.tanh(z), 2 * ativacoes.sigmoide(2 * z) - 1, atol=1e-12)


@pytest.mark.parametrize("nome", list(ativacoes.ATIVACOES))
def test_forma_preservada_e_entrada_nao_alterada(nome):
    z = np.arange(12.0).reshape(3, 4) - 6
    copia = z.copy()
    g = ativacoes.obter(nome)
    assert g(z).shape == (3, 4)
    assert g.derivada(z).shape == (3, 4)
    np.testing.assert_array_equal(z, copia)


def test_erros_em_portugues():
    with pytest.raises(TypeError, match="esperava números em `z`, recebi str"):
        ativacoes.sigmoide("1")
    with pytest.raises(ValueError, match="opções: .*sigmoide"):
        ativacoes.obter("sigmoid")
    assert ativacoes.obter(ativacoes.relu) is ativacoes.relu
    assert ativacoes.obter("  ReLU ") is ativacoes.relu
