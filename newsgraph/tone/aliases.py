"""Named parts of a state that the article treats as actors of their own: a seat or body the actors stage folds into
its state ('the Kremlin', 'the Rapid Support Forces', a party), a capital standing for its government ('Moscow
said'), a region's officials. Each keeps the state's record and gets one more, under the name the article uses, so
the tone toward the RSF is not only the tone toward Sudan; a capital's or a seat of government's is its state's."""
from __future__ import annotations

import re

from newsgraph.model import Mention
from newsgraph.tone.signals import GROUPS, _Target

OWN = ("seat", "capital", "region+group")   # the actors stage's rules whose mentions name a part, not the state
APART = ("PTY", "OPP")   # parties and the opposition: what they do and suffer is not their state's


def _initials(name: str) -> str:
    """'Rapid Support Forces' -> 'RSF'; a short all-capital name is its own ('RSF')."""
    words = name.split()
    if len(words) == 1:
        return name if name.isupper() else ""
    return "".join(w[0] for w in words if w[:1].isupper())


def _clean(text: str) -> str:
    text = re.sub(r"^(?:the|The)\s+", "", text.strip())
    return re.sub(r"['\u2019]s$", "", text)


def alias_target(m: Mention, targets: dict[str, _Target], keys: dict[str, str]) -> _Target | None:
    """The part of a state this mention names (created on first sight), or None when it names the state itself.
    `keys` maps each part's name and initials, per state, to its target key: 'RSF' after 'Rapid Support Forces' is
    the same part."""
    if m.kind != "state" or not m.code or m.place or m.how not in OWN or m.sector in GROUPS:
        return None
    name = _clean(m.text)
    if not name or not name[:1].isupper() and m.how != "region+group":
        return None
    short = _initials(name)
    key = keys.get(f"{m.code}:{name}") or (keys.get(f"{m.code}:{short}") if short else None)
    if key is None:
        key = f"{m.code}:{name}"
        # a capital or a seat of government is the government itself under another name; a body that acts on its
        # own (an armed force, a party, a legislature, a region's officials) is judged by its own mentions
        metonym = m.sector == "GOV" and m.how in ("capital", "seat")
        targets[key] = _Target(key, name, "state" if metonym else "org", stands_for=m.code if metonym else None)
        keys[f"{m.code}:{name}"] = key
        if short:
            keys.setdefault(f"{m.code}:{short}", key)
    return targets[key]
