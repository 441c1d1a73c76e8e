"""O mecanismo das verificações de exercícios.

Uma verificação chama a função de quem estuda com entradas fixas e sorteadas
(com semente), compara com a resposta de referência e escreve o veredito em
português: ✔ quando tudo confere, ✘ com a entrada que falhou, o esperado e o
obtido quando algo não confere. Ela nunca quebra: um `NotImplementedError`
vira "ainda não implementado"; outros erros, tipos e formas errados viram
mensagens. Devolve um `Resultado`, verdadeiro só se tudo passou, para que
`assert verificar.algo(f)` funcione em testes (e no nbgrader).
"""
from __future__ import annotations

import copy
import warnings
from dataclasses import dataclass, field
from typing import Any, Callable, Sequence

import numpy as np

NAO_IMPLEMENTADO = ("ainda não implementado: troque o `raise NotImplementedError()` "
                    "pela sua solução e rode a célula de novo.")
AINDA_NAO_DEFINIDA = ("ainda não definida: escreva sua solução e rode a célula dela "
                      "antes de rodar esta verificação.")


@dataclass
class Resultado:
    """Veredito de uma verificação: `bool(resultado)` diz se passou."""

    nome: str
    aprovado: bool
    linhas: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return self.aprovado

    @property
    def texto(self) -> str:
        return "\n".join(self.linhas)

    def __repr__(self) -> str:
        return f"<Resultado de '{self.nome}': {'aprovado' if self.aprovado else 'ainda não'}>"

    def _ipython_display_(self) -> None:
        """O relatório já foi impresso; não mostre o objeto de novo no notebook."""


def resumir(valor: Any, limite: int = 120) -> str:
    """Texto curto de um valor (arrays com 4 casas decimais)."""
    if isinstance(valor, np.ndarray) or isinstance(valor, (list, tuple)) and valor and not isinstance(valor[0], str):
        try:
            texto = np.array2string(np.asarray(valor, dtype=float), separator=", ", threshold=12,
                                    formatter={"float_kind": lambda v: f"{v:.4g}"})
        except (TypeError, ValueError):
            texto = repr(valor)
    elif isinstance(valor, (float, np.floating)):
        texto = f"{float(valor):.6g}"
    else:
        texto = repr(valor)
    texto = " ".join(texto.split())
    return texto if len(texto) <= limite else texto[: limite - 1] + "…"


def relatar(nome: str, aprovado: bool, linhas: Sequence[str]) -> Resultado:
    """Imprime o relatório e devolve o `Resultado`."""
    resultado = Resultado(nome, aprovado, list(linhas))
    print(resultado.texto)
    return resultado


def descrever(**partes) -> str:
    """A entrada de um caso em uma linha: `x = [1, 2], w = 0.5`."""
    return ", ".join(f"{k} = {resumir(v, 70)}" for k, v in partes.items())


def sem_funcao(nome: str, funcao: Any) -> Resultado | None:
    """O veredito quando `funcao` é None (ainda não definida) ou não é uma função; None se dá para seguir."""
    if funcao is None:
        return relatar(nome, False, [f"… {nome}: {AINDA_NAO_DEFINIDA}"])
    if not callable(funcao):
        return relatar(nome, False, [f"✘ {nome}: esperava uma função, recebi {type(funcao).__name__}."])
    return None


def como_lista(obtido: Any) -> Any:
    """Uma lista com o que a resposta produz (aceita geradores e tuplas); o que não for iterável volta como está."""
    if obtido is None or isinstance(obtido, (str, bytes, dict)):
        return obtido
    try:
        return list(obtido)
    except Exception:  # noqa: BLE001 — a resposta de quem estuda pode ser qualquer coisa
        return obtido


def caso_falhou(nome: str, i: int, total: int, descricao: str, problema: str, dica: str | None = None) -> Resultado:
    """O veredito ✘ de um caso que não confere: qual caso, a entrada, o problema e uma dica."""
    linhas = [f"✘ {nome}: o caso {i} de {total} não confere.", f"  entrada: {descricao}", f"  {problema}"]
    if dica:
        linhas.append(f"  dica: {dica}")
    return relatar(nome, False, linhas)


def chamar(funcao: Callable, argumentos: tuple) -> tuple[Any, str | None]:
    """Chama a função de quem estuda sem deixar nada escapar; devolve (valor, problema)."""
    try:
        with warnings.catch_warnings(), np.errstate(all="ignore"):
            warnings.simplefilter("ignore")
            return funcao(*copy.deepcopy(argumentos)), None
    except NotImplementedError:
        return None, NAO_IMPLEMENTADO
    except Exception as erro:  # noqa: BLE001 — qualquer erro do aluno vira mensagem
        return None, f"sua função levantou {type(erro).__name__}: {erro}"


def comparar_arrays(obtido: Any, esperado: Any, rtol: float, atol: float) -> str | None:
    """Devolve `None` se `obtido` confere com `esperado`, ou a explicação da diferença."""
    if obtido is None:
        return "sua função devolveu None: faltou o `return`?"
    try:
        obtido_arr = np.asarray(obtido, dtype=float)
    except (TypeError, ValueError):
        return f"esperava números, recebi {type(obtido).__name__} ({resumir(obtido, 60)})"
    esperado_arr = np.asarray(esperado, dtype=float)
    if obtido_arr.shape != esperado_arr.shape and not (obtido_arr.size == 1 == esperado_arr.size):
        return f"esperava forma {esperado_arr.shape}, recebi {obtido_arr.shape}"
    if not np.allclose(obtido_arr.reshape(esperado_arr.shape), esperado_arr, rtol=rtol, atol=atol, equal_nan=False):
        return f"esperava {resumir(esperado_arr)}, obtive {resumir(obtido_arr)}"
    return None


def verificar_funcao(nome: str, funcao: Any, referencia: Callable, casos: Sequence[tuple[str, tuple]],
                     *, rtol: float = 1e-6, atol: float = 1e-9, dica: str | None = None) -> Resultado:
    """Compara `funcao` com `referencia` em cada caso `(descrição, argumentos)`."""
    if funcao is None:
        return relatar(nome, False, [f"… {nome}: {AINDA_NAO_DEFINIDA}"])
    if not callable(funcao):
        return relatar(nome, False, [f"✘ {nome}: esperava uma função, recebi {type(funcao).__name__}."])
    for i, (descricao, argumentos) in enumerate(casos, start=1):
        obtido, problema = chamar(funcao, argumentos)
        if problema == NAO_IMPLEMENTADO:
            return relatar(nome, False, [f"… {nome}: {problema}"])
        if problema is None:
            problema = comparar_arrays(obtido, referencia(*copy.deepcopy(argumentos)), rtol, atol)
        if problema is not None:
            linhas = [f"✘ {nome}: o caso {i} de {len(casos)} não confere.",
                      f"  entrada: {descricao}",
                      f"  {problema}"]
            if dica:
                linhas.append(f"  dica: {dica}")
            return relatar(nome, False, linhas)
    return relatar(nome, True, [f"✔ {nome}: {len(casos)} de {len(casos)} casos corretos. Muito bem!"])
