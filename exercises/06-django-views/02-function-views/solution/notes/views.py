# The two views described in README.md. project/urls.py routes
# /notes/ to note_list and /notes/<pk>/ to note_detail.
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from notes.models import Note


def as_json(note):
    return {"id": note.pk, "title": note.title, "body": note.body}


@require_http_methods(["GET", "POST"])
def note_list(request):
    """GET: every note as {"id", "title"}, by title. POST: create a note."""
    if request.method == "POST":
        title = request.POST.get("title", "").strip()
        body = request.POST.get("body", "")
        if not title:
            return JsonResponse({"errors": {"title": "This field is required."}}, status=400)
        if len(title) > 100:
            return JsonResponse({"errors": {"title": "At most 100 characters."}}, status=400)
        note = Note.objects.create(title=title, body=body)
        response = JsonResponse(as_json(note), status=201)
        response["Location"] = reverse("note-detail", args=[note.pk])
        return response
    notes = [{"id": note.pk, "title": note.title} for note in Note.objects.order_by("title", "id")]
    return JsonResponse({"notes": notes})


@require_http_methods(["GET", "DELETE"])
def note_detail(request, pk):
    """GET: the note as {"id", "title", "body"}. DELETE: delete it."""
    note = get_object_or_404(Note, pk=pk)
    if request.method == "DELETE":
        note.delete()
        return HttpResponse(status=204)
    return JsonResponse(as_json(note))
