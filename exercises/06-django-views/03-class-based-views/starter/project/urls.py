from django.urls import path

from library import views

urlpatterns = [
    path("books/", views.BookListView.as_view(), name="book-list"),
    path("books/<int:pk>/", views.BookDetailView.as_view(), name="book-detail"),
    path("books/<int:pk>/borrow/", views.BorrowView.as_view(), name="book-borrow"),
]
