from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from books.models import Book


def make(title, author="Anon", year=2000, copies=1):
    return Book.objects.create(title=title, author=author, year=year, copies=copies)


class BookListTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        # Made in an order that is not the title's, so the order is tested.
        for title, author in [("Emma", "Jane Austen"), ("Dune", "Frank Herbert"), ("Persuasion", "Jane Austen"),
                              ("A Wizard of Earthsea", "Ursula K. Le Guin"), ("Carrie", "Stephen King"),
                              ("Beloved", "Toni Morrison"), ("The Dispossessed", "Ursula K. Le Guin")]:
            make(title, author)

    def titles(self, response):
        return [book.title for book in response.context["books"]]

    def test_the_first_page_has_the_first_five_books_by_title(self):
        response = self.client.get(reverse("books:list"))
        self.assertEqual(response.status_code, 200)
        self.assertTemplateUsed(response, "books/book_list.html")
        self.assertEqual(self.titles(response), ["A Wizard of Earthsea", "Beloved", "Carrie", "Dune", "Emma"])

    def test_the_second_page_has_the_rest(self):
        response = self.client.get(reverse("books:list"), {"page": 2})
        self.assertEqual(self.titles(response), ["Persuasion", "The Dispossessed"])
        self.assertEqual(response.context["page_obj"].number, 2)

    def test_a_page_past_the_last_is_not_found(self):
        self.assertEqual(self.client.get(reverse("books:list"), {"page": 3}).status_code, 404)
        self.assertEqual(self.client.get(reverse("books:list"), {"page": "many"}).status_code, 404)

    def test_the_author_filter_takes_part_of_the_name_in_any_case(self):
        response = self.client.get(reverse("books:list"), {"author": "le guin"})
        self.assertEqual(self.titles(response), ["A Wizard of Earthsea", "The Dispossessed"])

    def test_an_empty_list_still_has_a_first_page(self):
        Book.objects.all().delete()
        response = self.client.get(reverse("books:list"))
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "No books.")


class BookDetailTests(TestCase):
    def test_a_book_is_shown(self):
        book = make("Dune", "Frank Herbert", 1965, copies=2)
        response = self.client.get(reverse("books:detail", args=[book.pk]))
        self.assertContains(response, "Frank Herbert")
        self.assertEqual(response.context["book"], book)

    def test_a_missing_book_is_not_found(self):
        self.assertEqual(self.client.get(reverse("books:detail", args=[999])).status_code, 404)


class BookCreateTests(TestCase):
    def data(self, **changes):
        return {"title": "Kindred", "author": "Octavia E. Butler", "year": 1979, "copies": 3, **changes}

    def test_the_form_is_shown(self):
        response = self.client.get(reverse("books:create"))
        self.assertEqual(response.status_code, 200)
        self.assertTemplateUsed(response, "books/book_form.html")

    def test_a_valid_book_is_saved_and_its_page_shown(self):
        response = self.client.post(reverse("books:create"), self.data())
        book = Book.objects.get()
        self.assertEqual((book.title, book.author, book.year, book.copies), ("Kindred", "Octavia E. Butler", 1979, 3))
        self.assertRedirects(response, reverse("books:detail", args=[book.pk]))

    def test_this_year_is_allowed(self):
        self.client.post(reverse("books:create"), self.data(year=timezone.now().year))
        self.assertEqual(Book.objects.count(), 1)

    def test_a_year_in_the_future_is_refused(self):
        response = self.client.post(reverse("books:create"), self.data(year=timezone.now().year + 1))
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.context["form"].errors["year"])
        self.assertFalse(Book.objects.exists())

    def test_a_book_without_a_title_is_refused(self):
        response = self.client.post(reverse("books:create"), self.data(title=""))
        self.assertEqual(response.status_code, 200)
        self.assertFalse(Book.objects.exists())


class BorrowTests(TestCase):
    def test_borrowing_takes_a_copy(self):
        book = make("Dune", copies=2)
        response = self.client.post(reverse("books:borrow", args=[book.pk]))
        self.assertRedirects(response, reverse("books:detail", args=[book.pk]))
        self.assertEqual(book.copies, 1)

    def test_the_last_copy_can_be_borrowed_then_no_more(self):
        book = make("Dune", copies=1)
        self.client.post(reverse("books:borrow", args=[book.pk]))
        response = self.client.post(reverse("books:borrow", args=[book.pk]))
        self.assertEqual(response.status_code, 409)
        self.assertContains(response, "No copies left", status_code=409)
        self.assertEqual(book.copies, 0)

    def test_a_get_borrows_nothing(self):
        book = make("Dune", copies=2)
        response = self.client.get(reverse("books:borrow", args=[book.pk]))
        self.assertEqual(response.status_code, 405)
        self.assertEqual(book.copies, 2)

    def test_a_missing_book_cannot_be_borrowed(self):
        self.assertEqual(self.client.post(reverse("books:borrow", args=[999])).status_code, 404)
