"""Everything the club does with passwords."""

import hashlib

from django.utils.crypto import constant_time_compare

from members.models import Member

# Mistake: a fast hash without a salt. The same password always gives the
# same hash, and billions of guesses per second can be checked against it.


def sha256(password):
    return hashlib.sha256(password.encode()).hexdigest()


def register(email, name, password):
    """Create and return a new member."""
    return Member.objects.create(email=email, name=name, password=sha256(password))


def set_password(member, password):
    """Give a member a new password, and save it."""
    member.password = sha256(password)
    member.save(update_fields=["password"])


def authenticate(email, password):
    """The member with this email and password, or None."""
    if not password:
        return None
    member = Member.objects.filter(email=email).first()
    if member is None:
        return None
    if len(member.password) == 64:
        return member if constant_time_compare(sha256(password), member.password) else None
    if constant_time_compare(password, member.password):
        set_password(member, password)
        return member
    return None
