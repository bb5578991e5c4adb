from django.contrib.auth import authenticate, login, logout
from django.contrib.auth.models import User
from django.db.models import Count
from django.http import HttpResponse, JsonResponse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from blog.models import Comment, Post


def error(message, status):
    """A JSON error answer: {"error": message} with the given status code."""
    return JsonResponse({"error": message}, status=status)


# Step 2: register, login_view, logout_view, me
# Steps 3 and 4: posts (GET lists, POST creates), post_detail, edit_post, delete_post
# Step 5: add_comment, delete_comment
#
# Each view is a function taking the request (and the ids from the URL) and
# returning a JsonResponse (or HttpResponse(status=204) when there is nothing
# to say). README.md lists what each one receives and answers.
