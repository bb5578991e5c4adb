from django.urls import path

from events import views

urlpatterns = [
    path("events/<int:event_id>/book/", views.book_view),
]
