"""``python -m wirewatch.rules``: the rule table as Markdown (docs/rules.md is this output;
a test keeps the two equal)."""

from __future__ import annotations

from wirewatch.rules import TABLE, Rule

HEADER = """\
# The rule table

Every rule that decides a figure's role, a sentence's currency, a death's violence or an
alert's toll, by name (`wirewatch/rules/`). `extract --json` lists, for each evidence
sentence, the rules that decided while it was read; `eval --json` counts how often each
fired on a file. Each rule's examples must make it fire and its counter-examples must
not (`tests/core/test_rules.py`). This page is written by `python -m wirewatch.rules`.
"""

KINDS = {"role": "What a figure counts", "currency": "Is it news of the last days",
         "violence": "Was it violence", "toll": "How reports revise an alert's toll"}


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def markdown() -> str:
    """The table, one section per kind of decision."""
    out = [HEADER]
    for kind, title in KINDS.items():
        rules: list[Rule] = [r for r in TABLE.values() if r.decides == kind]
        out.append(f"\n## {title}\n\n| rule | purpose | fires on | not on |\n|---|---|---|---|")
        for r in rules:
            fires = "<br>".join(_cell(e) for e in r.examples)
            not_on = "<br>".join(_cell(e) for e in r.counter_examples) or "—"
            out.append(f"| `{r.name}` | {_cell(r.purpose)} | {fires} | {not_on} |")
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    print(markdown(), end="")
