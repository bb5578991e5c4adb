from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.views import View
from django.views.generic import CreateView, DetailView, ListView

from books.forms import BookForm
from books.models import Book


class BookList(ListView):
    template_name = "books/book_list.html"
    context_object_name = "books"
    paginate_by = 5

    def get_queryset(self):
        books = Book.objects.all().order_by("title", "id")
        if self.author():
            books = books.filter(author__icontains=self.author())
        return books

    def author(self):
        return self.request.GET.get("author", "").strip()

    def get_context_data(self, **kwargs):
        return super().get_context_data(author=self.author(), **kwargs)


class BookDetail(DetailView):
    model = Book
    template_name = "books/book_detail.html"


class BookCreate(CreateView):
    form_class = BookForm
    template_name = "books/book_form.html"


class Borrow(View):
    def post(self, request, pk):
        book = get_object_or_404(Book, pk=pk)
        if not book.copies:
            return HttpResponse("No copies left", status=409)
        book.copies = book.copies - 1
        book.save()
        return redirect("books:detail", pk=book.pk)


book_list = BookList.as_view()
book_detail = BookDetail.as_view()
book_create = BookCreate.as_view()
borrow = Borrow.as_view()
