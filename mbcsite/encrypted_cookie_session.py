"""Sessions kept in the reader's own browser, encrypted: the cookie cannot be read, only sent.

Django's signed_cookies backend signs the session but leaves it readable (base64 of JSON), so
anyone who copies the cookie (from a shared computer, a browser extension, a proxy's log) reads
the reader's answers about their cancer. This backend keeps everything else about it (nothing
on the server, any app server reads it, the same expiry) and encrypts the session with Fernet:
AES-128-CBC with HMAC-SHA256, authenticated, so a changed or forged cookie is refused, never
decrypted. A refused, expired or unreadable cookie is an empty session, as with signed cookies.

The key is derived from SECRET_KEY with HKDF under a label of its own, so it is not the secret
itself nor a key anything else uses. SECRET_KEY_FALLBACKS still decrypt, so rotating the secret
does not empty every open questionnaire at once; new cookies always use SECRET_KEY.

The session is compressed before it is encrypted, as signed_cookies does, to stay well within a
browser's 4 KB a cookie. Compression can leak through length only when an attacker can put text
of their choice into a victim's session and watch the cookie grow; CSRF protection and
SameSite=Lax keep others' posts out of a reader's session.
"""

import base64
import time
import zlib
from functools import lru_cache

from cryptography.fernet import Fernet, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings
from django.contrib.sessions.backends import signed_cookies
from django.utils.encoding import force_bytes

#: HKDF's "info": ties the derived key to this one use of SECRET_KEY.
KEY_LABEL = b"mbcsite session cookie"


def derive_fernet(secret):
    key = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=KEY_LABEL).derive(
        force_bytes(secret)
    )
    return Fernet(base64.urlsafe_b64encode(key))


@lru_cache(maxsize=4)
def fernet_for(secrets):
    """Encrypts with the first secret's key, decrypts with any of them."""
    return MultiFernet([derive_fernet(secret) for secret in secrets])


def cookie_fernet():
    return fernet_for((settings.SECRET_KEY, *settings.SECRET_KEY_FALLBACKS))


class SessionStore(signed_cookies.SessionStore):
    def load(self):
        try:
            # Fernet tokens are URL-safe base64; the "=" padding is dropped in the cookie.
            token = self.session_key + "=" * (-len(self.session_key) % 4)
            data = cookie_fernet().decrypt_at_time(
                token.encode("ascii"),
                ttl=self.get_session_cookie_age(),  # as signed_cookies: SESSION_COOKIE_AGE
                current_time=int(time.time()),
            )
            return self.serializer().loads(zlib.decompress(data))
        except Exception:
            # Tampered, expired, made with another key, or not ours at all: start afresh.
            self.create()
            return {}

    def _get_session_key(self):
        data = zlib.compress(self.serializer().dumps(self._session))
        token = cookie_fernet().encrypt_at_time(data, current_time=int(time.time()))
        return token.decode("ascii").rstrip("=")
