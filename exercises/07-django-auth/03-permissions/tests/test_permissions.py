import pytest
from django.contrib.auth.models import Group, Permission, User
from django.test import Client

from blog.groups import create_editors_group
from blog.models import Article

pytestmark = pytest.mark.django_db


def articles():
    """Two published articles and a draft."""
    return [
        Article.objects.create(title="Hello world", published=True),
        Article.objects.create(title="Second post", published=True),
        Article.objects.create(title="Work in progress"),
    ]


def make_user(username, **extra):
    return User.objects.create_user(username=username, password="correct-horse", **extra)


def client_for(user):
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def editor(username="erin"):
    user = make_user(username)
    user.groups.add(create_editors_group())
    return user


def titles(client):
    response = client.get("/articles/")
    assert response.status_code == 200
    return [article["title"] for article in response.json()["articles"]]


def publish(client, article):
    return client.post(f"/articles/{article.pk}/publish/")


def published(article):
    article.refresh_from_db()
    return article.published


def test_the_article_model_declares_a_publish_permission():
    names = dict(
        Permission.objects.filter(content_type__app_label="blog").values_list("codename", "name")
    )
    assert names.get("publish_article") == "Can publish articles"


def test_the_editors_group_may_publish_and_change_articles():
    group = create_editors_group()
    assert isinstance(group, Group)
    assert group.name == "Editors"
    codenames = set(group.permissions.values_list("codename", flat=True))
    assert codenames == {"publish_article", "change_article"}


def test_creating_the_editors_group_twice_keeps_one_group():
    create_editors_group()
    group = create_editors_group()
    assert Group.objects.filter(name="Editors").count() == 1
    assert group.permissions.count() == 2


def test_an_editor_has_the_permission_through_the_group():
    user = User.objects.get(pk=editor().pk)
    assert user.has_perm("blog.publish_article") is True
    assert make_user("rita").has_perm("blog.publish_article") is False


def test_visitors_see_only_published_articles():
    articles()
    assert titles(client_for(None)) == ["Hello world", "Second post"]
    assert titles(client_for(make_user("rita"))) == ["Hello world", "Second post"]


def test_editors_see_the_drafts_too():
    articles()
    assert titles(client_for(editor())) == ["Hello world", "Second post", "Work in progress"]
    assert titles(client_for(None)) == ["Hello world", "Second post"]


def test_a_permission_given_to_the_user_directly_counts_too():
    articles()
    user = make_user("pat")
    user.user_permissions.add(Permission.objects.get(codename="publish_article"))
    assert titles(client_for(user)) == ["Hello world", "Second post", "Work in progress"]
    draft = Article.objects.get(title="Work in progress")
    assert publish(client_for(user), draft).status_code == 200


def test_an_editor_can_publish_a_draft():
    draft = articles()[2]
    response = publish(client_for(editor()), draft)
    assert response.status_code == 200
    assert response.json() == {"id": draft.pk, "title": "Work in progress", "published": True}
    assert published(draft) is True


def test_a_superuser_can_publish():
    draft = articles()[2]
    admin = User.objects.create_superuser("admin", "admin@example.com", "correct-horse")
    assert publish(client_for(admin), draft).status_code == 200
    assert published(draft) is True


def test_publishing_sends_anonymous_visitors_to_log_in():
    draft = articles()[2]
    response = publish(client_for(None), draft)
    assert response.status_code == 302
    assert response["Location"] == f"/login/?next=/articles/{draft.pk}/publish/"
    assert published(draft) is False


def test_a_user_without_the_permission_is_forbidden():
    draft = articles()[2]
    response = publish(client_for(make_user("rita")), draft)
    assert response.status_code == 403
    assert published(draft) is False


def test_a_group_without_the_permission_does_not_help():
    draft = articles()[2]
    readers = Group.objects.create(name="Readers")
    readers.permissions.add(Permission.objects.get(codename="view_article"))
    user = make_user("rita")
    user.groups.add(readers)
    assert publish(client_for(user), draft).status_code == 403
    assert published(draft) is False


@pytest.mark.hidden
def test_being_staff_is_not_enough():
    """is_staff only opens the admin site: a staff user without the permission may not publish or see drafts."""
    draft = articles()[2]
    staff = make_user("sam", is_staff=True)
    assert publish(client_for(staff), draft).status_code == 403
    assert published(draft) is False
    assert titles(client_for(staff)) == ["Hello world", "Second post"]


def test_publishing_an_unknown_article_is_not_found():
    client = client_for(editor())
    assert publish(client, articles()[2]).status_code == 200
    assert publish(client, Article(pk=999)).status_code == 404


def test_publishing_needs_a_post():
    draft = articles()[2]
    response = client_for(editor()).get(f"/articles/{draft.pk}/publish/")
    assert response.status_code == 405
    assert published(draft) is False
