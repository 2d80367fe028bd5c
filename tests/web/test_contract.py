"""The API contract: schemathesis generates requests from the OpenAPI document and runs
every built-in check (no server error, only declared statuses, bodies and headers as
declared, bad input refused, good input accepted) against the app in process (ASGI).

The app serves the seeds with ingest on, so ``POST /api/articles`` is exercised for real.
Examples are bounded (``EXAMPLES`` per operation and generation mode) to keep the run
under a minute on two loaded cores.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.store import Store

schemathesis = pytest.importorskip("schemathesis")
hypothesis = pytest.importorskip("hypothesis")

from storyline.web import create_app  # noqa: E402

EXAMPLES = 12

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def _app(folder: Path, seed_articles: list) -> object:
    with Store(folder / "contract.db", create=True) as store:
        store.ingest(seed_articles)
    return create_app(str(folder / "contract.db"), allow_ingest=True)


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory, seed_articles: list) -> object:
    return _app(tmp_path_factory.mktemp("contract"), seed_articles)


CONFIG = """
[[operations]]
include-path = "/api/search"
checks.positive_data_acceptance.expected-statuses = ["2xx", "400"]
"""
"""A search of stop words only ("the and") fits the schema but has nothing to search for:
the declared 400 says so. Every other check and operation keeps the defaults."""


@pytest.fixture(scope="module")
def api_schema(app: object) -> object:
    from schemathesis.config import SchemathesisConfig

    return schemathesis.openapi.from_asgi("/openapi.json", app, config=SchemathesisConfig.from_str(CONFIG))


def _operations(api_schema: object) -> list:
    return [found.ok() for found in api_schema.get_all_operations()]


@pytest.mark.parametrize("mode", ["positive", "negative"])
def test_api_contract_holds_for_generated_requests(api_schema: object, mode: str) -> None:
    from schemathesis.generation.modes import GenerationMode

    operations = _operations(api_schema)
    assert {f"{op.method.upper()} {op.path}" for op in operations} >= {
        "GET /api/stories", "GET /api/stories/{story_id}", "GET /api/articles/{article_id}",
        "GET /api/search", "POST /api/articles", "GET /api/storylines/{storyline_id}",
        "GET /api/entities", "GET /api/entities/{entity_id}",
    }
    tested = set()
    for operation in operations:
        @hypothesis.given(case=operation.as_strategy(generation_mode=GenerationMode(mode)))
        @hypothesis.settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
                             suppress_health_check=list(hypothesis.HealthCheck))
        def run(case) -> None:
            case.call_and_validate()

        try:
            run()
        except hypothesis.errors.Unsatisfiable:  # nothing can break its schema (a bare path id)
            assert mode == "negative", operation.path
            continue
        tested.add(f"{operation.method.upper()} {operation.path}")
    assert tested >= {"GET /api/stories", "GET /api/search", "POST /api/articles", "GET /api/entities"}


def test_api_declares_every_error_status_with_its_body(app: object) -> None:
    document = schemathesis.openapi.from_asgi("/openapi.json", app).raw_schema
    declared = {(path, method): set(op["responses"]) for path, ops in document["paths"].items()
                for method, op in ops.items()}
    assert declared[("/api/stories/{story_id}", "get")] >= {"200", "404", "422"}
    assert declared[("/api/articles", "post")] >= {"201", "400", "403", "413", "422"}
    assert declared[("/api/entities/{entity_id}", "get")] >= {"200", "404", "422"}
    problem = document["paths"]["/api/articles/{article_id}"]["get"]["responses"]["404"]
    assert problem["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/Problem"}
