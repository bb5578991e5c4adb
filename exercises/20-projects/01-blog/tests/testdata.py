"""Test data for the blog's tests (plain functions, called from the tests)."""
from datetime import timedelta

from django.contrib.auth.models import User
from django.utils import timezone

from blog.models import Comment, Post

PASSWORD = "correct horse battery"


def make_user(username="ada", password=PASSWORD):
    return User.objects.create_user(username=username, password=password)


def make_post(author, title="Hello", body="My first post.", minutes_ago=None):
    post = Post.objects.create(author=author, title=title, body=body)
    if minutes_ago is not None:
        Post.objects.filter(pk=post.pk).update(created_at=timezone.now() - timedelta(minutes=minutes_ago))
        post.refresh_from_db()
    return post


def make_comment(post, author, body="Nice post!", minutes_ago=None):
    comment = Comment.objects.create(post=post, author=author, body=body)
    if minutes_ago is not None:
        Comment.objects.filter(pk=comment.pk).update(created_at=timezone.now() - timedelta(minutes=minutes_ago))
        comment.refresh_from_db()
    return comment


def logged_in(client, user):
    client.force_login(user)
    return client
