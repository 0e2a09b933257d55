"""The published api/decisions.dmn opens in bpmn.io's dmn-js viewer (installed for the tests only, never loaded
by the site's pages): the graph is drawn, and every table with every rule."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Route

from chipwise.guide.model import Facts
from tests.support import ROOT

pytestmark = pytest.mark.browser

DMN_TOOLS = ROOT / "tests" / "dmn"
VIEWER = "http://dmn-viewer.test/"
PAGE = """<!doctype html><html lang="en"><head><title>DMN viewer</title>
<link rel="stylesheet" href="assets/dmn-js-shared.css"><link rel="stylesheet" href="assets/dmn-js-drd.css">
<link rel="stylesheet" href="assets/dmn-js-decision-table.css"><link rel="stylesheet" href="assets/dmn-font/css/dmn.css">
<script src="dmn-viewer.production.min.js"></script></head><body><div id="canvas" style="height: 900px"></div></body></html>"""


@pytest.fixture(scope="module")
def viewer_dist() -> Path:
    assert shutil.which("npm") is not None, "the DMN viewer test needs npm to install dmn-js"
    if not (DMN_TOOLS / "node_modules" / "dmn-js").is_dir():
        subprocess.run(["npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund"], cwd=DMN_TOOLS, check=True, capture_output=True)
    return DMN_TOOLS / "node_modules" / "dmn-js" / "dist"


def test_the_published_dmn_opens_in_dmn_js_with_every_table_drawn(browser: Browser, site_url: str, facts: Facts, viewer_dist: Path) -> None:
    context = browser.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))

    def serve(route: Route) -> None:
        relative = route.request.url.removeprefix(VIEWER)
        if relative == "index.html":
            route.fulfill(body=PAGE, content_type="text/html")
            return
        path = (viewer_dist / relative).resolve()
        if viewer_dist.resolve() in path.parents and path.is_file():
            route.fulfill(path=str(path))
        else:
            route.fulfill(status=404, body="")

    try:
        xml = page.request.get(site_url + "api/decisions.dmn").text()
        page.route(VIEWER + "**", serve)
        page.goto(VIEWER + "index.html", wait_until="load")
        views = page.evaluate(
            """async xml => {
                const viewer = new DmnJS({ container: '#canvas' });
                const { warnings } = await viewer.importXML(xml);
                const drd = document.querySelectorAll('.djs-element[data-element-id]');
                const drawn = Array.from(drd).map(node => node.dataset.elementId);
                const tables = [];
                for (const view of viewer.getViews().filter(view => view.type === 'decisionTable')) {
                    await viewer.open(view);
                    tables.push({ id: view.element.id, rows: document.querySelectorAll('.tjs-table tbody tr').length });
                }
                return { warnings: warnings.map(warning => warning.message), drawn, tables };
            }""",
            xml,
        )
        assert views["warnings"] == []
        expected_shapes = {f"decision_{table.id}" for table in facts.decision.tables} | {f"input_{item.name}" for item in facts.decision.inputs}
        assert expected_shapes <= set(views["drawn"])
        assert views["tables"] == [{"id": f"decision_{table.id}", "rows": len(table.rules)} for table in facts.decision.tables]
        assert errors == []
    finally:
        context.close()
