"""Re-executa notebooks do curso no lugar, de cima a baixo, e guarda as saídas.

    python ferramentas/executar.py                 # só os que mudaram
    python ferramentas/executar.py --todos         # todos (por exemplo, depois de mudar `redes`)
    python ferramentas/executar.py capitulos/02-o-neuronio.ipynb

"Mudou" quer dizer: o código das células não é o mesmo da última execução
(o resumo dele fica em `metadata.redes.codigo_executado`) ou há célula sem saída.
Roda com uma thread de BLAS (como os testes), no Python deste ambiente, e tira
os metadados voláteis (horários de execução) para o diff ficar limpo.
"""
from __future__ import annotations

import argparse
import hashlib
import os
import sys
import time
from pathlib import Path

RAIZ = Path(__file__).resolve().parent.parent
PASTAS = ("capitulos", "exercicios/fonte")

for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = "1"
os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")

import nbformat  # noqa: E402
from jupyter_client.kernelspec import KernelSpecManager  # noqa: E402
from jupyter_client.manager import KernelManager  # noqa: E402
from nbclient import NotebookClient  # noqa: E402


class KernelDesteAmbiente(KernelSpecManager):
    """Garante que o kernel "python3" é o Python deste ambiente, não outro instalado no usuário."""

    def get_kernel_spec(self, kernel_name):
        import ipykernel.kernelspec
        if kernel_name == "python3":
            return self.kernel_spec_class(resource_dir=ipykernel.kernelspec.RESOURCES,
                                          **ipykernel.kernelspec.get_kernel_dict())
        return super().get_kernel_spec(kernel_name)


def assinatura_do_codigo(nb) -> str:
    """Resumo SHA-256 do código (fonte das células de código, em ordem)."""
    h = hashlib.sha256()
    for celula in nb.cells:
        if celula.cell_type == "code":
            h.update(celula.source.encode("utf-8") + b"\x00")
    return h.hexdigest()[:16]


def precisa_executar(nb) -> bool:
    codigo = [c for c in nb.cells if c.cell_type == "code" and c.source.strip()]
    if any(c.get("execution_count") is None for c in codigo):
        return True
    return nb.metadata.get("redes", {}).get("codigo_executado") != assinatura_do_codigo(nb)


def limpar_metadados(nb) -> None:
    """Tira horários de execução e outros metadados que mudam a cada execução."""
    for celula in nb.cells:
        celula.metadata.pop("execution", None)
        celula.metadata.pop("collapsed", None)
        celula.metadata.pop("scrolled", None)
    nb.metadata.pop("papermill", None)
    nb.metadata.get("language_info", {}).pop("version", None)


def executar(caminho: Path, tempo_limite: int = 300) -> float:
    """Executa o notebook no lugar; devolve o tempo gasto, em segundos."""
    nb = nbformat.read(caminho, as_version=4)
    km = KernelManager(kernel_name="python3", kernel_spec_manager=KernelDesteAmbiente())
    cliente = NotebookClient(nb, km=km, timeout=tempo_limite, kernel_name="python3",
                             resources={"metadata": {"path": str(caminho.parent)}},
                             record_timing=False, store_widget_state=True,
                             extra_arguments=["--IPKernelApp.log_level=ERROR"])
    inicio = time.monotonic()
    cliente.execute()
    duracao = time.monotonic() - inicio
    limpar_metadados(nb)
    nb.metadata.setdefault("redes", {})["codigo_executado"] = assinatura_do_codigo(nb)
    nbformat.validate(nb)
    nbformat.write(nb, caminho)
    return duracao


def notebooks(alvos: list[str]) -> list[Path]:
    if alvos:
        caminhos = []
        for alvo in alvos:
            p = Path(alvo).resolve()
            if p.is_dir():
                caminhos += sorted(p.glob("*.ipynb"))
            elif p.suffix == ".ipynb" and p.exists():
                caminhos.append(p)
            else:
                sys.exit(f"Erro: esperava um notebook .ipynb ou uma pasta, recebi {alvo!r}")
        return caminhos
    return [p for pasta in PASTAS for p in sorted((RAIZ / pasta).glob("*.ipynb"))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("alvos", nargs="*", help="notebooks ou pastas (padrão: capitulos/ e exercicios/fonte/)")
    parser.add_argument("--todos", action="store_true", help="executa mesmo os que não mudaram")
    args = parser.parse_args()
    lista = notebooks(args.alvos)
    escolhidos = [p for p in lista if args.todos or args.alvos or precisa_executar(nbformat.read(p, as_version=4))]
    if not escolhidos:
        print("Nada a executar: todos os notebooks estão em dia (use --todos para forçar).")
        return 0
    falhas = 0
    for p in escolhidos:
        nome = p.relative_to(RAIZ) if p.is_relative_to(RAIZ) else p
        print(f"executando {nome} ...", end=" ", flush=True)
        try:
            duracao = executar(p)
        except Exception as erro:  # noqa: BLE001
            falhas += 1
            print(f"FALHOU\n{type(erro).__name__}: {str(erro)[-2000:]}")
            continue
        aviso = "  (acima de 60 s!)" if duracao > 60 else ""
        print(f"{duracao:.1f} s{aviso}")
    return 1 if falhas else 0


if __name__ == "__main__":
    sys.exit(main())
