from django.test import TestCase
from django.urls import reverse

from books.models import Book


class BookListTests(TestCase):
    def test_the_list_page_answers(self):
        response = self.client.get(reverse("books:list"))
        self.assertEqual(response.status_code, 200)
