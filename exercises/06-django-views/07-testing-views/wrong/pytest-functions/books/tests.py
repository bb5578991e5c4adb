from django.test import Client
from django.urls import reverse

from books.models import Book


def test_the_list_is_sorted_by_title():
    Book.objects.create(title="Emma", author="Jane Austen", year=1815)
    Book.objects.create(title="Dune", author="Frank Herbert", year=1965)
    response = Client().get(reverse("books:list"))
    assert [book.title for book in response.context["books"]] == ["Dune", "Emma"]


def test_a_missing_book_is_not_found():
    assert Client().get(reverse("books:detail", args=[999])).status_code == 404
