"""Stage 2: YAML style sheets → validated, resolved :class:`StyleSheet` (units → points)."""
from .loader import load_stylesheet
from .reference import reference_markdown
from .types import (Align, BLACK, Color, Dash, FontFamily, Furniture, Hyphenation,
                    Justification, ModuleSpacing, PageGeometry, Rule, Rules, StyleSheet,
                    TextStyle, Typography)
from ..yamlsource import Located, load_yaml, load_yaml_file

__all__ = ["Align", "BLACK", "Color", "Dash", "FontFamily", "Furniture", "Hyphenation",
           "Justification", "Located", "ModuleSpacing", "PageGeometry", "Rule", "Rules",
           "StyleSheet", "TextStyle", "Typography", "load_stylesheet", "load_yaml",
           "load_yaml_file", "reference_markdown"]
