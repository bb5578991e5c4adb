from rest_framework import status
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle
from rest_framework.views import APIView

QUOTES = [
    "Simple is better than complex.",
    "Readability counts.",
    "Errors should never pass silently.",
]


class QuoteView(APIView):
    """GET /api/quote/: a quote of the day. Limited by the project-wide rates."""

    def get(self, request):
        return Response({"quote": QUOTES[0]})


class ContactView(APIView):
    """POST /api/contact/ {"message": "..."}: send a message to the site's
    owner. Limited by its own rate, "contact", and by nothing else."""

    throttle_scope = "contact"

    def post(self, request):
        message = str(request.data.get("message", "")).strip()
        if not message:
            return Response({"message": ["This field may not be blank."]}, status=status.HTTP_400_BAD_REQUEST)
        return Response({"status": "sent"}, status=status.HTTP_201_CREATED)
