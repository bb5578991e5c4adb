from rest_framework import generics, viewsets

from wallet.models import Account
from wallet.serializers import AccountSerializer, ProfileSerializer


class MeView(generics.RetrieveUpdateAPIView):
    """GET /api/me/: your profile. PATCH /api/me/: change it."""

    serializer_class = ProfileSerializer
    http_method_names = ["get", "patch", "head", "options"]

    def get_object(self):
        return self.request.user


class AccountViewSet(viewsets.ModelViewSet):
    """GET and POST /api/accounts/, GET and PATCH /api/accounts/<id>/: your
    own accounts only."""

    serializer_class = AccountSerializer
    http_method_names = ["get", "post", "patch", "head", "options"]

    def get_queryset(self):
        return Account.objects.filter(owner=self.request.user).order_by("id")

    def perform_create(self, serializer):
        serializer.save(owner=self.request.user)
