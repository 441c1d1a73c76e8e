r"""O modelo `Sequencial`: camadas em fila, a saída de uma é a entrada da próxima.

    >>> from redes.modelo import Sequencial
    >>> from redes.camadas import Densa
    >>> rede = Sequencial([Densa(784, 30, "grande"), "sigmoide", Densa(30, 10, "grande"), "sigmoide"])
    >>> rede.n_parametros                      # 784·30 + 30 + 30·10 + 10
    23860

Ida: $a^0 = X$ e $a^{l} = f_l(a^{l-1})$. Volta (retropropagação): começa com
$\partial C/\partial a^L$ e cada camada, da última para a primeira, devolve o
gradiente da sua entrada, $\partial C/\partial a^{l-1}$, guardando os dos
seus parâmetros. A primeira camada não precisa calcular o gradiente da
entrada (os dados não são treinados), e não calcula.

`salvar("rede.npz")` grava os parâmetros e a arquitetura (um texto JSON)
num `.npz` sem *pickle*; `carregar("rede.npz")` recria o modelo.
"""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from ._lotes import inteiro, lote, mesma_forma, tipo_real
from .camadas import Camada, Densa, Dropout, como_camada, recriar

FORMATO = "redes.Sequencial/1"


class Sequencial:
    """Uma rede em camadas. Aceita camadas prontas ou nomes de ativações ("sigmoide", "relu", "softmax"...)."""

    def __init__(self, camadas, tipo=None):
        camadas = list(camadas)
        if not camadas:
            raise ValueError("esperava pelo menos uma camada, recebi uma lista vazia")
        densas = [c for c in camadas if isinstance(c, Camada)]
        tipo = tipo_real(tipo if tipo is not None else (densas[0].tipo if densas else "float32"))
        self.camadas: list[Camada] = [como_camada(c, tipo) for c in camadas]
        for c in self.camadas:
            if c.tipo != tipo:
                c.como_tipo(tipo)
        self.tipo = tipo
        n = None
        for i, camada in enumerate(self.camadas):
            if camada.n_entrada is not None and n is not None and camada.n_entrada != n:
                raise ValueError(f"a camada {i} ({camada.descricao()}) espera {camada.n_entrada} entradas, "
                                 f"mas a camada anterior tem {n} saídas")
            n = camada.n_saida(n) if n is not None or camada.n_entrada is not None else None
        self._saida_forma = None

    # ------------------------------------------------------------ ida e volta
    @property
    def n_entrada(self) -> int | None:
        return next((c.n_entrada for c in self.camadas if c.n_entrada is not None), None)

    @property
    def n_saida(self) -> int | None:
        n = None
        for c in self.camadas:
            n = c.n_saida(n) if (n is not None or c.n_entrada is not None) else n
        return n

    def forward(self, X, treino: bool = False) -> np.ndarray:
        """A saída da rede para o lote `X`, forma `(m, n_entrada)`; `treino=True` liga o dropout."""
        X = lote(X, "X", self.n_entrada, self.tipo)
        saida = self._forward(X, bool(treino))
        self._saida_forma = saida.shape
        return saida

    def backward(self, G, gradiente_entrada: bool = False):
        """Retropropaga $G = \\partial C/\\partial a^L$; os gradientes ficam em cada camada (`gradientes()`).

        Com `gradiente_entrada=True` devolve também $\\partial C/\\partial X$.
        """
        if self._saida_forma is None:
            raise RuntimeError("chame forward antes de backward: o modelo ainda não viu nenhum lote")
        G = mesma_forma(G, self._saida_forma, "o gradiente da saída", self.tipo)
        return self._backward(G, gradiente_entrada)

    def _forward(self, X, treino):
        for camada in self.camadas:
            X = camada._forward(X, treino)
        return X

    def _backward(self, G, gradiente_entrada=False):
        ultima = len(self.camadas) - 1
        for i in range(ultima, -1, -1):
            G = self.camadas[i]._backward(G, i > 0 or gradiente_entrada)
        return G if gradiente_entrada else None

    def prever(self, X, tamanho_lote: int = 10_000) -> np.ndarray:
        """A saída da rede em modo de avaliação (sem dropout), calculada em pedaços de `tamanho_lote` linhas."""
        X = lote(X, "X", self.n_entrada, self.tipo)
        tamanho_lote = inteiro(tamanho_lote, "tamanho_lote")
        partes = [self._forward(X[i:i + tamanho_lote], False) for i in range(0, len(X), tamanho_lote)]
        return partes[0] if len(partes) == 1 else np.concatenate(partes)

    # ------------------------------------------------------------ parâmetros
    def parametros(self) -> list[np.ndarray]:
        """Todos os arrays de parâmetros, na ordem das camadas (as referências: mudá-los muda a rede)."""
        return [p for c in self.camadas for p in c.parametros.values()]

    def gradientes(self) -> list[np.ndarray]:
        """Os gradientes do último `backward`, alinhados com `parametros()`."""
        return [c.gradientes[nome] for c in self.camadas for nome in c.parametros]

    def nomes(self) -> list[str]:
        """Nomes dos parâmetros, alinhados com `parametros()`: `"0.W"`, `"0.b"`, `"2.W"`..."""
        return [f"{i}.{nome}" for i, c in enumerate(self.camadas) for nome in c.parametros]

    def pesos_e_gradientes(self):
        """Pares `(W, dC/dW)` só dos pesos regularizáveis (os vieses ficam de fora)."""
        return [(c.parametros[n], c.gradientes[n]) for c in self.camadas for n in c.regularizaveis]

    def pesos(self) -> list[np.ndarray]:
        return [w for w, _ in self.pesos_e_gradientes()]

    @property
    def n_parametros(self) -> int:
        return sum(c.n_parametros for c in self.camadas)

    def copiar_parametros(self) -> list[np.ndarray]:
        """Cópias de todos os parâmetros (para guardar os melhores pesos, por exemplo)."""
        return [p.copy() for p in self.parametros()]

    def restaurar_parametros(self, copias) -> None:
        """Põe de volta, no lugar, parâmetros guardados com `copiar_parametros`."""
        atuais = self.parametros()
        if len(copias) != len(atuais):
            raise ValueError(f"esperava {len(atuais)} arrays de parâmetros, recebi {len(copias)}")
        for i, (p, c) in enumerate(zip(atuais, copias)):
            p[...] = mesma_forma(c, p.shape, f"o parâmetro {self.nomes()[i]}", p.dtype)

    def como_tipo(self, tipo) -> "Sequencial":
        """Converte todas as camadas para float32 ou float64 e devolve o próprio modelo."""
        self.tipo = tipo_real(tipo)
        for c in self.camadas:
            c.como_tipo(self.tipo)
        return self

    # ------------------------------------------------------------ leitura
    def __repr__(self) -> str:
        def milhar(n):
            return f"{n:,}".replace(",", ".")
        linhas = [("#", "camada", "saída", "parâmetros")]
        n = None
        for i, c in enumerate(self.camadas):
            n = c.n_saida(n) if (n is not None or c.n_entrada is not None) else n
            forma = f"(m, {n})" if n is not None else "(m, ?)"
            linhas.append((str(i), c.descricao(), forma, milhar(c.n_parametros)))
        larguras = [max(len(linha[j]) for linha in linhas) for j in range(4)]
        texto = [f"Sequencial: {len(self.camadas)} camadas, {milhar(self.n_parametros)} parâmetros ({self.tipo.name})"]
        for linha in linhas:
            texto.append(f"  {linha[0]:>{larguras[0]}}  {linha[1]:<{larguras[1]}}  {linha[2]:<{larguras[2]}}  {linha[3]:>{larguras[3]}}")
        return "\n".join(texto)

    # ------------------------------------------------------------ arquivo
    def salvar(self, caminho) -> Path:
        """Grava arquitetura (JSON) e parâmetros num `.npz` (sem *pickle*); devolve o caminho."""
        caminho = Path(caminho)
        if caminho.suffix != ".npz":
            caminho = caminho.with_name(caminho.name + ".npz")
        arquitetura = {"formato": FORMATO, "tipo": self.tipo.name, "camadas": [c.config() for c in self.camadas]}
        arrays = {f"p{i}_{nome}": c.parametros[nome] for i, c in enumerate(self.camadas) for nome in c.parametros}
        np.savez(caminho, arquitetura=np.array(json.dumps(arquitetura, ensure_ascii=False)), **arrays)
        return caminho


