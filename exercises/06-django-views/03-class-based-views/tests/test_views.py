import pytest

from library.models import Book

pytestmark = pytest.mark.django_db

BOOKS = [
    ("The Left Hand of Darkness", "Ursula K. Le Guin", 1969),
    ("Kindred", "Octavia E. Butler", 1979),
    ("Dune", "Frank Herbert", 1965),
    ("A Wizard of Earthsea", "Ursula K. Le Guin", 1968),
    ("Neuromancer", "William Gibson", 1984),
    ("The Dispossessed", "Ursula K. Le Guin", 1974),
    ("Parable of the Sower", "Octavia E. Butler", 1993),
]
BY_TITLE = sorted(title for title, _, _ in BOOKS)


def make_library():
    return {title: Book.objects.create(title=title, author=author, year=year) for title, author, year in BOOKS}


def template_names(response):
    return [t.name for t in response.templates]


def page(client, query=""):
    """The titles on a page of the list, and the page's response."""
    response = client.get("/books/" + query)
    assert response.status_code == 200
    assert "books" in response.context, "the template gets no `books`"
    return [book.title for book in response.context["books"]], response


def test_the_list_shows_the_first_three_books_by_title(client):
    make_library()
    titles, response = page(client)
    assert titles == BY_TITLE[:3]
    assert "library/book_list.html" in template_names(response)
    assert "Page 1 of 3" in response.content.decode()


def test_the_next_pages_go_on_by_title(client):
    make_library()
    assert page(client, "?page=2")[0] == BY_TITLE[3:6]
    assert page(client, "?page=3")[0] == BY_TITLE[6:]


def test_a_page_past_the_end_is_404(client):
    make_library()
    assert client.get("/books/?page=4").status_code == 404


def test_an_empty_library(client):
    titles, response = page(client)
    assert titles == []
    assert "No books found." in response.content.decode()


def test_search_looks_in_titles_and_authors_in_any_case(client):
    make_library()
    assert page(client, "?q=le+guin")[0] == ["A Wizard of Earthsea", "The Dispossessed", "The Left Hand of Darkness"]
    assert page(client, "?q=DUNE")[0] == ["Dune"]
    assert page(client, "?q=of")[0] == ["A Wizard of Earthsea", "Parable of the Sower", "The Left Hand of Darkness"]


def test_search_results_are_paginated_and_shown_with_the_term(client):
    make_library()
    titles, response = page(client, "?q=e&page=2")
    assert titles == BY_TITLE[3:6]
    assert response.context["q"] == "e"
    assert 'Results for "e"' in response.content.decode()


def test_a_search_without_results(client):
    make_library()
    assert page(client, "?q=kubernetes")[0] == []


def test_a_book_in_detail(client):
    book = make_library()["Kindred"]
    response = client.get(f"/books/{book.pk}/")
    assert response.status_code == 200
    assert response.context["book"] == book
    assert "library/book_detail.html" in template_names(response)
    assert "Octavia E. Butler, 1979" in response.content.decode()


def test_an_unknown_book_is_404(client):
    make_library()
    assert client.get("/books/999/").status_code == 404


def test_get_borrow_tells_whether_the_book_is_available(client):
    book = make_library()["Dune"]
    response = client.get(f"/books/{book.pk}/borrow/")
    assert response.status_code == 200
    assert response.json() == {"id": book.pk, "title": "Dune", "available": True}
    assert Book.objects.get(pk=book.pk).available is True


def test_post_borrow_borrows_the_book(client):
    book = make_library()["Dune"]
    response = client.post(f"/books/{book.pk}/borrow/")
    assert response.status_code == 200
    assert response.json() == {"id": book.pk, "title": "Dune", "available": False}
    assert Book.objects.get(pk=book.pk).available is False
    assert client.get(f"/books/{book.pk}/borrow/").json()["available"] is False


@pytest.mark.hidden
def test_a_borrowed_book_cannot_be_borrowed_again(client):
    """Borrowing a book that is already borrowed must answer 409 with {"error": "This book is already borrowed."}."""
    book = make_library()["Dune"]
    client.post(f"/books/{book.pk}/borrow/")
    response = client.post(f"/books/{book.pk}/borrow/")
    assert response.status_code == 409
    assert response.json() == {"error": "This book is already borrowed."}


def test_borrowing_an_unknown_book_is_404(client):
    make_library()
    assert client.get("/books/999/borrow/").status_code == 404
    assert client.post("/books/999/borrow/").status_code == 404


def test_other_methods_on_borrow_are_not_allowed(client):
    book = make_library()["Dune"]
    assert client.get(f"/books/{book.pk}/borrow/").status_code == 200
    for method in (client.put, client.delete):
        response = method(f"/books/{book.pk}/borrow/")
        assert response.status_code == 405
    assert Book.objects.get(pk=book.pk).available is True
