from flask import Blueprint, abort, current_app, request, url_for

# The blueprint "books": GET /books and GET /books/<int:book_id>, which
# create_app registers under the API_PREFIX.
