"""The review UI (server-rendered pages under /review). PLACEHOLDER router until the review UI issue lands."""

from fastapi import APIRouter

router = APIRouter(prefix="/review", include_in_schema=False)
