from django.urls import path

from tasks import pages, views

urlpatterns = [
    path("tasks/new/", views.create_task, name="task-create"),
    path("tasks/<int:pk>/", pages.task_detail, name="task-detail"),
    path("tasks/<int:pk>/edit/", views.edit_task, name="task-edit"),
]
