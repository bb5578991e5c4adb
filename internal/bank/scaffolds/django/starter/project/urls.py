from django.urls import path

from scaffold_module import views

urlpatterns = [
    path("books/", views.book_list, name="book-list"),
]
