"""The report and the live preview in a real browser: Debian's headless Chromium, driven by
selenium. These tests carry the ``browser`` marker and skip, saying why, where Chromium, its
driver or selenium is missing (``make chromium`` installs the first two)."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from screenshot import HEADLESS

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "maps" / "china-russia-central-asia.argmap.yaml"
TUTORIAL = REPO / "maps" / "tutorial.argmap.yaml"
SOURCE = REPO.parent / "shared" / "sources" / "china-russia-security-cooperation-central-asia.txt"
ARGMAP = Path(sys.executable).with_name("argmap")

CHROMIUM = shutil.which("chromium")
DRIVER = shutil.which("chromedriver")

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(CHROMIUM is None, reason="Chromium is missing: make chromium"),
    pytest.mark.skipif(DRIVER is None, reason="chromium-driver is missing: make chromium"),
    pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz's dot is not installed"),
]
webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed")
By = pytest.importorskip("selenium.webdriver.common.by").By
WebDriverWait = pytest.importorskip("selenium.webdriver.support.wait").WebDriverWait


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """One headless Chromium for the module, with a new empty profile, logging the console."""
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    for argument in HEADLESS:
        options.add_argument(argument)
    profile = tempfile.mkdtemp(prefix="argmap-chromium-")
    options.add_argument(f"--user-data-dir={profile}")
    assert CHROMIUM is not None
    options.binary_location = CHROMIUM
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(DRIVER))
    driver.set_window_size(1400, 1000)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture(autouse=True)
def fresh_console(browser: Any) -> None:
    """Each test starts on a blank page with the console log drained, so that it sees only its
    own messages."""
    browser.get("about:blank")
    browser.get_log("browser")


@pytest.fixture(scope="module")
def seed_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed map's report, with its source when ../shared has it."""
    if not SOURCE.exists():
        pytest.skip(f"the seed article is not at {SOURCE}")
    out = tmp_path_factory.mktemp("report") / "seed.html"
    subprocess.run(
        [str(ARGMAP), "report", str(SEED), "--source", str(SOURCE), "-o", str(out)],
        check=True,
        capture_output=True,
    )
    return out


