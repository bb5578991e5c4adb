import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from library import reports
from library.models import Author, Book, Publisher, Tag

pytestmark = pytest.mark.django_db


def run(function):
    """Call function(); return its result and the SQL of every query it ran."""
    with CaptureQueriesContext(connection) as context:
        result = function()
    return result, [query["sql"] for query in context.captured_queries]


def summary(queries):
    """The queries, alike ones counted together, for a readable failure."""
    counts = {}
    for sql in queries:
        shape = re.sub(r"^SELECT .*? FROM ", "SELECT ... FROM ", sql)
        shape = re.sub(r"'[^']*'", "?", shape)
        shape = re.sub(r"\b\d+\b", "?", shape)
        shape = re.sub(r"\(\?(, \?)+\)", "(?, ...)", shape)
        shape = shape if len(shape) <= 160 else shape[:157] + "..."
        counts[shape] = counts.get(shape, 0) + 1
    lines = ["%4d x %s" % (n, shape) for shape, n in counts.items()]
    return "%d queries:\n%s" % (len(queries), "\n".join(lines))


def make_small_library():
    herbert = Author.objects.create(name="Frank Herbert")
    le_guin = Author.objects.create(name="Ursula K. Le Guin")
    Author.objects.create(name="Nobody Yet")
    chilton = Publisher.objects.create(name="Chilton")
    ace = Publisher.objects.create(name="Ace")
    scifi = Tag.objects.create(name="sci-fi")
    classic = Tag.objects.create(name="classic")
    desert = Tag.objects.create(name="desert")

    dune = Book.objects.create(title="Dune", author=herbert, publisher=chilton)
    dune.tags.add(scifi, desert, classic)
    messiah = Book.objects.create(title="Dune Messiah", author=herbert, publisher=ace)
    messiah.tags.add(scifi)
    earthsea = Book.objects.create(title="A Wizard of Earthsea", author=le_guin)
    earthsea.tags.add(classic)
    Book.objects.create(title="The Lathe of Heaven", author=le_guin, publisher=ace)


def make_big_library(authors=8, books_per_author=6):
    """authors x books_per_author books, each with three tags; some without a publisher."""
    publishers = [Publisher.objects.create(name=f"Publisher {i}") for i in range(3)]
    tags = [Tag.objects.create(name=f"tag {i:02}") for i in range(10)]
    for a in range(authors):
        author = Author.objects.create(name=f"Author {a:02}")
        for b in range(books_per_author):
            publisher = None if b % 4 == 0 else publishers[b % 3]
            # Titles go in reverse order, so rows are not already sorted.
            book = Book.objects.create(
                title=f"Book {a:02}-{books_per_author - b:02}", author=author, publisher=publisher
            )
            book.tags.add(*(tags[(a + b + k) % 10] for k in (0, 3, 7)))


def test_book_list_gives_each_book_with_author_publisher_and_sorted_tags():
    make_small_library()
    assert reports.book_list() == [
        {"title": "A Wizard of Earthsea", "author": "Ursula K. Le Guin", "publisher": None, "tags": ["classic"]},
        {"title": "Dune", "author": "Frank Herbert", "publisher": "Chilton", "tags": ["classic", "desert", "sci-fi"]},
        {"title": "Dune Messiah", "author": "Frank Herbert", "publisher": "Ace", "tags": ["sci-fi"]},
        {"title": "The Lathe of Heaven", "author": "Ursula K. Le Guin", "publisher": "Ace", "tags": []},
    ]


def test_book_list_of_an_empty_library_is_empty():
    result, queries = run(reports.book_list)
    assert result == []
    count = len(queries)
    assert count <= 2, summary(queries)


def test_book_list_runs_at_most_two_queries_for_forty_eight_books():
    make_big_library()
    result, queries = run(reports.book_list)
    assert len(result) == 48
    count = len(queries)
    assert count <= 2, summary(queries)


def test_book_list_query_count_does_not_grow_with_the_library():
    make_big_library(authors=1, books_per_author=2)
    _, few = run(reports.book_list)
    make_big_library(authors=10, books_per_author=5)
    _, many = run(reports.book_list)
    small_library, big_library = len(few), len(many)
    assert big_library == small_library, summary(many)


def test_book_list_is_still_right_for_a_big_library():
    make_big_library(authors=2, books_per_author=3)
    result = reports.book_list()
    assert [book["title"] for book in result] == [
        "Book 00-01", "Book 00-02", "Book 00-03", "Book 01-01", "Book 01-02", "Book 01-03",
    ]
    assert result[2] == {"title": "Book 00-03", "author": "Author 00", "publisher": None, "tags": ["tag 00", "tag 03", "tag 07"]}
    assert result[4] == {"title": "Book 01-02", "author": "Author 01", "publisher": "Publisher 1", "tags": ["tag 02", "tag 05", "tag 09"]}


@pytest.mark.hidden
def test_book_list_joins_authors_and_publishers_onto_the_books_query():
    """Authors and publishers should come joined onto the books query, not in queries of their own."""
    make_small_library()
    _, queries = run(reports.book_list)
    book_queries = [sql for sql in queries if 'FROM "library_book"' in sql]
    count = len(book_queries)
    assert count == 1, summary(book_queries)
    assert 'JOIN "library_author"' in book_queries[0]
    assert 'LEFT OUTER JOIN "library_publisher"' in book_queries[0]


def test_author_list_gives_authors_with_their_books_sorted():
    make_small_library()
    assert reports.author_list() == [
        {
            "name": "Frank Herbert",
            "books": [
                {"title": "Dune", "tags": ["classic", "desert", "sci-fi"]},
                {"title": "Dune Messiah", "tags": ["sci-fi"]},
            ],
        },
        {"name": "Nobody Yet", "books": []},
        {
            "name": "Ursula K. Le Guin",
            "books": [
                {"title": "A Wizard of Earthsea", "tags": ["classic"]},
                {"title": "The Lathe of Heaven", "tags": []},
            ],
        },
    ]


def test_author_list_of_an_empty_library_is_empty():
    result, queries = run(reports.author_list)
    assert result == []
    count = len(queries)
    assert count <= 3, summary(queries)


def test_author_list_runs_at_most_three_queries_for_eight_authors():
    make_big_library()
    result, queries = run(reports.author_list)
    assert len(result) == 8
    count = len(queries)
    assert count <= 3, summary(queries)


def test_author_list_sorts_each_authors_books_by_title():
    make_big_library(authors=3, books_per_author=4)
    result, queries = run(reports.author_list)
    assert [book["title"] for book in result[1]["books"]] == [
        "Book 01-01", "Book 01-02", "Book 01-03", "Book 01-04",
    ]
    assert result[2]["books"][0] == {"title": "Book 02-01", "tags": ["tag 02", "tag 05", "tag 08"]}
    count = len(queries)
    assert count <= 3, summary(queries)
