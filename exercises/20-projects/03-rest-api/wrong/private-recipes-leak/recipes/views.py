from django.db.models import Q
from rest_framework import generics, permissions, viewsets
from rest_framework.throttling import AnonRateThrottle, ScopedRateThrottle, UserRateThrottle

from recipes.models import Recipe
from recipes.permissions import IsOwnerOrReadOnly
from recipes.serializers import RecipeSerializer, RegisterSerializer, UserSerializer


class RegisterView(generics.CreateAPIView):
    serializer_class = RegisterSerializer
    permission_classes = [permissions.AllowAny]
    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "register"


class MeView(generics.RetrieveAPIView):
    serializer_class = UserSerializer
    permission_classes = [permissions.IsAuthenticated]

    def get_object(self):
        return self.request.user


class RecipeViewSet(viewsets.ModelViewSet):
    serializer_class = RecipeSerializer
    permission_classes = [permissions.IsAuthenticatedOrReadOnly, IsOwnerOrReadOnly]
    throttle_classes = [AnonRateThrottle, UserRateThrottle]

    def get_queryset(self):
        recipes = Recipe.objects.select_related("owner")
        max_minutes = self.request.query_params.get("max_minutes")
        if max_minutes is not None and max_minutes.isdigit():
            recipes = recipes.filter(minutes__lte=int(max_minutes))
        return recipes

    def perform_create(self, serializer):
        serializer.save(owner=self.request.user)
