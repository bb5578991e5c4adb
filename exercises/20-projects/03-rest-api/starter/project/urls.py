from django.urls import include, path

# Every URL of the API is in the recipes app's urls.py, under /api/.
urlpatterns = [
    path("api/", include("recipes.urls")),
]
