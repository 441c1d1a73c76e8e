"""Os widgets do curso num navegador de verdade: JupyterLab (capítulos 02, 21 e 22) e o aplicativo Voilà.

Rodar: `make teste-navegador`. As capturas de tela (antes e depois de mexer nos
controles) ficam em `testes_navegador/artefatos/`, fora do git.
"""
from __future__ import annotations

import time

import pytest

from conftest import TOKEN

ESPERA_LONGA = 120_000


def esperar_kernel_ocioso(pagina) -> None:
    """O kernel conectado e parado: o texto '| Idle' na barra de status (o indicador da barra de ferramentas não basta)."""
    pagina.locator(".jp-StatusBar-TextItem:has-text('| Idle')").first.wait_for(timeout=ESPERA_LONGA)


def rodar_tudo(pagina) -> None:
    pagina.locator(".lm-MenuBar-itemLabel:text-is('Run')").click()
    pagina.locator(".lm-Menu-itemLabel:text-is('Run All Cells')").click()


def abrir_no_lab(pagina, jupyterlab, caminho: str) -> None:
    pagina.goto(f"{jupyterlab}/lab/tree/{caminho}?token={TOKEN}&reset", timeout=ESPERA_LONGA)
    pagina.locator(".jp-Notebook").first.wait_for(timeout=ESPERA_LONGA)
    esperar_kernel_ocioso(pagina)


def imagem(area) -> str:
    return area.locator(".widget-output img").first.get_attribute("src") or ""


def esperar_mudanca(area, antes: str, limite: float = 60.0) -> str:
    """Espera a figura do painel mudar (o `src` da imagem é um PNG em base64)."""
    fim = time.monotonic() + limite
    while time.monotonic() < fim:
        agora = imagem(area)
        if agora and agora != antes:
            return agora
        time.sleep(0.25)
    raise AssertionError("a figura do painel não mudou depois de mexer no controle")


def esperar_estabilizar(pagina, area, limite: float = 30.0) -> str:
    """Espera o kernel parar e a figura ficar igual por um segundo (controles contínuos redesenham várias vezes)."""
    esperar_kernel_ocioso(pagina)
    fim, anterior = time.monotonic() + limite, None
    while time.monotonic() < fim:
        atual = imagem(area)
        if atual == anterior:
            return atual
        anterior = atual
        time.sleep(1.0)
    return anterior


def mexer_com_teclado(pagina, alca, vezes: int, tecla: str = "ArrowRight") -> None:
    alca.focus()
    for _ in range(vezes):
        pagina.keyboard.press(tecla)


def arrastar(pagina, alca, dx: float) -> None:
    caixa = alca.bounding_box()
    x, y = caixa["x"] + caixa["width"] / 2, caixa["y"] + caixa["height"] / 2
    pagina.mouse.move(x, y)
    pagina.mouse.down()
    pagina.mouse.move(x + dx, y, steps=10)
    pagina.mouse.up()


def test_capitulo_02_no_jupyterlab(pagina, jupyterlab, artefatos):
    abrir_no_lab(pagina, jupyterlab, "capitulos/02-o-neuronio.ipynb")
    rodar_tudo(pagina)
    celula = pagina.locator(".jp-Cell").filter(has=pagina.locator(".widget-slider")).first
    celula.locator(".widget-output img").first.wait_for(timeout=ESPERA_LONGA)
    esperar_kernel_ocioso(pagina)
    celula.scroll_into_view_if_needed()
    leituras = celula.locator(".widget-readout")
    alcas = celula.locator(".widget-slider .noUi-handle")
    assert alcas.count() >= 2

    antes, leitura_antes = imagem(celula), leituras.nth(0).inner_text()
    celula.screenshot(path=str(artefatos / "cap02-antes.png"))
    mexer_com_teclado(pagina, alcas.nth(0), 4)                       # peso w: 4 passos de 0,1
    esperar_mudanca(celula, antes)
    depois = esperar_estabilizar(pagina, celula)
    leitura_depois = leituras.nth(0).inner_text()
    assert leitura_depois != leitura_antes, (leitura_antes, leitura_depois)
    celula.screenshot(path=str(artefatos / "cap02-teclado.png"))

    leitura_b = leituras.nth(1).inner_text()
    arrastar(pagina, alcas.nth(1), 60)                               # viés b, com o mouse
    esperar_mudanca(celula, depois)
    esperar_estabilizar(pagina, celula)
    assert leituras.nth(1).inner_text() != leitura_b
    celula.screenshot(path=str(artefatos / "cap02-mouse.png"))


def celula_do_controle(pagina, rotulo: str):
    """A célula de saída do painel que tem um deslizante com este rótulo."""
    return pagina.locator(".jp-Cell").filter(
        has=pagina.locator(f".widget-slider:has(.widget-label:text-is('{rotulo}'))")).first


def mexer_no_deslizante(pagina, celula, rotulo: str, vezes: int, artefato, tecla: str = "ArrowRight") -> None:
    """Mexe no deslizante `rotulo` com o teclado e confere que a leitura e a figura mudaram."""
    controle = celula.locator(f".widget-slider:has(.widget-label:text-is('{rotulo}'))").first
    controle.scroll_into_view_if_needed()
    antes, leitura = imagem(celula), controle.locator(".widget-readout").inner_text()
    mexer_com_teclado(pagina, controle.locator(".noUi-handle").first, vezes, tecla)
    esperar_mudanca(celula, antes)
    esperar_estabilizar(pagina, celula)
    assert controle.locator(".widget-readout").inner_text() != leitura
    celula.screenshot(path=str(artefato))