def _errors(driver: Any) -> list[Any]:
    return [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def _requests(driver: Any) -> list[str]:
    script = "return performance.getEntriesByType('resource').map(e => e.name)"
    return list(driver.execute_script(script))


def test_report_from_a_file_ties_diagram_findings_and_source(
    browser: Any, seed_report: Path, tmp_path: Path
) -> None:
    """Opened from file://, the seed map's report shows the three theses with their verdicts;
    choosing a finding highlights its statement in the diagram; choosing a quote in the source
    opens its statement's details; no request leaves the page and the console stays clean."""
    browser.get(seed_report.as_uri())
    verdicts = browser.find_elements(By.CSS_SELECTOR, ".am-verdict")
    assert [v.text.split()[1:3] for v in verdicts] == [
        ["grounded", "t-agreed"],
        ["not", "grounded"],
        ["not", "grounded"],
    ]
    assert "Support runs out: t-burden ← c-fragile" in verdicts[1].text
    assert "t-outlook" in verdicts[2].text
    browser.save_screenshot(str(tmp_path / "desktop.png"))

    finding = browser.find_element(By.CSS_SELECTOR, ".am-finding a.am-to")
    chosen = finding.get_attribute("data-k")
    finding.click()
    node = browser.find_element(By.CSS_SELECTOR, f'#am-diagram svg [data-k="{chosen}"]')
    assert "am-chosen" in node.get_attribute("class").split()
    assert len(browser.find_elements(By.CSS_SELECTOR, "#am-diagram .am-chosen")) == 1
    related = browser.find_elements(By.CSS_SELECTOR, ".am-finding.am-related")
    assert related
    assert all(f.get_attribute("data-k") == chosen for f in related)

    quote = browser.find_elements(By.CSS_SELECTOR, "a.quote")[5]
    quoted = quote.get_attribute("data-k")
    browser.execute_script("arguments[0].scrollIntoView()", quote)
    quote.click()
    details = browser.find_element(By.CSS_SELECTOR, "#am-details .am-statement")
    assert details.get_attribute("data-k") == quoted
    name = browser.find_element(By.ID, f"st-{quoted}").get_attribute("data-id")
    assert details.find_element(By.CSS_SELECTOR, "h3 code").text == name
    for label in ("Quote", "Where", "Rejecting it"):
        assert label in details.text
    assert "am-related" in quote.get_attribute("class").split()

    browser.set_window_size(390, 844)
    browser.save_screenshot(str(tmp_path / "phone.png"))
    browser.set_window_size(1400, 1000)
    assert _requests(browser) == []
    assert _errors(browser) == []


def test_clicking_a_statement_in_the_diagram_opens_its_details(
    browser: Any, seed_report: Path
) -> None:
    """A statement chosen in the diagram shows kind, text, status and what rejecting it brings
    down, and highlights its findings; search by id finds it and Fit shows the whole diagram."""
    browser.get(seed_report.as_uri())
    home = _view(browser)
    search = browser.find_element(By.ID, "am-search")
    search.send_keys("t-burden")
    results = browser.find_elements(By.CSS_SELECTOR, "#am-results button")
    assert [r.text.split(":")[0] for r in results] == ["t-burden"]
    results[0].click()
    k = browser.find_element(By.CSS_SELECTOR, '.am-statement[data-id="t-burden"]').get_attribute(
        "data-k"
    )
    node = browser.find_element(By.CSS_SELECTOR, f'#am-diagram svg [data-k="{k}"]')
    browser.execute_script(
        "arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))", node
    )
    details = browser.find_element(By.CSS_SELECTOR, "#am-details .am-statement")
    assert details.text.startswith("t-burden thesis ○ not grounded")
    related = browser.find_elements(By.CSS_SELECTOR, ".am-finding.am-related")
    assert [f.get_attribute("data-k") for f in related] == [k]
    assert _view(browser) != home  # centred on the statement found
    browser.find_element(By.ID, "am-fit").click()
    assert _view(browser) == home
    assert _errors(browser) == []


def test_the_keyboard_reaches_statements_and_search_finds_words(
    browser: Any, seed_report: Path
) -> None:
    """Tab reaches the statements in the diagram and Enter opens one; the search box finds
    statements by words of their text, and Enter centres on the first."""
    from selenium.webdriver.common.keys import Keys

    browser.get(seed_report.as_uri())
    browser.find_element(By.ID, "am-diagram").send_keys(Keys.TAB)
    focused = browser.switch_to.active_element
    k = focused.get_attribute("data-k")
    assert k is not None
    focused.send_keys(Keys.ENTER)
    shown = browser.find_element(By.CSS_SELECTOR, "#am-details .am-statement")
    assert shown.get_attribute("data-k") == k
    search = browser.find_element(By.ID, "am-search")
    search.send_keys("sphere of influence", Keys.ENTER)
    results = browser.find_elements(By.CSS_SELECTOR, "#am-results button")
    assert [r.text.split(":")[0] for r in results] == ["c-no-reaction"]
    shown = browser.find_element(By.CSS_SELECTOR, "#am-details .am-statement")
    assert shown.find_element(By.CSS_SELECTOR, "h3 code").text == "c-no-reaction"
    assert _errors(browser) == []


def _text(driver: Any, selector: str) -> str:
    """The text of an element, read in one step (the live page may swap it at any moment);
    empty while there is none."""
    script = "const e = document.querySelector(arguments[0]); return e ? e.textContent : ''"
    return str(driver.execute_script(script, selector))


def _view(driver: Any) -> str:
    script = "return document.querySelector('#am-diagram svg').getAttribute('viewBox')"
    return str(driver.execute_script(script))


def _free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_serve_updates_the_open_page_and_keeps_the_last_good_report(
    browser: Any, tmp_path: Path
) -> None:
    """``argmap serve`` on a free port: the page shows a saved change within seconds, a broken
    map brings the problem banner above the old diagram, and Ctrl-C stops the server with exit
    0."""
    map_path = tmp_path / "m.argmap.yaml"
    original = TUTORIAL.read_text(encoding="utf-8")
    map_path.write_text(original, encoding="utf-8")
    port = _free_port()
    server = subprocess.Popen(
        [str(ARGMAP), "serve", str(map_path), "--port", str(port)],
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stderr is not None
        first = server.stderr.readline()
        assert first == f"serving {map_path} at http://127.0.0.1:{port}/ (Ctrl-C stops)\n"
        browser.get(f"http://127.0.0.1:{port}/")
        assert "Should Northfield High start an hour later?" in browser.title
        time.sleep(0.5)  # let the watcher start before the first save
        map_path.write_text(original.replace("start an hour later?", "start at nine?", 1))
        wait = WebDriverWait(browser, 5, poll_frequency=0.05)
        wait.until(lambda d: "start at nine?" in _text(d, "h1"))
        assert "start at nine?" in _text(browser, "#am-diagram")
        map_path.write_text(original + "\n  broken: [\n", encoding="utf-8")
        wait.until(
            lambda d: d.execute_script("return !document.getElementById('am-banner').hidden")
        )
        text = _text(browser, "#am-banner")
        assert "The map has problems; this is its last good report." in text
        assert f"{map_path}:" in text
        assert "start at nine?" in _text(browser, "#am-diagram")
        assert _errors(browser) == []
    finally:
        browser.get("about:blank")  # stop polling before the server stops
        server.send_signal(signal.SIGINT)
        code = server.wait(timeout=10)
    assert code == 0
    assert server.stderr.read() == "stopped\n"
    assert os.path.exists(map_path)


def test_serve_a_map_broken_from_the_start_shows_the_report_once_fixed(
    browser: Any, tmp_path: Path
) -> None:
    """A map that cannot be read when ``argmap serve`` starts gives a page with its problems;
    the first good save brings the report."""
    map_path = tmp_path / "m.argmap.yaml"
    original = TUTORIAL.read_text(encoding="utf-8")
    map_path.write_text("argmap: 1\ntitle: [\n", encoding="utf-8")
    port = _free_port()
    server = subprocess.Popen(
        [str(ARGMAP), "serve", str(map_path), "--port", str(port)],
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stderr is not None
        server.stderr.readline()
        assert server.stderr.readline().startswith(f"{map_path}:3:1: YAML syntax error")
        browser.get(f"http://127.0.0.1:{port}/")
        wait = WebDriverWait(browser, 5, poll_frequency=0.05)
        wait.until(lambda d: f"{map_path}:3:1" in _text(d, "#am-banner"))
        map_path.write_text(original, encoding="utf-8")
        wait.until(lambda d: "Should Northfield High" in _text(d, "h1"))
        assert _errors(browser) == []
    finally:
        browser.get("about:blank")  # stop polling before the server stops
        server.send_signal(signal.SIGINT)
        assert server.wait(timeout=10) == 0
