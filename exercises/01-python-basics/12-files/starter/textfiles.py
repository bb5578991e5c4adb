# Write the five functions described in README.md.


def count_lines(path):
    """The number of non-blank lines in the file; 0 if it does not exist."""
    return None


def write_lines(path, lines):
    """Write each string of lines to the file, on its own line."""


def append_line(path, line):
    """Add line at the end of the file."""


def read_csv(path):
    """[{"name": "pen", "qty": "3", ...}, ...]: the records after the header line."""
    return None


def write_report(orders_path, report_path):
    """Write "name: total" lines and a TOTAL line; return the number of orders."""
    return None
