from pathlib import Path

from django.conf import settings
from django.http import FileResponse, Http404


def download(request):
    """GET /download/?name=manuals/setup.pdf -> that file of DOWNLOADS_DIR,
    as an attachment; 404 if there is no such file."""
    name = request.GET.get("name", "")
    if "\x00" in name:  # no file name contains one; resolve() would raise
        raise Http404("No such file.")
    base = Path(settings.DOWNLOADS_DIR).resolve()
    # resolve() works out every "..", and an absolute name replaces the base
    # entirely: so look at where the path really ends up, then check that
    # this is still inside the downloads folder.
    path = (base / name).resolve()
    if not path.is_relative_to(base) or not path.is_file():
        raise Http404("No such file.")
    return FileResponse(open(path, "rb"), as_attachment=True, filename=path.name)