def test_capitulo_22_no_jupyterlab(pagina, jupyterlab, artefatos):
    """O projetista de cinco calombos e o deslizante de N, os widgets centrais da prova visual."""
    abrir_no_lab(pagina, jupyterlab, "capitulos/22-aproximacao-universal.ipynb")
    rodar_tudo(pagina)
    projetista = celula_do_controle(pagina, "altura h5")
    projetista.locator(".widget-output img").first.wait_for(timeout=ESPERA_LONGA)
    esperar_kernel_ocioso(pagina)
    assert projetista.locator(".widget-slider").count() == 5
    projetista.scroll_into_view_if_needed()
    projetista.screenshot(path=str(artefatos / "cap22-projetista-antes.png"))
    mexer_no_deslizante(pagina, projetista, "altura h3", 5, artefatos / "cap22-projetista.png")

    calombos = celula_do_controle(pagina, "N (calombos)")
    # a última célula deixou N = 200, o máximo: para mudar, só para a esquerda
    mexer_no_deslizante(pagina, calombos, "N (calombos)", 150, artefatos / "cap22-n.png", tecla="ArrowLeft")


# ---------------------------------------------------------------- o Playground (capítulo 21 e o aplicativo)

def desenho(area) -> str:
    """O desenho do Playground (um SVG com as imagens embutidas) e o texto da época."""
    return area.locator(".widget-html-content").evaluate_all("els => els.map(e => e.innerHTML).join('|')")


def rotulo_epoca(area) -> str:
    return area.locator(".widget-html-content:has-text('época')").first.inner_text()


def esperar_texto_mudar(obter, antes: str, limite: float = 60.0) -> str:
    fim = time.monotonic() + limite
    while time.monotonic() < fim:
        agora = obter()
        if agora != antes:
            return agora
        time.sleep(0.25)
    raise AssertionError("nada mudou na tela")


def exercitar_playground(pagina, area, artefatos, prefixo: str) -> None:
    """Aperta ▶, espera as épocas andarem, pausa; depois mexe no ruído com o teclado e no lote com o mouse."""
    area.locator(".widget-play").first.wait_for(timeout=ESPERA_LONGA)
    area.scroll_into_view_if_needed()
    antes, epoca_antes = desenho(area), rotulo_epoca(area)
    area.screenshot(path=str(artefatos / f"{prefixo}-antes.png"))
    botoes = area.locator(".widget-play button")
    botoes.nth(0).click()                                            # ▶
    esperar_texto_mudar(lambda: rotulo_epoca(area), epoca_antes)
    time.sleep(2.0)
    botoes.nth(1).click()                                            # ⏸
    depois = desenho(area)
    assert depois != antes and rotulo_epoca(area) != epoca_antes
    area.screenshot(path=str(artefatos / f"{prefixo}-play.png"))

    ruido = area.locator(".widget-slider:has(.widget-label:text-is('ruído'))").first
    leitura = ruido.locator(".widget-readout").inner_text()
    mexer_com_teclado(pagina, ruido.locator(".noUi-handle").first, 2)
    esperar_texto_mudar(lambda: ruido.locator(".widget-readout").inner_text(), leitura)
    esperar_texto_mudar(lambda: desenho(area), depois)
    area.screenshot(path=str(artefatos / f"{prefixo}-ruido.png"))


def test_capitulo_21_no_jupyterlab(pagina, jupyterlab, artefatos):
    abrir_no_lab(pagina, jupyterlab, "capitulos/21-playground.ipynb")
    rodar_tudo(pagina)
    area = pagina.locator(".jp-Cell").filter(has=pagina.locator(".widget-play")).first
    area.wait_for(timeout=ESPERA_LONGA)
    esperar_kernel_ocioso(pagina)
    exercitar_playground(pagina, area, artefatos, "cap21")


def test_aplicativo_voila_sem_internet(pagina, voila, artefatos):
    bloqueados = []
    pagina.route("**/*", lambda rota: (bloqueados.append(rota.request.url), rota.abort())
                 if not rota.request.url.startswith("http://127.0.0.1") else rota.continue_())
    pagina.goto(voila, timeout=ESPERA_LONGA)
    area = pagina.locator("body")
    area.locator(".widget-play").first.wait_for(timeout=ESPERA_LONGA)
    assert not pagina.locator(".jp-InputArea-editor").count()          # nenhum código à vista
    # os ícones (▶, ⏸, passo, reiniciar) vêm da fonte embutida no Voilà, mesmo sem o CDN
    pagina.locator(".widget-play").first.screenshot(path=str(artefatos / "voila-icones.png"))
    assert pagina.evaluate("Array.from(document.fonts).some(f => f.family.includes('Font Awesome 5 Free') "
                           "&& f.status === 'loaded')")
    largura = pagina.locator(".widget-play button i, .widget-play button .fa").first.evaluate(
        "e => e.getBoundingClientRect().width")
    assert largura > 4, f"ícone sem largura: {largura}"
    exercitar_playground(pagina, area, artefatos, "voila")
    assert all("127.0.0.1" not in u for u in bloqueados)
