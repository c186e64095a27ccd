"""Tier 1: typewriter habits → typography, one behaviour per test."""
from layout.stylesheet import Dash, Typography
from layout.text.typography import smarten

ON = Typography()


def test_double_quotes_open_and_close():
    assert smarten('He said "yes" today.', ON) == "He said \u201cyes\u201d today."


def test_apostrophes_and_single_quotes():
    assert smarten("Korea's 'quasi-state of war'", ON) == "Korea\u2019s \u2018quasi-state of war\u2019"


def test_a_quote_at_a_run_boundary_reads_its_context():
    assert smarten('"', ON, before="word") == "\u201d"
    assert smarten('"', ON, before=" ") == "\u201c"


def test_double_hyphen_becomes_the_dash_the_style_says():
    assert smarten("Korea -- one", ON) == "Korea \u2014 one"
    assert smarten("Korea -- one", Typography(double_hyphen=Dash.EN)) == "Korea \u2013 one"
    assert smarten("Korea -- one", Typography(double_hyphen=Dash.KEEP)) == "Korea -- one"


def test_a_spaced_hyphen_is_a_typed_dash():
    assert smarten("The six - member team", ON) == "The six \u2013 member team"


def test_three_full_stops_become_an_ellipsis():
    assert smarten("and so...", ON) == "and so\u2026"


def test_a_number_keeps_its_unit():
    assert smarten("winds of 190 kilometers and 190 km/h at 10 a.m. today", ON) == \
        "winds of 190 kilometers and 190\u00a0km/h at 10\u00a0a.m. today"


def test_no_keeps_its_number_but_names_may_break():
    assert smarten("Release No. 279 by John F. Kirby and U.S. National", ON) == \
        "Release No.\u00a0279 by John F. Kirby and U.S. National"


def test_units_inside_words_are_not_units():
    assert smarten("the 5 miles and 3 mild days", ON) == "the 5 miles and 3 mild days"


def test_nothing_changes_when_switched_off():
    off = Typography(curly_quotes=False, double_hyphen=Dash.KEEP, ellipsis=False, ties=False)
    assert smarten('"a" -- b...', off) == '"a" -- b...'
