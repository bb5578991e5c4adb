from django.test import TestCase
from django.urls import reverse

from books.models import Book


class PagesTests(TestCase):
    def setUp(self):
        self.book = Book.objects.create(title="Dune", author="Frank Herbert", year=1965, copies=2)

    def test_the_list_answers(self):
        response = self.client.get(reverse("books:list"))
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Dune")

    def test_a_book_answers(self):
        response = self.client.get(reverse("books:detail", args=[self.book.pk]))
        self.assertContains(response, "Frank Herbert")

    def test_the_form_answers(self):
        self.assertEqual(self.client.get(reverse("books:create")).status_code, 200)
