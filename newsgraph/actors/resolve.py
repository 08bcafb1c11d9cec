"""The actors stage: a Doc in, an `Actors` record out (mentions, persons, per-actor counts, unresolved names)."""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from newsgraph.nlp import doc_text
from newsgraph.actors.coref import KnownPersons, resolve_persons
from newsgraph.actors.lexicon import load_lexicon
from newsgraph.actors.mentions import Found, MentionFinder
from newsgraph.actors.evidence import find_date, find_dateline
from newsgraph.actors.filters import sentence_index
from newsgraph.actors.definite import definite_states
from newsgraph.actors.holders import by_holders
from newsgraph.actors.institutions import attach_local_groups, resolve_stateless, stateless_candidates
from newsgraph.actors.names import find_names
from newsgraph.actors.officials import unnamed_officials
from newsgraph.actors.orgrefs import find_org_references
from newsgraph.actors.persons import Context, PersonState, role_before
from newsgraph.actors.roles import Role, extend_roles
from newsgraph.model import ActorCount, Actors, Mention, Person, is_stated

MAX_SAMPLES = 3


class ActorResolver:
    """Resolve actor mentions in a Doc.

    Args:
        nlp: the loaded pipeline (its vocab builds the matchers).
        user_file: optional YAML/CSV user dictionary (`--actors FILE`), see `newsgraph.actors.lexicon`.
        known: persons the store already knows (name, actor, role) for corpus-level resolution.

    Raises:
        ConfigError: the user dictionary is unreadable or malformed.
    """

    def __init__(self, nlp: Language, *, user_file: str | Path | None = None, known: Sequence[Person] = ()) -> None:
        self.nlp = nlp
        self.lex = load_lexicon(user_file)
        self.lex.verbs = _verb_lemmas(nlp)
        self.mentions = MentionFinder(nlp, self.lex)
        self.roles = PhraseMatcher(nlp.vocab, attr="LOWER")
        for text, sector in self.lex.roles.items():
            # "gen." splits in two where "Gen." is one token (a tokenizer exception): match both forms
            forms = {tuple(t.lower_ for t in nlp.make_doc(f)): f for f in (text, text.capitalize())}
            self.roles.add(sector, [nlp.make_doc(f) for f in forms.values()])
        self.known = KnownPersons([*self.lex.persons, *known])
        self.capitals = {text.lower(): e.code for text, e in self.lex.names.items() if e.how == "capital" and e.code}

    def learn(self, persons: Sequence[Person]) -> None:
        """Remember persons whose affiliation the text stated, for later articles that name them without it.

        Affiliations that were themselves inferred (dominant state, dateline, venue, parliament, corpus) are not
        learnt, so a guess never spreads. What the store or the user's dictionary knows is never overridden.
        """
        for person in persons:
            if is_stated(person):
                self.known.add(replace(person, how="corpus"))

    def __call__(self, doc: Doc, *, published: str | None = None) -> Actors:
        text = doc_text(doc)
        sent_of = sentence_index(doc)
        found_all = self.mentions(doc, sent_of, text)
        found, unresolved = found_all.found, found_all.unresolved
        attach_local_groups(doc, found, self.lex)
        refs = find_org_references(doc, found, sent_of, self.lex)
        if refs:
            found = sorted(found + refs, key=lambda m: m.start)
        spans = filter_spans([Span(doc, s, e, label=key) for key, s, e in self.roles(doc)])
        # "will head the firm", "to chair the talks": a title word used as a verb is no title
        roles = [Role(span.start, span.end, span.text.lower(), span.label_) for span in spans
                 if doc[span.end - 1].pos_ not in {"VERB", "AUX"}]
        taken = {k for m in found for k in range(m.start, m.end)}
        roles = extend_roles(doc, roles, self.lex.portfolios, taken, self.lex.portfolio_closers)
        ctx = Context(doc, found, roles, self.lex, find_dateline(text, self.capitals), text, sent_of)
        ctx.blocked = found_all.taken - {k for m in found for k in range(m.start, m.end)}
        ctx.published = published or find_date(text)   # the dated dictionary needs the day the story was told
        candidates = stateless_candidates(doc, found_all.inst_at, found_all.taken, self.lex, ctx.blocked)
        institutions = resolve_stateless(ctx, candidates)
        ctx.bodies = institutions
        names = find_names(ctx, roles)
        persons, person_mentions = resolve_persons(ctx, roles, names, self.known, self.lex.role_aliases)
        institutions = by_holders(ctx, candidates, institutions, persons)
        person_mentions += _titles_of_persons(ctx, persons, found)
        taken = {k for m in person_mentions for k in range(m.start, m.end)}
        officials = unnamed_officials(ctx, roles, names, taken)
        taken.update(k for r in roles for k in range(r.start, r.end))
        institutions = [m for m in institutions if not taken.intersection(range(m.start, m.end))]
        taken.update(k for m in institutions for k in range(m.start, m.end))
        inst_tokens = {k for m in institutions for k in range(m.start, m.end)}
        officials = [m for m in officials if not inst_tokens.intersection(range(m.start, m.end))]
        institutions += officials
        taken.update(k for m in officials for k in range(m.start, m.end))
        described = definite_states(ctx, person_mentions, taken | {k for m in found for k in range(m.start, m.end)})
        institutions += described
        taken.update(k for m in described for k in range(m.start, m.end))
        unresolved = [m for m in unresolved if not taken.intersection(range(m.start, m.end))]
        mentions = _merge(found + institutions, unresolved, person_mentions)
        return Actors(
            mentions=tuple(_record(doc, m, ctx.sent_of) for m in mentions),
            persons=tuple(Person(p.name, p.aff.actor if p.aff else None, p.aff.role if p.aff else None,
                                 p.aff.sector if p.aff else None, p.start, p.end, p.aff.how if p.aff else "name")
                          for p in persons),
            actors=self._counts(doc, mentions),
            unresolved=tuple(doc[m.start:m.end].text for m in unresolved if not m.place),
        )

    def _counts(self, doc: Doc, mentions: list[Found]) -> tuple[ActorCount, ...]:
        counts: Counter[str] = Counter()
        kinds: dict[str, str] = {}
        samples: dict[str, list[str]] = {}
        for m in mentions:
            if m.kind not in {"state", "org"} or not m.code or m.place:
                continue
            counts[m.code] += 1
            kinds[m.code] = m.kind
            text = doc[m.start:m.end].text
            if text not in samples.setdefault(m.code, []) and len(samples[m.code]) < MAX_SAMPLES:
                samples[m.code].append(text)
        return tuple(ActorCount(code, self.lex.actor_names.get(code, code), kinds[code], n, tuple(samples[code]))
                     for code, n in counts.most_common())


