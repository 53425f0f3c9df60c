"""Photograph the HTML report as a reader sees it, with one statement chosen: the picture of the
report that README.md shows. ``make maps`` runs it when Chromium and its driver are installed
(``make chromium``)::

    python tests/screenshot.py REPORT.html OUT.png STATEMENT

It searches for STATEMENT, chooses it in the diagram (which centres on it and opens its details),
and photographs the top of the page in a 1200 x 1180 window. Not part of the test suite.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

HEADLESS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
"""How Chromium runs headless here (the browser tests use the same): no network of its own, a
new profile each time."""


def photograph(report: Path, output: Path, statement: str) -> None:
    """Open ``report``, choose ``statement`` and write the top of the page to ``output``."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By

    chromium, driver_path = shutil.which("chromium"), shutil.which("chromedriver")
    if chromium is None or driver_path is None:
        raise SystemExit("screenshot: Chromium and chromedriver are needed (make chromium)")
    options = webdriver.ChromeOptions()
    for argument in [*HEADLESS, "--hide-scrollbars"]:
        options.add_argument(argument)
    profile = tempfile.mkdtemp(prefix="argmap-screenshot-")
    options.add_argument(f"--user-data-dir={profile}")
    options.binary_location = chromium
    driver = webdriver.Chrome(options=options, service=Service(driver_path))
    try:
        driver.set_window_size(1200, 1180)
        driver.get(report.resolve().as_uri())
        driver.find_element(By.ID, "am-search").send_keys(statement)
        results = driver.find_elements(By.CSS_SELECTOR, "#am-results button")
        chosen = [r for r in results if r.text.split(":")[0] == statement]
        if not chosen:
            raise SystemExit(f"screenshot: the report has no statement {statement!r}")
        chosen[0].click()
        article = f'.am-statement[data-id="{statement}"]'
        k = driver.find_element(By.CSS_SELECTOR, article).get_attribute("data-k")
        node = driver.find_element(By.CSS_SELECTOR, f'#am-diagram svg [data-k="{k}"]')
        driver.execute_script(
            "arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))", node
        )
        driver.execute_script("window.scrollTo(0, 0)")
        time.sleep(0.5)  # let the diagram's transition end
        output.write_bytes(driver.get_screenshot_as_png())
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    if len(sys.argv) != 4:
        raise SystemExit(__doc__)
    photograph(Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3])
    print(f"wrote {sys.argv[2]}", file=sys.stderr)
