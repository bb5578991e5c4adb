import os

from django.conf import settings
from django.http import FileResponse, Http404


def download(request):
    """GET /download/?name=manuals/setup.pdf -> that file of DOWNLOADS_DIR,
    as an attachment; 404 if there is no such file."""
    name = request.GET.get("name", "")
    path = os.path.join(settings.DOWNLOADS_DIR, name)
    if not os.path.isfile(path):
        raise Http404("No such file.")
    return FileResponse(open(path, "rb"), as_attachment=True, filename=os.path.basename(path))
