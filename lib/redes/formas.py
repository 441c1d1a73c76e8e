r"""Formas de arrays: quando um produto `A @ B` ou uma soma `A + B` existe, e que forma sai.

A forma de um array é a tupla com o tamanho de cada eixo: `()` para um número,
`(n,)` para um vetor, `(m, n)` para uma matriz, e assim por diante. Aqui só
olhamos as formas, sem nenhum número dentro, para responder antes de fazer a
conta se ela é possível.

**Produto de matrizes** (`@`, o `np.matmul`). Cada número da saída é o produto
escalar de uma linha de $A$ com uma coluna de $B$, então as duas precisam ter o
mesmo comprimento:

$$(m, n)\ @\ (n, p) \to (m, p), \qquad C_{ij} = \sum_{k=1}^{n} A_{ik}\,B_{kj}.$$

Um vetor `(n,)` à esquerda faz o papel de uma linha `(1, n)`, e à direita o de
uma coluna `(n, 1)`; o eixo de tamanho 1 acrescentado some do resultado. Dois
vetores dão um número: $(n,)\ @\ (n,) \to ()$. Com mais de dois eixos, os eixos
da frente são uma pilha de matrizes e combinam pela regra da soma, abaixo.

**Soma com *broadcasting***. Alinham-se as formas pela direita; eixos que
faltam contam como 1. Em cada posição os tamanhos precisam ser iguais, ou um
deles ser 1 (esse é repetido até o tamanho do outro). A saída tem, em cada eixo,
o maior dos dois tamanhos:

$$(m, n) + (n,) \to (m, n) \quad\text{(o viés somado a cada linha)}, \qquad
  (m,) + (m, 1) \to (m, m) \quad\text{(quase sempre um erro)}.$$

`forma_do_produto` e `forma_da_soma` devolvem a forma ou `None`;
`explicar_produto` e `explicar_soma` devolvem também o porquê, em português.
"""
from __future__ import annotations

import numbers
from dataclasses import dataclass

from ._validacao import _descrever


def validar_forma(forma, nome: str = "forma") -> tuple[int, ...]:
    """Confere uma forma: uma tupla (ou lista) de inteiros ≥ 0, como `(3, 4)` ou `(4,)`."""
    if isinstance(forma, (str, bytes)) or not isinstance(forma, (tuple, list)):
        raise TypeError(f"esperava em `{nome}` uma tupla de inteiros, como (3, 4) ou (4,), recebi {_descrever(forma)}")
    for n in forma:
        if isinstance(n, bool) or not isinstance(n, numbers.Integral):
            raise TypeError(f"esperava só inteiros em `{nome}`, recebi {n!r} em {tuple(forma)!r}")
        if n < 0:
            raise ValueError(f"um eixo não tem tamanho negativo: recebi {n} em `{nome}` = {tuple(forma)!r}")
    return tuple(int(n) for n in forma)


def formatar(forma) -> str:
    """A forma como o NumPy a escreve: `()`, `(4,)`, `(3, 4)`."""
    forma = validar_forma(forma)
    return "(" + ", ".join(map(str, forma)) + ("," if len(forma) == 1 else "") + ")"


def forma_da_soma(forma_a, forma_b) -> tuple[int, ...] | None:
    """Forma de `A + B` pela regra do *broadcasting*, ou `None` se as formas não combinam."""
    a, b = validar_forma(forma_a, "forma_a"), validar_forma(forma_b, "forma_b")
    n = max(len(a), len(b))
    a, b = (1,) * (n - len(a)) + a, (1,) * (n - len(b)) + b
    saida = []
    for x, y in zip(a, b):
        if x != y and 1 not in (x, y):
            return None
        saida.append(y if x == 1 else x)
    return tuple(saida)


