from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import F
from django.http import Http404, HttpResponse, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse

from books.forms import BookForm
from books.models import Book


def book_list(request):
    author = request.GET.get("author", "").strip()
    books = Book.objects.filter(author__icontains=author) if author else Book.objects.all()
    paginator = Paginator(books.order_by("title", "id"), 5)
    try:
        page = paginator.page(request.GET.get("page") or 1)
    except (EmptyPage, PageNotAnInteger):
        raise Http404("no such page")
    return render(request, "books/book_list.html", {"books": list(page), "page_obj": page, "author": author})


def book_detail(request, pk):
    try:
        book = Book.objects.get(pk=pk)
    except Book.DoesNotExist:
        raise Http404("no such book")
    return render(request, "books/book_detail.html", {"book": book})


def book_create(request):
    form = BookForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        book = form.save()
        return HttpResponseRedirect(reverse("books:detail", args=[book.pk]))
    return render(request, "books/book_form.html", {"form": form})


def borrow(request, pk):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    # One UPDATE that takes a copy only if there is one left.
    taken = Book.objects.filter(pk=pk, copies__gt=0).update(copies=F("copies") - 1)
    if not taken:
        if not Book.objects.filter(pk=pk).exists():
            raise Http404("no such book")
        return HttpResponse("No copies left", status=409)
    return HttpResponseRedirect(reverse("books:detail", args=[pk]))
