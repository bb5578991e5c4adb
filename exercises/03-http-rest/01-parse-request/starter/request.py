from dataclasses import dataclass


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
        return None


def parse_request(raw):
    """The Request described by `raw`, the text of an HTTP/1.1 request.

    Raise ValueError if the request line or a header line is malformed.
    """
    return None
