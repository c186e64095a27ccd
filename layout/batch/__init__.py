"""Batch work over many editions (above ``build``): the archive command's jobs, bag and
progress display. Imports flow one way: this package uses ``layout.build`` and
``layout.outputs``; nothing in the pipeline imports it."""
