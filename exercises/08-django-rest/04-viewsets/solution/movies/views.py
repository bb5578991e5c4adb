from rest_framework import viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from movies.models import Movie
from movies.serializers import MovieSerializer


class MovieViewSet(viewsets.ModelViewSet):
    """Every action on movies: list, create, retrieve, update, partial
    update, destroy, and the extra actions watch and unwatched."""

    queryset = Movie.objects.order_by("id")
    serializer_class = MovieSerializer

    @action(detail=True, methods=["post"])
    def watch(self, request, pk=None):
        movie = self.get_object()
        movie.watched = True
        movie.save(update_fields=["watched"])
        return Response(self.get_serializer(movie).data)

    @action(detail=False)
    def unwatched(self, request):
        movies = self.get_queryset().filter(watched=False)
        return Response(self.get_serializer(movies, many=True).data)
