import matplotlib

matplotlib.use("Agg")
import pytest  # noqa: E402

from redes import graficos, interativo  # noqa: E402


def fazer_painel(registro):
    def desenhar(w, b):
        registro.append((w, b))
        return w + b
    return interativo.Painel(desenhar,
                             w=interativo.deslizante("peso w", -3, 3, valor=1.0),
                             b=interativo.deslizante("viés b", -3, 3, valor=0.0))


def test_painel_chama_a_funcao_pura():
    registro = []
    painel = fazer_painel(registro)
    assert registro == [(1.0, 0.0)] and painel.resultado == 1.0
    painel.controles["w"].value = 2.5          # como o mouse faria
    assert painel.valores == {"w": 2.5, "b": 0.0}
    assert painel.resultado == 2.5
    painel.definir(w=-1.0, b=0.5)              # duas mudanças, um redesenho
    assert registro[-1] == (-1.0, 0.5) and painel.chamadas == 3


def test_painel_erros_claros():
    painel = fazer_painel([])
    with pytest.raises(ValueError, match="controle desconhecido: x"):
        painel.definir(x=1)
    with pytest.raises(TypeError, match="esperava uma função"):
        interativo.Painel(3, w=interativo.deslizante("w", 0, 1))
    with pytest.raises(ValueError, match="pelo menos um controle"):
        interativo.Painel(lambda: None)
    with pytest.raises(ValueError, match="fora do intervalo: esperava entre -1 e 1, recebi 2"):
        interativo.deslizante("w", -1, 1, valor=2)
    with pytest.raises(ValueError, match="fora do intervalo"):
        interativo.deslizante_inteiro("n", 1, 5, valor=0)


def test_erro_da_funcao_vira_mensagem():
    def desenhar(w):
        raise ValueError("w não pode ser zero")
    painel = interativo.Painel(desenhar, w=interativo.deslizante("w", -1, 1))
    assert painel.erro == "w não pode ser zero" and painel.resultado is None


def test_painel_da_porta_logica():
    painel = interativo.Painel(graficos.figura_porta,
                               porta=interativo.escolha("porta", ["AND", "OR", "XOR"]),
                               w1=interativo.deslizante("w1", -3, 3, valor=1.0),
                               w2=interativo.deslizante("w2", -3, 3, valor=1.0),
                               b=interativo.deslizante("b", -3, 3, valor=-1.5))
    assert painel.resultado == 0
    painel.definir(porta="XOR")
    assert painel.valores["porta"] == "XOR" and painel.resultado == 3   # AND acerta só (0, 0) de XOR


def test_painel_com_botao_so_roda_quando_apertado():
    registro = []
    painel = interativo.Painel(lambda n: registro.append(n) or n * 2, botao="Treinar",
                               n=interativo.deslizante_inteiro("n", 1, 10, valor=3))
    assert registro == [3] and painel.resultado == 6          # a primeira figura aparece sem clicar
    painel.controles["n"].value = 5                           # mexer no controle não treina
    assert registro == [3] and painel.chamadas == 1
    painel.botao.click()                                      # apertar o botão treina
    assert registro == [3, 5] and painel.resultado == 10 and not painel.botao.disabled
    painel.definir(n=7)                                       # definir = mudar e apertar
    assert registro[-1] == 7 and painel.chamadas == 3


def test_deslizantes_log_opcoes_e_lista():
    eta = interativo.deslizante_log("η", 0.001, 10, valor=0.5)
    assert eta.value == pytest.approx(0.5) and eta.min == pytest.approx(-3) and eta.max == pytest.approx(1)
    lote = interativo.deslizante_opcoes("minilote", [1, 8, 32, 128], valor=32)
    assert lote.value == 32 and list(lote.options) == [1, 8, 32, 128]
    custo = interativo.lista("custo", ["quadrático", "entropia cruzada"])
    assert custo.value == "quadrático"
    painel = interativo.Painel(lambda eta, lote, custo: (round(eta, 3), lote, custo), eta=eta, lote=lote, custo=custo)
    painel.definir(eta=0.01, lote=128, custo="entropia cruzada")
    assert painel.resultado == (0.01, 128, "entropia cruzada")
    with pytest.raises(ValueError, match=r"esperava 0 < 0.1 ≤ valor ≤ 1, recebi 5"):
        interativo.deslizante_log("η", 0.1, 1, valor=5)
    with pytest.raises(ValueError, match="não está entre as opções"):
        interativo.deslizante_opcoes("m", [1, 2], valor=3)
    with pytest.raises(ValueError, match="lista vazia"):
        interativo.deslizante_opcoes("m", [])
    with pytest.raises(ValueError, match="não está entre as opções"):
        interativo.lista("c", ["a"], valor="b")
