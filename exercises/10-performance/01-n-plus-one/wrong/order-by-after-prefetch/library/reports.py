from library.models import Author, Book


def book_list():
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
                "tags": sorted(tag.name for tag in book.tags.all()),
            }
        )
    return result


def author_list():
    # The books are prefetched, but order_by() asks the database again,
    # once per author (and the tags once per book).
    authors = Author.objects.order_by("name").prefetch_related("books__tags")
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
                    for book in author.books.order_by("title")
                ],
            }
        )
    return result
