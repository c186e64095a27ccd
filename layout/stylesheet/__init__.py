"""Stage 2: YAML style sheets → validated, resolved :class:`StyleSheet` (units → points)."""
from .types import (Align, BLACK, Color, FontFamily, Furniture, Hyphenation, Justification,
                    ModuleSpacing, PageGeometry, Rule, Rules, StyleSheet, TextStyle)

__all__ = ["Align", "BLACK", "Color", "FontFamily", "Furniture", "Hyphenation", "Justification",
           "ModuleSpacing", "PageGeometry", "Rule", "Rules", "StyleSheet", "TextStyle"]
