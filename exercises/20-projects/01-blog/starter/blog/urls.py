from django.urls import path

from blog import views

# Add a path() for every URL in README.md as you write its view, e.g.
#     path("accounts/register/", views.register),
#     path("posts/<int:post_id>/", views.post_detail),
urlpatterns = []
