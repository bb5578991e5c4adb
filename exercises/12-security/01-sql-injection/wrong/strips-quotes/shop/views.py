from django.db import connection
from django.http import JsonResponse


def search(request):
    """GET /search/?q=lamp -> {"results": ["Desk lamp", "Floor lamp"]}

    The names of the public products whose name contains q (any letter case),
    sorted by name.
    """
    # Mistake: "sanitising" the input by removing quotes. The attacks stop
    # working, but so does a search for a name that really has a quote.
    q = request.GET.get("q", "").replace("'", "").replace('"', "")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT name FROM shop_product "
            f"WHERE public = 1 AND name LIKE '%{q}%' "
            "ORDER BY name"
        )
        names = [row[0] for row in cursor.fetchall()]
    return JsonResponse({"results": names})
