import pytest

from testdata import make_comment, make_post, make_user

pytestmark = pytest.mark.django_db


def test_step3_the_list_shows_posts_newest_first(client):
    ada, bob = make_user("ada"), make_user("bob")
    old = make_post(ada, "Old news", minutes_ago=30)
    new = make_post(bob, "Fresh", minutes_ago=5)
    response = client.get("/posts/")
    assert response.status_code == 200
    assert response.json() == {
        "posts": [
            {"id": new.id, "title": "Fresh", "author": "bob", "created_at": new.created_at.isoformat(), "comment_count": 0},
            {"id": old.id, "title": "Old news", "author": "ada", "created_at": old.created_at.isoformat(), "comment_count": 0},
        ]
    }


def test_step3_an_empty_blog_has_an_empty_list(client):
    assert client.get("/posts/").json() == {"posts": []}


def test_step3_the_list_counts_comments(client):
    ada, bob = make_user("ada"), make_user("bob")
    talked_about = make_post(ada, "Popular", minutes_ago=10)
    quiet = make_post(ada, "Quiet", minutes_ago=20)
    make_comment(talked_about, bob)
    make_comment(talked_about, ada)
    make_comment(talked_about, bob)
    posts = client.get("/posts/").json()["posts"]
    assert [(p["title"], p["comment_count"]) for p in posts] == [("Popular", 3), ("Quiet", 0)]
    assert quiet.id == posts[1]["id"]


@pytest.mark.hidden
def test_step3_the_list_takes_the_same_few_queries_for_any_number_of_posts(client, django_assert_max_num_queries):
    """The post list must not run queries per post: use select_related("author") and annotate(comment_count=Count("comments"))."""
    users = [make_user(f"user{i}") for i in range(5)]
    for i, user in enumerate(users * 2):
        post = make_post(user, f"Post {i}")
        make_comment(post, users[0])
    with django_assert_max_num_queries(3):
        response = client.get("/posts/")
    assert len(response.json()["posts"]) == 10


def test_step3_a_post_shows_its_body_and_comments_oldest_first(client):
    ada, bob = make_user("ada"), make_user("bob")
    post = make_post(ada, "Hello", "The body.")
    second = make_comment(post, ada, "Thanks!", minutes_ago=1)
    first = make_comment(post, bob, "First!", minutes_ago=2)
    response = client.get(f"/posts/{post.id}/")
    assert response.status_code == 200
    assert response.json() == {
        "id": post.id,
        "title": "Hello",
        "body": "The body.",
        "author": "ada",
        "created_at": post.created_at.isoformat(),
        "updated_at": post.updated_at.isoformat(),
        "comments": [
            {"id": first.id, "author": "bob", "body": "First!", "created_at": first.created_at.isoformat()},
            {"id": second.id, "author": "ada", "body": "Thanks!", "created_at": second.created_at.isoformat()},
        ],
    }


def test_step3_a_missing_post_is_404(client):
    response = client.get("/posts/999/")
    assert response.status_code == 404
    assert "error" in response.json()
