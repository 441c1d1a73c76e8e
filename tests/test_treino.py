"""O laço de treino: aprende, é reprodutível, para cedo, detecta divergência, mostra progresso e recusa dados ruins."""
import copy
import io

import numpy as np
import pytest

from redes import custos
from redes.callbacks import BarraDeTreino, Callback, ParadaAntecipada
from redes.camadas import Densa
from redes.modelo import Sequencial, mlp
from redes.otimizadores import SGD, Adam
from redes.regularizacao import L2
from redes.treino import AvisoDeDivergencia, treinar


def quadrantes(n=400, semente=0):
    """Pontos no quadrado [-1, 1]²; classe 1 onde x1·x2 < 0 (o XOR contínuo)."""
    X = np.random.default_rng(semente).uniform(-1, 1, (n, 2))
    return X, (X[:, 0] * X[:, 1] < 0).astype(int)


def test_aprende_o_xor_e_reprodutivel():
    X, y = quadrantes()
    Xv, yv = quadrantes(200, semente=1)

    def rodar():
        rede = mlp([2, 16, 2], "tanh", None, "glorot", semente=0)
        h = treinar(rede, (X, y), "softmax_log_verossimilhanca", Adam(0.02), epocas=60, tamanho_lote=16,
                    validacao=(Xv, yv), semente=3, progresso=False)
        return rede, h
    rede, h = rodar()
    assert h.epocas == 60 and set(h.medidas) == {"custo", "acuracia", "custo_validacao", "acuracia_validacao",
                                                 "taxa", "segundos"}
    assert all(len(v) == 60 for v in h.medidas.values())
    assert h["acuracia_validacao"][-1] > 0.95 and h["custo"][-1] < h["custo"][0]
    rede2, h2 = rodar()
    assert h2["custo"] == h["custo"]
    for p, q in zip(rede.parametros(), rede2.parametros()):
        np.testing.assert_array_equal(p, q)
    assert "60 épocas" in repr(h) and h.como_dict()["taxa"][0] == pytest.approx(0.02)


def test_regressao_e_saida_unica():
    x = np.linspace(-3, 3, 200)[:, None]
    rede = mlp([1, 20, 1], "tanh", "identidade", "glorot", semente=0)
    h = treinar(rede, (x, np.sin(x)), "quadratico", Adam(0.01), epocas=100, tamanho_lote=20, progresso=False)
    assert "acuracia" not in h and h["custo"][-1] < 0.01          # regressão: sem acurácia
    X, y = quadrantes()
    rede = mlp([2, 16, 1], "tanh", None, "glorot", semente=0)
    h = treinar(rede, (X, y), custos.SigmoideEntropiaCruzada(), Adam(0.02), epocas=60, tamanho_lote=16,
                validacao=quadrantes(200, 1), progresso=False)
    assert h["acuracia_validacao"][-1] > 0.9                        # uma saída: z > 0 é a classe 1


def test_l2_no_treino_e_o_decaimento_de_peso():
    rng = np.random.default_rng(0)
    X, Y = rng.normal(size=(8, 3)), rng.normal(size=(8, 2))
    rede = Sequencial([Densa(3, 2, semente=1, tipo="float64")])
    antes = copy.deepcopy(rede)
    eta, lmbda = 0.1, 4.0
    treinar(rede, (X, Y), "quadratico", SGD(eta), epocas=1, tamanho_lote=8, regularizacao=L2(lmbda), progresso=False)
    antes.backward(custos.ErroQuadratico().gradiente(antes.forward(X), Y))
    dW, db = antes.gradientes()
    W, b = antes.parametros()
    np.testing.assert_allclose(rede.camadas[0].W, (1 - eta * lmbda / 8) * W - eta * dW, rtol=1e-12)
    np.testing.assert_allclose(rede.camadas[0].b, b - eta * db, rtol=1e-12)     # viés sem decaimento


class HistoricoFalso(dict):
    disponiveis = ("acuracia_validacao",)
    parada = None
    melhor_epoca = None


class ModeloFalso:
    def __init__(self):
        self.w = 0

    def copiar_parametros(self):
        return [self.w]

    def restaurar_parametros(self, copias):
        self.w = copias[0]


def test_parada_antecipada_com_paciencia():
    parada = ParadaAntecipada("acuracia_validacao", paciencia=2)
    h, modelo = HistoricoFalso(acuracia_validacao=[]), ModeloFalso()
    parada.ao_iniciar(modelo, h)
    pedidos = []
    for epoca, valor in enumerate([0.5, 0.6, 0.55, 0.58, 0.9]):
        h["acuracia_validacao"].append(valor)
        modelo.w = epoca
        pedidos.append(parada.ao_fim_da_epoca(epoca, h, modelo))
        if pedidos[-1]:
            break
    assert pedidos == [False, False, False, True]          # duas épocas sem melhora depois da época 2
    parada.ao_terminar(h, modelo)
    assert modelo.w == 1 and h.melhor_epoca == 1           # pesos da melhor época (a 2ª) de volta
    assert "não melhora há 2 épocas (a melhor foi a época 2)" in h.parada


def test_parada_antecipada_no_treino_restaura_os_melhores_pesos():
    X, y = quadrantes(200)
    Xv, yv = quadrantes(100, semente=5)
    rede = mlp([2, 30, 2], "relu", None, "he", semente=0)
    h = treinar(rede, (X, y), "softmax_log_verossimilhanca", SGD(2.0), epocas=40, tamanho_lote=10,
                validacao=(Xv, yv), callbacks=[ParadaAntecipada(paciencia=3)], progresso=False)
    assert h.epocas < 40 and h.parada.startswith("parada antecipada")
    acerto = np.mean(rede.prever(Xv).argmax(axis=1) == yv)
    assert acerto == pytest.approx(max(h["acuracia_validacao"]))
    with pytest.raises(ValueError, match="não tem dados de validação"):
        treinar(rede, (X, y), "softmax_log_verossimilhanca", epocas=1, callbacks=[ParadaAntecipada()], progresso=False)


