from datetime import timedelta

import pytest
from django.db.models import QuerySet
from django.utils import timezone

from blog import queries
from blog.models import Author, Post

pytestmark = pytest.mark.django_db


def titles(result):
    assert result is not None, "the function returned None instead of a QuerySet"
    return [post.title for post in result]


def make_blog():
    now = timezone.now()
    ada = Author.objects.create(name="Ada")
    adam = Author.objects.create(name="Adam")
    linus = Author.objects.create(name="Linus")

    def post(title, author, days_ago):
        when = None if days_ago is None else now - timedelta(days=days_ago)
        return Post.objects.create(title=title, author=author, published_at=when, body="...")

    post("Hello, Django", linus, 5)
    post("My first post", ada, 30)
    post("Django tips for later", ada, -3)  # scheduled: three days from now
    post("Why SQL still matters", ada, 1)
    post("Notes on DJANGO signals", adam, 12)
    post("Zebra crossings", linus, None)
    post("Another draft about Django", ada, None)
    post("Just now", adam, 0.001)


def test_published_posts_newest_first():
    make_blog()
    expected = [
        "Just now",
        "Why SQL still matters",
        "Hello, Django",
        "Notes on DJANGO signals",
        "My first post",
    ]
    assert titles(queries.published()) == expected


def test_published_leaves_out_drafts_and_scheduled_posts():
    make_blog()
    shown = set(titles(queries.published()))
    hidden = {"Django tips for later", "Zebra crossings", "Another draft about Django"}
    assert sorted(shown & hidden) == []


def test_published_of_an_empty_blog_is_empty():
    assert titles(queries.published()) == []


def test_drafts_by_title():
    make_blog()
    assert titles(queries.drafts()) == ["Another draft about Django", "Zebra crossings"]


def test_by_author_gives_that_authors_published_posts_newest_first():
    make_blog()
    assert titles(queries.by_author("Ada")) == ["Why SQL still matters", "My first post"]
    assert titles(queries.by_author("Linus")) == ["Hello, Django"]


def test_by_author_ignores_letter_case():
    make_blog()
    assert titles(queries.by_author("aDA")) == ["Why SQL still matters", "My first post"]


def test_by_author_matches_the_whole_name():
    make_blog()
    assert titles(queries.by_author("Adam")) == ["Just now", "Notes on DJANGO signals"]
    assert titles(queries.by_author("Ad")) == []


def test_by_an_unknown_author_is_empty():
    make_blog()
    assert titles(queries.by_author("Grace")) == []


def test_search_finds_published_titles_in_any_case_newest_first():
    make_blog()
    assert titles(queries.search("django")) == ["Hello, Django", "Notes on DJANGO signals"]


def test_search_for_part_of_a_word():
    make_blog()
    assert titles(queries.search("FIRS")) == ["My first post"]


def test_search_without_a_match_is_empty():
    make_blog()
    assert titles(queries.search("kubernetes")) == []


@pytest.mark.hidden
def test_every_function_returns_a_queryset():
    """Each function must return a QuerySet (so callers can filter it further), not a list."""
    make_blog()
    for result in (queries.published(), queries.drafts(), queries.by_author("Ada"), queries.search("x")):
        assert isinstance(result, QuerySet)
        assert result.model == Post
