# Atalhos do curso. Cada alvo é um invólucro fino sobre um script Python em
# ferramentas/ (que também roda sem make, por exemplo no Windows).
PYTHON ?= python3
VENV_PY := $(shell $(PYTHON) ferramentas/preparar.py --python)

# Uma thread de BLAS: as saídas guardadas nos notebooks saem idênticas.
export OPENBLAS_NUM_THREADS := 1
export OMP_NUM_THREADS := 1
export MKL_NUM_THREADS := 1

.PHONY: curso testes executar exercicios dados benchmark preparar travar ajuda playground teste-navegador

ajuda:
	@echo "make curso       abre o curso no JupyterLab (prepara o ambiente .venv se preciso)"
	@echo "make testes      roda todos os testes (biblioteca, notebooks, exercícios)"
	@echo "make executar    re-executa os notebooks que mudaram (TODOS=1 para todos)"
	@echo "make exercicios  gera os cadernos dos alunos a partir de exercicios/fonte/"
	@echo "make dados       baixa e confere de uma vez todos os dados do curso (MNIST, textos)"
	@echo "make benchmark   mede uma época de redes contra o PyTorch (se instalado; THREADS=2 para duas threads)"
	@echo "make playground  abre o Playground (capítulo 21) como aplicativo, sem código à vista (Voilà)"
	@echo "make teste-navegador  testa os widgets num navegador de verdade (Chromium do sistema)"
	@echo "make travar      recalcula requirements.txt (versões exatas; precisa de uv)"

preparar:
	@$(PYTHON) ferramentas/preparar.py

# Como root (em contêineres, por exemplo) o JupyterLab exige --allow-root.
COMO_ROOT := $(if $(filter 0,$(shell id -u 2>/dev/null)),--allow-root,)

curso: preparar
	$(VENV_PY) -m jupyter lab $(COMO_ROOT) capitulos/00-comece-aqui.ipynb

testes: preparar
	$(VENV_PY) -m pytest -n 2 --dist loadfile --durations=10

executar: preparar
	$(VENV_PY) ferramentas/executar.py $(if $(TODOS),--todos,)

exercicios: preparar
	$(VENV_PY) ferramentas/exercicios.py

# O Playground do capítulo 21 sozinho, para projetar em aula: http://localhost:8866
playground: preparar
	$(VENV_PY) -m voila playground/app.ipynb --port=8866 --Voila.ip=127.0.0.1 $(ARGS)

# Widgets num navegador de verdade (JupyterLab e Voilà numa cópia do repositório);
# capturas de tela em testes_navegador/artefatos/.
teste-navegador: preparar
	$(VENV_PY) ferramentas/navegador.py
	$(VENV_PY) -m pytest -p no:nbval -o addopts="-p no:cacheprovider" testes_navegador -v

dados: preparar
	$(VENV_PY) ferramentas/dados.py

THREADS ?= 1
benchmark: preparar
	$(VENV_PY) ferramentas/benchmark.py --threads $(THREADS)

travar: preparar
	$(VENV_PY) -m pip install -q uv
	$(VENV_PY) -m uv pip compile pyproject.toml --extra curso --universal --python-version 3.10 \
		--no-header --no-annotate -o requirements.txt.novo
	{ printf '# Versões exatas de tudo o que o curso instala (gerado por `make travar`, não edite à mão).\n# Uma resolução universal: vale para Python >= 3.10 em Linux, macOS e Windows.\n'; \
	  cat requirements.txt.novo; } > requirements.txt && rm requirements.txt.novo
