# The three class-based views described in README.md. project/urls.py
# routes to them with .as_view(); the templates are in library/templates/.
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.views import View
from django.views.generic import DetailView, ListView

from library.models import Book


class BookListView(ListView):
    """GET /books/: the books by title, 3 per page, ?q= searches title and author."""


class BookDetailView(DetailView):
    """GET /books/<pk>/: one book."""


class BorrowView(View):
    """GET /books/<pk>/borrow/: is the book available? POST: borrow it."""
