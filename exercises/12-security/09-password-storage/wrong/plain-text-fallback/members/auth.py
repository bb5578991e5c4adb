"""Everything the club does with passwords."""

from django.contrib.auth.hashers import check_password, identify_hasher, make_password
from django.utils.crypto import constant_time_compare

from members.models import Member


def register(email, name, password):
    """Create and return a new member."""
    return Member.objects.create(email=email, name=name, password=make_password(password))


def set_password(member, password):
    """Give a member a new password, and save it."""
    # make_password: a slow, salted hash, with the algorithm and its
    # settings in front ("pbkdf2_sha256$600000$<salt>$<hash>").
    member.password = make_password(password)
    member.save(update_fields=["password"])


def is_hashed(stored):
    """Whether a stored password is one of Django's hashes."""
    try:
        identify_hasher(stored)
    except ValueError:
        return False
    return True


def authenticate(email, password):
    """The member with this email and password, or None."""
    if not password:
        return None
    member = Member.objects.filter(email=email).first()
    if member is None:
        return None
    # Mistake: "plain text or hash, whichever matches". For a member whose
    # password is already hashed, typing the stored hash now logs in.
    ok = check_password(password, member.password) or constant_time_compare(password, member.password)
    if ok and not is_hashed(member.password):
        set_password(member, password)
    return member if ok else None
