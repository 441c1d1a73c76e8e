"""O contrato de toda verificação de exercício, escrito uma vez e usado pelos testes de cada capítulo.

Uma verificação `verificar.nome(resposta)`:
- aceita as soluções certas (imprime ✔ e devolve um Resultado verdadeiro);
- recusa o esboço do caderno do aluno com "ainda não implementado";
- recusa `None` (a célula da solução não rodou) com "ainda não definida";
- recusa respostas erradas plausíveis com ✘;
- nunca quebra: com qualquer lixo, imprime uma mensagem e devolve falso, sem traceback.

Uso, num arquivo de testes:

    CASOS = {"nome": (solucao_ou_lista_de_solucoes, [erradas...]), ...}
    globals().update(contrato(verificar, CASOS, LIXO))
"""
import pytest

LIXO = [None, 3, "texto", lambda *a: "texto", lambda *a: None, lambda *a: [[1, 2], [3]],
        lambda *a: 1 / 0, lambda *a: float("nan")]


def esboco(*args, **kwargs):
    """O que o caderno do aluno traz antes da resposta."""
    raise NotImplementedError()


def contrato(verificar, casos: dict, lixo=LIXO, sem_esboco=()) -> dict:
    """Devolve as funções de teste do contrato para as verificações em `casos`."""

    def certas(nome):
        solucoes = casos[nome][0]
        return list(solucoes) if isinstance(solucoes, (list, tuple)) else [solucoes]

    @pytest.mark.parametrize("nome", list(casos))
    def test_aceita_solucoes(nome, capsys):
        for certa in certas(nome):
            assert getattr(verificar, nome)(certa), certa
            assert "✔" in capsys.readouterr().out

    @pytest.mark.parametrize("nome", [n for n in casos if n not in sem_esboco])
    def test_recusa_esboco_com_aviso_amigavel(nome, capsys):
        assert not getattr(verificar, nome)(esboco)
        saida = capsys.readouterr().out
        assert "ainda não implementado" in saida and "Traceback" not in saida

    @pytest.mark.parametrize("nome", list(casos))
    def test_recusa_none_como_ainda_nao_definida(nome, capsys):
        assert not getattr(verificar, nome)(None)
        assert "ainda não definida" in capsys.readouterr().out

    @pytest.mark.parametrize("nome", list(casos))
    def test_recusa_respostas_erradas_plausiveis(nome, capsys):
        for errada in casos[nome][1]:
            assert not getattr(verificar, nome)(errada), errada
            saida = capsys.readouterr().out
            assert "✘" in saida and "Traceback" not in saida

    @pytest.mark.parametrize("nome", list(casos))
    @pytest.mark.parametrize("resposta", lixo)
    def test_nunca_quebra(nome, resposta, capsys):
        assert not getattr(verificar, nome)(resposta)
        saida = capsys.readouterr().out
        assert saida.strip() and "Traceback" not in saida

    return {f.__name__: f for f in (test_aceita_solucoes, test_recusa_esboco_com_aviso_amigavel,
                                    test_recusa_none_como_ainda_nao_definida,
                                    test_recusa_respostas_erradas_plausiveis, test_nunca_quebra)}
