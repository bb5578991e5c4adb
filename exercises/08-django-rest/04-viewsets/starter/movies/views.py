from rest_framework import viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from movies.models import Movie
from movies.serializers import MovieSerializer


class MovieViewSet(viewsets.GenericViewSet):
    """Every action on movies: list, create, retrieve, update, partial
    update, destroy, and the extra actions watch and unwatched."""
