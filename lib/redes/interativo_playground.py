"""O Playground como widget (ipywidgets): uma camada fina sobre `redes.playground`.

    >>> from redes.interativo_playground import app
    >>> app()            # numa célula do JupyterLab (ou no Voilà: playground/app.ipynb)

Controles para tudo o que está em `redes.playground.Configuracao`, ▶/⏸ (um
widget `Play` que dá um passo a cada tique), "um passo", "reiniciar", a época,
o mapa de calor da saída com os pontos, uma miniatura por neurônio, a rede com
as ligações coloridas pelo peso, as curvas de custo e a configuração como
código (para copiar). O desenho é um SVG montado em texto, com as miniaturas
em PNG (Pillow): nada de matplotlib a cada passo, para caber em ~100 ms.

Para testes, sem navegador: `ui.passo()`, `ui.definir(**valores)`, `ui.estado`.
"""
from __future__ import annotations

import base64
import io
import time

import ipywidgets as widgets
import numpy as np
from PIL import Image

from . import playground as _pg
from .graficos.figuras_playground import AZUL, LARANJA, VERDE, cores_da_grade


def app(cfg: _pg.Configuracao | None = None, **mudancas) -> "PlaygroundUI":
    """O Playground completo, pronto para mostrar numa célula (ou num painel do Voilà)."""
    return PlaygroundUI(cfg, **mudancas)


TAXAS = (0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0)
TAXAS_REG = (0.0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0)
NOMES_DADOS = {"circulos": "círculos", "xor": "xor", "gaussianas": "gaussianas", "espiral": "espiral",
               "espiral3": "espiral (3 classes)", "gaussianas3": "gaussianas (3 classes)",
               "plano": "plano (regressão)", "bolha": "bolha (regressão)"}
CAMPOS = ("dados", "ruido", "proporcao_treino", "semente_dados", "atributos", "camadas", "ativacao", "taxa",
          "tamanho_lote", "regularizacao", "taxa_regularizacao", "otimizador", "custo", "semente")


def png_data_uri(rgb: np.ndarray) -> str:
    """Uma imagem RGB (floats de 0 a 1, a linha 0 embaixo) como `data:image/png;base64,...`."""
    arr = (np.clip(rgb[::-1], 0, 1) * 255).astype(np.uint8)
    buf = io.BytesIO()
    Image.fromarray(arr).save(buf, format="PNG", compress_level=1)
    return "data:image/png;base64," + base64.b64encode(buf.getvalue()).decode("ascii")


def _hex(cor) -> str:
    return "#" + "".join(f"{int(round(255 * c)):02x}" for c in cor)


