from flask import Flask, abort, redirect, request, url_for

from catalogue import MESSAGES, PRODUCTS

app = Flask(__name__)

CONTACT_FORM = """<h1>Contact us</h1>
<form method="post" action="{action}">
  <label>Your email <input name="email" type="email" required></label>
  <label>Message <textarea name="message" required></textarea></label>
  <button type="submit">Send</button>
</form>
"""


def links(product_ids):
    """An HTML list with a link to each product's page, made with url_for."""
    items = [
        f'<li><a href="{url_for("product", product_id=pid)}">{PRODUCTS[pid]["name"]}</a></li>'
        for pid in product_ids
    ]
    return "<ul>\n" + "\n".join(items) + "\n</ul>\n"


def find(product_id):
    """The product with this id, or a 404 that ends the request."""
    product = PRODUCTS.get(product_id)
    if product is None:
        abort(404)
    return product


@app.route("/")
def index():
    return redirect(url_for("product_list"))


@app.route("/products/")
def product_list():
    return "<h1>Products</h1>\n" + links(sorted(PRODUCTS))


# <int:...> matches digits only and hands the view an int: /products/tea
# never reaches it (404), so the view needs no int() of its own.
@app.route("/products/<int:product_id>")
def product(product_id):
    found = find(product_id)
    return f"{found['name']}: {found['price']} euros"


@app.route("/categories/<category>")
def category(category):
    inside = [
        pid
        for pid, found in PRODUCTS.items()
        if found["category"] == category or found["category"].startswith(category + "/")
    ]
    if not inside:
        abort(404)
    inside.sort(key=lambda pid: PRODUCTS[pid]["name"])
    return f"<h1>{category}</h1>\n" + links(inside)


@app.route("/p/<int:product_id>")
def short_link(product_id):
    find(product_id)
    # 301: the old address has moved for good.
    return redirect(url_for("product", product_id=product_id), code=301)


@app.route("/contact", methods=["GET", "POST"])
def contact():
    if request.method == "POST":
        email = request.form.get("email", "").strip()
        message = request.form.get("message", "").strip()
        if not email or not message:
            abort(400)
        MESSAGES.append({"email": email, "message": message})
        # 303 See Other: the browser follows with a GET, so reloading the
        # page it lands on does not send the form again.
        return redirect(url_for("thanks"), code=303)
    return CONTACT_FORM.format(action=url_for("contact"))


@app.route("/contact/thanks")
def thanks():
    return "Thank you, we will answer soon."
