"""The web app: `hoinghi serve` opens it. A thin layer of views over the store (as Datasette is): pages rendered
on the server with jinja2 (`pages`), the REST API under /api with its OpenAPI document (`api`), charts and the
province map as inline SVG (`svg`), the interface's words in Vietnamese and English (`i18n`).

    from hoinghi.store import open_store
    from hoinghi.web.app import create_app
    app = create_app(open_store("hoinghi.db", create=False))   # any ASGI server: uvicorn.run(app)
"""
