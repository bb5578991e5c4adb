from rest_framework.routers import SimpleRouter

from movies import views

router = SimpleRouter()
router.register("movies", views.MovieViewSet, basename="movie")

urlpatterns = router.urls
