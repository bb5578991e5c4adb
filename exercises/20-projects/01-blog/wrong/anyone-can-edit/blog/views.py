from django.contrib.auth import authenticate, login, logout
from django.contrib.auth.models import User
from django.db.models import Count
from django.http import HttpResponse, JsonResponse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from blog.models import Comment, Post

TITLE_MAX = 200
PASSWORD_MIN = 8


# Helpers ------------------------------------------------------------------

def error(message, status):
    return JsonResponse({"error": message}, status=status)


def not_found():
    return error("not found", 404)


def login_required_json(view):
    """Like @login_required, but answers 401 in JSON instead of redirecting."""

    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return error("login required", 401)
        return view(request, *args, **kwargs)

    wrapper.__name__ = view.__name__
    wrapper.__doc__ = view.__doc__
    return wrapper


def user_json(user):
    return {"id": user.id, "username": user.username}


def comment_json(comment):
    return {
        "id": comment.id,
        "author": comment.author.username,
        "body": comment.body,
        "created_at": comment.created_at.isoformat(),
    }


def post_json(post):
    return {
        "id": post.id,
        "title": post.title,
        "body": post.body,
        "author": post.author.username,
        "created_at": post.created_at.isoformat(),
        "updated_at": post.updated_at.isoformat(),
        "comments": [comment_json(c) for c in post.comments.select_related("author")],
    }


def get_post(post_id):
    return Post.objects.select_related("author").filter(pk=post_id).first()


# Step 2: accounts -----------------------------------------------------------

@require_POST
def register(request):
    username = request.POST.get("username", "").strip()
    password = request.POST.get("password", "")
    if not username or not password:
        return error("username and password are required", 400)
    if len(password) < PASSWORD_MIN:
        return error(f"the password needs at least {PASSWORD_MIN} characters", 400)
    if User.objects.filter(username=username).exists():
        return error("that username is taken", 400)
    user = User.objects.create_user(username=username, password=password)
    login(request, user)
    return JsonResponse(user_json(user), status=201)


@require_POST
def login_view(request):
    user = authenticate(
        request,
        username=request.POST.get("username", ""),
        password=request.POST.get("password", ""),
    )
    if user is None:
        return error("invalid username or password", 400)
    login(request, user)
    return JsonResponse(user_json(user))


@require_POST
def logout_view(request):
    logout(request)
    return HttpResponse(status=204)


@require_GET
@login_required_json
def me(request):
    return JsonResponse(user_json(request.user))


# Steps 3 and 4: posts ---------------------------------------------------------

@require_http_methods(["GET", "POST"])
def posts(request):
    if request.method == "POST":
        return create_post(request)
    # One query, however many posts: the author comes with a join, and the
    # database counts the comments. A query that aggregates ignores
    # Meta.ordering, so the order is given again.
    rows = (
        Post.objects.select_related("author")
        .annotate(comment_count=Count("comments"))
        .order_by("-created_at", "-id")
    )
    return JsonResponse({
        "posts": [
            {
                "id": post.id,
                "title": post.title,
                "author": post.author.username,
                "created_at": post.created_at.isoformat(),
                "comment_count": post.comment_count,
            }
            for post in rows
        ]
    })


@login_required_json
def create_post(request):
    title = request.POST.get("title", "").strip()
    body = request.POST.get("body", "").strip()
    if not title or not body:
        return error("title and body are required", 400)
    if len(title) > TITLE_MAX:
        return error(f"the title has more than {TITLE_MAX} characters", 400)
    post = Post.objects.create(author=request.user, title=title, body=body)
    return JsonResponse(post_json(post), status=201)


@require_GET
def post_detail(request, post_id):
    post = get_post(post_id)
    if post is None:
        return not_found()
    return JsonResponse(post_json(post))


@require_POST
@login_required_json
def edit_post(request, post_id):
    post = get_post(post_id)
    if post is None:
        return not_found()
    for field in ("title", "body"):
        if field in request.POST:
            value = request.POST[field].strip()
            if not value:
                return error(f"{field} cannot be empty", 400)
            setattr(post, field, value)
    if len(post.title) > TITLE_MAX:
        return error(f"the title has more than {TITLE_MAX} characters", 400)
    post.save()
    return JsonResponse(post_json(post))


@require_POST
@login_required_json
def delete_post(request, post_id):
    post = get_post(post_id)
    if post is None:
        return not_found()
    if post.author_id != request.user.id:
        return error("only the author can delete this post", 403)
    post.delete()
    return HttpResponse(status=204)


# Step 5: comments -------------------------------------------------------------

@require_POST
@login_required_json
def add_comment(request, post_id):
    post = get_post(post_id)
    if post is None:
        return not_found()
    body = request.POST.get("body", "").strip()
    if not body:
        return error("body is required", 400)
    comment = Comment.objects.create(post=post, author=request.user, body=body)
    return JsonResponse(comment_json(comment), status=201)


@require_POST
@login_required_json
def delete_comment(request, comment_id):
    comment = Comment.objects.select_related("post").filter(pk=comment_id).first()
    if comment is None:
        return not_found()
    if request.user.id not in (comment.author_id, comment.post.author_id):
        return error("only the comment's author or the post's author can delete it", 403)
    comment.delete()
    return HttpResponse(status=204)
