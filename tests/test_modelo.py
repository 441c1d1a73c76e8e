"""O modelo Sequencial: retropropagação de redes inteiras, contagem de parâmetros, tabela, salvar e carregar."""
import json
import zipfile

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from redes import custos
from redes.camadas import Densa, Dropout, RReLU
from redes.gradiente import conferir_modelo
from redes.modelo import Sequencial, carregar, mlp

POUCOS = settings(max_examples=10, deadline=None, database=None, derandomize=True)


@POUCOS
@given(tamanhos=st.lists(st.integers(1, 5), min_size=2, max_size=4), m=st.integers(1, 5),
       ativacao=st.sampled_from(["sigmoide", "tanh", "softplus", "elu", "silu"]),
       custo=st.sampled_from(["quadratico", "softmax_log_verossimilhanca", "sigmoide_entropia_cruzada"]),
       dropout=st.sampled_from([0.0, 0.3]), semente=st.integers(0, 1000))
def test_retropropagacao_da_rede_inteira(tamanhos, m, ativacao, custo, dropout, semente):
    if custo == "softmax_log_verossimilhanca":
        tamanhos[-1] = max(tamanhos[-1], 2)  # a softmax de uma saída só é a constante 1
    rede = mlp(tamanhos, ativacao, None, "glorot", semente=semente, dropout=dropout)
    rng = np.random.default_rng(semente)
    X = rng.normal(size=(m, tamanhos[0]))
    y = rng.integers(0, tamanhos[-1], m) if tamanhos[-1] > 1 else rng.integers(0, 2, (m, 1)).astype(float)
    erros = conferir_modelo(rede, custos.obter(custo), X, y, treino=True)
    assert set(erros) == set(rede.nomes())
    assert max(erros.values()) < 1e-6, erros


def test_lote_vetorizado_igual_a_soma_por_exemplo():
    rede = mlp([4, 5, 3], "sigmoide", "sigmoide", tipo="float64")
    rng = np.random.default_rng(0)
    X, Y = rng.normal(size=(6, 4)), rng.uniform(size=(6, 3))
    custo = custos.ErroQuadratico()
    a = rede.forward(X)
    rede.backward(custo.gradiente(a, Y))
    lote = [g.copy() for g in rede.gradientes()]
    soma = [np.zeros_like(g) for g in lote]
    for x, y in zip(X, Y):  # Nielsen: um exemplo de cada vez, média no fim
        a = rede.forward(x[None, :])
        rede.backward(custo.gradiente(a, y[None, :]))
        soma = [s + g / len(X) for s, g in zip(soma, rede.gradientes())]
    for g1, g2 in zip(lote, soma):
        np.testing.assert_allclose(g1, g2, rtol=1e-10, atol=1e-12)


def test_contagem_e_tabela():
    assert mlp([784, 30, 10]).n_parametros == 23_860
    assert mlp([784, 100, 10]).n_parametros == 79_510
    rede = Sequencial([Densa(784, 30, "grande"), "sigmoide", Dropout(0.5), Densa(30, 10), "softmax"])
    texto = repr(rede)
    assert texto.splitlines()[0] == "Sequencial: 5 camadas, 23.860 parâmetros (float32)"
    assert "Densa(784 → 30, grande)  (m, 30)      23.550" in texto
    assert "Dropout(p=0.5)" in texto and "Ativacao(softmax)" in texto and "(m, 10)" in texto
    assert rede.nomes() == ["0.W", "0.b", "3.W", "3.b"]
    assert rede.n_entrada == 784 and rede.n_saida == 10


def test_salvar_e_carregar(tmp_path):
    rede = Sequencial([Densa(6, 5, "he", semente=3), "leaky_relu", Dropout(0.2, semente=1), Densa(5, 4, semente=4),
                       RReLU(0.1, 0.2), Densa(4, 3, "glorot", semente=5), "softmax"])
    rede.camadas[1].parametros_da_funcao["alfa"] = 0.05
    X = np.random.default_rng(0).normal(size=(7, 6))
    caminho = rede.salvar(tmp_path / "rede")
    assert caminho.name == "rede.npz"
    with np.load(caminho, allow_pickle=False) as arquivo:   # sem pickle
        arquitetura = json.loads(str(arquivo["arquitetura"]))
    assert [c["classe"] for c in arquitetura["camadas"]] == ["Densa", "Ativacao", "Dropout", "Densa", "RReLU", "Densa", "Ativacao"]
    copia = carregar(caminho)
    np.testing.assert_array_equal(copia.prever(X), rede.prever(X))
    assert repr(copia) == repr(rede)
    for p, q in zip(copia.parametros(), rede.parametros()):
        assert p.dtype == q.dtype and np.array_equal(p, q)
    # float64 também
    rede64 = mlp([3, 4, 2], tipo="float64")
    np.testing.assert_array_equal(carregar(rede64.salvar(tmp_path / "r64.npz")).prever(np.eye(3)), rede64.prever(np.eye(3)))


def test_arquivos_ruins(tmp_path):
    with pytest.raises(FileNotFoundError, match="não achei o arquivo"):
        carregar(tmp_path / "nada.npz")
    np.savez(tmp_path / "outro.npz", x=np.zeros(3))
    with pytest.raises(ValueError, match="falta a arquitetura"):
        carregar(tmp_path / "outro.npz")
    caminho = mlp([3, 2]).salvar(tmp_path / "r.npz")
    with zipfile.ZipFile(caminho) as z:
        arquivos = {n: z.read(n) for n in z.namelist()}
    with zipfile.ZipFile(tmp_path / "sem_peso.npz", "w") as z:
        for n, conteudo in arquivos.items():
            if n != "p0_W.npy":
                z.writestr(n, conteudo)
    with pytest.raises(ValueError, match="falta o parâmetro p0_W"):
        carregar(tmp_path / "sem_peso.npz")


def test_ida_volta_e_erros():
    rede = mlp([4, 3, 2], "relu", "sigmoide", semente=1)
    X = np.random.default_rng(1).normal(size=(25, 4))
    np.testing.assert_allclose(rede.prever(X, tamanho_lote=7), rede.forward(X), rtol=1e-6)
    with pytest.raises(ValueError, match=r"a camada 2 \(Densa\(5 → 2, lecun\)\) espera 5 entradas, mas a camada anterior tem 3 saídas"):
        Sequencial([Densa(4, 3), "relu", Densa(5, 2)])
    with pytest.raises(ValueError, match="pelo menos uma camada"):
        Sequencial([])
    with pytest.raises(RuntimeError, match="chame forward antes de backward"):
        mlp([2, 2]).backward(np.zeros((1, 2)))
    rede.forward(X)
    with pytest.raises(ValueError, match=r"esperava o gradiente da saída com forma \(25, 2\), recebi \(25,\)"):
        rede.backward(np.zeros(25))
    with pytest.raises(ValueError, match=r"esperava X com forma \(m, 4\), recebi \(2, 3\)"):
        rede.forward(np.zeros((2, 3)))
    with pytest.raises(ValueError, match="esperava pelo menos dois tamanhos"):
        mlp([3])
    copias = rede.copiar_parametros()
    rede.parametros()[0][...] = 0
    rede.restaurar_parametros(copias)
    np.testing.assert_array_equal(rede.parametros()[0], copias[0])
    assert rede.como_tipo("float64").forward(X).dtype == np.float64