def svg_playground(pg: _pg.Playground, mostrar_teste: bool = True, discretizar: bool = False) -> str:
    """O desenho inteiro em SVG: rede (miniaturas e ligações), mapa de calor com os pontos e curvas de custo.

    Pontos de treino com borda branca; os de teste, com borda preta, só com `mostrar_teste=True`.
    Com `discretizar=True`, o mapa mostra a classe escolhida em vez da confiança.
    """
    cfg = pg.cfg
    tamanhos = cfg.tamanhos
    ocultas = pg.grades_neuronios()
    miniaturas = [list(pg.grades_atributos())] + [list(c) for c in ocultas]
    lado, vao = 30, 8
    colunas = len(tamanhos) - 1                      # entrada + ocultas (a saída é o mapa grande)
    passo_x = 80
    altura_rede = max(tamanhos[:-1]) * (lado + vao) + 30
    mapa = 240
    x_mapa = 60 + colunas * passo_x + 40
    altura = max(altura_rede, mapa + 140) + 10
    pos = []
    partes = []
    for j, imgs in enumerate(miniaturas):
        x = 50 + j * passo_x
        ys = [25 + i * (lado + vao) for i in range(len(imgs))]
        pos.append([(x, y) for y in ys])
    # ligações, coloridas e engrossadas pelo peso
    pesos = pg.modelo.pesos()
    maior = max(float(np.nanmax(np.abs(W))) if np.isfinite(W).any() else 1.0 for W in pesos) or 1.0
    destino_saida = (x_mapa, 20 + mapa / 2)
    for l, W in enumerate(pesos):
        for a in range(W.shape[0]):
            for b in range(W.shape[1]):
                w = float(W[a, b])
                if not np.isfinite(w):
                    continue
                x0, y0 = pos[l][a][0] + lado, pos[l][a][1] + lado / 2
                if l + 1 < len(pos):
                    x1, y1 = pos[l + 1][b][0], pos[l + 1][b][1] + lado / 2
                else:
                    x1, y1 = destino_saida
                cor = _hex(AZUL if w > 0 else LARANJA)
                partes.append(f'<line x1="{x0:.0f}" y1="{y0:.0f}" x2="{x1:.0f}" y2="{y1:.0f}" stroke="{cor}" '
                              f'stroke-width="{0.4 + 4 * abs(w) / maior:.2f}" stroke-opacity="0.75"/>')
    nomes = [_pg.ATRIBUTOS[a][0] for a in cfg.atributos]
    for j, imgs in enumerate(miniaturas):
        for i, g in enumerate(imgs):
            x, y = pos[j][i]
            escala = float(np.nanmax(np.abs(g))) if np.isfinite(g).any() else 1.0
            partes.append(f'<image x="{x}" y="{y}" width="{lado}" height="{lado}" href="{png_data_uri(cores_da_grade(g, escala or 1.0))}"/>'
                          f'<rect x="{x}" y="{y}" width="{lado}" height="{lado}" fill="none" stroke="#555"/>')
            if j == 0:
                partes.append(f'<text x="{x - 4}" y="{y + lado / 2 + 4}" text-anchor="end" font-size="11">{nomes[i]}</text>')
        titulo = "entrada" if j == 0 else f"oculta {j}"
        partes.append(f'<text x="{pos[j][0][0] + lado / 2}" y="14" text-anchor="middle" font-size="11">{titulo}</text>')
    # mapa de calor da saída, com os pontos
    grade = pg.grade_saida_discretizada() if discretizar else pg.grade_saida()
    limite = float(max(np.max(np.abs(pg.Y_treino)), 1e-9)) if cfg.regressao else 1.0
    partes.append(f'<text x="{x_mapa + mapa / 2}" y="14" text-anchor="middle" font-size="11">saída</text>')
    partes.append(f'<image x="{x_mapa}" y="20" width="{mapa}" height="{mapa}" preserveAspectRatio="none" '
                  f'href="{png_data_uri(cores_da_grade(grade, limite))}"/>')
    escala = mapa / (2 * _pg.LIMITE)
    cores = (_hex(LARANJA), _hex(AZUL), _hex(VERDE))

    def pontos(X, y, borda):
        for (p1, p2), k in zip(X, y):
            cor = _hex(cores_da_grade(np.array([[k]]), limite)[0, 0]) if cfg.regressao else cores[int(k)]
            partes.append(f'<circle cx="{x_mapa + (p1 + _pg.LIMITE) * escala:.1f}" '
                          f'cy="{20 + (_pg.LIMITE - p2) * escala:.1f}" r="2.6" fill="{cor}" stroke="{borda}" stroke-width="0.7"/>')
    pontos(pg.X_treino, pg.y_treino, "white")
    if mostrar_teste:
        pontos(pg.X_teste, pg.y_teste, "black")
    partes.append(f'<rect x="{x_mapa}" y="20" width="{mapa}" height="{mapa}" fill="none" stroke="#555"/>')
    # curvas de custo (escala log)
    y0c, hc = mapa + 40, 70
    custos = [np.asarray(pg.custo_treino, float), np.asarray(pg.custo_teste, float)]
    finitos = np.concatenate([c[np.isfinite(c) & (c > 0)] for c in custos])
    if finitos.size:
        lo, hi = np.log10(finitos.min()), np.log10(finitos.max())
        hi = hi if hi > lo else lo + 1
        n = max(len(custos[0]) - 1, 1)
        for c, traco, cor in zip(custos, ("", ' stroke-dasharray="4 3"'), ("#000", "#777")):
            pts = [f"{x_mapa + mapa * i / n:.1f},{y0c + hc * (hi - np.log10(v)) / (hi - lo):.1f}"
                   for i, v in enumerate(c) if np.isfinite(v) and v > 0]
            partes.append(f'<polyline points="{" ".join(pts)}" fill="none" stroke="{cor}" stroke-width="1.5"{traco}/>')
    partes.append(f'<rect x="{x_mapa}" y="{y0c}" width="{mapa}" height="{hc}" fill="none" stroke="#bbb"/>')
    partes.append(f'<text x="{x_mapa}" y="{y0c + hc + 15}" font-size="11">custo: treino {pg.custo_treino[-1]:.3f} '
                  f'(—), teste {pg.custo_teste[-1]:.3f} (- -)</text>')
    if not cfg.regressao:
        partes.append(f'<text x="{x_mapa}" y="{y0c + hc + 29}" font-size="11">acurácia: treino '
                      f'{pg.acuracia("treino"):.1%}, teste {pg.acuracia("teste"):.1%}</text>')
    largura_total = x_mapa + mapa + 20
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{largura_total}" height="{altura}" '
            f'font-family="sans-serif">{"".join(partes)}</svg>')


