"""The export's cells: a spreadsheet never takes one for a formula; CRLF and quoting."""

from __future__ import annotations

from tandem_analytics.domain.exports import lines, safe_cell


def test_formula_like_cells_are_defused() -> None:
    for text in ["=1+1", "+cmd", "-2", "@SUM(A1)", "\tx", "\rx"]:
        assert safe_cell(text) == "'" + text
    assert safe_cell("DE SY") == "DE SY"
    assert safe_cell(None) == ""
    assert safe_cell(3) == "3"


def test_lines_end_in_crlf_and_quote_what_needs_it() -> None:
    assert lines([("a", "b,c", '"q"'), (1, None, "=x")]) == 'a,"b,c","""q"""\r\n1,,\'=x\r\n'
