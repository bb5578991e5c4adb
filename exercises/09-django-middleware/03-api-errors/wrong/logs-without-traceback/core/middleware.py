import logging

from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse

logger = logging.getLogger(__name__)


class ApiErrorMiddleware:
    """Answers exceptions raised by views under /api/ with JSON (see README.md)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        """Called when a view raises; return a response, or None to let
        Django handle the exception as usual."""
        if not request.path.startswith("/api/"):
            return None
        if isinstance(exception, Http404):
            return JsonResponse({"error": "not found"}, status=404)
        if isinstance(exception, PermissionDenied):
            return JsonResponse({"error": "permission denied"}, status=403)
        # The details go to the log, for the developers; never to the client.
        logger.error("Unhandled exception on %s: %s", request.path, exception)
        return JsonResponse({"error": "internal server error"}, status=500)
