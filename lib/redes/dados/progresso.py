"""Barra de progresso de download, sem dependências além do que o curso já usa.

- No Jupyter (kernel do IPython ativo): uma barra `ipywidgets.IntProgress`
  com um rótulo ao lado.
- Num terminal: uma única linha em `stderr`, reescrita no lugar com `\\r`.
- Quando `stderr` não é um terminal (um log de CI, por exemplo): uma linha só,
  no fim, para o log não ficar cheio de atualizações.

`Progresso(..., ativo=False)` não mostra nada. A barra se atualiza no máximo
a cada décimo de segundo, para não pesar no download.
"""
from __future__ import annotations

import sys
import time

INTERVALO = 0.1  # segundos entre duas atualizações da barra


def em_notebook() -> bool:
    """Verdadeiro quando o código roda num kernel do Jupyter (não num terminal IPython)."""
    ipython = sys.modules.get("IPython")
    if ipython is None:
        return False
    try:
        shell = ipython.get_ipython()
    except Exception:  # noqa: BLE001 - IPython meio carregado: trata como terminal
        return False
    return shell is not None and hasattr(shell, "kernel")


def megabytes(n: int) -> str:
    return f"{n / 1e6:.1f} MB"


class Progresso:
    """Mostra quanto de um download já chegou.

    >>> barra = Progresso("mnist/t10k-labels-idx1-ubyte.gz", total=4542, ativo=False)
    >>> barra.atualizar(4542); barra.fechar()
    """

    def __init__(self, rotulo: str, total: int | None = None, *, ativo: bool = True, saida=None):
        self.rotulo = rotulo
        self.total = total if total else None
        self.feito = 0
        self._inicio = time.monotonic()
        self._ultima = -INTERVALO
        self._saida = saida if saida is not None else sys.stderr
        self._widgets = None
        self._largura = 0
        if not ativo:
            self.modo = "desligado"
        elif saida is None and em_notebook():
            self.modo = "notebook"
            self._criar_widgets()
        elif getattr(self._saida, "isatty", lambda: False)():
            self.modo = "terminal"
        else:
            self.modo = "log"

    def _criar_widgets(self) -> None:
        try:
            import ipywidgets as widgets
            from IPython.display import display
        except ImportError:  # sem ipywidgets: cai para a linha de texto
            self.modo = "log"
            return
        barra = widgets.IntProgress(min=0, max=self.total or 1, value=0, description="baixando")
        texto = widgets.HTML(value=self._texto())
        self._widgets = (barra, texto)
        display(widgets.HBox([barra, texto]))

    def _texto(self) -> str:
        if self.total:
            return f"{self.rotulo}: {100 * self.feito / self.total:3.0f}% ({megabytes(self.feito)} de {megabytes(self.total)})"
        return f"{self.rotulo}: {megabytes(self.feito)}"

    def _linha(self) -> str:
        if not self.total:
            return self._texto()
        cheios = int(24 * self.feito / self.total)
        return f"{self.rotulo} [{'#' * cheios}{'.' * (24 - cheios)}] " + self._texto().split(": ", 1)[1]

    def atualizar(self, feito: int) -> None:
        """Registra que `feito` bytes já chegaram (o total acumulado, não o incremento)."""
        self.feito = feito
        agora = time.monotonic()
        if agora - self._ultima < INTERVALO and feito != self.total:
            return
        self._ultima = agora
        if self.modo == "notebook" and self._widgets:
            barra, texto = self._widgets
            barra.value = min(feito, barra.max)
            texto.value = self._texto()
        elif self.modo == "terminal":
            self._escrever(self._linha())

    def _escrever(self, linha: str, fim: str = "") -> None:
        """Reescreve a linha do terminal, cobrindo com espaços o que sobrar da anterior."""
        self._largura = max(self._largura, len(linha))
        self._saida.write("\r" + linha.ljust(self._largura) + fim)
        self._saida.flush()

    def fechar(self, ok: bool = True) -> None:
        """Encerra a barra: verde (ou vermelha, se `ok` for falso) no notebook, quebra de linha no terminal."""
        segundos = time.monotonic() - self._inicio
        resumo = f"{self.rotulo}: {megabytes(self.feito)} em {segundos:.1f} s" + ("" if ok else " (falhou)")
        if self.modo == "notebook" and self._widgets:
            barra, texto = self._widgets
            barra.bar_style = "success" if ok else "danger"
            texto.value = resumo
        elif self.modo == "terminal":
            self._escrever(self._linha() + ("" if ok else " (falhou)"), "\n")
        elif self.modo == "log":
            self._saida.write(resumo + "\n")
            self._saida.flush()
