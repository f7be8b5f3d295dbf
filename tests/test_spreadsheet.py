"""Every admin CSV shows text as text, never as a formula."""

import pytest

from kiosk.spreadsheet import safe_cell


@pytest.mark.parametrize(
    "value, cell",
    [
        ('=HYPERLINK("x")', '\'=HYPERLINK("x")'),
        ("+32470123456", "'+32470123456"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("N'Diaye & Fatou", "N'Diaye & Fatou"),
        ('<b>"Mama"</b>', '<b>"Mama"</b>'),
        ("Monday", "Monday"),
        (None, ""),
        (7, "7"),
    ],
)
def test_csv_cells_never_start_a_formula(value, cell):
    assert safe_cell(value) == cell
