from django.urls import path

from books import views

app_name = "books"

urlpatterns = [
    path("", views.book_list, name="list"),
    path("new/", views.book_create, name="create"),
    path("<int:pk>/", views.book_detail, name="detail"),
    path("<int:pk>/borrow/", views.borrow, name="borrow"),
]
