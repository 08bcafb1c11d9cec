"""Events: a host or mediator named in the passive meets each party of the talks (events/hosts.py; invented
sentences, real model and actors stage)."""
from __future__ import annotations

import pytest

from tests.conftest import make_article


def _asserted(analyzer, text: str) -> set[tuple[str, str, str]]:
    return {(e.source, e.target, e.type) for e in analyzer.analyze(make_article(text)).events
            if e.modality == "asserted" and not e.negated}


@pytest.mark.parametrize("text, events", [
    # the parties are the clause's subjects, the talks' own "between", or the meeting reported just before
    ("Kyrgyzstan and Tajikistan agreed to a ceasefire at talks in Almaty hosted by Kazakhstan's president.",
     {("KAZ", "KGZ", "CONSULT"), ("KAZ", "TJK", "CONSULT")}),
    ("Ethiopia and Eritrea announced a truce after three days of talks hosted and mediated by Kenya.",
     {("KEN", "ETH", "CONSULT"), ("KEN", "ERI", "CONSULT")}),
    ("Yemen and Saudi Arabia held talks in Muscat on Monday. The talks were mediated by Oman.",
     {("OMN", "YEM", "CONSULT"), ("OMN", "SAU", "CONSULT")}),
    ("Chad and Sudan signed an accord on Friday that ends the border dispute, in a deal brokered by Qatar.",
     {("QAT", "TCD", "CONSULT"), ("QAT", "SDN", "CONSULT")}),
])
def test_events_hosted_talks(analyzer, text, events):
    assert events <= _asserted(analyzer, text)


def test_events_host_without_parties(analyzer):
    # a gathering with no parties named is met with no one
    found = _asserted(analyzer, "The regional conference on water was hosted by Kazakhstan in Almaty.")
    assert not {e for e in found if e[0] == "KAZ" and e[2] == "CONSULT"}
