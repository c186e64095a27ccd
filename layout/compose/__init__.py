"""Stage 3b: compose — an article × a module width → a Galley (header, photo, body flow), and the
filling of body flow into column regions (what does not fit is returned, never dropped)."""
