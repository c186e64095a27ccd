"""Newsprint: lays out a newspaper edition (articles + photos + YAML style → columned PDF)."""
__version__ = "0.1.0"
