class ApiErrorMiddleware:
    """Answers exceptions raised by views under /api/ with JSON (see README.md)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        """Called when a view raises; return a response, or None to let
        Django handle the exception as usual."""
        return None
