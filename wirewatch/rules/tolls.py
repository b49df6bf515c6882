"""Rules for how reports of one incident revise its alert's toll."""

from __future__ import annotations

import re

from wirewatch.rules import Rule

CORRECTION = Rule(
    name="toll.corrected_down",
    decides="toll",
    purpose="a report that says its lower figure corrects an earlier one may lower the toll",
    pattern=re.compile(
        r"\b(revised (\w+ ){0,3}(down|downward)|(lowered|reduced|corrected) (\w+ ){0,3}"
        r"(toll|figure|number|count)|(toll|figure|number|count) (\w+ ){0,3}(was |were |has been )?"
        r"(lowered|corrected|reduced|revised down)|down from (an earlier|a previous|the "
        r"earlier|the initial) (figure|toll|count|report))\b", re.I),
    examples=(
        "Officials revised the death toll down to 12 after some bodies were counted twice.",
        "The toll was lowered to nine once the hospital finished its count.",
        "Twelve people died, down from an earlier figure of 15 given by the governor.",
        "Police corrected the number of dead to seven on Tuesday.",
    ),
    counter_examples=(
        "The death toll rose to 12 on Tuesday.",
        "Twelve people died and the governor lowered flags to half-mast.",
    ),
)

RULES = (CORRECTION,)
