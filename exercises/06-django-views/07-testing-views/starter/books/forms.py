from django import forms
from django.utils import timezone

from books.models import Book


class BookForm(forms.ModelForm):
    class Meta:
        model = Book
        fields = ["title", "author", "year", "copies"]

    def clean_year(self):
        year = self.cleaned_data["year"]
        if year > timezone.now().year:
            raise forms.ValidationError("A book from the future? The year can be this year at the latest.")
        return year
