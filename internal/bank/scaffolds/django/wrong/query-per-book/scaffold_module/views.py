# TODO(author): a known-wrong solution, with one common mistake, in a
# directory named for it (wrong/off-by-one/). validate checks that the tests
# catch it. Here: each book's author is fetched with a query of its own.
from django.http import JsonResponse

from scaffold_module.models import Book


def book_list(request):
    """GET /books/: {"books": [{"title": ..., "author": ...}, ...]}, by title."""
    books = Book.objects.order_by("title")
    return JsonResponse({"books": [{"title": b.title, "author": b.author.name} for b in books]})
