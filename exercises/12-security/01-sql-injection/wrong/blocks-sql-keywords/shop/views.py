import re

from django.db import connection
from django.http import JsonResponse

# Mistake: a blacklist of "dangerous" SQL. The query is still built from the
# input, so a plain quote in a real product name breaks it.
SUSPICIOUS = re.compile(r"\b(or|and|union|select|delete|drop|insert|update)\b|--|;|/\*", re.IGNORECASE)


def search(request):
    """GET /search/?q=lamp -> {"results": ["Desk lamp", "Floor lamp"]}

    The names of the public products whose name contains q (any letter case),
    sorted by name.
    """
    q = request.GET.get("q", "")
    if SUSPICIOUS.search(q):
        return JsonResponse({"results": []})
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT name FROM shop_product "
            f"WHERE public = 1 AND name LIKE '%{q}%' "
            "ORDER BY name"
        )
        names = [row[0] for row in cursor.fetchall()]
    return JsonResponse({"results": names})
