from dataclasses import dataclass
from urllib.parse import parse_qs, unquote


@dataclass
class Request:
    method: str
    path: str
    version: str
    query: dict
    headers: dict
    body: str

    def header(self, name, default=None):
        return self.headers.get(name.lower(), default)


def parse_request(raw):
    # Splits the body off at every empty line and headers at every colon.
    parts = raw.split("\r\n\r\n")
    head, body = parts[0], parts[1] if len(parts) > 1 else ""
    lines = head.split("\r\n")
    request_line = lines[0].split(" ")
    if len(request_line) != 3 or not all(request_line) or not request_line[2].startswith("HTTP/"):
        raise ValueError(f"malformed request line: {lines[0]!r}")
    method, target, version = request_line
    path, _, query_string = target.partition("?")
    query = parse_qs(query_string, keep_blank_values=True)
    headers = {}
    for line in lines[1:]:
        pieces = line.split(":")
        if len(pieces) < 2:
            raise ValueError(f"malformed header line: {line!r}")
        name, value = pieces[0].strip().lower(), pieces[1].strip()
        if name in headers:
            headers[name] += ", " + value
        else:
            headers[name] = value
    return Request(method, unquote(path), version, query, headers, body)
