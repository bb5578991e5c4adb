import pytest

from blog.models import Comment
from testdata import logged_in, make_comment, make_post, make_user

pytestmark = pytest.mark.django_db


def test_step5_a_logged_in_user_comments_on_a_post(client):
    ada, bob = make_user("ada"), make_user("bob")
    post = make_post(ada)
    response = logged_in(client, bob).post(f"/posts/{post.id}/comments/", {"body": "Nice post!"})
    assert response.status_code == 201
    comment = Comment.objects.get()
    assert (comment.post, comment.author, comment.body) == (post, bob, "Nice post!")
    assert response.json() == {
        "id": comment.id,
        "author": "bob",
        "body": "Nice post!",
        "created_at": comment.created_at.isoformat(),
    }


def test_step5_a_new_comment_shows_on_the_post_and_in_the_count(client):
    ada, bob = make_user("ada"), make_user("bob")
    post = make_post(ada)
    logged_in(client, bob).post(f"/posts/{post.id}/comments/", {"body": "One"})
    client.post(f"/posts/{post.id}/comments/", {"body": "Two"})
    bodies = [c["body"] for c in client.get(f"/posts/{post.id}/").json()["comments"]]
    assert bodies == ["One", "Two"]
    assert client.get("/posts/").json()["posts"][0]["comment_count"] == 2


def test_step5_anonymous_visitors_cannot_comment(client):
    post = make_post(make_user())
    response = client.post(f"/posts/{post.id}/comments/", {"body": "Spam"})
    assert response.status_code == 401
    assert Comment.objects.count() == 0


def test_step5_an_empty_comment_is_refused(client):
    post = make_post(make_user())
    response = logged_in(client, make_user("bob")).post(f"/posts/{post.id}/comments/", {"body": "  "})
    assert response.status_code == 400
    assert Comment.objects.count() == 0


def test_step5_commenting_on_a_missing_post_is_404(client):
    ada = make_user()
    post = make_post(ada)
    assert logged_in(client, ada).post(f"/posts/{post.id}/comments/", {"body": "Hello!"}).status_code == 201
    response = client.post("/posts/999/comments/", {"body": "Hello?"})
    assert response.status_code == 404


def test_step5_the_comment_author_deletes_a_comment(client):
    ada, bob = make_user("ada"), make_user("bob")
    comment = make_comment(make_post(ada), bob)
    response = logged_in(client, bob).post(f"/comments/{comment.id}/delete/")
    assert response.status_code == 204
    assert Comment.objects.count() == 0


def test_step5_the_post_author_deletes_a_comment_on_their_post(client):
    ada, bob = make_user("ada"), make_user("bob")
    comment = make_comment(make_post(ada), bob)
    assert logged_in(client, ada).post(f"/comments/{comment.id}/delete/").status_code == 204
    assert Comment.objects.count() == 0


def test_step5_nobody_else_deletes_a_comment(client):
    ada, bob, eve = make_user("ada"), make_user("bob"), make_user("eve")
    comment = make_comment(make_post(ada), bob)
    assert logged_in(client, eve).post(f"/comments/{comment.id}/delete/").status_code == 403
    client.logout()
    assert client.post(f"/comments/{comment.id}/delete/").status_code == 401
    assert logged_in(client, eve).post("/comments/999/delete/").status_code == 404
    assert Comment.objects.count() == 1
