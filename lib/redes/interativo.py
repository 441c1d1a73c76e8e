"""Widgets do curso: controles (ipywidgets) ligados a funções puras de desenho.

Um `Painel` junta controles e uma função `desenhar(**valores)`. A cada mudança
num controle ele chama a função com os valores atuais, mostra a figura e
guarda o que aconteceu, para que um teste confira sem navegador:

    painel = Painel(graficos.figura_peso_vies,
                    w=deslizante("peso w", -3, 3, valor=1.0),
                    b=deslizante("viés b", -3, 3, valor=0.0))
    painel.definir(w=2.0)          # como mover o controle com o mouse
    painel.valores                 # {'w': 2.0, 'b': 0.0}: o que a função recebeu
    painel.resultado               # o que a função devolveu

A lógica fica nas funções puras de `redes`; aqui há só a ligação.
"""
from __future__ import annotations

import math
from typing import Any, Callable

import ipywidgets as widgets
import matplotlib.pyplot as plt
from IPython.display import clear_output

_ESTILO = {"description_width": "initial"}


def deslizante(rotulo: str, minimo: float, maximo: float, passo: float = 0.1,
               valor: float = 0.0, continuo: bool = True) -> widgets.FloatSlider:
    """Controle deslizante de números reais. Use `continuo=False` se desenhar for lento."""
    if not minimo <= valor <= maximo:
        raise ValueError(f"valor inicial de '{rotulo}' fora do intervalo: esperava entre {minimo} e {maximo}, recebi {valor}")
    return widgets.FloatSlider(value=valor, min=minimo, max=maximo, step=passo, description=rotulo,
                               continuous_update=continuo, readout_format=".2f", style=_ESTILO,
                               layout=widgets.Layout(width="360px"))


def deslizante_inteiro(rotulo: str, minimo: int, maximo: int, valor: int, passo: int = 1,
                       continuo: bool = True) -> widgets.IntSlider:
    """Controle deslizante de inteiros."""
    if not minimo <= valor <= maximo:
        raise ValueError(f"valor inicial de '{rotulo}' fora do intervalo: esperava entre {minimo} e {maximo}, recebi {valor}")
    return widgets.IntSlider(value=valor, min=minimo, max=maximo, step=passo, description=rotulo,
                             continuous_update=continuo, style=_ESTILO, layout=widgets.Layout(width="360px"))


def deslizante_log(rotulo: str, minimo: float, maximo: float, valor: float,
                   continuo: bool = True) -> widgets.FloatLogSlider:
    """Deslizante em escala logarítmica (base 10), para grandezas como a taxa de aprendizado η.

    Cada posição do controle multiplica o valor pelo mesmo fator: de 0,001 a 1
    se anda tanto quanto de 1 a 1000.
    """
    if not 0 < minimo <= valor <= maximo:
        raise ValueError(f"valor inicial de '{rotulo}' fora do intervalo: esperava 0 < {minimo} ≤ valor ≤ {maximo}, "
                         f"recebi {valor}")
    inicio, fim = math.log10(minimo), math.log10(maximo)
    return widgets.FloatLogSlider(value=valor, base=10, min=inicio, max=fim, step=(fim - inicio) / 100,
                                  description=rotulo, continuous_update=continuo, readout_format=".3g",
                                  style=_ESTILO, layout=widgets.Layout(width="360px"))


def deslizante_opcoes(rotulo: str, opcoes, valor=None, continuo: bool = True) -> widgets.SelectionSlider:
    """Deslizante que só para em valores escolhidos, por exemplo tamanhos de minilote (1, 8, 32, 128)."""
    opcoes = list(opcoes)
    if not opcoes:
        raise ValueError(f"'{rotulo}': esperava pelo menos uma opção, recebi uma lista vazia")
    if valor is not None and valor not in opcoes:
        raise ValueError(f"valor inicial de '{rotulo}' não está entre as opções {opcoes}: recebi {valor!r}")
    return widgets.SelectionSlider(options=opcoes, value=opcoes[0] if valor is None else valor, description=rotulo,
                                   continuous_update=continuo, style=_ESTILO, layout=widgets.Layout(width="360px"))


