"""The booking endpoint (you don't need to change it): it calls
services.book() and turns its outcome into a response."""

from django.http import Http404, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from events import services
from events.models import Event


@csrf_exempt
@require_POST
def book_view(request, event_id):
    email = request.POST.get("email", "").strip()
    if not email:
        return JsonResponse({"error": "an email is required"}, status=400)
    try:
        booking = services.book(event_id, email)
    except Event.DoesNotExist:
        raise Http404("no such event")
    except services.SoldOut:
        return JsonResponse({"error": "sold out"}, status=409)
    except services.AlreadyBooked:
        return JsonResponse({"error": "already booked"}, status=400)
    return JsonResponse({"booking": booking.pk, "seats_left": booking.event.seats}, status=201)
