"""The dashboard in a real browser: Debian's headless Chromium driven by Playwright over
``grotius serve`` started on a sample store. A screenshot of each page goes to test-artifacts/."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from grotius.store import Store
from tests.store_support import article, story

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if not os.path.exists(CHROMIUM):
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true but /usr/bin/chromium is missing: scripts/install_browser.sh must install it")
        pytest.skip("needs Debian's chromium (bash scripts/install_browser.sh)")
    db = tmp_path_factory.mktemp("browser") / "grotius.db"
    with Store(f"sqlite:///{db}") as store:
        store.add_many([article(story(i, "Rusland dreigde Oekraïne.", "Nederland steunt Oekraïne. 'Wij helpen'"),
                                date=f"2021-12-{i:02d}") for i in range(1, 13)])
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "grotius.cli.main", "serve", "--db", f"sqlite:///{db}",
                             "--port", str(port)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/api/events?limit=1", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        else:
            pytest.fail("grotius serve did not start")
        yield base
    finally:
        proc.terminate()
        proc.wait(10)


def test_every_page_renders_with_its_chart(server: str) -> None:
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with urllib.request.urlopen(server + "/api/events?cameo=13&limit=1") as r:
        import json

        ev = json.load(r)["events"][0]
    pages = {"overview": "/", "event": f"/events/{ev['id']}", "pair": "/pairs/RUSGOV/UKRGOV",
             "actor": "/actors/RUSGOV", "document": f"/documents/{ev['doc_id']}"}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        offsite: list[str] = []
        page.on("request", lambda req: offsite.append(req.url) if not req.url.startswith(server) else None)
        for name, path in pages.items():
            resp = page.goto(server + path)
            assert resp is not None and resp.status == 200, path
            assert page.locator("text=dreigde").count() >= 1, path
            if name in ("overview", "pair"):
                page.wait_for_selector("#chart .main-svg", timeout=15_000)  # Plotly drew it, offline
            page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
        page.goto(server + f"/events/{ev['id']}")
        assert page.locator(".m-source").first.inner_text() == "Rusland"
        assert page.locator(".m-target").first.inner_text() == "Oekraïne"
        # Filters and paging are plain links and forms.
        page.goto(server + "/?limit=5")
        page.fill("input[name=actor]", "NLD")
        with page.expect_navigation():
            page.click("form.filters button")
        assert "actor=NLD" in page.url and page.locator("table.events tbody tr").count() == 5
        with page.expect_navigation():
            page.click("text=next »")
        assert "offset=5" in page.url
        browser.close()
    assert offsite == []
