# The two views described in README.md. project/urls.py routes
# /notes/ to note_list and /notes/<pk>/ to note_detail.
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from notes.models import Note


def note_list(request):
    """GET: every note as {"id", "title"}, by title. POST: create a note."""
    return HttpResponse("Not written yet", status=501)


def note_detail(request, pk):
    """GET: the note as {"id", "title", "body"}. DELETE: delete it."""
    return HttpResponse("Not written yet", status=501)
