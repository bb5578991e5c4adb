from library.models import Author, Book


def book_list():
    # The joins fix author and publisher, but every book still runs its
    # own query for its tags.
    books = Book.objects.select_related("author", "publisher").order_by("title")
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
    result = []
    for author in Author.objects.order_by("name"):
        books = []
        for book in author.books.select_related("author").order_by("title"):
            books.append(
                {
                    "title": book.title,
                    "tags": sorted(tag.name for tag in book.tags.all()),
                }
            )
        result.append({"name": author.name, "books": books})
    return result
