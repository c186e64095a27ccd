"""Designer tools, a stage on top of ``layout.build``: live preview (``preview``/``server``),
style-change diff (``diff``), JSON Schema of the style sheet (``schema``), specimen sheet
(``specimen``). Imports flow one way: these modules import ``layout.build``, never the reverse.
"""
