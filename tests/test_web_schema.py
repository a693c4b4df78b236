"""A property-based run over the API's OpenAPI document (schemathesis): bounded examples per endpoint, and no
input may make the server fail (5xx). The store is built when the module is collected (schemathesis needs the
schema then)."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

schemathesis = pytest.importorskip("schemathesis")
pytest.importorskip("fastapi")
from hypothesis import HealthCheck, settings  # noqa: E402
from schemathesis.checks import not_a_server_error  # noqa: E402

from hoinghi.cli import Summary, run_pipeline  # noqa: E402
from hoinghi.store import open_store  # noqa: E402
from hoinghi.web.app import create_app  # noqa: E402
from web_fixtures import build  # noqa: E402

EXAMPLES = Path(__file__).resolve().parent.parent / "src" / "hoinghi" / "examples"
_DIR = tempfile.TemporaryDirectory(prefix="hoinghi-schema-")
build(Path(_DIR.name) / "web.db", list(run_pipeline([str(EXAMPLES)], "local", None, Summary(), quiet=True)))
APP = create_app(open_store(str(Path(_DIR.name) / "web.db"), create=False))  # read-only: /api/ingest answers 403
schema = schemathesis.openapi.from_asgi("/api/openapi.json", APP)


@schema.parametrize()
@settings(max_examples=20, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_server_error(case):
    case.call_and_validate(checks=[not_a_server_error])


def teardown_module(_module) -> None:
    APP.state.store.close()
    _DIR.cleanup()
