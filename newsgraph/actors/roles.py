"""Titles of office as the text writes them: role phrases widened over their portfolio.

The role lexicon holds the head titles ("minister", "cabinet secretary", "secretary of state"); news text wraps
them in a portfolio on either side: "Water and Energy Minister X", "Interior Cabinet Secretary X",
"Minister of Energy X", "Minister for Mining X", "Secretary of State for Foreign Affairs X". Only words of the
portfolio list (data file) are taken, so the name that follows ("... Energy Khalid Al Mansoori") and a state
after "of" ("President of Ghana") stay outside the title. "Shadow" before a title makes it the opposition's
("shadow trade minister", sector OPP): another office than the one the government's minister holds.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

# words that join portfolio words ("Water and Energy", "Trade, Industry and Tourism")
_JOINERS = frozenset({"and", "&", ","})
# prepositions that open a portfolio after a title ("Minister of Energy", "Minister for Mining")
_OPENERS = frozenset({"of", "for"})
# prepositions after which a role phrase's head has ended ("minister of energy" -> "minister")
_HEAD_CUTS = (" of ", " for ", " to ", " on ")
_MAX_WORDS = 5
_MAX_TAIL = 8   # "of Foreign Affairs, African Cooperation and Moroccan Expatriates"


@dataclass
class Role:
    """A title found in the text (token span), with its sector."""

    start: int
    end: int
    text: str
    sector: str


def role_head(text: str) -> str:
    """The head word of a role phrase: "minister of energy" -> "minister", "energy minister" -> "minister"."""
    for cut in _HEAD_CUTS:
        if cut in text:
            text = text.split(cut, 1)[0]
    return text.split()[-1]


def extend_roles(doc: Doc, roles: list[Role], portfolios: frozenset[str], taken: set[int],
                 closers: frozenset[str] = frozenset()) -> list[Role]:
    """Widen each role over a portfolio before it or an "of/for <portfolio>" tail after it.

    `taken` holds tokens of state/organisation mentions, which a portfolio never swallows; proper words that are
    no portfolio words join a tail only before one of `closers` ("for Western Hemisphere Affairs").
    """
    out = []
    for role in roles:
        start, end = role.start, role.end
        k = start
        while k > 0 and start - k < _MAX_WORDS and _portfolio_word(doc, k - 1, portfolios, taken):
            k -= 1
            if doc[k].lower_ not in _JOINERS:
                start = k
        if end + 1 < len(doc) and doc[end].lower_ in _OPENERS:
            k = end + 1
            if doc[k].lower_ == "the":
                k += 1
            last = None
            last_plain = k - 1   # the portfolio's words so far are all portfolio words
            # proper words inside a portfolio count when a portfolio word closes it ("for Western Hemisphere
            # Affairs", "of Natural Resources and Environment"); the name after it stays out
            # a state's adjective may stand right before a closer ("and Moroccan Expatriates")
            while k < len(doc) and k - end <= _MAX_TAIL and (_portfolio_word(doc, k, portfolios, taken)
                                                             or doc[k].is_title and (k not in taken or k + 1 < len(doc)
                                                                                     and doc[k + 1].lower_ in closers)):
                lower = doc[k].lower_
                if lower in _JOINERS and k == last_plain + 1:
                    last_plain = k
                elif lower in portfolios and (lower in closers or k == last_plain + 1):
                    last = last_plain = k   # "Minister for Trade Simon Power": a surname closes nothing
                k += 1
            # the portfolio ends the title: a name or punctuation follows, not more words
            # ("envoy for the border dispute" is a complement, not a portfolio)
            # ("Minister of Foreign Affairs of Uzbekistan X": a state after "of" follows the portfolio, as a name)
            if last is not None and not (last + 1 < len(doc) and doc[last + 1].is_lower
                                         and not _of_state(doc, last + 1, taken)):
                end = last + 1
        sector = role.sector
        if start > 0 and doc[start - 1].lower_ == "shadow" and doc[start - 1].i not in taken:
            # "Shadow Trade Minister X": the opposition's spokesperson for the portfolio, not the office's holder
            start, sector = start - 1, "OPP"
        if (start, end) == (role.start, role.end):
            out.append(role)
        else:
            out.append(Role(start, end, doc[start:end].text.lower(), sector))
    return out


def _of_state(doc: Doc, i: int, taken: set[int]) -> bool:
    """ "of (the) <state or body>" at token i."""
    k = i + 1 + (i + 1 < len(doc) and doc[i + 1].lower_ == "the")
    return doc[i].lower_ == "of" and k in taken


def _portfolio_word(doc: Doc, i: int, portfolios: frozenset[str], taken: set[int]) -> bool:
    token = doc[i]
    if i in taken or token.is_sent_start and token.lower_ in _JOINERS:
        return False
    return token.lower_ in portfolios or (token.lower_ in _JOINERS and token.whitespace_ != "\n")