def test_divergencia_e_detectada_e_explicada():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(100, 3)) * 50                     # entradas sem normalização
    y = X @ np.array([1.0, -2.0, 0.5])
    rede = mlp([3, 10, 1], "relu", "identidade", "he", semente=0)
    inicio = rede.copiar_parametros()
    with pytest.warns(AvisoDeDivergencia, match="a taxa de aprendizado pode estar alta demais") as avisos:
        h = treinar(rede, (X, y), "quadratico", SGD(1.0), epocas=5, tamanho_lote=10, progresso=False)
    texto = str(avisos[0].message)
    assert "época 1" in texto and "normalize" in texto and "(η = 1)" in texto
    assert h.divergiu and h.epocas == 0 and h.parada == texto
    for p, q in zip(rede.parametros(), inicio):            # voltou aos pesos do começo da época
        np.testing.assert_array_equal(p, q)


def test_divergencia_por_regularizacao_forte_demais():
    from redes.regularizacao import L2
    X, y = quadrantes(100)
    rede = mlp([2, 4, 2], semente=0)
    with pytest.warns(AvisoDeDivergencia, match="regularização forte demais") as avisos:
        h = treinar(rede, (X, y), "quadratico", SGD(1.0), epocas=5, tamanho_lote=10, regularizacao=L2(1000.0),
                    progresso=False)
    texto = str(avisos[0].message)
    assert h.divergiu and "1 − ηλ/n = 1 − 1·1000/100 = -9 é negativo" in texto and "Reescale λ" in texto


def test_progresso(capsys):
    X, y = quadrantes(100)
    rede = mlp([2, 4, 2], semente=0)
    treinar(rede, (X, y), "quadratico", 1.0, epocas=2, validacao=(X, y), progresso="texto")
    linhas = capsys.readouterr().out.splitlines()
    assert len(linhas) == 2 and linhas[0].startswith("época 1/2  custo ") and "validação: custo" in linhas[0]
    treinar(rede, (X, y), "quadratico", 1.0, epocas=2, progresso=False)
    assert capsys.readouterr().out == ""
    saida = io.StringIO()
    treinar(rede, (X, y), "quadratico", 1.0, epocas=1, progresso=False,
            callbacks=[BarraDeTreino("texto", saida=saida, rotulo_validacao="teste")], validacao=(X, y))
    assert "teste: custo" in saida.getvalue()
    barra = BarraDeTreino("notebook")                       # a barra de ipywidgets, sem navegador
    treinar(rede, (X, y), "quadratico", 1.0, epocas=2, tamanho_lote=10, progresso=False, callbacks=[barra])
    assert barra._widgets[0].value == barra._widgets[0].max == 20 and barra._widgets[0].bar_style == "success"
    assert barra._widgets[1].value.startswith("época 2/2")


def test_callback_proprio_pode_parar():
    class ParaNaSegunda(Callback):
        def ao_fim_da_epoca(self, epoca, historico, modelo):
            return epoca == 1
    X, y = quadrantes(50)
    h = treinar(mlp([2, 3, 2], semente=0), (X, y), epocas=10, callbacks=[ParaNaSegunda()], progresso=False)
    assert h.epocas == 2


def test_dados_ruins_tem_mensagem_clara():
    X, y = quadrantes(20)
    rede = mlp([2, 3, 2], semente=0)

    def chamar(dados, **kw):
        opcoes = {"epocas": 1, "progresso": False, **kw}
        return treinar(rede, dados, "quadratico", **opcoes)
    with pytest.raises(TypeError, match=r"esperava `dados` como um par \(X, y\)"):
        chamar(X)
    with pytest.raises(ValueError, match="X tem 20 linhas, y tem forma"):
        chamar((X, y[:10]))
    with pytest.raises(ValueError, match="rótulo 2 fora do intervalo em `y de dados`: com 2 saídas os rótulos vão de 0 a 1"):
        chamar((X, np.full(20, 2)))
    Xn = X.copy()
    Xn[3, 1] = np.nan
    with pytest.raises(ValueError, match="`X de dados` contém NaN ou infinito"):
        chamar((Xn, y))
    with pytest.raises(ValueError, match=r"esperava X de dados com forma \(m, 2\), recebi \(20, 3\)"):
        chamar((np.zeros((20, 3)), y))
    with pytest.raises(ValueError, match="o lote `X de dados` está vazio"):
        chamar((np.zeros((0, 2)), np.zeros(0)))
    with pytest.raises(TypeError, match="esperava números em `X de dados`"):
        chamar((np.array([["a", "b"]] * 20), y))
    with pytest.raises(ValueError, match="`epocas` precisa ser pelo menos 1"):
        chamar((X, y), epocas=0)
    with pytest.raises(ValueError, match="`tamanho_lote` precisa ser pelo menos 1"):
        chamar((X, y), tamanho_lote=0)
    with pytest.raises(TypeError, match="esperava callbacks derivados"):
        chamar((X, y), callbacks=[print])
    with pytest.raises(TypeError, match="esperava L2\\(lmbda\\), L1\\(lmbda\\) ou None em `regularizacao`"):
        chamar((X, y), regularizacao=5.0)
    with pytest.raises(TypeError, match="esperava True, False ou um modo em `progresso`"):
        chamar((X, y), progresso=3)
    with pytest.raises(ValueError, match=r"esperava X de validacao com forma \(m, 2\)"):
        chamar((X, y), validacao=(np.zeros((5, 4)), np.zeros(5)))
