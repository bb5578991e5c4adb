from library.models import Book


def books_tagged(name):
    """Titles, in order, of the books with the tag called exactly name
    (letter case matters)."""
    # = on tag.name compares with the column's collation: binary, so exact.
    return list(Book.objects.filter(tags__name=name).order_by("title").values_list("title", flat=True))
