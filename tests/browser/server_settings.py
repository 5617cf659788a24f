"""Settings for the portal server the browser tests start: the portal's own, with a cheap password
hasher (as every other test uses), so the minutes go to what members do rather than to PBKDF2."""

from portal.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
