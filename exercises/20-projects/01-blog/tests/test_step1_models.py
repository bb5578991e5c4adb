import time

import pytest
from django.core.exceptions import ValidationError
from django.db import models

from blog.models import Comment, Post
from testdata import make_comment, make_post, make_user

pytestmark = pytest.mark.django_db


def field(model, name):
    names = [f.name for f in model._meta.get_fields()]
    assert name in names, f"{model.__name__} has no field {name!r} yet"
    return model._meta.get_field(name)


def test_step1_a_post_has_an_author_a_title_and_a_body():
    assert isinstance(field(Post, "author"), models.ForeignKey)
    assert field(Post, "author").related_model.__name__ == "User"
    assert isinstance(field(Post, "title"), models.CharField)
    assert field(Post, "title").max_length == 200
    assert isinstance(field(Post, "body"), models.TextField)


def test_step1_a_post_gets_its_timestamps_automatically():
    post = make_post(make_user())
    assert post.created_at is not None
    created, updated = post.created_at, post.updated_at
    time.sleep(0.01)
    post.title = "Hello again"
    post.save()
    post.refresh_from_db()
    assert post.created_at == created
    assert post.updated_at > updated


def test_step1_a_title_of_201_characters_is_rejected():
    post = Post(author=make_user(), title="x" * 201, body="text")
    with pytest.raises(ValidationError) as error:
        post.full_clean()
    assert "title" in error.value.message_dict


def test_step1_a_comment_belongs_to_a_post_and_an_author():
    assert isinstance(field(Comment, "post"), models.ForeignKey)
    assert isinstance(field(Comment, "author"), models.ForeignKey)
    assert isinstance(field(Comment, "body"), models.TextField)
    ada, bob = make_user("ada"), make_user("bob")
    post = make_post(ada)
    comment = make_comment(post, bob, "Great!")
    assert comment.created_at is not None
    assert list(post.comments.all()) == [comment]
    assert list(bob.comments.all()) == [comment]
    assert list(ada.posts.all()) == [post]


def test_step1_posts_come_newest_first():
    ada = make_user()
    old = make_post(ada, "Old", minutes_ago=60)
    new = make_post(ada, "New", minutes_ago=1)
    older = make_post(ada, "Older", minutes_ago=120)
    assert list(Post.objects.all()) == [new, old, older]


def test_step1_comments_come_oldest_first():
    ada = make_user()
    post = make_post(ada)
    second = make_comment(post, ada, "second", minutes_ago=5)
    first = make_comment(post, ada, "first", minutes_ago=10)
    assert list(post.comments.all()) == [first, second]


def test_step1_deleting_a_post_deletes_its_comments():
    ada = make_user()
    post = make_post(ada)
    make_comment(post, ada)
    post.delete()
    assert Comment.objects.count() == 0


def test_step1_deleting_a_user_deletes_their_posts_and_comments():
    ada, bob = make_user("ada"), make_user("bob")
    post = make_post(bob)
    make_comment(post, ada)
    make_post(ada)
    ada.delete()
    assert list(Post.objects.all()) == [post]
    assert Comment.objects.count() == 0


def test_step1_str_of_a_post_and_a_comment():
    ada, bob = make_user("ada"), make_user("bob")
    post = make_post(ada, "Hello")
    assert str(post) == "Hello"
    assert str(make_comment(post, bob)) == "bob on Hello"
