"""The review UI: server-rendered pages under /review (see ``routes``), static CSS and JS, no build step."""

from api.review.routes import router

__all__ = ["router"]
