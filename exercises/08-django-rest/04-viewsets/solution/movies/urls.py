from rest_framework.routers import DefaultRouter

from movies import views

router = DefaultRouter()
router.register("movies", views.MovieViewSet, basename="movie")

urlpatterns = router.urls
