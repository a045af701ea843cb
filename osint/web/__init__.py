"""The web app: a second face beside the command line (`osint serve`), reading the views through
the same library functions the commands use, and never writing.

- `app`: the ASGI app (FastAPI): pages, their `/api` JSON twins, CSV, Atom, ETags, errors.
- `pages`: what each page shows, one function per page, shared by the HTML and the JSON.
- `security`: read-only methods, the token, loopback-only hosts, the CSP and other headers.
- `atom`: a topic's changes as an Atom feed.
- `templates/`, `static/`: Jinja2 templates (autoescaped) and the app's own CSS and JavaScript
  (no CDN: it works with no internet).
"""
