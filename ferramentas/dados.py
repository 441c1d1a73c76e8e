"""Baixa e confere, de uma vez, todos os dados que o curso usa (MNIST e Dom Casmurro).

    python ferramentas/dados.py                 # o mesmo que `make dados`
    python ferramentas/dados.py --sem-progresso # sem barra (para logs)

Útil antes de uma aula sem internet ou ao montar uma imagem de Binder/JupyterHub.
Cada arquivo vem do cache (se já estiver lá e conferir), da pasta apontada por
`REDES_DADOS` ou da internet; no fim, ficam prontas as cópias `.npy` do MNIST,
que fazem o carregamento levar menos de um segundo. Termina com código 1 e uma
mensagem que explica o que falta se algum arquivo não puder ser obtido.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

RAIZ = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(RAIZ / "lib"))  # funciona mesmo sem a biblioteca instalada

from redes.dados import baixar, mnist, pastas, textos  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Baixa e confere os dados do curso.")
    parser.add_argument("--sem-progresso", action="store_true", help="não mostra a barra de download")
    args = parser.parse_args(argv)
    progresso = not args.sem_progresso

    try:
        cache = pastas.pasta_cache()
    except OSError as erro:
        print(f"Erro: não consegui preparar a pasta de cache: {erro}", file=sys.stderr)
        return 1
    print(f"Cache: {cache}")
    fonte = pastas.pasta_fonte()
    print(f"Origem local ({pastas.VARIAVEL_FONTE}): {fonte if fonte else 'nenhuma'}")

    falhas: list[baixar.DadosIndisponiveis] = []
    for arquivo in [*mnist.arquivos(), textos.arquivo_dom_casmurro()]:
        try:
            obtido = baixar.garantir(arquivo, progresso=progresso)
        except baixar.DadosIndisponiveis as erro:
            falhas.append(erro)
            print(f"  FALTA  {arquivo.nome}")
            continue
        print(f"  ok     {arquivo.nome}  ({obtido.origem})")

    if not any(f.faltando[0].startswith("mnist/") for f in falhas):
        inicio = time.perf_counter()
        try:
            mnist.carregar_mnist(progresso=False)
        except (baixar.DadosIndisponiveis, ValueError, OSError) as erro:
            print(f"Erro ao decodificar o MNIST: {erro}", file=sys.stderr)
            return 1
        print(f"  ok     cópias .npy do MNIST (carregar_mnist() levou {time.perf_counter() - inicio:.2f} s)")

    if falhas:
        faltando = [nome for falha in falhas for nome in falha.faltando]
        tentativas = [t for falha in falhas for t in falha.tentativas]
        print("\nErro: " + str(baixar.DadosIndisponiveis(faltando, tentativas, cache)), file=sys.stderr)
        return 1
    print("Tudo pronto: os capítulos vão carregar os dados sem usar a internet.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
