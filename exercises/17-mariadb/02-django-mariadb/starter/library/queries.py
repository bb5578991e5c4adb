from library.models import Book


def books_tagged(name):
    """Titles, in order, of the books with the tag called exactly name
    (letter case matters)."""
    return []
