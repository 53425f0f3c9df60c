"""Which source addresses become links, and the form in which a link is written.

The only link argmap ever writes is a map's source URL, and only when it is an absolute ``http`` or
``https`` address with a host. The loader refuses such an address when it cannot be written safely
(:func:`problem`); the drawing writes the others through :func:`web_link`, percent-encoding every
character that could end an attribute or start markup, so no text of a map can become code.
"""

from __future__ import annotations

import re
import urllib.parse

_WEB_SCHEME = re.compile(r"(?i)https?:")
_LABEL = r"[A-Za-z0-9_](?:[A-Za-z0-9_-]*[A-Za-z0-9_])?"
_HOST = re.compile(rf"{_LABEL}(?:\.{_LABEL})*\.?\Z")
_IPV6 = re.compile(r"\[[0-9A-Fa-f:.]+\]\Z")
_SPACE = re.compile(r"[\s\x00-\x1f\x7f-\x9f]")

# Percent-encoded in paths, queries and fragments: what RFC 3986 leaves out of URLs (quotes, angle
# brackets, backslash, spaces, non-ASCII...) and the two characters PDF strings treat specially.
_KEPT = "-._~:/?#[]@!$&'*+,;=%"
_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
# An '&' followed by what an XML reader takes for an entity is percent-encoded, so the address
# reads back the same whichever way Graphviz escapes it.
_ENTITY_LIKE = re.compile(r"&(?=[A-Za-z][A-Za-z0-9]*;|#[0-9]+;|#[xX][0-9A-Fa-f]+;)")

MAX_CHARS = 2000
"""Longest address that becomes a link; browsers and PDF readers cut longer ones."""


def is_web(url: str | None) -> bool:
    """True when ``url`` claims to be a web address: it starts with ``http:`` or ``https:``."""
    return url is not None and _WEB_SCHEME.match(url) is not None


def problem(url: str) -> str | None:
    """Why ``url`` cannot be the source's address, or ``None`` when it can.

    An address that claims the web must parse, with a host; no address holds spaces or control
    characters (browsers drop leading spaces and would follow ``  javascript:...``).
    """
    space = _SPACE.search(url)
    if space is not None:
        what = "a space" if space.group() == " " else f"the character U+{ord(space.group()):04X}"
        return (
            f"the source url contains {what} at character {space.start() + 1}; "
            "an address has none (write a space as %20)"
        )
    if not is_web(url):
        return None
    try:
        parts = urllib.parse.urlsplit(url)
        parts.port  # noqa: B018 -- reading the port is how urllib checks it
    except ValueError as error:
        return f"the source url is not a valid web address: {error}"
    if not parts.hostname:
        return "the source url has no host: write it as https://host/path"
    if _ascii_host(parts.netloc) is None:
        return f"the source url's host {parts.hostname!r} is not a host name"
    if len(url) > MAX_CHARS:
        return f"the source url is longer than {MAX_CHARS:,} characters"
    return None


def _ascii_host(netloc: str) -> str | None:
    """The host and port of ``netloc`` in ASCII (IDNA for names in other scripts), or ``None``."""
    hostport = netloc.rpartition("@")[2]
    if hostport.startswith("["):
        return hostport if _IPV6.match(hostport.partition("]")[0] + "]") else None
    host, colon, port = hostport.partition(":")
    try:
        ascii_host = host.encode("idna").decode("ascii")
    except UnicodeError:
        return None
    return ascii_host + colon + port if _HOST.match(ascii_host) else None


def web_link(url: str | None) -> str | None:
    """The link for ``url``, or ``None`` when it is not one argmap writes.

    The scheme is lower-cased, the host written in ASCII, and everything after it percent-encoded
    where it is not plain URL text: the result holds no quote, angle bracket, backslash, space or
    entity, so it cannot end an attribute or become markup wherever it is written.
    """
    if url is None or not is_web(url) or problem(url) is not None:
        return None
    parts = urllib.parse.urlsplit(url)
    userinfo, at, _ = parts.netloc.rpartition("@")
    hostport = _ascii_host(parts.netloc)
    assert hostport is not None  # problem() checked it
    rest = urllib.parse.urlunsplit(("", "", parts.path, parts.query, parts.fragment))
    link = f"{parts.scheme.lower()}://{_encode(userinfo)}{at}{hostport}{_encode(rest)}"
    return link


def _encode(text: str) -> str:
    encoded = urllib.parse.quote(_PERCENT.sub("%25", text), safe=_KEPT)
    return _ENTITY_LIKE.sub("%26", encoded.replace("'", "%27"))
