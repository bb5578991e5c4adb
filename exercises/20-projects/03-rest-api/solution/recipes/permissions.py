from rest_framework import permissions


class IsOwnerOrReadOnly(permissions.BasePermission):
    """Anybody may read; only the recipe's owner may change or delete it."""

    def has_object_permission(self, request, view, obj):
        if request.method in permissions.SAFE_METHODS:
            return True
        return obj.owner_id == request.user.id
