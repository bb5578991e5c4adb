from datetime import timedelta

import pytest
from django.db.models import QuerySet
from django.utils import timezone

from drillkit import learnerside
from news.models import Article

pytestmark = pytest.mark.django_db

PUBLISHED = ["Just now", "Launch day", "Weekly roundup", "Interview"]


def kind(value):
    """The name of value's class, as the learner's process has it (where the models are)."""
    return learnerside.module("builtins").type(value).__name__


def make_news():
    now = timezone.now()

    def article(title, status, days_ago, featured=False):
        published_at = None if days_ago is None else now - timedelta(days=days_ago)
        Article.objects.create(title=title, status=status, published_at=published_at, featured=featured)

    article("Launch day", "published", 1, featured=True)
    article("Weekly roundup", "published", 3)
    article("Interview", "published", 10, featured=True)
    article("Old news", "archived", 30, featured=True)
    article("Coming soon", "published", -2, featured=True)  # scheduled: two days from now
    article("Work in progress", "draft", None)
    article("Half done", "draft", 5)
    article("Just now", "published", 0.001)


def titles(articles):
    return [a.title for a in articles]


def method(owner, name):
    """owner.name, with a clear message when it is missing."""
    assert hasattr(owner, name), f"{kind(owner)} has no method {name}()"
    return getattr(owner, name)


def test_objects_sees_every_article():
    make_news()
    assert Article.objects.count() == 8
    method(Article.objects, "published")


def test_objects_published_gives_the_published_articles():
    make_news()
    assert titles(method(Article.objects, "published")()) == PUBLISHED


def test_drafts_archived_and_scheduled_articles_are_not_published():
    make_news()
    shown = set(titles(method(Article.objects, "published")()))
    assert sorted(shown & {"Work in progress", "Half done", "Old news", "Coming soon"}) == []


def test_objects_featured_gives_every_featured_article():
    make_news()
    assert titles(method(Article.objects, "featured")()) == ["Coming soon", "Launch day", "Interview", "Old news"]


def test_recent_is_the_last_seven_days_by_default():
    make_news()
    assert titles(method(Article.objects, "recent")()) == ["Just now", "Launch day", "Weekly roundup", "Half done"]


def test_recent_takes_a_number_of_days():
    make_news()
    assert titles(method(Article.objects, "recent")(days=2)) == ["Just now", "Launch day"]
    assert titles(Article.objects.recent(days=40)) == [
        "Just now", "Launch day", "Weekly roundup", "Half done", "Interview", "Old news"
    ]


def test_the_methods_chain_in_any_order():
    make_news()
    published = method(Article.objects, "published")()
    assert titles(method(published, "featured")()) == ["Launch day", "Interview"]
    featured = method(Article.objects, "featured")()
    assert titles(method(featured, "published")()) == ["Launch day", "Interview"]
    assert titles(Article.objects.published().recent(days=7).featured()) == ["Launch day"]


def test_the_methods_work_after_filter():
    make_news()
    filtered = Article.objects.filter(title__contains="o")
    assert titles(method(filtered, "published")()) == ["Just now", "Weekly roundup"]


def test_published_objects_only_sees_published_articles():
    make_news()
    assert hasattr(Article, "published_objects"), "Article has no manager published_objects"
    assert titles(Article.published_objects.all()) == PUBLISHED
    assert Article.published_objects.count() == 4
    with pytest.raises(Article.DoesNotExist):
        Article.published_objects.get(title="Work in progress")


def test_published_objects_has_the_queryset_methods_too():
    make_news()
    assert hasattr(Article, "published_objects"), "Article has no manager published_objects"
    assert titles(method(Article.published_objects, "featured")()) == ["Launch day", "Interview"]
    assert titles(method(Article.published_objects, "recent")(days=2)) == ["Just now", "Launch day"]


@pytest.mark.hidden
def test_objects_is_the_default_manager():
    """The default manager (the first one declared in the class) must be `objects`, which sees every article."""
    make_news()
    assert Article._meta.default_manager.name == "objects"
    assert Article._default_manager.count() == 8
    assert hasattr(Article, "published_objects"), "Article has no manager published_objects"


def test_the_methods_return_querysets_of_articles():
    make_news()
    for result in (Article.objects.published(), Article.objects.featured(), Article.objects.recent()):
        assert isinstance(result, QuerySet)
        assert result.model == Article
