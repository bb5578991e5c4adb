def application(environ, start_response):
    """The WSGI entry point: answer the request described by `environ`.

    Replace this placeholder: route by environ["PATH_INFO"] and
    environ["REQUEST_METHOD"] as README.md describes.
    """
    body = b"Not written yet"
    start_response(
        "501 Not Implemented",
        [("Content-Type", "text/plain; charset=utf-8"), ("Content-Length", str(len(body)))],
    )
    return [body]
