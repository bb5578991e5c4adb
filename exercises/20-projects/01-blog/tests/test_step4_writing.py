import pytest

from blog.models import Post
from testdata import logged_in, make_post, make_user

pytestmark = pytest.mark.django_db


def test_step4_anonymous_visitors_cannot_write_posts(client):
    response = client.post("/posts/", {"title": "Spam", "body": "Buy now"})
    assert response.status_code == 401
    assert "error" in response.json()
    assert Post.objects.count() == 0


def test_step4_a_logged_in_user_writes_a_post(client):
    ada = make_user("ada")
    response = logged_in(client, ada).post("/posts/", {"title": "Hello", "body": "My first post."})
    assert response.status_code == 201
    post = Post.objects.get()
    assert (post.author, post.title, post.body) == (ada, "Hello", "My first post.")
    data = response.json()
    assert (data["id"], data["title"], data["body"], data["author"], data["comments"]) == (
        post.id, "Hello", "My first post.", "ada", []
    )


def test_step4_the_author_is_always_the_logged_in_user(client):
    ada, bob = make_user("ada"), make_user("bob")
    logged_in(client, bob).post("/posts/", {"title": "Hi", "body": "text", "author": ada.id})
    assert Post.objects.get().author == bob


@pytest.mark.parametrize(
    "data",
    [{"body": "text"}, {"title": "Hi"}, {"title": "   ", "body": "text"}, {"title": "Hi", "body": ""}],
    ids=["no-title", "no-body", "blank-title", "empty-body"],
)
def test_step4_a_post_needs_a_title_and_a_body(client, data):
    response = logged_in(client, make_user()).post("/posts/", data)
    assert response.status_code == 400
    assert Post.objects.count() == 0


def test_step4_a_title_over_200_characters_is_refused(client):
    response = logged_in(client, make_user()).post("/posts/", {"title": "x" * 201, "body": "text"})
    assert response.status_code == 400
    assert Post.objects.count() == 0


def test_step4_the_author_edits_a_post(client):
    ada = make_user("ada")
    post = make_post(ada, "Helo", "Typo in the title.")
    response = logged_in(client, ada).post(f"/posts/{post.id}/edit/", {"title": "Hello"})
    assert response.status_code == 200
    post.refresh_from_db()
    assert (post.title, post.body) == ("Hello", "Typo in the title.")
    assert response.json()["title"] == "Hello"


def test_step4_an_edit_with_an_empty_title_is_refused(client):
    ada = make_user("ada")
    post = make_post(ada, "Hello")
    response = logged_in(client, ada).post(f"/posts/{post.id}/edit/", {"title": " "})
    assert response.status_code == 400
    post.refresh_from_db()
    assert post.title == "Hello"


@pytest.mark.hidden
def test_step4_only_the_author_can_edit_a_post(client):
    """Someone else's post must answer 403 and stay unchanged: compare the post's author with request.user."""
    ada, bob = make_user("ada"), make_user("bob")
    post = make_post(ada, "Hello", "Original.")
    response = logged_in(client, bob).post(f"/posts/{post.id}/edit/", {"title": "Hacked", "body": "Hacked"})
    assert response.status_code == 403
    post.refresh_from_db()
    assert (post.title, post.body) == ("Hello", "Original.")


def test_step4_anonymous_visitors_cannot_edit(client):
    post = make_post(make_user("ada"), "Hello")
    response = client.post(f"/posts/{post.id}/edit/", {"title": "Hacked"})
    assert response.status_code == 401
    post.refresh_from_db()
    assert post.title == "Hello"


def test_step4_editing_a_missing_post_is_404(client):
    ada = make_user()
    post = make_post(ada)
    assert logged_in(client, ada).post(f"/posts/{post.id}/edit/", {"title": "x"}).status_code == 200
    response = client.post("/posts/999/edit/", {"title": "x"})
    assert response.status_code == 404


def test_step4_editing_needs_post(client):
    ada = make_user("ada")
    post = make_post(ada)
    assert logged_in(client, ada).get(f"/posts/{post.id}/edit/").status_code == 405


def test_step4_the_author_deletes_a_post(client):
    ada = make_user("ada")
    post = make_post(ada)
    response = logged_in(client, ada).post(f"/posts/{post.id}/delete/")
    assert response.status_code == 204
    assert Post.objects.count() == 0


def test_step4_others_cannot_delete_a_post(client):
    ada, bob = make_user("ada"), make_user("bob")
    post = make_post(ada)
    assert logged_in(client, bob).post(f"/posts/{post.id}/delete/").status_code == 403
    client.logout()
    assert client.post(f"/posts/{post.id}/delete/").status_code == 401
    assert Post.objects.count() == 1
