from library.models import Book, Tag


def books_tagged(name):
    """Titles, in order, of the books with the tag called exactly name
    (letter case matters)."""
    # Fails for a tag nobody made: get() raises Tag.DoesNotExist.
    tag = Tag.objects.get(name=name)
    return list(tag.books.order_by("title").values_list("title", flat=True))