class PlaygroundUI(widgets.VBox):
    """A interface: controles em cima, desenho embaixo. Atributos: `pg` (o `Playground`), `controles`,
    `redesenhos` e `ultimo_tempo` (segundos do último passo + redesenho)."""

    def __init__(self, cfg: _pg.Configuracao | None = None, resolucao: int = 40, **mudancas):
        self.pg = _pg.Playground(cfg, resolucao=resolucao, **mudancas)
        self.redesenhos = 0
        self.ultimo_tempo = 0.0
        self._pausado = False
        c = self.pg.cfg
        L = widgets.Layout
        estilo = {"description_width": "initial"}
        self.controles = {
            "dados": widgets.Dropdown(options=[(v, k) for k, v in NOMES_DADOS.items()], value=c.dados,
                                      description="dados", style=estilo),
            "ruido": widgets.FloatSlider(value=c.ruido, min=0, max=0.5, step=0.05, description="ruído",
                                         continuous_update=False, style=estilo),
            "proporcao_treino": widgets.FloatSlider(value=c.proporcao_treino, min=0.1, max=0.9, step=0.1,
                                                    description="treino", continuous_update=False, style=estilo),
            "semente_dados": widgets.BoundedIntText(value=c.semente_dados, min=0, max=10**6,
                                                    description="semente dos dados", style=estilo, layout=L(width="170px")),
            "ativacao": widgets.Dropdown(options=list(_pg.ATIVACOES), value=c.ativacao, description="ativação",
                                         style=estilo),
            "taxa": widgets.SelectionSlider(options=list(TAXAS), value=c.taxa if c.taxa in TAXAS else 0.03,
                                            description="taxa η", continuous_update=False, style=estilo),
            "tamanho_lote": widgets.IntSlider(value=c.tamanho_lote, min=1, max=30, description="lote",
                                              continuous_update=False, style=estilo),
            "regularizacao": widgets.Dropdown(options=list(_pg.REGULARIZACOES), value=c.regularizacao,
                                              description="regularização", style=estilo),
            "taxa_regularizacao": widgets.SelectionSlider(
                options=list(TAXAS_REG), value=c.taxa_regularizacao if c.taxa_regularizacao in TAXAS_REG else 0.0,
                description="taxa de reg.", continuous_update=False, style=estilo),
            "otimizador": widgets.Dropdown(options=list(_pg.OTIMIZADORES), value=c.otimizador,
                                           description="otimizador", style=estilo),
            "custo": widgets.Dropdown(options=[("softmax + entropia cruzada", "entropia"),
                                               ("erro quadrático (original)", "quadratico")],
                                      value=c.custo, description="custo", style=estilo),
            "semente": widgets.BoundedIntText(value=c.semente, min=0, max=10**6, description="semente dos pesos",
                                              style=estilo, layout=L(width="170px")),
        }
        self.chaves_atributos = {k: widgets.ToggleButton(value=k in c.atributos, description=nome,
                                                         layout=L(width="70px"))
                                 for k, (nome, _) in _pg.ATRIBUTOS.items()}
        self.n_camadas = widgets.IntSlider(value=len(c.camadas), min=0, max=6, description="camadas ocultas",
                                           style=estilo)
        self.neuronios = [widgets.IntSlider(value=(c.camadas[i] if i < len(c.camadas) else 4), min=1, max=8,
                                            orientation="vertical", layout=L(height="80px", width="40px"),
                                            description=str(i + 1))
                          for i in range(6)]
        self.preset = widgets.Dropdown(options=["—"] + list(_pg.PRESETS), value="—", description="pronta",
                                       style=estilo)
        self.play = widgets.Play(value=0, min=0, max=10**9, step=1, interval=150, description="▶/⏸")
        self.botao_passo = widgets.Button(description="um passo", icon="step-forward")
        self.botao_reiniciar = widgets.Button(description="reiniciar", icon="refresh")
        self.rotulo = widgets.HTML()
        self.mostrar_teste = widgets.ToggleButton(value=False, description="mostrar dados de teste",
                                                  tooltip="pontos de teste com borda preta")
        self.discretizar = widgets.ToggleButton(value=False, description="discretizar a saída",
                                                tooltip="pinta cada ponto do plano com a classe escolhida")
        self.desenho = widgets.HTML()
        self.codigo = widgets.Textarea(description="copiar configuração", style=estilo,
                                       layout=L(width="100%", height="170px"))
        # ligações
        for w in [*self.controles.values(), *self.chaves_atributos.values(), self.n_camadas, *self.neuronios]:
            w.observe(self._ao_mudar, names="value")
        self.preset.observe(self._ao_escolher_preset, names="value")
        for chave in (self.mostrar_teste, self.discretizar):
            chave.observe(lambda _m: self.redesenhar(), names="value")
        self.play.observe(lambda _m: self.passo(), names="value")
        self.botao_passo.on_click(lambda _b: self.passo())
        self.botao_reiniciar.on_click(lambda _b: self.reiniciar())
        self.mais_camada = widgets.Button(description="+ camada", layout=L(width="90px"))
        self.menos_camada = widgets.Button(description="− camada", layout=L(width="90px"))
        self.mais_camada.on_click(lambda _b: self._mudar_camadas(+1))
        self.menos_camada.on_click(lambda _b: self._mudar_camadas(-1))
        ct = self.controles
        linha1 = widgets.HBox([self.play, self.botao_passo, self.botao_reiniciar, self.rotulo, self.preset,
                               self.mostrar_teste, self.discretizar])
        linha2 = widgets.HBox([widgets.VBox([ct["dados"], ct["ruido"], ct["proporcao_treino"], ct["semente_dados"]]),
                               widgets.VBox([ct["taxa"], ct["ativacao"], ct["tamanho_lote"], ct["otimizador"]]),
                               widgets.VBox([ct["custo"], ct["regularizacao"], ct["taxa_regularizacao"], ct["semente"]])])
        linha3 = widgets.HBox([widgets.VBox([widgets.Label("atributos"),
                                             widgets.HBox(list(self.chaves_atributos.values())[:4]),
                                             widgets.HBox(list(self.chaves_atributos.values())[4:])]),
                               widgets.VBox([widgets.HBox([self.menos_camada, self.n_camadas, self.mais_camada]),
                                             widgets.HBox(self.neuronios)])])
        super().__init__([linha1, linha2, linha3, self.desenho, self.codigo])
        self._mostrar_sliders()
        self.redesenhar()

    # ------------------------------------------------------------ leitura dos controles
    def _configuracao_dos_controles(self) -> dict:
        valores = {k: w.value for k, w in self.controles.items()}
        valores["atributos"] = tuple(k for k, w in self.chaves_atributos.items() if w.value) or ("x1",)
        valores["camadas"] = tuple(w.value for w in self.neuronios[:self.n_camadas.value])
        return valores

    def _mostrar_sliders(self) -> None:
        for i, w in enumerate(self.neuronios):
            w.layout.display = None if i < self.n_camadas.value else "none"

    def _ao_mudar(self, _mudanca=None) -> None:
        if self._pausado:
            return
        self._mostrar_sliders()
        self.play.playing = False
        try:
            self.pg.configurar(**self._configuracao_dos_controles())
        except ValueError as erro:
            self.rotulo.value = f"⚠ {erro}"
            return
        self.redesenhar()

    def _ao_escolher_preset(self, mudanca) -> None:
        if mudanca["new"] in _pg.PRESETS:
            self.definir(**_pg.preset(mudanca["new"]).como_dict())

    # ------------------------------------------------------------ ações
    def definir(self, **valores) -> None:
        """Muda vários controles de uma vez (nomes de `Configuracao`) e reinicia o experimento uma vez só."""
        desconhecidos = set(valores) - set(CAMPOS)
        if desconhecidos:
            raise ValueError(f"controle desconhecido: {', '.join(sorted(desconhecidos))}; conheço: {', '.join(CAMPOS)}")
        _pg.Configuracao(**{**self.pg.cfg.como_dict(), **valores})   # confere tudo antes de mexer nos widgets
        self._pausado = True
        try:
            for nome, valor in valores.items():
                if nome == "atributos":
                    for k, w in self.chaves_atributos.items():
                        w.value = k in valor
                elif nome == "camadas":
                    self.n_camadas.value = len(valor)
                    for w, n in zip(self.neuronios, valor):
                        w.value = int(n)
                elif nome == "taxa" and valor not in TAXAS:
                    opcoes = sorted(set(TAXAS) | {float(valor)})
                    self.controles["taxa"].options = opcoes
                    self.controles["taxa"].value = float(valor)
                elif nome == "taxa_regularizacao" and valor not in TAXAS_REG:
                    self.controles[nome].options = sorted(set(TAXAS_REG) | {float(valor)})
                    self.controles[nome].value = float(valor)
                else:
                    self.controles[nome].value = valor
        finally:
            self._pausado = False
        self._ao_mudar()

    def passo(self, epocas: int = 1) -> None:
        """Treina `epocas` épocas e redesenha; guarda o tempo (treino + desenho) em `ultimo_tempo`."""
        inicio = time.perf_counter()
        self.pg.passo(epocas)
        self.redesenhar()
        self.ultimo_tempo = time.perf_counter() - inicio
        if self.pg.divergiu:
            self.play.playing = False

    def _mudar_camadas(self, delta: int) -> None:
        """Os botões + camada / − camada: mexem no número de camadas ocultas, entre 0 e 6."""
        self.n_camadas.value = min(max(self.n_camadas.value + delta, self.n_camadas.min), self.n_camadas.max)

    def reiniciar(self) -> None:
        """Pesos novos da semente e época 0 (os dados ficam)."""
        self.play.playing = False
        self.pg.reiniciar(novos_dados=False)
        self.redesenhar()

    def redesenhar(self) -> None:
        pg = self.pg
        self.desenho.value = svg_playground(pg, self.mostrar_teste.value, self.discretizar.value)
        aviso = " — <b>divergiu</b> (custo infinito ou NaN): diminua a taxa η" if pg.divergiu else ""
        self.rotulo.value = f"<b>época {pg.epoca}</b>{aviso}"
        self.codigo.value = pg.cfg.como_codigo()
        self.redesenhos += 1

    @property
    def estado(self) -> dict:
        """O estado do experimento (`Playground.estado`) mais o número de redesenhos e o tempo do último passo."""
        return {**self.pg.estado, "redesenhos": self.redesenhos, "ultimo_tempo": self.ultimo_tempo}
