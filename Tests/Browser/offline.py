"""A Chromium page for the browser tests that may read local files only.

`offline_page(browser)` opens a page that records console errors and page errors, and aborts
(and records) every request that is not a `file:` URL; the lists fill as the page runs.
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
