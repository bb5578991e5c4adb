from dataclasses import dataclass
from urllib.parse import parse_qs, unquote


@dataclass
class Request:
    method: str      # "GET"
    path: str        # "/search", without the query string, %XX decoded
    version: str     # "HTTP/1.1"
    query: dict      # {"q": ["lamp"], "tag": ["a", "b"]}
    headers: dict    # lower-cased name -> value: {"host": "example.com"}
    body: str        # everything after the empty line, "" if nothing

    def header(self, name, default=None):
        """The value of header `name`, whatever its letter case, or default."""
        return self.headers.get(name.lower(), default)


def parse_request(raw):
    """The Request described by `raw`, the text of an HTTP/1.1 request.

    Raise ValueError if the request line or a header line is malformed.
    """
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
        name = name.strip()
        if not colon or not name:
            raise ValueError(f"malformed header line: {line!r}")
        name = name.lower()
        value = value.strip()
        if name in headers:
            headers[name] += ", " + value
        else:
            headers[name] = value

    return Request(method, unquote(path), version, query, headers, body)
