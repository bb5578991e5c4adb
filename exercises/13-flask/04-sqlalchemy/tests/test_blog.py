from datetime import date, timedelta

import pytest

from drillkit import learnerside

from blog import create_app, models
from blog.database import db

AUTHORS = ["Ada", "Grace", "Linus", "Margaret", "Barbara"]

# (title, author, published or None for a draft, tags). Ids are 1, 2, 3...
# in this order. Margaret has only a draft, Barbara no post at all.
POSTS = [
    ("Why Python", "Ada", date(2024, 1, 10), ["python"]),
    ("Joins explained", "Grace", date(2024, 1, 12), ["sql"]),
    ("Flask in a day", "Ada", date(2024, 2, 1), ["flask", "python"]),
    ("Notes for later", "Margaret", None, ["python"]),
    ("Testing views", "Linus", date(2024, 2, 1), ["testing", "flask"]),
    ("Indexes", "Grace", date(2024, 2, 20), ["sql"]),
    ("Half-written", "Ada", None, ["sql"]),
    ("Fixtures", "Linus", date(2024, 3, 3), ["testing", "python"]),
] + [
    # Two a week, on the same day: ties in the order of dates.
    (f"Weekly log {n}", ["Ada", "Grace", "Linus"][n % 3], date(2024, 4, 1) + timedelta(days=7 * (n // 2)),
     ["log"] + (["python"] if n % 4 == 0 else []))
    for n in range(1, 17)
]


def expected(author=None, tag=None):
    """The ids of the published posts (with this author and tag), newest first, ties by the larger id."""
    found = [(published, pid) for pid, (_, who, published, tags) in enumerate(POSTS, start=1)
             if published is not None and author in (None, who) and tag in (None, *tags)]
    return [pid for _, pid in sorted(found, reverse=True)]


def post_json(pid, body=False):
    title, author, published, tags = POSTS[pid - 1]
    data = {"id": pid, "title": title, "author": author, "published": published.isoformat() if published else None,
            "tags": sorted(tags)}
    if body:
        data["body"] = f"All about {title.lower()}."
    return data


@pytest.fixture
def app():
    """A new app with an empty database in memory."""
    return create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": "sqlite://"})


@pytest.fixture
def client(app):
    return app.test_client()


def seed(app):
    """Put AUTHORS and POSTS in the app's database, through the learner's models."""
    with app.app_context():
        people = {name: models.Author(name=name) for name in AUTHORS}
        tags = {}
        for title, author, published, names in POSTS:
            for name in names:
                if name not in tags:
                    tags[name] = models.Tag(name=name)
            db.session.add(models.Post(title=title, body=f"All about {title.lower()}.", published=published,
                                       author=people[author], tags=[tags[name] for name in names]))
        db.session.add_all(list(people.values()))
        db.session.commit()


def get_json(client, url):
    response = client.get(url)
    assert response.status_code == 200, f"GET {url} answered {response.status_code}"
    return response.get_json()


def ids(data):
    return [post["id"] for post in data["posts"]]


def statements_while(app, action):
    """The SQL statements the app's database ran during action()."""
    seen = []

    def record(conn, cursor, statement, parameters, context, executemany):
        seen.append(statement)

    with app.app_context():
        engine = db.engine
    # The engine is this test's app's alone: the listener goes with it.
    learnerside.module("sqlalchemy").event.listen(engine, "before_cursor_execute", record)
    action()
    return seen


def count(app, model, **where):
    with app.app_context():
        return len(db.session.scalars(db.select(model).filter_by(**where)).all())


# --- the models ------------------------------------------------------------------


def test_the_tables():
    app = create_app({"SQLALCHEMY_DATABASE_URI": "sqlite://"})
    with app.app_context():
        inspector = learnerside.module("sqlalchemy").inspect(db.engine)
        tables = {name: sorted(column["name"] for column in inspector.get_columns(name))
                  for name in inspector.get_table_names()}
    assert tables == {
        "authors": ["id", "name"],
        "posts": ["author_id", "body", "id", "published", "title"],
        "tags": ["id", "name"],
        "post_tags": ["post_id", "tag_id"],
    }


def test_a_post_knows_its_author_and_tags(app):
    seed(app)
    with app.app_context():
        post = db.session.get(models.Post, 3)
        assert (post.title, post.author.name, post.published) == ("Flask in a day", "Ada", date(2024, 2, 1))
        assert sorted(tag.name for tag in post.tags) == ["flask", "python"]


def test_an_author_has_their_posts_and_a_tag_its_posts(app):
    seed(app)
    with app.app_context():
        linus = db.session.scalars(db.select(models.Author).filter_by(name="Linus")).one()
        assert sorted(post.id for post in linus.posts) == [5, 8, 10, 13, 16, 19, 22]
        flask = db.session.scalars(db.select(models.Tag).filter_by(name="flask")).one()
        assert sorted(post.title for post in flask.posts) == ["Flask in a day", "Testing views"]


def test_a_post_without_body_or_date_is_a_draft_with_an_empty_body(app):
    seed(app)
    with app.app_context():
        grace = db.session.scalars(db.select(models.Author).filter_by(name="Grace")).one()
        db.session.add(models.Post(title="Ideas", author=grace))
        db.session.commit()
        draft = db.session.scalars(db.select(models.Post).filter_by(title="Ideas")).one()
        assert (draft.body, draft.published, list(draft.tags)) == ("", None, [])


def test_names_of_authors_and_tags_are_unique(app):
    seed(app)
    integrity_error = learnerside.module("sqlalchemy.exc").IntegrityError
    with app.app_context():
        for duplicate in (models.Author(name="Ada"), models.Tag(name="sql")):
            db.session.add(duplicate)
            with pytest.raises(integrity_error):
                db.session.commit()
            db.session.rollback()


# --- the list of posts -------------------------------------------------------------


def test_the_first_page_has_the_ten_newest_posts(client, app):
    seed(app)
    data = get_json(client, "/posts")
    assert {key: data.get(key) for key in ("page", "per_page", "total", "pages")} == {
        "page": 1, "per_page": 10, "total": 22, "pages": 3}
    assert ids(data) == expected()[:10]
    assert data["posts"][0] == post_json(24)


def test_posts_of_the_same_day_come_larger_id_first(client, app):
    seed(app)
    everything = ids(get_json(client, "/posts?per_page=22"))
    assert everything[-5:] == [6, 5, 3, 2, 1]
    assert everything == expected()


def test_page_and_per_page_choose_the_page(client, app):
    seed(app)
    data = get_json(client, "/posts?page=2&per_page=5")
    assert (data["page"], data["per_page"], data["pages"], ids(data)) == (2, 5, 5, expected()[5:10])
    data = get_json(client, "/posts?page=5&per_page=5")
    assert ids(data) == expected()[20:]


def test_per_page_is_at_most_50(client, app):
    seed(app)
    data = get_json(client, "/posts?per_page=500")
    assert (data["per_page"], data["pages"], ids(data)) == (50, 1, expected())


@pytest.mark.parametrize("page", [4, 0, -1])
def test_a_page_that_does_not_exist_is_404(client, app, page):
    seed(app)
    assert client.get("/posts?page=3").status_code == 200
    assert client.get(f"/posts?page={page}").status_code == 404


def test_no_posts_is_an_empty_first_page(client):
    assert get_json(client, "/posts") == {"page": 1, "per_page": 10, "total": 0, "pages": 0, "posts": []}


def test_drafts_are_never_listed(client, app):
    seed(app)
    listed = ids(get_json(client, "/posts?per_page=50"))
    assert 4 not in listed and 7 not in listed
    assert get_json(client, "/posts?author=Margaret")["total"] == 0


@pytest.mark.parametrize("query, author, tag", [
    ("author=Grace", "Grace", None),
    ("tag=python", None, "python"),
    ("author=Ada&tag=python", "Ada", "python"),
    ("tag=testing", None, "testing"),
])
def test_author_and_tag_filter_the_posts(client, app, query, author, tag):
    seed(app)
    data = get_json(client, f"/posts?{query}&per_page=50")
    assert (data["total"], ids(data)) == (len(expected(author, tag)), expected(author, tag))


def test_filters_and_pages_go_together(client, app):
    seed(app)
    data = get_json(client, "/posts?tag=log&per_page=4&page=2")
    assert (data["total"], data["pages"], ids(data)) == (16, 4, expected(tag="log")[4:8])


def test_an_unknown_author_or_tag_has_no_posts(client, app):
    seed(app)
    assert get_json(client, "/posts?author=Nobody")["posts"] == []
    assert get_json(client, "/posts?tag=cobol")["total"] == 0


@pytest.mark.hidden
def test_the_page_is_cut_in_the_database(client, app):
    """Let the database cut the page (LIMIT and OFFSET, as db.paginate does): never load every post to slice a list."""
    seed(app)
    statements = statements_while(app, lambda: client.get("/posts?page=2"))
    # The statements that read posts themselves (not the COUNT, nor the
    # authors and tags of posts already read).
    reading = [sql for sql in statements if "posts.title" in sql and not sql.lower().startswith("select count(")]
    assert reading and all("LIMIT" in sql for sql in reading), "\n\n".join(statements)


@pytest.mark.hidden
def test_a_page_of_posts_takes_at_most_four_queries(client, app):
    """A page must not run one query per post for its author and tags: load them for the whole page at once."""
    seed(app)
    statements = statements_while(app, lambda: client.get("/posts?per_page=20"))
    assert len(statements) <= 4, "\n\n".join(statements)


# --- one post, authors ----------------------------------------------------------------


def test_a_post_by_id_has_its_body(client, app):
    seed(app)
    assert get_json(client, "/posts/8") == post_json(8, body=True)


def test_a_draft_has_a_page_but_an_unknown_post_is_404(client, app):
    seed(app)
    assert get_json(client, "/posts/7") == post_json(7, body=True)
    assert client.get("/posts/25").status_code == 404


def test_authors_with_their_number_of_published_posts(client, app):
    seed(app)
    assert get_json(client, "/authors") == {"authors": [
        {"name": "Grace", "posts": 8},
        {"name": "Ada", "posts": 7},
        {"name": "Linus", "posts": 7},
        {"name": "Barbara", "posts": 0},
        {"name": "Margaret", "posts": 0},
    ]}


@pytest.mark.hidden
def test_the_authors_are_counted_in_one_query(client, app):
    """Count each author's posts in the database, all at once (a join and GROUP BY), not by loading their posts."""
    seed(app)
    statements = statements_while(app, lambda: client.get("/authors"))
    assert len(statements) == 1, "\n\n".join(statements)


# --- creating a post ------------------------------------------------------------------


def test_creating_a_post_with_tags(client, app):
    seed(app)
    response = client.post("/posts", json={"title": "Window functions", "author": "Grace", "published": "2024-12-01",
                                           "tags": ["SQL", " postgres ", "sql"], "body": "Rank rows."})
    assert response.status_code == 201
    assert response.headers.get("Location") == "/posts/25"
    created = {"id": 25, "title": "Window functions", "author": "Grace", "published": "2024-12-01",
               "tags": ["postgres", "sql"], "body": "Rank rows."}
    assert response.get_json() == created
    assert get_json(client, "/posts/25") == created
    assert ids(get_json(client, "/posts?tag=sql")) == [25, 6, 2]


@pytest.mark.hidden
def test_a_tag_that_exists_is_reused(client, app):
    """A tag is one row, shared by its posts: look for it by name before making a new one."""
    seed(app)
    client.post("/posts", json={"title": "More logs", "author": "Ada", "published": "2024-12-02", "tags": ["log"]})
    client.post("/posts", json={"title": "Even more", "author": "Ada", "published": "2024-12-03", "tags": ["log", "new"]})
    assert (count(app, models.Tag, name="log"), count(app, models.Tag, name="new")) == (1, 1)
    assert get_json(client, "/posts?tag=log")["total"] == 18


def test_a_post_without_a_date_is_a_draft(client, app):
    seed(app)
    response = client.post("/posts", json={"title": "Someday", "author": "Linus"})
    assert response.status_code == 201
    assert response.get_json() == {"id": 25, "title": "Someday", "author": "Linus", "published": None, "tags": [],
                                   "body": ""}
    assert get_json(client, "/posts")["total"] == 22


@pytest.mark.parametrize("body", [
    {"title": "x", "author": "Nobody"},
    {"title": " ", "author": "Ada"},
    {"author": "Ada"},
    {"title": "x", "author": "Ada", "published": "2024-02-30"},
    {"title": "x", "author": "Ada", "published": "yesterday"},
    {"title": "x", "author": "Ada", "tags": "python"},
    {"title": "x", "author": "Ada", "tags": [""]},
    ["not", "an", "object"],
])
def test_a_bad_post_is_400_and_nothing_is_stored(client, app, body):
    seed(app)
    assert client.post("/posts", json=body).status_code == 400
    assert count(app, models.Post) == 24
