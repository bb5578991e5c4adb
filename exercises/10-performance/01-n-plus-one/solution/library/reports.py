from django.db.models import Prefetch

from library.models import Author, Book


def book_list():
    """Every book, sorted by title, as a dict:

    {"title": "Dune", "author": "Frank Herbert", "publisher": "Chilton",
     "tags": ["classic", "sci-fi"]}

    publisher is None for a book without one; tags are sorted by name.
    """
    # One query for the books joined with their author and publisher (both
    # point "up" from a book), one for all their tags (many-to-many).
    books = (
        Book.objects.select_related("author", "publisher")
        .prefetch_related("tags")
        .order_by("title")
    )
    result = []
    for book in books:
        result.append(
            {
                "title": book.title,
                "author": book.author.name,
                "publisher": book.publisher.name if book.publisher else None,
                # .all() reads the prefetched tags; sorting them here in
                # Python costs no query (tags.order_by() would run one).
                "tags": sorted(tag.name for tag in book.tags.all()),
            }
        )
    return result


def author_list():
    """Every author, sorted by name, with their books sorted by title:

    {"name": "Frank Herbert",
     "books": [{"title": "Dune", "tags": ["classic", "sci-fi"]}, ...]}
    """
    # Three queries in all: the authors, all their books (already sorted by
    # the Prefetch queryset), and all those books' tags.
    books = Book.objects.order_by("title").prefetch_related("tags")
    authors = Author.objects.order_by("name").prefetch_related(
        Prefetch("books", queryset=books)
    )
    result = []
    for author in authors:
        result.append(
            {
                "name": author.name,
                "books": [
                    {
                        "title": book.title,
                        "tags": sorted(tag.name for tag in book.tags.all()),
                    }
                    for book in author.books.all()
                ],
            }
        )
    return result
