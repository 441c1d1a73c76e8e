"""Redes Neurais na Prática."""
