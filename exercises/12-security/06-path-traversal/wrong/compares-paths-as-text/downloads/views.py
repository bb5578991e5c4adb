import os

from django.conf import settings
from django.http import FileResponse, Http404


def download(request):
    """GET /download/?name=manuals/setup.pdf -> that file of DOWNLOADS_DIR,
    as an attachment; 404 if there is no such file."""
    name = request.GET.get("name", "")
    if "\x00" in name:
        raise Http404("No such file.")
    base = os.path.realpath(settings.DOWNLOADS_DIR)
    path = os.path.realpath(os.path.join(base, name))
    # Mistake: a text comparison. "/tmp/downloads-private/keys.txt" starts
    # with "/tmp/downloads" too.
    if not path.startswith(base):
        raise Http404("No such file.")
    if not os.path.isfile(path):
        raise Http404("No such file.")
    return FileResponse(open(path, "rb"), as_attachment=True, filename=os.path.basename(path))
