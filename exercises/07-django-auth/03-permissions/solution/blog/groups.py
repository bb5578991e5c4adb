from django.contrib.auth.models import Group, Permission


def create_editors_group():
    """Create (or update) the group "Editors", which may publish and change
    articles, and return it. Safe to run more than once."""
    group, _ = Group.objects.get_or_create(name="Editors")
    permissions = Permission.objects.filter(
        content_type__app_label="blog",
        codename__in=["publish_article", "change_article"],
    )
    group.permissions.add(*permissions)
    return group
