"""The review UI: server-rendered pages under /review (see ``routes``), static CSS and JS, no build step."""

from api.review.routes import SignIn, router, sign_in_redirect

__all__ = ["SignIn", "router", "sign_in_redirect"]