def forma_do_produto(forma_a, forma_b) -> tuple[int, ...] | None:
    """Forma de `A @ B` (as regras do `np.matmul`), ou `None` se o produto não existe."""
    a, b = validar_forma(forma_a, "forma_a"), validar_forma(forma_b, "forma_b")
    if not a or not b:
        return None                                   # o @ não aceita números soltos
    a2 = (1,) + a if len(a) == 1 else a               # vetor à esquerda: uma linha
    b2 = b + (1,) if len(b) == 1 else b               # vetor à direita: uma coluna
    if a2[-1] != b2[-2]:
        return None
    pilha = forma_da_soma(a2[:-2], b2[:-2])
    if pilha is None:
        return None
    saida = list(pilha + (a2[-2], b2[-1]))
    if len(b) == 1:
        del saida[-1]                                 # a coluna acrescentada a B some
    if len(a) == 1:
        del saida[len(pilha)]                         # a linha acrescentada a A some
    return tuple(saida)


def contar_multiplicacoes(forma_a, forma_b) -> int:
    r"""Quantas multiplicações `A @ B` faz: $m \cdot n \cdot p$ para $(m, n)\ @\ (n, p)$.

    Cada número da saída é um produto escalar de $n$ termos (a dimensão interna).
    """
    saida = forma_do_produto(forma_a, forma_b)
    if saida is None:
        raise ValueError(explicar_produto(forma_a, forma_b).texto)
    interna = validar_forma(forma_a)[-1]
    total = interna
    for n in saida:
        total *= n
    return total


@dataclass(frozen=True)
class Explicacao:
    """O veredito sobre uma operação: a forma da saída (ou `None`) e o porquê, em português."""

    operacao: str
    forma_a: tuple
    forma_b: tuple
    forma: tuple | None
    texto: str

    @property
    def valida(self) -> bool:
        return self.forma is not None

    @property
    def resumo(self) -> str:
        """Uma linha, como `(3, 4) @ (4,) → (3,)` ou `(4,) @ (3, 4) → não existe`."""
        fim = formatar(self.forma) if self.valida else "não existe"
        return f"{formatar(self.forma_a)} {self.operacao} {formatar(self.forma_b)} → {fim}"


def _plural(n: int, palavra: str) -> str:
    return f"{n} {palavra}{'s' if n != 1 else ''}"


def _dicas_produto(a: tuple, b: tuple) -> list[str]:
    """Sugestões quando um produto de vetores/matrizes (até 2 eixos) não existe."""
    dicas = []
    if len(b) == 2 and a[-1] == b[1]:
        dicas.append(f"transpor B resolve: A @ B.T tem forma {formatar(forma_do_produto(a, b[::-1]))}")
    if len(a) == 2 and a[0] == b[0]:
        dicas.append(f"transpor A resolve: A.T @ B tem forma {formatar(forma_do_produto(a[::-1], b))}")
    invertido = forma_do_produto(b, a)
    if invertido is not None:
        dicas.append(f"a ordem inversa existe: B @ A tem forma {formatar(invertido)}")
    return dicas


