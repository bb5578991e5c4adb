# The three class-based views described in README.md. project/urls.py
# routes to them with .as_view(); the templates are in library/templates/.
from django.db.models import Q
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.views import View
from django.views.generic import DetailView, ListView

from library.models import Book


class BookListView(ListView):
    """GET /books/: the books by title, 3 per page, ?q= searches title and author."""

    model = Book
    ordering = ["title", "id"]
    paginate_by = 3
    context_object_name = "books"  # template_name defaults to library/book_list.html

    def search_term(self):
        return self.request.GET.get("q", "").strip()

    def get_queryset(self):
        books = super().get_queryset()
        q = self.search_term()
        if q:
            books = books.filter(Q(title__icontains=q) | Q(author__icontains=q))
        return books

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["q"] = self.search_term()
        return context


class BookDetailView(DetailView):
    """GET /books/<pk>/: one book."""

    model = Book
    context_object_name = "book"


class BorrowView(View):
    """GET /books/<pk>/borrow/: is the book available? POST: borrow it."""

    def state(self, book, status=200):
        return JsonResponse({"id": book.pk, "title": book.title, "available": book.available}, status=status)

    def get(self, request, pk):
        return self.state(get_object_or_404(Book, pk=pk))

    def post(self, request, pk):
        book = get_object_or_404(Book, pk=pk)
        book.available = False
        book.save(update_fields=["available"])
        return self.state(book)
