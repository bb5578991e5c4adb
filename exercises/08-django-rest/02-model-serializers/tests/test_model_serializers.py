import json
from datetime import date
from decimal import Decimal

import pytest
from freezegun import freeze_time
from rest_framework.renderers import JSONRenderer

from library.models import Author, Book
from library.serializers import AuthorSerializer, BookSerializer

pytestmark = pytest.mark.django_db


def herbert():
    return Author.objects.create(name="Frank Herbert")


def dune(author, **changes):
    values = {
        "title": "Dune",
        "isbn": "9780441172719",
        "author": author,
        "price": Decimal("9.99"),
        "published": date(1965, 8, 1),
        "stock": 3,
    }
    values.update(changes)
    return Book.objects.create(**values)


def new_book_data(writer, **changes):
    data = {
        "title": "Children of Dune",
        "isbn": "9780593098240",
        "author": writer.pk,
        "price": "12.50",
        "published": "1976-04-01",
    }
    data.update(changes)
    return data


def as_json(data):
    """A serializer's data as the JSON an API would send: plain data, in
    whichever process the serializer runs."""
    return json.loads(JSONRenderer().render(data))


def errors(serializer):
    serializer.is_valid()
    return set(serializer.errors)


def test_a_book_is_serialized_with_its_fields():
    author = herbert()
    with freeze_time("2030-01-02 03:04:05"):
        book = dune(author)
    assert as_json(BookSerializer(book).data) == {
        "id": book.pk,
        "title": "Dune",
        "isbn": "9780441172719",
        "price": "9.99",
        "published": "1965-08-01",
        "stock": 3,
        "in_stock": True,
        "author": author.pk,
        "author_name": "Frank Herbert",
        "created_at": "2030-01-02T03:04:05Z",
    }


def test_a_book_without_stock_is_not_in_stock():
    data = BookSerializer(dune(herbert(), stock=0)).data
    assert (data["stock"], data["in_stock"]) == (0, False)


def test_a_book_can_be_created_from_data():
    author = herbert()
    serializer = BookSerializer(data=new_book_data(author))
    assert serializer.is_valid() is True, serializer.errors
    book = serializer.save()
    book.refresh_from_db()
    assert (book.title, book.author, book.price, book.published) == (
        "Children of Dune", author, Decimal("12.50"), date(1976, 4, 1)
    )
    assert serializer.data["author_name"] == "Frank Herbert"


@pytest.mark.hidden
def test_stock_and_created_at_cannot_be_set_through_the_serializer():
    """stock and created_at are read-only: data sent for them must be ignored, not stored."""
    author = herbert()
    data = new_book_data(author, stock=500, created_at="2000-01-01T00:00:00Z")
    serializer = BookSerializer(data=data)
    assert serializer.is_valid() is True, serializer.errors
    book = serializer.save()
    book.refresh_from_db()
    assert book.stock == 0
    assert book.created_at.year != 2000


def test_the_author_name_is_only_for_reading():
    author = herbert()
    serializer = BookSerializer(data=new_book_data(author, author_name="Someone Else"))
    assert serializer.is_valid() is True, serializer.errors
    assert serializer.save().author.name == "Frank Herbert"


def test_the_author_is_required_and_must_exist():
    author = herbert()
    data = new_book_data(author)
    del data["author"]
    assert errors(BookSerializer(data=data)) == {"author"}
    assert errors(BookSerializer(data=new_book_data(author, author=999))) == {"author"}


def test_a_taken_isbn_is_refused():
    author = herbert()
    dune(author)
    assert errors(BookSerializer(data=new_book_data(author, isbn="9780441172719"))) == {"isbn"}


def test_model_limits_apply():
    author = herbert()
    assert errors(BookSerializer(data=new_book_data(author, price="12345.00"))) == {"price"}
    assert errors(BookSerializer(data=new_book_data(author, isbn="97805930982401"))) == {"isbn"}
    assert errors(BookSerializer(data=new_book_data(author, title=""))) == {"title"}


def test_an_update_can_change_the_price_only():
    book = dune(herbert())
    serializer = BookSerializer(book, data={"price": "7.50", "stock": 99}, partial=True)
    assert serializer.is_valid() is True, serializer.errors
    serializer.save()
    book.refresh_from_db()
    assert (book.price, book.stock, book.title) == (Decimal("7.50"), 3, "Dune")


def test_an_author_lists_their_books_by_title():
    author = herbert()
    first = dune(author)
    second = dune(author, title="Children of Dune", isbn="9780593098240")
    other = Author.objects.create(name="Ursula K. Le Guin")
    dune(other, title="The Dispossessed", isbn="9780061054884")
    assert as_json(AuthorSerializer(author).data) == {
        "id": author.pk,
        "name": "Frank Herbert",
        "book_count": 2,
        "books": [
            {"id": second.pk, "title": "Children of Dune"},
            {"id": first.pk, "title": "Dune"},
        ],
    }


def test_an_author_without_books():
    author = herbert()
    assert as_json(AuthorSerializer(author).data) == {"id": author.pk, "name": "Frank Herbert", "book_count": 0, "books": []}


def test_books_cannot_be_written_through_the_author():
    serializer = AuthorSerializer(data={"name": "Ursula K. Le Guin", "books": [{"title": "Made up"}], "book_count": 7})
    assert serializer.is_valid() is True, serializer.errors
    author = serializer.save()
    assert author.name == "Ursula K. Le Guin"
    assert Book.objects.count() == 0
    assert AuthorSerializer(author).data["book_count"] == 0
