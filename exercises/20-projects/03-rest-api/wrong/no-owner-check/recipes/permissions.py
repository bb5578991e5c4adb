from rest_framework import permissions


class IsOwnerOrReadOnly(permissions.BasePermission):
    """Anybody may read; only the recipe's owner may change or delete it."""

    def has_permission(self, request, view):
        if request.method in permissions.SAFE_METHODS:
            return True
        return request.user.is_authenticated