def explicar_produto(forma_a, forma_b) -> Explicacao:
    """Diz se `A @ B` existe, que forma sai e por quê (ou por que não, e o que resolveria)."""
    a, b = validar_forma(forma_a, "forma_a"), validar_forma(forma_b, "forma_b")
    saida = forma_do_produto(a, b)
    A, B = formatar(a), formatar(b)
    if not a or not b:
        texto = ("o @ não aceita um número solto (forma ()); para multiplicar cada elemento "
                 "por um número, use *.")
        return Explicacao("@", a, b, None, texto)
    if saida is None:
        if a[-1] != (b[0] if len(b) == 1 else b[-2]):
            interna_b = b[0] if len(b) == 1 else b[-2]
            papel_a = f"o vetor A tem {_plural(a[-1], 'elemento')}" if len(a) == 1 else \
                f"cada linha de A tem {_plural(a[-1], 'número')}"
            papel_b = f"o vetor B tem {_plural(interna_b, 'elemento')}" if len(b) == 1 else \
                f"cada coluna de B tem {_plural(interna_b, 'número')}"
            texto = (f"{A} @ {B} não existe: {papel_a}, mas {papel_b}. Cada saída é o produto escalar "
                     f"de uma linha de A com uma coluna de B, e os dois comprimentos precisam ser iguais "
                     f"({a[-1]} ≠ {interna_b}).")
            if len(a) <= 2 and len(b) <= 2:
                dicas = _dicas_produto(a, b)
                if dicas:
                    juntas = "; ".join(dicas)
                    texto += " " + juntas[0].upper() + juntas[1:] + "."
        else:
            texto = (f"{A} @ {B} não existe: as matrizes combinam ({a[-1]} = {b[-2]}), mas as pilhas da "
                     f"frente, {formatar(a[:-2])} e {formatar(b[:-2])}, não seguem a regra do broadcasting.")
        return Explicacao("@", a, b, None, texto)
    n = a[-1]
    if len(a) == 1 and len(b) == 1:
        texto = f"{A} @ {B} → (): dois vetores de {n} elementos dão um número, o produto escalar."
    elif len(a) == 1:
        texto = (f"{A} @ {B} → {formatar(saida)}: o vetor A faz o papel de uma linha (1, {n}); "
                 f"cada saída é o produto escalar de A com uma coluna de B ({n} termos).")
    elif len(b) == 1:
        texto = (f"{A} @ {B} → {formatar(saida)}: o vetor B faz o papel de uma coluna ({n}, 1); "
                 f"cada saída é o produto escalar de uma linha de A com B ({n} termos).")
    else:
        texto = (f"{A} @ {B} → {formatar(saida)}: as dimensões internas coincidem ({n} = {n}); cada "
                 f"número da saída é o produto escalar de uma linha de A com uma coluna de B ({n} termos).")
    return Explicacao("@", a, b, saida, texto)


def explicar_soma(forma_a, forma_b) -> Explicacao:
    """Diz se `A + B` existe pela regra do *broadcasting*, que forma sai e o que foi repetido."""
    a, b = validar_forma(forma_a, "forma_a"), validar_forma(forma_b, "forma_b")
    saida = forma_da_soma(a, b)
    A, B = formatar(a), formatar(b)
    n = max(len(a), len(b))
    a1, b1 = (1,) * (n - len(a)) + a, (1,) * (n - len(b)) + b
    if saida is None:
        ruins = [(i - n, x, y) for i, (x, y) in enumerate(zip(a1, b1)) if x != y and 1 not in (x, y)]
        eixo, x, y = ruins[-1]
        qual = {-1: "o último eixo", -2: "o penúltimo eixo"}.get(eixo, f"o {-eixo}º eixo a partir da direita")
        texto = (f"{A} + {B} não existe: alinhando as formas pela direita, {qual} tem {x} em A e {y} "
                 f"em B. Tamanhos diferentes só combinam quando um deles é 1.")
        return Explicacao("+", a, b, None, texto)
    if a == b:
        texto = f"{A} + {B} → {formatar(saida)}: formas iguais, soma elemento a elemento."
        return Explicacao("+", a, b, saida, texto)
    repeticoes = []
    for nome, original, alinhada in (("A", a, a1), ("B", b, b1)):
        copias = [f"{s} vezes no eixo {i}" for i, (s, t) in enumerate(zip(saida, alinhada)) if t == 1 and s != 1]
        if copias:
            como = f" conta como {formatar(alinhada)} e" if len(original) < n else ""
            repeticoes.append(f"{nome}{como} é copiado {' e '.join(copias)}")
    texto = f"{A} + {B} → {formatar(saida)}: alinhando pela direita, {'; '.join(repeticoes)}."
    if saida != a and saida != b:
        texto += (" Cuidado: a saída é maior que as duas parcelas. Às vezes é de propósito; mas, se a ideia "
                  "era somar elemento a elemento (um vetor (m,) com uma coluna (m, 1), por exemplo), é um erro "
                  "silencioso: o NumPy não reclama.")
    return Explicacao("+", a, b, saida, texto)