def _verb_lemmas(nlp: Language) -> frozenset[str]:
    """The verb lemmas the model's rule lemmatizer knows (empty for pipelines without one)."""
    if "lemmatizer" not in nlp.pipe_names:
        return frozenset()
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return frozenset()
    return frozenset(lookups.get_table("lemma_index").get("verb", ()))


def _titles_of_persons(ctx: Context, persons: list[PersonState], found: list[Found]) -> list[Found]:
    """"Saudi Ambassador to Yemen X said": an institution mention that is the title of a named person stands for
    that person (so a speaker or a source read from the title is the person), and leaves the state mentions."""
    out = []
    for p in persons:
        for m in p.mentions:
            if m.how != "name":
                continue
            role = role_before(ctx, m.start)
            title = ctx.mention_at.get(role.end - 1) if role is not None else None
            if title is not None and title.end == role.end and title.how.endswith("+institution") \
                    and title.start < role.start and title in found:
                found.remove(title)
                out.append(Found(title.start, title.end, m.code, "person", "title", m.sector, person=p.name))
    return out


def _merge(found: list[Found], unresolved: list[Found], persons: list[Found]) -> list[Found]:
    """All mentions in document order; a person mention wins over an overlapping state/org one."""
    taken = set()
    for m in persons:
        taken.update(range(m.start, m.end))
    rest = [m for m in found + unresolved if not taken.intersection(range(m.start, m.end))]
    return sorted(rest + persons, key=lambda m: (m.start, m.end))


def _record(doc: Doc, m: Found, sent_of: list[int]) -> Mention:
    span = doc[m.start:m.end]
    return Mention(start=span.start_char, end=span.end_char, text=span.text, sent=sent_of[m.start],
                   tok_start=m.start, tok_end=m.end, code=m.code, kind=m.kind, sector=m.sector, person=m.person,
                   how=m.how, place=m.place)
