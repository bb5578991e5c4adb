class SecurityHeadersMiddleware:
    """Adds the site's security headers to every response."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        # Don't let browsers guess a content type other than the one we send.
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        # Send the Referer header only to our own site.
        response.headers.setdefault("Referrer-Policy", "same-origin")
        return response
