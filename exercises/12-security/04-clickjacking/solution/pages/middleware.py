# What a frame-ancestors policy says for each X-Frame-Options value.
FRAME_ANCESTORS = {"DENY": "'none'", "SAMEORIGIN": "'self'"}


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
        # No page may be shown inside a frame, unless its view said otherwise
        # (@xframe_options_sameorigin sets X-Frame-Options: SAMEORIGIN).
        response.headers.setdefault("X-Frame-Options", "DENY")
        framing = response.headers["X-Frame-Options"].upper()
        # The modern header says the same for browsers that prefer it.
        response.headers.setdefault(
            "Content-Security-Policy",
            "frame-ancestors " + FRAME_ANCESTORS.get(framing, "'none'"),
        )
        return response
