"""A Chromium page for the browser tests that may read local files only.

`offline_page(browser)` opens a page that records console errors and page errors, and aborts
(and records) every request that is not a `file:` URL; the lists fill as the page runs.
`open_offline(...)` launches Debian's Chromium and opens such a page on an empty local index.
"""


def offline_page(browser):
    """Returns (page, errors, outside): the page, its console/page errors, the URLs refused."""
    page = browser.new_page()
    errors, outside = [], []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))

    def route(request_route):
        url = request_route.request.url
        if url.startswith("file:"):
            request_route.continue_()
        else:
            outside.append(url)
            request_route.abort()

    page.route("**/*", route)
    return page, errors, outside


def open_offline(playwright, chromium, folder, title, args):
    """Launches `chromium` with `args` and opens an offline page on an empty index.html written
    in `folder`; returns (browser, page, errors, outside)."""
    browser = playwright.chromium.launch(executable_path=chromium, args=args)
    page, errors, outside = offline_page(browser)
    index = folder / "index.html"
    index.write_text(f"<!doctype html><meta charset=utf-8><title>{title}</title><body></body>")
    page.goto(index.as_uri())
    return browser, page, errors, outside
