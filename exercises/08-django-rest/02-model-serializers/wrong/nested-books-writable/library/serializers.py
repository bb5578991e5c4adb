from rest_framework import serializers

from library.models import Author, Book


class BookSerializer(serializers.ModelSerializer):
    author_name = serializers.CharField(source="author.name", read_only=True)
    in_stock = serializers.SerializerMethodField()

    class Meta:
        model = Book
        fields = [
            "id", "title", "isbn", "price", "published", "stock", "in_stock",
            "author", "author_name", "created_at",
        ]
        read_only_fields = ["stock", "created_at"]

    def get_in_stock(self, book):
        return book.stock > 0


class BookSummarySerializer(serializers.ModelSerializer):
    class Meta:
        model = Book
        fields = ["id", "title"]


class AuthorSerializer(serializers.ModelSerializer):
    books = BookSummarySerializer(many=True)
    book_count = serializers.SerializerMethodField()

    class Meta:
        model = Author
        fields = ["id", "name", "book_count", "books"]

    def get_book_count(self, author):
        return author.books.count()
