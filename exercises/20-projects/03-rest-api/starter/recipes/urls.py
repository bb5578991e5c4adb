from django.urls import include, path
from rest_framework.routers import DefaultRouter
from rest_framework_simplejwt.views import TokenObtainPairView, TokenRefreshView

from recipes import views

# Step 2: register/, token/, token/refresh/ and me/.
# Step 3: a router for the RecipeViewSet, under recipes/.
urlpatterns = []
