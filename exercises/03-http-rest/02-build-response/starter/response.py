def build_response(status, headers=None, body=b""):
    """The bytes of an HTTP/1.1 response.

    status:  an int such as 200 or 404
    headers: a list of (name, value) pairs, or None
    body:    str (sent as UTF-8) or bytes
    """
    return None
