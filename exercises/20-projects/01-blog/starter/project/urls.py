from django.urls import include, path

# Every URL of the site is in the blog app's urls.py.
urlpatterns = [
    path("", include("blog.urls")),
]
