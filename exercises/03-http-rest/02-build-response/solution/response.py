from http import HTTPStatus

NO_BODY = {204, 304}


def build_response(status, headers=None, body=b""):
    """The bytes of an HTTP/1.1 response.

    status:  an int such as 200 or 404
    headers: a list of (name, value) pairs, or None
    body:    str (sent as UTF-8) or bytes
    """
    phrase = HTTPStatus(status).phrase  # ValueError for an unknown status
    headers = list(headers or [])
    if isinstance(body, str):
        body = body.encode("utf-8")

    for name, value in headers:
        if any(c in name + value for c in "\r\n"):
            raise ValueError(f"line break in header {name!r}")

    if status in NO_BODY:
        if body:
            raise ValueError(f"a {status} response has no body")
    else:
        if body and not any(name.lower() == "content-type" for name, _ in headers):
            headers.append(("Content-Type", "text/plain; charset=utf-8"))
        headers.append(("Content-Length", str(len(body))))

    lines = [f"HTTP/1.1 {status} {phrase}"]
    lines += [f"{name}: {value}" for name, value in headers]
    head = "\r\n".join(lines) + "\r\n\r\n"
    return head.encode("latin-1") + body
