from library.models import Author, Book


def book_list():
    """Every book, sorted by title, as a dict:

    {"title": "Dune", "author": "Frank Herbert", "publisher": "Chilton",
     "tags": ["classic", "sci-fi"]}

    publisher is None for a book without one; tags are sorted by name.
    It gives the right answer, but look at how many queries it runs.
    """
    result = []
    for book in Book.objects.order_by("title"):
        result.append(
            {
                "title": book.title,
                "author": book.author.name,
                "publisher": book.publisher.name if book.publisher else None,
                "tags": sorted(tag.name for tag in book.tags.all()),
            }
        )
    return result


def author_list():
    """Every author, sorted by name, with their books sorted by title:

    {"name": "Frank Herbert",
     "books": [{"title": "Dune", "tags": ["classic", "sci-fi"]}, ...]}
    """
    result = []
    for author in Author.objects.order_by("name"):
        books = []
        for book in author.books.order_by("title"):
            books.append(
                {
                    "title": book.title,
                    "tags": sorted(tag.name for tag in book.tags.all()),
                }
            )
        result.append({"name": author.name, "books": books})
    return result
