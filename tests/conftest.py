"""Os testes da biblioteca desenham sem janela (os kernels dos notebooks não herdam isto)."""
import matplotlib

matplotlib.use("Agg")
