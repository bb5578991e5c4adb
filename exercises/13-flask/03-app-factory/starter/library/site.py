from flask import Blueprint, current_app, url_for

# The blueprint "site": the index, GET /.
