def count_lines(path):
    """The number of non-blank lines in the file; 0 if it does not exist."""
    try:
        with open(path, encoding="utf-8") as f:
            count = 0
            for line in f:
                if line.strip():
                    count += 1
            return count
    except FileNotFoundError:
        return 0


def write_lines(path, lines):
    """Write each string of lines to the file, on its own line."""
    with open(path, "w", encoding="utf-8") as f:
        for line in lines:
            f.write(line + "\n")


def append_line(path, line):
    """Add line at the end of the file."""
    with open(path, "w", encoding="utf-8") as f:
        f.write(line + "\n")


def read_csv(path):
    """[{"name": "pen", "qty": "3", ...}, ...]: the records after the header line."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    if not lines:
        return []
    names = [name.strip() for name in lines[0].split(",")]
    records = []
    for line in lines[1:]:
        if not line.strip():
            continue
        values = [value.strip() for value in line.split(",")]
        records.append(dict(zip(names, values)))
    return records


def write_report(orders_path, report_path):
    """Write "name: total" lines and a TOTAL line; return the number of orders."""
    orders = read_csv(orders_path)
    grand_total = 0
    with open(report_path, "w", encoding="utf-8") as f:
        for order in orders:
            total = int(order["qty"]) * float(order["price"])
            grand_total += total
            f.write(f"{order['name']}: {total:.2f}\n")
        f.write(f"TOTAL: {grand_total:.2f}\n")
    return len(orders)
