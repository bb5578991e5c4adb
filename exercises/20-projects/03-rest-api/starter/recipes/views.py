from django.db.models import Q
from rest_framework import generics, permissions, viewsets
from rest_framework.throttling import AnonRateThrottle, ScopedRateThrottle, UserRateThrottle

from recipes.models import Recipe
from recipes.permissions import IsOwnerOrReadOnly
from recipes.serializers import RecipeSerializer, RegisterSerializer, UserSerializer

# Step 2: RegisterView (POST /api/register/) and MeView (GET /api/me/)
# Step 3: RecipeViewSet (/api/recipes/ and /api/recipes/<id>/)
# Step 4: its permissions; step 5: its throttles and RegisterView's.
