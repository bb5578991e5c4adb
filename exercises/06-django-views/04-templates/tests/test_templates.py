import pytest
from django.template import Context, Template
from htmltree import parse

from recipes.templatetags.recipe_extras import duration


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response


def page(client, url):
    return parse(get(client, url).content.decode())


def template_names(response):
    return [str(t.name) for t in response.templates]


def test_the_list_page_extends_the_base_template(client):
    response = get(client, "/")
    assert "recipes/recipe_list.html" in template_names(response)
    assert "base.html" in template_names(response)
    assert response.content.decode().count("<html") == 1


def test_both_pages_have_the_header_from_the_base_template(client):
    for url in ("/", "/recipes/bread/"):
        header = page(client, url).find("header")
        assert header.text() == "Recipe box"
        assert header.find("a").attrs["href"] == "/"


def test_the_list_page_title_adds_to_the_base_title(client):
    assert page(client, "/").find("title").text() == "All recipes | Recipe box"


def test_the_list_shows_each_recipe_with_its_link_and_time(client):
    items = page(client, "/").find("ul", "recipes").find_all("li")
    shown = [(li.find("a").text(), li.find("a").attrs["href"], li.find("span", "time").text()) for li in items]
    assert shown == [
        ("Pancakes", "/recipes/pancakes/", "25 min"),
        ("Mac & cheese", "/recipes/mac-and-cheese/", "45 min"),
        ("Slow roast lamb", "/recipes/slow-roast-lamb/", "4 h 30 min"),
        ("Bread", "/recipes/bread/", "1 h"),
    ]


def test_titles_are_escaped(client):
    html = get(client, "/").content.decode()
    assert "Mac &amp; cheese" in html


def test_the_count_of_recipes(client):
    assert page(client, "/").find("p", "count").text() == "4 recipes"
    assert page(client, "/?tag=vegetarian").find("p", "count").text() == "3 recipes"


def test_the_count_of_one_recipe_is_singular(client):
    assert page(client, "/?tag=quick").find("p", "count").text() == "1 recipe"


def test_a_list_without_recipes(client):
    html = page(client, "/?tag=dessert")
    assert html.find("p", "count").text() == "0 recipes"
    items = html.find("ul", "recipes").find_all("li")
    assert [(li.text(), li.classes) for li in items] == [("No recipes yet.", ["empty"])]


def test_the_recipe_page_extends_the_base_template(client):
    response = get(client, "/recipes/pancakes/")
    assert "recipes/recipe_detail.html" in template_names(response)
    assert "base.html" in template_names(response)
    assert response.content.decode().count("<html") == 1


def test_the_recipe_page(client):
    html = page(client, "/recipes/pancakes/")
    assert html.find("title").text() == "Pancakes | Recipe box"
    assert html.find("h1").text() == "Pancakes"
    assert html.find("p", "time").text() == "Ready in 25 min"
    assert html.find("p", "tags").text() == "breakfast, quick, vegetarian"
    assert html.find("p", "description").text() == "Thick, fluffy and ready before the coffee."


def test_the_steps_are_numbered(client):
    steps = page(client, "/recipes/pancakes/").find("ol", "steps").find_all("li")
    assert [li.text() for li in steps] == [
        "Step 1: Whisk flour, milk and eggs.",
        "Step 2: Rest the batter for 10 minutes.",
        "Step 3: Fry in a hot pan.",
    ]


def test_a_recipe_without_tags_or_description(client):
    html = page(client, "/recipes/slow-roast-lamb/")
    assert html.find("p", "tags").text() == "No tags"
    assert html.find("p", "time").text() == "Ready in 4 h 30 min"
    html = page(client, "/recipes/mac-and-cheese/")
    assert html.find("p", "description").text() == "No description."
    assert html.find("title").text() == "Mac & cheese | Recipe box"


def test_the_description_is_escaped(client):
    html = get(client, "/recipes/bread/").content.decode()
    assert "Crusty white loaf &lt;no knead&gt;." in html


@pytest.mark.parametrize(
    "minutes, expected",
    [(0, "0 min"), (1, "1 min"), (59, "59 min"), (60, "1 h"), (61, "1 h 1 min"), (75, "1 h 15 min"),
     (120, "2 h"), (270, "4 h 30 min")],
)
def test_duration(minutes, expected):
    assert duration(minutes) == expected


@pytest.mark.hidden
@pytest.mark.parametrize("value", [None, "soon", -5, 2.5])
def test_duration_of_something_that_is_not_minutes_is_empty(value):
    """duration must give "" for anything that is not a whole number of minutes (None, text, negative, 2.5): a filter never breaks a page."""
    assert duration(value) == ""


def test_duration_is_a_filter_in_recipe_extras():
    rendered = Template("{% load recipe_extras %}{{ minutes|duration }}").render(Context({"minutes": 135}))
    assert str(rendered) == "2 h 15 min"
