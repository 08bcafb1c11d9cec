"""A spokesperson responding to a step speaks for the other side, not for the state that took it (the project's own
sentences, the real model)."""
from __future__ import annotations

import pytest

from newsgraph.actors import ActorResolver


@pytest.fixture(scope="module")
def resolver(nlp):
    return ActorResolver(nlp)


def _state(nlp, resolver, text, surname):
    return next(p for p in resolver(nlp(text)).persons if p.name.endswith(surname)).actor


def test_a_response_is_not_the_previous_subjects(nlp, resolver) -> None:
    said = ("spokesperson Amira Qadri said in a statement that Ghana's exports were lawful and met every "
            "standard.")
    text = "ACCRA, March 3 (Wire) - The United States on Monday imposed sanctions on three firms based in Ghana. "
    aff = _state(nlp, resolver, text + "Responding to the move, Foreign Office " + said, "Qadri")
    assert aff != "USA"
    aff = _state(nlp, resolver, text.replace("imposed sanctions on", "praised") + "Foreign Office " + said, "Qadri")
    assert aff == "USA"   # without the response, the previous subject's spokesperson
