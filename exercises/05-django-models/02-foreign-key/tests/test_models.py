import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction

from library.models import Author, Book, Publisher

pytestmark = pytest.mark.django_db


def field(name):
    names = [f.name for f in Book._meta.get_fields()]
    assert name in names, f"Book has no field {name!r} yet"
    return Book._meta.get_field(name)


def make_shelf():
    """Two authors, two publishers and four books."""
    field("author")
    field("publisher")
    le_guin = Author.objects.create(name="Ursula K. Le Guin")
    butler = Author.objects.create(name="Octavia E. Butler")
    ace = Publisher.objects.create(name="Ace")
    beacon = Publisher.objects.create(name="Beacon")
    Book.objects.create(title="The Left Hand of Darkness", author=le_guin, publisher=ace)
    Book.objects.create(title="A Wizard of Earthsea", author=le_guin, publisher=None)
    Book.objects.create(title="The Dispossessed", author=le_guin, publisher=ace)
    Book.objects.create(title="Kindred", author=butler, publisher=beacon)
    return {"le_guin": le_guin, "butler": butler, "ace": ace, "beacon": beacon}


def test_author_is_a_foreign_key_to_author():
    author = field("author")
    assert isinstance(author, models.ForeignKey)
    assert author.related_model == Author


def test_publisher_is_a_foreign_key_to_publisher():
    publisher = field("publisher")
    assert isinstance(publisher, models.ForeignKey)
    assert publisher.related_model == Publisher


def test_an_author_lists_their_books_as_books():
    shelf = make_shelf()
    assert hasattr(shelf["le_guin"], "books"), "Author has no `books`: set related_name on Book.author"
    titles = sorted(book.title for book in shelf["le_guin"].books.all())
    assert titles == ["A Wizard of Earthsea", "The Dispossessed", "The Left Hand of Darkness"]


def test_a_publisher_lists_its_books_as_books():
    shelf = make_shelf()
    assert hasattr(shelf["ace"], "books"), "Publisher has no `books`: set related_name on Book.publisher"
    titles = sorted(book.title for book in shelf["ace"].books.all())
    assert titles == ["The Dispossessed", "The Left Hand of Darkness"]


def test_a_book_needs_an_author():
    assert field("author").null is False
    with pytest.raises(IntegrityError), transaction.atomic():
        Book.objects.create(title="Anonymous")


def test_a_book_may_have_no_publisher():
    shelf = make_shelf()
    publisher = field("publisher")
    assert publisher.null is True
    book = Book(title="Zine", author=shelf["butler"])
    book.full_clean()
    book.save()
    book.refresh_from_db()
    assert book.publisher is None


def test_deleting_an_author_deletes_their_books():
    shelf = make_shelf()
    shelf["le_guin"].delete()
    titles = sorted(Book.objects.values_list("title", flat=True))
    assert titles == ["Kindred"]


@pytest.mark.hidden
def test_deleting_a_publisher_keeps_its_books():
    """Deleting a publisher must keep its books, with their publisher emptied."""
    shelf = make_shelf()
    shelf["ace"].delete()
    assert Book.objects.count() == 4
    book = Book.objects.get(title="The Dispossessed")
    assert book.publisher is None
    assert Book.objects.get(title="Kindred").publisher == shelf["beacon"]


def test_titles_are_the_authors_titles_sorted():
    shelf = make_shelf()
    expected = ["A Wizard of Earthsea", "The Dispossessed", "The Left Hand of Darkness"]
    assert shelf["le_guin"].titles() == expected
    assert shelf["butler"].titles() == ["Kindred"]


def test_titles_of_an_author_without_books_is_an_empty_list():
    shelf = make_shelf()
    newcomer = Author.objects.create(name="New Writer")
    assert newcomer.titles() == []


def test_titles_follow_new_books():
    shelf = make_shelf()
    Book.objects.create(title="Bloodchild", author=shelf["butler"])
    assert shelf["butler"].titles() == ["Bloodchild", "Kindred"]
