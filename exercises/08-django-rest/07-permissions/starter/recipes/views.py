from django.db.models import F
from rest_framework import permissions, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from recipes.models import Recipe
from recipes.permissions import IsOwnerOrReadOnly
from recipes.serializers import RecipeSerializer


class RecipeViewSet(viewsets.ModelViewSet):
    """/api/recipes/ and /api/recipes/<pk>/, plus POST /api/recipes/<pk>/like/."""

    queryset = Recipe.objects.order_by("id")
    serializer_class = RecipeSerializer
    permission_classes = [permissions.AllowAny]

    def perform_create(self, serializer):
        serializer.save(owner=self.request.user)

    @action(detail=True, methods=["post"])
    def like(self, request, pk=None):
        recipe = self.get_object()
        Recipe.objects.filter(pk=recipe.pk).update(likes=F("likes") + 1)
        recipe.refresh_from_db()
        return Response(self.get_serializer(recipe).data)
