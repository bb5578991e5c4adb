import re

import pytest

from drillkit import learnerside

import catalogue
import shop

LINK = re.compile(r'<a href="([^"]*)">([^<]*)</a>')
# The catalogue as the bank ships it (the tests add to it, never change these).
NAMES = {1: "Sencha", 2: "Earl Grey", 3: "Assam", 4: "Espresso beans", 5: "Moka pot",
         6: "Matcha whisk", 7: "Teapot", 8: "Decaf beans"}


@pytest.fixture
def client():
    return shop.app.test_client()


def in_learner(path):
    """catalogue.PRODUCTS.pop and the like, as the learner's process has them.

    catalogue.PRODUCTS itself is data: the test gets a copy, and changing
    the copy changes nothing the shop sees. Its methods are not data, so
    they act on the shop's own dict.
    """
    return learnerside.module("operator").attrgetter(path)(catalogue)


class Catalogue:
    """The shop's catalogue, changed in place while the test runs, and put
    back as it was after it."""

    def __init__(self):
        self.before = catalogue.PRODUCTS

    def add(self, pid, name, price, category):
        in_learner("PRODUCTS.__setitem__")(pid, {"name": name, "price": price, "category": category})

    def remove(self, pid):
        in_learner("PRODUCTS.pop")(pid)

    def restore(self):
        in_learner("PRODUCTS.clear")()
        in_learner("PRODUCTS.update")(self.before)


@pytest.fixture
def products():
    changes = Catalogue()
    yield changes
    changes.restore()


@pytest.fixture(autouse=True)
def no_messages():
    in_learner("MESSAGES.clear")()
    yield
    in_learner("MESSAGES.clear")()


def text(response):
    return response.get_data(as_text=True)


def links_on(response):
    """[(href, text)] of every link on a page that answered 200."""
    assert response.status_code == 200
    return LINK.findall(text(response))


def allowed(response):
    return sorted(set(method.strip() for method in response.headers.get("Allow", "").split(",")) - {"", "HEAD", "OPTIONS"})


# --- pages -----------------------------------------------------------------


