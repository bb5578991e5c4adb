from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_http_methods, require_POST

from notes.models import Note


def as_json(note):
    return {"id": note.id, "title": note.title, "body": note.body}


@login_required
@require_http_methods(["GET", "POST"])
def note_list(request):
    """GET /notes/: {"notes": [{"id": ..., "title": ...}, ...]}.
    POST /notes/ (title, body): create a note, 201 with the note."""
    if request.method == "POST":
        title = request.POST.get("title", "").strip()
        if not title:
            return JsonResponse({"error": "A note needs a title."}, status=400)
        note = Note.objects.create(owner=request.user, title=title, body=request.POST.get("body", ""))
        return JsonResponse(as_json(note), status=201)
    notes = Note.objects.filter(owner=request.user)
    return JsonResponse({"notes": [{"id": n.id, "title": n.title} for n in notes]})


@login_required
@require_http_methods(["GET", "POST"])
def note_detail(request, pk):
    """GET /notes/<pk>/: the note. POST (title and/or body): change it."""
    # Other people's notes are "not found": a 403 would tell that they exist.
    note = get_object_or_404(Note, pk=pk, owner=request.user)
    if request.method == "POST":
        if "title" in request.POST:
            title = request.POST["title"].strip()
            if not title:
                return JsonResponse({"error": "A note needs a title."}, status=400)
            note.title = title
        if "body" in request.POST:
            note.body = request.POST["body"]
        note.save()
    return JsonResponse(as_json(note))


@login_required
@require_POST
def note_delete(request, pk):
    """POST /notes/<pk>/delete/: delete the note, 204."""
    # Other people's notes are "not found": a 403 would tell that they exist.
    note = get_object_or_404(Note, pk=pk, owner=request.user)
    note.delete()
    return HttpResponse(status=204)
