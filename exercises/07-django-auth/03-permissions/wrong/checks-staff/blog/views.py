from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_POST

from blog.models import Article


def as_json(article):
    return {"id": article.id, "title": article.title, "published": article.published}


def article_list(request):
    """GET /articles/: {"articles": [...]}, the published articles; users who
    may publish see the drafts too."""
    articles = Article.objects.all()
    if not request.user.is_staff:
        articles = articles.filter(published=True)
    return JsonResponse({"articles": [as_json(a) for a in articles]})


@login_required
@require_POST
def publish(request, pk):
    """POST /articles/<pk>/publish/: publish the article (users with the
    blog.publish_article permission only) and return it."""
    if not request.user.is_staff:
        raise PermissionDenied
    article = get_object_or_404(Article, pk=pk)
    article.published = True
    article.save(update_fields=["published"])
    return JsonResponse(as_json(article))
