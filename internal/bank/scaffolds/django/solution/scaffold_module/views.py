# TODO(author): the reference solution. It must pass every test, well within
# the time limit.
from django.http import JsonResponse

from scaffold_module.models import Book


def book_list(request):
    """GET /books/: {"books": [{"title": ..., "author": ...}, ...]}, by title."""
    books = Book.objects.select_related("author").order_by("title")
    return JsonResponse({"books": [{"title": b.title, "author": b.author.name} for b in books]})
