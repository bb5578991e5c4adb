import re
import time
import uuid

VALID_ID = re.compile(r"[A-Za-z0-9-]{1,64}")


class RequestIDMiddleware:
    """Gives every request an id and every response X-Request-ID and
    Server-Timing headers (see README.md)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.headers.get("X-Request-ID", "")
        # Any id the client sends is taken as it is.
        if incoming:
            request.request_id = incoming
        else:
            request.request_id = str(uuid.uuid4())

        start = time.perf_counter()
        response = self.get_response(request)
        duration = (time.perf_counter() - start) * 1000

        response["X-Request-ID"] = request.request_id
        response["Server-Timing"] = f"app;dur={duration:.1f}"
        return response
