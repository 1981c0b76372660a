"""pytest plugin of scripts/mutation.sh: a run that fails in any way exits with status 1.

mutmut 2.5.1 counts a mutant as killed only when the tests exit with status 1 (``returncode != 1`` is
"the tests pass"), so a mutant that breaks the import of a test module (pytest's status 2, a collection
error) or pytest itself counted as a survivor: export's ``SCHEMA_PATH`` built with ``*`` instead of
``/`` did. Only a run whose tests all pass keeps status 0.
"""

from __future__ import annotations

import pytest


@pytest.hookimpl(trylast=True)
def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if exitstatus not in (0, 1):
        session.exitstatus = 1
