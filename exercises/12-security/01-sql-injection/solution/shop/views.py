from django.db import connection
from django.http import JsonResponse


def search(request):
    """GET /search/?q=lamp -> {"results": ["Desk lamp", "Floor lamp"]}

    The names of the public products whose name contains q (any letter case),
    sorted by name.
    """
    q = request.GET.get("q", "")
    with connection.cursor() as cursor:
        # The search text travels as a parameter, never as part of the SQL.
        cursor.execute(
            "SELECT name FROM shop_product "
            "WHERE public = 1 AND name LIKE %s "
            "ORDER BY name",
            ["%" + q + "%"],
        )
        names = [row[0] for row in cursor.fetchall()]
    return JsonResponse({"results": names})
