"""The veiligheidsplan is private: whatever it holds, none of its words is ever in a
conversation card, a share or a calendar file, whatever else the store holds and
whichever sections or own words are chosen to go along (a property, over random plans
and reflections). The plan is only ever in the user's own copies: export and its page."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.drive import run
from veerkracht.core.model import OPTIONS
from veerkracht.core.safety_plan import ANSWERS
from veerkracht.services.sharing import INCLUDE_KEYS

#: A word only the plan holds: "vp" and letters no card's words spell.
MARK = st.text(alphabet="qxzjkw0123456789", min_size=6, max_size=10).map(lambda s: f"vp{s}q")
#: Ordinary words for the reflection and the rest of the store.
WORDS = st.lists(
    st.sampled_from(["moe", "werk", "slapen", "team", "overleg", "rust", "deadline", "thuis"]),
    min_size=1,
    max_size=6,
).map(" ".join)


@st.composite
def plans(draw: st.DrawFn) -> dict[str, str]:
    """A plan filling some parts (at least one), each line holding a mark of its own,
    maybe among words the reflection uses too."""
    keys = draw(st.lists(st.sampled_from(ANSWERS), min_size=1, max_size=len(ANSWERS), unique=True))
    plan = {}
    for key in keys:
        lines = draw(st.lists(st.tuples(WORDS, MARK), min_size=1, max_size=3))
        plan[key] = "\n".join(f"{words} {mark}" for words, mark in lines)
    return plan


def marks(plan: dict[str, str]) -> list[str]:
    return [word for text in plan.values() for word in text.split() if word.startswith("vp")]


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(
    plan=plans(),
    said=WORDS,
    audience=st.sampled_from(OPTIONS["audiences"]),
    card_format=st.sampled_from(["text", "markdown", "json"]),
    language=st.sampled_from(["nl", "en"]),
)
def test_no_safety_plan_text_in_any_card_share_or_calendar_file(
    plan: dict[str, str], said: str, audience: str, card_format: str, language: str
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder) / "data"

        def veerkracht(*args: str, input: str | None = None) -> str:
            result = run("--data-dir", str(data), "--lang", language, *args, input=input)
            assert result.exit_code == 0, result.output
            return result.stdout

        reflection = {
            "feelings": ["tired"], "intensity": 6, "feelings_note": said, "share": said,
            "desired_change": said, "asks": [said], "audience": audience, "fear": said,
        }  # fmt: skip
        veerkracht("reflect", "--from", "-", input=json.dumps(reflection))
        agreement = {"went": 4, "agreements": [{"what": said, "due": "2099-01-05"}]}
        veerkracht("followup", "last", "--from", "-", input=json.dumps(agreement))
        veerkracht("plan", "start", "--from", "-", input=json.dumps({"goals": [said]}))
        veerkracht("safety", "--from", "-", input=json.dumps(plan))
        out = Path(folder) / "out"
        out.mkdir()
        files = [
            veerkracht("prepare", "last", "--to", audience, "--format", card_format),
            veerkracht("prepare", "last", "--format", card_format, "-o", str(out / "card")),
            veerkracht("share", "last", "--include", ",".join(INCLUDE_KEYS)),
            veerkracht("share", "last", "--include", "situation", "-o", str(out / "share.md")),
            veerkracht("agreements", "--format", "ics", "--include", "text"),
            veerkracht("agreements", "--format", "ics", "-o", str(out / "a.ics")),
            veerkracht("plan", "--format", "ics", "--include", "text"),
            veerkracht("plan", "--format", "ics", "--include", "text", "-o", str(out / "p.ics")),
        ]
        files += [path.read_text(encoding="utf-8") for path in sorted(out.iterdir())]
        assert any(said in text for text in files)  # the reflection's own words do go out
        for text in files:
            for mark in marks(plan):
                assert mark not in text
        # Only the user's own copies hold it.
        page = veerkracht("safety", "--format", "markdown")
        backup = veerkracht("export")
        assert all(mark in page and mark in backup for mark in marks(plan))
