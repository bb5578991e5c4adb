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
        # Looks the name up exactly as given: "Host" is found, "host" is not.
        return self.headers.get(name, default)


def parse_request(raw):
    head, _, body = raw.partition("\r\n\r\n")
    lines = head.split("\r\n")
    parts = lines[0].split(" ")
    if len(parts) != 3 or not all(parts) or not parts[2].startswith("HTTP/"):
        raise ValueError(f"malformed request line: {lines[0]!r}")
    method, target, version = parts
    path, _, query_string = target.partition("?")
    query = parse_qs(query_string, keep_blank_values=True)
    headers = {}
    for line in lines[1:]:
        name, colon, value = line.partition(":")
        if not colon or not name.strip():
            raise ValueError(f"malformed header line: {line!r}")
        name, value = name.strip(), value.strip()
        if name in headers:
            headers[name] += ", " + value
        else:
            headers[name] = value
    return Request(method, unquote(path), version, query, headers, body)