def carregar(caminho) -> Sequencial:
    """Recria um `Sequencial` gravado por `salvar` (lido com `allow_pickle=False`)."""
    caminho = Path(caminho)
    if not caminho.exists():
        raise FileNotFoundError(f"não achei o arquivo {caminho}")
    with np.load(caminho, allow_pickle=False) as arquivo:
        if "arquitetura" not in arquivo.files:
            raise ValueError(f"{caminho} não foi gravado por Sequencial.salvar: falta a arquitetura")
        arquitetura = json.loads(str(arquivo["arquitetura"]))
        if arquitetura.get("formato") != FORMATO:
            raise ValueError(f"{caminho}: formato {arquitetura.get('formato')!r}, esperava {FORMATO!r}")
        camadas = [recriar(cfg) for cfg in arquitetura["camadas"]]
        for i, c in enumerate(camadas):
            for nome, valor in c.parametros.items():
                chave = f"p{i}_{nome}"
                if chave not in arquivo.files:
                    raise ValueError(f"{caminho}: falta o parâmetro {chave}")
                valor[...] = mesma_forma(arquivo[chave], valor.shape, f"o parâmetro {chave}", valor.dtype)
    return Sequencial(camadas, tipo=arquitetura["tipo"])


def mlp(tamanhos, ativacao="sigmoide", saida="sigmoide", inicializacao="lecun", semente=0,
        dropout: float = 0.0, dropout_entrada: float = 0.0, tipo="float32") -> Sequencial:
    """Perceptron multicamadas a partir dos tamanhos, como o `Network([784, 30, 10])` de Nielsen.

    `tamanhos = [n_0, n_1, ..., n_L]`: camadas densas $n_{l-1} \\to n_l$, cada
    uma seguida de `ativacao` (a última, de `saida`; `saida=None` deixa o
    potencial $z$ para um custo fundido). Com `dropout > 0`, um `Dropout(p)`
    depois de cada ativação oculta; com `dropout_entrada > 0`, outro logo na
    entrada (sobre os pixels). As sementes das camadas saem de `semente`.
    """
    tamanhos = [inteiro(t, "tamanhos") for t in tamanhos]
    if len(tamanhos) < 2:
        raise ValueError(f"esperava pelo menos dois tamanhos (entrada e saída), recebi {tamanhos}")
    sementes = np.random.default_rng(semente).integers(0, 2**31, size=2 * len(tamanhos) + 1)
    camadas: list = [Dropout(dropout_entrada, int(sementes[-1]), tipo)] if dropout_entrada else []
    for l, (n_ent, n_sai) in enumerate(zip(tamanhos[:-1], tamanhos[1:])):
        camadas.append(Densa(n_ent, n_sai, inicializacao, int(sementes[2 * l]), tipo))
        ultima = l == len(tamanhos) - 2
        funcao = saida if ultima else ativacao
        if funcao is not None:
            camadas.append(funcao)
        if dropout and not ultima:
            camadas.append(Dropout(dropout, int(sementes[2 * l + 1]), tipo))
    return Sequencial(camadas, tipo=tipo)
