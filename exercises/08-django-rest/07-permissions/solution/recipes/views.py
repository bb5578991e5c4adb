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
    # Reading is open to all; writing needs a login (has_permission), and
    # changing one recipe needs to be its owner (has_object_permission).
    permission_classes = [permissions.IsAuthenticatedOrReadOnly, IsOwnerOrReadOnly]

    def perform_create(self, serializer):
        serializer.save(owner=self.request.user)

    # Any logged-in user may like any recipe, not only its owner.
    @action(detail=True, methods=["post"], permission_classes=[permissions.IsAuthenticated])
    def like(self, request, pk=None):
        recipe = self.get_object()
        Recipe.objects.filter(pk=recipe.pk).update(likes=F("likes") + 1)
        recipe.refresh_from_db()
        return Response(self.get_serializer(recipe).data)
