# Production settings: everything from the base settings, then the
# changes that production needs (see README.md).
from project.settings import *  # noqa: F401,F403