def test_the_home_page_redirects_to_the_product_list(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response.headers.get("Location") == "/products/"


def test_the_product_list_links_every_product_in_id_order(client):
    assert links_on(client.get("/products/")) == [(f"/products/{pid}", NAMES[pid]) for pid in range(1, 9)]


def test_the_product_list_shows_the_catalogue_as_it_is_now(client, products):
    products.add(31, "Rooibos", "3.10", "tea/herbal")
    products.remove(2)
    assert links_on(client.get("/products/")) == [(f"/products/{pid}", NAMES[pid]) for pid in (1, 3, 4, 5, 6, 7, 8)] + [
        ("/products/31", "Rooibos")
    ]


@pytest.mark.parametrize("pid, page", [(1, "Sencha: 4.20 euros"), (5, "Moka pot: 24.00 euros"), (8, "Decaf beans: 8.40 euros")])
def test_a_product_page_shows_its_name_and_price(client, pid, page):
    response = client.get(f"/products/{pid}")
    assert (response.status_code, text(response)) == (200, page)


def test_a_product_added_to_the_catalogue_has_a_page(client, products):
    products.add(120, "Gaiwan", "15.00", "tea/gear")
    response = client.get("/products/120")
    assert (response.status_code, text(response)) == (200, "Gaiwan: 15.00 euros")


@pytest.mark.parametrize("path", ["/products/9", "/products/0", "/products/120"])
def test_an_unknown_product_is_404(client, path):
    assert client.get("/products/1").status_code == 200
    assert client.get(path).status_code == 404


@pytest.mark.hidden
@pytest.mark.parametrize("path", ["/products/tea", "/products/-1", "/products/1.5", "/products/1/2"])
def test_a_product_id_that_is_not_a_whole_number_is_404(client, path):
    """/products/tea or /products/1.5 is no product: let the route's converter refuse them (a 404, never a 500)."""
    assert client.get("/products/7").status_code == 200
    assert client.get(path).status_code == 404


# --- categories --------------------------------------------------------------


@pytest.mark.parametrize("category, names", [
    ("tea/black", ["Assam", "Earl Grey"]),
    ("coffee/gear", ["Moka pot"]),
    ("coffee/beans/decaf", ["Decaf beans"]),
])
def test_a_category_lists_its_products_by_name(client, category, names):
    assert [name for _, name in links_on(client.get(f"/categories/{category}"))] == names


def test_a_category_holds_the_products_of_the_categories_inside_it(client):
    assert links_on(client.get("/categories/tea")) == [
        ("/products/3", "Assam"),
        ("/products/2", "Earl Grey"),
        ("/products/6", "Matcha whisk"),
        ("/products/1", "Sencha"),
        ("/products/7", "Teapot"),
    ]
    assert [name for _, name in links_on(client.get("/categories/coffee/beans"))] == ["Decaf beans", "Espresso beans"]


def test_a_category_follows_the_catalogue(client, products):
    products.add(40, "Yerba mate", "6.00", "herbs/south-america")
    assert links_on(client.get("/categories/herbs")) == [("/products/40", "Yerba mate")]


@pytest.mark.hidden
@pytest.mark.parametrize("category", ["te", "tea/gre", "coff", "water", "tea/green/cold"])
def test_a_category_with_no_products_is_404(client, category):
    """A category is a whole path: "te" is not inside "tea", and a category with no products at all is a 404."""
    assert client.get("/categories/tea/green").status_code == 200
    assert client.get(f"/categories/{category}").status_code == 404


# --- redirects ----------------------------------------------------------------


@pytest.mark.parametrize("pid", [1, 4, 8])
def test_a_short_link_moves_permanently_to_the_product(client, pid):
    response = client.get(f"/p/{pid}")
    assert (response.status_code, response.headers.get("Location")) == (301, f"/products/{pid}")


def test_a_short_link_to_an_unknown_product_is_404(client, products):
    assert client.get("/p/77").status_code == 404
    products.add(77, "Chai", "4.00", "tea/black")
    assert client.get("/p/77").headers.get("Location") == "/products/77"


# --- methods ------------------------------------------------------------------


def test_the_contact_page_shows_a_form_that_posts_to_itself(client):
    response = client.get("/contact")
    assert response.status_code == 200
    assert re.search(r'<form method="post" action="/contact">', text(response))


def test_sending_the_contact_form_keeps_the_message_and_redirects(client):
    response = client.post("/contact", data={"email": "ada@example.com", "message": "Do you sell oolong?"})
    assert response.status_code == 303
    assert response.headers.get("Location") == "/contact/thanks"
    assert list(catalogue.MESSAGES) == [{"email": "ada@example.com", "message": "Do you sell oolong?"}]
    assert client.get("/contact/thanks").status_code == 200


def test_the_message_is_kept_without_the_spaces_around_it(client):
    client.post("/contact", data={"email": "  bob@example.com ", "message": "\n Hello \n"})
    assert list(catalogue.MESSAGES) == [{"email": "bob@example.com", "message": "Hello"}]


@pytest.mark.parametrize("form", [{"email": "ada@example.com"}, {"message": "Hi"}, {"email": " ", "message": "Hi"}, {}])
def test_a_contact_form_with_a_missing_field_is_400_and_kept_nowhere(client, form):
    response = client.post("/contact", data=form)
    assert response.status_code == 400
    assert list(catalogue.MESSAGES) == []


def test_a_method_a_route_does_not_take_is_405_with_allow(client):
    response = client.put("/contact", data={"email": "a@example.com", "message": "Hi"})
    assert (response.status_code, allowed(response)) == (405, ["GET", "POST"])
    response = client.post("/products/1")
    assert (response.status_code, allowed(response)) == (405, ["GET"])
    response = client.delete("/products/")
    assert (response.status_code, allowed(response)) == (405, ["GET"])


# --- url_for ------------------------------------------------------------------


def test_each_view_has_the_endpoint_name_of_the_readme():
    urls = shop.app.url_map.bind("localhost")
    assert urls.build("index", {}) == "/"
    assert urls.build("product_list", {}) == "/products/"
    assert urls.build("product", {"product_id": 12}) == "/products/12"
    assert urls.build("category", {"category": "tea/green"}) == "/categories/tea/green"
    assert urls.build("short_link", {"product_id": 3}) == "/p/3"
    assert urls.build("contact", {}) == "/contact"
    assert urls.build("thanks", {}) == "/contact/thanks"


@pytest.mark.hidden
def test_links_and_redirects_follow_the_shop_when_it_is_served_under_a_prefix(client):
    """Behind a proxy the shop may live at /shop/...: make every link and redirect with url_for, never by hand."""
    under = "http://localhost/shop"
    assert client.get("/", base_url=under).headers.get("Location") == "/shop/products/"
    assert links_on(client.get("/products/", base_url=under))[0] == ("/shop/products/1", "Sencha")
    assert links_on(client.get("/categories/coffee/gear", base_url=under)) == [("/shop/products/5", "Moka pot")]
    assert client.get("/p/4", base_url=under).headers.get("Location") == "/shop/products/4"
    assert re.search(r'action="/shop/contact"', text(client.get("/contact", base_url=under)))
    response = client.post("/contact", base_url=under, data={"email": "ada@example.com", "message": "Hi"})
    assert response.headers.get("Location") == "/shop/contact/thanks"
