import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from redes import graficos, playground as P  # noqa: E402


def test_cores_da_grade():
    rgb = graficos.cores_da_grade(np.array([[-1.0, 0.0, 1.0, np.nan]]))
    np.testing.assert_allclose(rgb[0, 1], [1, 1, 1])
    np.testing.assert_allclose(rgb[0, 0], np.array([245, 147, 34]) / 255)
    np.testing.assert_allclose(rgb[0, 2], np.array([8, 119, 189]) / 255)
    np.testing.assert_allclose(rgb[0, 3], [0.6] * 3)
    tres = graficos.cores_da_grade(np.array([[[1 / 3] * 3, [0, 0, 1.0]]]))
    np.testing.assert_allclose(tres[0, 0], [1, 1, 1])
    with pytest.raises(ValueError):
        graficos.cores_da_grade(np.zeros(3))


def test_figuras():
    pg = P.Playground(P.Configuracao(camadas=(3, 2)), resolucao=15).passo(2)
    r = graficos.figura_saida(pg)
    assert r["grade"].shape == (15, 15) and "época 2" in r["titulo"]
    r = graficos.figura_neuronios(pg)
    assert r["eixos"].shape == (2, 3)
    r = graficos.figura_rede_pesos(pg)
    assert len(r["espessuras"]) == 2 * 3 + 3 * 2 + 2 * 2 and max(r["espessuras"]) == pytest.approx(3.8)
    r = graficos.figura_custos_playground(pg)
    assert len(r["treino"]) == 3
    r = graficos.figura_comparar_playgrounds([pg, pg], ["a", "b"])
    assert len(r["grades"]) == 2
    with pytest.raises(ValueError):
        graficos.figura_comparar_playgrounds([pg], ["a", "b"])
    with pytest.raises(ValueError, match="ocultas"):
        graficos.figura_neuronios(P.Playground(P.Configuracao(camadas=()), resolucao=5))
    plt.close("all")
