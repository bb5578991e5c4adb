from django.urls import path

from notes import views

urlpatterns = [
    path("notes/", views.note_list, name="note_list"),
    path("notes/<int:pk>/", views.note_detail, name="note_detail"),
    path("notes/<int:pk>/delete/", views.note_delete, name="note_delete"),
]
