r"""Callbacks do treino: código que `treinar` chama no começo, no fim de cada época e no fim.

Um *callback* (função "chamada de volta") é um objeto com três métodos, todos opcionais:

- `ao_iniciar(modelo, historico)`;
- `ao_fim_da_epoca(t, historico, modelo)`: devolver `True` pede para parar;
- `ao_terminar(historico, modelo)`.

Aqui estão a parada antecipada (`ParadaAntecipada`) e a barra de progresso
(`BarraDeTreino`), que `treinar(..., progresso=True)` cria sozinho.

Parada antecipada com paciência $P$: para na primeira época $t$ em que a
melhor marca até $t$ já era a melhor $P$ épocas antes, ou seja, $P$ épocas
seguidas sem melhora (de pelo menos `min_delta`).
"""
from __future__ import annotations

import math
import sys
import time

from ._lotes import inteiro, real


class Callback:
    """Base: os três ganchos não fazem nada."""

    def ao_iniciar(self, modelo, historico) -> None:
        pass

    def ao_fim_da_epoca(self, t: int, historico, modelo) -> bool | None:
        return None

    def ao_terminar(self, historico, modelo) -> None:
        pass


class ParadaAntecipada(Callback):
    """Para quando `monitorar` não melhora por `paciencia` épocas; com `restaurar=True`, volta aos melhores pesos.

    `monitorar` é uma chave do histórico: "acuracia_validacao" (quanto maior,
    melhor) ou "custo_validacao" (quanto menor, melhor); "acuracia" e "custo"
    também valem, mas medir no próprio treino não detecta o sobreajuste.
    """

    def __init__(self, monitorar: str = "acuracia_validacao", paciencia: int = 10,
                 min_delta: float = 0.0, restaurar: bool = True):
        if monitorar not in ("acuracia_validacao", "custo_validacao", "acuracia", "custo"):
            raise ValueError(f"`monitorar` desconhecido: {monitorar!r}; opções: acuracia_validacao, "
                             "custo_validacao, acuracia, custo")
        self.monitorar = monitorar
        self.paciencia = inteiro(paciencia, "paciencia")
        self.min_delta = real(min_delta, "min_delta", minimo=0.0)
        self.restaurar = bool(restaurar)
        self.maior_melhor = monitorar.startswith("acuracia")

    def ao_iniciar(self, modelo, historico):
        if self.monitorar not in historico.disponiveis:
            falta = "dados de validação" if self.monitorar.endswith("validacao") else "rótulos de classe"
            raise ValueError(f"ParadaAntecipada monitora {self.monitorar!r}, mas o treino não tem {falta}")
        self.melhor = -math.inf if self.maior_melhor else math.inf
        self.melhor_epoca = None
        self.melhores_pesos = None
        self.esperando = 0

    def ao_fim_da_epoca(self, t, historico, modelo):
        valor = historico[self.monitorar][-1]
        melhorou = (valor > self.melhor + self.min_delta) if self.maior_melhor else (valor < self.melhor - self.min_delta)
        if melhorou:
            self.melhor, self.melhor_epoca, self.esperando = valor, t, 0
            if self.restaurar:
                self.melhores_pesos = modelo.copiar_parametros()
            return False
        self.esperando += 1
        if self.esperando >= self.paciencia:
            historico.parada = (f"parada antecipada na época {t + 1}: {self.monitorar} não melhora "
                                f"há {self.paciencia} épocas (a melhor foi a época {self.melhor_epoca + 1})")
            return True
        return False

    def ao_terminar(self, historico, modelo):
        historico.melhor_epoca = self.melhor_epoca
        if self.restaurar and self.melhores_pesos is not None:
            modelo.restaurar_parametros(self.melhores_pesos)
            historico.pesos_restaurados_da_epoca = self.melhor_epoca


def em_notebook() -> bool:
    """Se o código roda num kernel do Jupyter (a mesma regra da barra de download de `redes.dados`)."""
    try:
        from .dados.progresso import em_notebook as _em_notebook
    except ImportError:  # pragma: no cover - o pacote de dados sempre vem junto
        return False
    return _em_notebook()


def _porcento(valor) -> str:
    return "—" if valor is None or (isinstance(valor, float) and math.isnan(valor)) else f"{100 * valor:.2f}%"


def resumo_da_epoca(historico, t: int, rotulo_validacao: str = "validação") -> str:
    """Uma linha legível com as medidas de uma época (contada a partir de 0)."""
    h = historico
    partes = [f"época {t + 1:>{len(str(h.epocas_pedidas))}}/{h.epocas_pedidas}", f"custo {h['custo'][t]:.4f}"]
    if "acuracia" in h.disponiveis:
        partes.append(f"acurácia {_porcento(h['acuracia'][t])}")
    if "custo_validacao" in h.disponiveis:
        partes.append(f"{rotulo_validacao}: custo {h['custo_validacao'][t]:.4f}")
        if "acuracia_validacao" in h.disponiveis:
            partes.append(f"acurácia {_porcento(h['acuracia_validacao'][t])}")
    partes.append(f"({h['segundos'][t]:.1f} s)")
    return "  ".join(partes)


class BarraDeTreino(Callback):
    """Progresso do treino: uma barra (ipywidgets) no notebook; uma linha por época no terminal.

    `modo`: "auto" (escolhe pelo ambiente), "notebook", "texto" ou "desligado";
    `rotulo_validacao` nomeia os dados de validação na linha de cada época.
    """

    def __init__(self, modo: str = "auto", saida=None, rotulo_validacao: str = "validação"):
        if modo not in ("auto", "notebook", "texto", "desligado"):
            raise ValueError(f"`modo` desconhecido: {modo!r}; opções: auto, notebook, texto, desligado")
        if modo == "auto":
            modo = "notebook" if em_notebook() else "texto"
        self.modo = modo
        self._saida = saida
        self.rotulo_validacao = rotulo_validacao
        self._widgets = None
        self._ultima = 0.0

    def ao_iniciar(self, modelo, historico):
        self._total = historico.epocas_pedidas * historico.lotes_por_epoca
        if self.modo == "notebook":
            try:
                import ipywidgets as widgets
                from IPython.display import display
            except ImportError:
                self.modo = "texto"
                return
            barra = widgets.IntProgress(min=0, max=max(self._total, 1), value=0, description="treinando")
            texto = widgets.HTML(value="")
            self._widgets = (barra, texto)
            display(widgets.VBox([barra, texto]))

    def lote(self, t: int, indice: int, lotes_por_epoca: int) -> None:
        """Chamado pelo laço de treino; atualiza a barra no máximo 5 vezes por segundo."""
        if self._widgets is None:
            return
        agora = time.monotonic()
        if agora - self._ultima >= 0.2:
            self._ultima = agora
            self._widgets[0].value = t * lotes_por_epoca + indice + 1

    def ao_fim_da_epoca(self, t, historico, modelo):
        linha = resumo_da_epoca(historico, t, self.rotulo_validacao)
        if self._widgets is not None:
            barra, texto = self._widgets
            barra.value = (t + 1) * historico.lotes_por_epoca
            texto.value = linha
        elif self.modo == "texto":
            saida = self._saida or sys.stdout
            print(linha, file=saida, flush=True)
        return False

    def ao_terminar(self, historico, modelo):
        if self._widgets is not None:
            barra, texto = self._widgets
            barra.bar_style = "danger" if historico.divergiu else "success"
            if historico.parada:
                texto.value = texto.value + "<br>" + historico.parada
        elif self.modo == "texto" and historico.parada and not historico.divergiu:  # divergência já vira aviso
            print(historico.parada, file=self._saida or sys.stdout, flush=True)
