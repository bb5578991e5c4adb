from rest_framework.routers import DefaultRouter

from movies import views

# Register MovieViewSet with a router here, and use its URLs.
urlpatterns = []