def lista(rotulo: str, opcoes, valor=None) -> widgets.Dropdown:
    """Lista suspensa, para escolher entre várias opções (funções de ativação, custos...)."""
    opcoes = list(opcoes)
    if valor is not None and valor not in opcoes:
        raise ValueError(f"valor inicial de '{rotulo}' não está entre as opções {opcoes}: recebi {valor!r}")
    return widgets.Dropdown(options=opcoes, value=opcoes[0] if valor is None else valor, description=rotulo,
                            style=_ESTILO)


def escolha(rotulo: str, opcoes, valor=None) -> widgets.ToggleButtons:
    """Botões para escolher uma opção entre poucas (por exemplo, uma porta lógica)."""
    opcoes = list(opcoes)
    return widgets.ToggleButtons(options=opcoes, value=opcoes[0] if valor is None else valor,
                                 description=rotulo, style=_ESTILO)


class Painel(widgets.VBox):
    """Controles em cima, figura embaixo; redesenha a cada mudança.

    Atributos úteis em testes: `controles` (nome → widget), `valores` (o que
    `desenhar` recebeu por último), `resultado` (o que devolveu), `erro`
    (a mensagem, se `desenhar` levantou um erro) e `chamadas` (quantas vezes rodou).

    Com `botao="Treinar"`, mexer nos controles não roda nada: a função só é
    chamada quando se aperta o botão (para trabalhos de alguns segundos, como
    um treino). Nesse caso `definir(...)` muda os controles e aperta o botão.
    """

    def __init__(self, desenhar: Callable[..., Any], altura: str = "320px", botao: str | None = None,
                 **controles: widgets.ValueWidget):
        if not callable(desenhar):
            raise TypeError(f"esperava uma função em `desenhar`, recebi {type(desenhar).__name__}")
        if not controles:
            raise ValueError("um Painel precisa de pelo menos um controle (por exemplo, w=deslizante(...))")
        self.desenhar = desenhar
        self.controles = dict(controles)
        self.saida = widgets.Output(layout=widgets.Layout(height=altura))
        self.valores: dict[str, Any] = {}
        self.resultado: Any = None
        self.erro: str | None = None
        self.chamadas = 0
        self._pausado = False
        self.botao = None
        topo = list(self.controles.values())
        if botao is None:
            for controle in self.controles.values():
                controle.observe(self._ao_mudar, names="value")
        else:
            self.botao = widgets.Button(description=str(botao), button_style="primary", icon="play")
            self.botao.on_click(lambda _botao: self.atualizar())
            topo.append(self.botao)
        super().__init__([widgets.VBox(topo), self.saida])
        self.atualizar()

    def _ao_mudar(self, _mudanca) -> None:
        if not self._pausado:
            self.atualizar()

    def atualizar(self) -> None:
        """Chama `desenhar` com os valores atuais dos controles e mostra o resultado."""
        self.valores = {nome: c.value for nome, c in self.controles.items()}
        self.chamadas += 1
        if self.botao is not None:
            self.botao.disabled = True
        with self.saida:
            clear_output(wait=True)
            try:
                self.resultado = self.desenhar(**self.valores)
                self.erro = None
                plt.show()
            except (ValueError, TypeError) as e:
                plt.close("all")
                self.resultado = None
                self.erro = str(e)
                print(f"⚠ {e}")
            finally:
                if self.botao is not None:
                    self.botao.disabled = False

    def definir(self, **valores) -> None:
        """Muda vários controles de uma vez (um só redesenho), como faria quem usa o painel."""
        desconhecidos = set(valores) - set(self.controles)
        if desconhecidos:
            raise ValueError(f"controle desconhecido: {', '.join(sorted(desconhecidos))}; "
                             f"este painel tem: {', '.join(self.controles)}")
        self._pausado = True
        try:
            for nome, valor in valores.items():
                self.controles[nome].value = valor
        finally:
            self._pausado = False
        self.atualizar()
