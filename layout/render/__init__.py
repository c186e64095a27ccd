"""Stage 5: render — PageLayout[] → PDF through reportlab.pdfgen (the only module that draws)."""
from .pdf import render_pdf

__all__ = ["render_pdf"]
