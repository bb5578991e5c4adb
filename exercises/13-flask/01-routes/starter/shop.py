from flask import Flask, abort, redirect, request, url_for

from catalogue import MESSAGES, PRODUCTS

app = Flask(__name__)

# The page GET /contact shows; fill in {action} with the form's own URL.
CONTACT_FORM = """<h1>Contact us</h1>
<form method="post" action="{action}">
  <label>Your email <input name="email" type="email" required></label>
  <label>Message <textarea name="message" required></textarea></label>
  <button type="submit">Send</button>
</form>
"""


@app.route("/")
def index():
    # Replace this: the home page redirects to the product list.
    return "Welcome to the shop"


# Write the other views of README.md here: product_list, product, category,
# short_link, contact and thanks.
