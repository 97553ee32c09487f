"""GET /browse: the single-page graph browser, served from the package's static files (no internet needed)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import HTMLResponse

from hrkg.api.errors import ApiError

router = APIRouter(tags=["browse"])


def static_dir() -> Path:
    """The folder of built assets shipped with the package (``api/static``)."""
    return Path(str(resources.files("hrkg.api").joinpath("static")))


@router.get("/browse", response_class=HTMLResponse, summary="The browse page: search, neighbourhood, evidence")
def browse() -> HTMLResponse:
    page = static_dir() / "browse.html"
    if not page.is_file():
        raise ApiError(404, "not_found", "the browse page is not built (run `npm run build` in api/web)")
    return HTMLResponse(page.read_text(encoding="utf-8"), headers={"Cache-Control": "no-cache"})
