from django.core.paginator import InvalidPage, Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from django.forms import modelform_factory
from books.models import Book

PER_PAGE = 5
BookForm = modelform_factory(Book, fields=["title", "author", "year", "copies"])


def book_list(request):
    books = Book.objects.order_by("title", "pk")
    author = request.GET.get("author", "").strip()
    if author:
        books = books.filter(author__icontains=author)
    try:
        page = Paginator(books, PER_PAGE).page(request.GET.get("page") or 1)
    except InvalidPage:
        raise Http404("no such page")
    return render(request, "books/book_list.html", {"books": page.object_list, "page_obj": page, "author": author})


def book_detail(request, pk):
    book = get_object_or_404(Book, pk=pk)
    return render(request, "books/book_detail.html", {"book": book})


def book_create(request):
    if request.method == "POST":
        form = BookForm(request.POST)
        if form.is_valid():
            book = form.save()
            return redirect(book)
    else:
        form = BookForm()
    return render(request, "books/book_form.html", {"form": form})


@require_POST
def borrow(request, pk):
    book = get_object_or_404(Book, pk=pk)
    if book.copies == 0:
        return HttpResponse("No copies left", status=409)
    book.copies -= 1
    book.save(update_fields=["copies"])
    return redirect(book)
