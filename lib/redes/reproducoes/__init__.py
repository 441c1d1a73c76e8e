"""Reproduções de resultados do livro, como scripts que qualquer pessoa roda.

    python -m redes.reproducoes mlp-mnist nielsen-quadratico
    python -m redes.reproducoes mlp-mnist nielsen-l2 --sementes 0
    python -m redes.reproducoes mlp-mnist moderno
    python -m redes.reproducoes mlp-mnist --help      # as opções de cada um
    python -m redes.reproducoes --help                # todas as reproduções

Para acrescentar uma reprodução, crie um módulo neste pacote com `COMANDO`,
`AJUDA`, `configurar(analisador)` e `executar(args, cabecalho)`: veja `cli.py`.

Cada uma imprime o progresso por época, a acurácia e o tempo gasto. Os
treinos longos do curso ficam aqui; os notebooks treinam pequeno e citam
estes resultados.
"""
