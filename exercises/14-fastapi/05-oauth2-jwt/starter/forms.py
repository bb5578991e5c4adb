"""A stand-in for FastAPI's OAuth2PasswordRequestForm. Given: you do not need
to change this file.

FastAPI reads form bodies with the python-multipart package. Debian, whose
packages this sandbox is made of, does not have it (its python3-multipart is
another project of the same name), so here `Form()` and
OAuth2PasswordRequestForm stop the app when it starts. This dependency
reads the same form (an application/x-www-form-urlencoded body) with the
standard library, and answers as OAuth2PasswordRequestForm does: the same
attributes, and a 422 in FastAPI's format when username or password is
missing or empty. Where python-multipart is installed, write

    form: Annotated[OAuth2PasswordRequestForm, Depends()]

(from fastapi.security) instead; nothing else changes.
"""

from dataclasses import dataclass, field
from urllib.parse import parse_qs

from fastapi import Request
from fastapi.exceptions import RequestValidationError


@dataclass
class PasswordRequestForm:
    username: str
    password: str
    scopes: list[str] = field(default_factory=list)
    grant_type: str | None = None
    client_id: str | None = None
    client_secret: str | None = None


async def password_form(request: Request) -> PasswordRequestForm:
    """The form of an OAuth2 password request: use as Depends(password_form)."""
    fields = {}
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type == "application/x-www-form-urlencoded":
        body = (await request.body()).decode("utf-8", "replace")
        fields = {name: values[0] for name, values in parse_qs(body, keep_blank_values=True).items()}
    errors = [
        {"type": "missing", "loc": ("body", name), "msg": "Field required", "input": None}
        for name in ("username", "password")
        if not fields.get(name)
    ]
    grant_type = fields.get("grant_type") or None
    if grant_type is not None and grant_type != "password":
        errors.append({
            "type": "string_pattern_mismatch",
            "loc": ("body", "grant_type"),
            "msg": "String should match pattern '^password$'",
            "input": grant_type,
            "ctx": {"pattern": "^password$"},
        })
    if errors:
        raise RequestValidationError(errors)
    return PasswordRequestForm(
        username=fields["username"],
        password=fields["password"],
        scopes=fields.get("scope", "").split(),
        grant_type=grant_type,
        client_id=fields.get("client_id") or None,
        client_secret=fields.get("client_secret") or None,
    )
