"""A store for the web app's tests: the example corpus, one hostile page, linked; a person renamed to hold markup."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import update

from hoinghi.model import Page
from hoinghi.pipeline import extract_page

XSS = "<script>alert('xss')</script>"
HOSTILE = Page(id="x-hostile", url="javascript:alert(1)", text=(
    f"{XSS} Hội nghị quán triệt nghị quyết\n\nNgày 5/3/2024, Tỉnh ủy Yên Bái tổ chức hội nghị quán triệt "
    f"<img src=x onerror=alert(2)> công tác thông tin đối ngoại. {XSS}"))
PERSON = "Lương Đức Hiển"


def build(path: Path, example_results) -> str:
    """Write the store at `path`; returns the id of the person whose name now carries a script."""
    from hoinghi.store import open_store
    from hoinghi.store import schema as s
    from hoinghi.store.links import run_link

    st = open_store(str(path))
    st.write_batch(list(example_results) + [(HOSTILE, extract_page(HOSTILE))])
    run_link(st)
    with st.engine.begin() as conn:  # a title and a name as a hostile page could print them
        conn.execute(update(s.articles).where(s.articles.c.id == HOSTILE.id).values(
            title=XSS + " Hội nghị quán triệt nghị quyết"))
        pid = conn.execute(s.people.select().where(s.people.c.name_fold == "dinh tien dung")).first()
        victim = pid.id if pid else conn.execute(s.people.select().where(s.people.c.name != PERSON)).first().id
        conn.execute(update(s.people).where(s.people.c.id == victim).values(name=f"Ông {XSS}"))
    st.close()
    return victim
