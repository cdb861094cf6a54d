"""bandit, as `.ci/run` runs it: the application's code is clean, tests and migrations are
left out, and the configuration still finds an issue where there is one."""

import shlex
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BANDIT = str(Path(sys.executable).with_name("bandit"))


def _ci_bandit_arguments() -> list[str]:
    """The arguments `.ci/run` gives bandit, so this test checks what CI runs."""
    script = (ROOT / ".ci" / "run").read_text().replace("\\\n", " ")
    (line,) = [line for line in script.splitlines() if line.startswith(".venv/bin/bandit")]
    return shlex.split(line)[1:]


def _bandit(*arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [BANDIT, *arguments], cwd=ROOT, capture_output=True, text=True, check=False
    )


def test_the_application_code_has_no_finding():
    result = _bandit(*_ci_bandit_arguments())
    assert result.returncode == 0, result.stdout


def test_tests_and_migrations_are_left_out_but_application_code_is_checked(tmp_path):
    app = tmp_path / "app"
    for folder in ("tests", "migrations", "."):
        (app / folder).mkdir(parents=True, exist_ok=True)
        (app / folder / "shell.py").write_text(
            "import subprocess\nsubprocess.call('ls', shell=True)\n"
        )
    result = _bandit("-c", str(ROOT / "pyproject.toml"), "-q", "-f", "csv", "-r", str(app))
    flagged = {Path(row.split(",")[0]).parent.name for row in result.stdout.splitlines()[1:]}
    assert flagged == {"app"}
