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
