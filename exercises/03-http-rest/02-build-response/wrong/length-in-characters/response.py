from http import HTTPStatus


def build_response(status, headers=None, body=b""):
    phrase = HTTPStatus(status).phrase
    headers = list(headers or [])
    for name, value in headers:
        if any(c in name + value for c in "\r\n"):
            raise ValueError(f"line break in header {name!r}")
    if status in (204, 304):
        if body:
            raise ValueError(f"a {status} response has no body")
    else:
        if body and not any(name.lower() == "content-type" for name, _ in headers):
            headers.append(("Content-Type", "text/plain; charset=utf-8"))
        # Counts characters, measured before encoding.
        headers.append(("Content-Length", str(len(body))))
    if isinstance(body, str):
        body = body.encode("utf-8")
    lines = [f"HTTP/1.1 {status} {phrase}"]
    lines += [f"{name}: {value}" for name, value in headers]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body
