"""The actor lexicon: states, organisations, seats of power, places, institution and role words.

Built once per process from `newsgraph/data/actors.yaml`, pycountry's names, and an optional user dictionary.

User dictionary (`--actors FILE`), YAML:

    states:                      # new states or extra names for known ones (same shape as the data file)
      XKX: {name: Kosovo, aliases: [Kosova], demonyms: [Kosovar], capitals: [Pristina]}
    orgs:                        # new organisations or extra names/organs for known ones
      EAC: {name: East African Community, aliases: [EAC], organs: [East African Legislative Assembly]}
    aliases:                     # any name -> actor code, with an optional sector; overrides the data file
      Dawn: {code: PAK, sector: MED}
    places: [Greater Kashmir]    # names that are locations, never actors
    persons:                     # people the articles may name without a title
      - {name: Jane Doe, actor: XKX, role: foreign minister, sector: GOV}

or CSV with a header `type,text,code,sector,role` where `type` is `alias`, `place` or `person`.
A bad file raises `ConfigError("<file>: <problem>")`.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pycountry
import yaml

from newsgraph.errors import ConfigError
from newsgraph.model import Person

DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "actors.yaml"
_SECTIONS = ("states", "orgs", "aliases", "places", "persons")


@dataclass(frozen=True, slots=True)
class Entry:
    """What a name in the lexicon stands for."""

    code: str | None             # None for places and groups
    kind: str                    # state | org | place | group | territory | region
    how: str                     # alias | demonym | capital | seat | organ | place | group | territory | region | user
    sector: str | None = None
    context: tuple[str, ...] | None = None   # one of these must occur in the article
    not_person: bool = False     # a PERSON entity over the name wins
    the_ok: bool = False         # "the Emirates": with "the" before it the name needs no context word
    choices: tuple[tuple[str, tuple[str, ...]], ...] = ()   # (code, context words): the one code whose words occur


@dataclass
class Lexicon:
    """Names to entries, plus lower-case institution and role phrases with their sectors."""

    names: dict[str, Entry] = field(default_factory=dict)
    institutions: dict[str, str] = field(default_factory=dict)
    roles: dict[str, str] = field(default_factory=dict)
    role_aliases: dict[str, str] = field(default_factory=dict)
    # "the head of state" refers back to whoever holds one of these roles ("President X")
    generic_titles: dict[str, frozenset[str]] = field(default_factory=dict)
    role_modifiers: frozenset[str] = frozenset()
    portfolios: frozenset[str] = frozenset()
    portfolio_closers: frozenset[str] = frozenset()             # "for Western Hemisphere Affairs": ends a portfolio
    abroad_roles: frozenset[str] = frozenset()
    home_roles: frozenset[str] = frozenset()
    home_nouns: frozenset[str] = frozenset()
    voiced_verbs: frozenset[str] = frozenset()                  # "X accused Moscow. Ambassador Y said": X's envoy
    voicing_roles: frozenset[str] = frozenset()                 # ... for these titles (envoys, not lawyers)
    home_title_words: frozenset[str] = frozenset()              # "national security adviser": a state's own office
    home_bodies: frozenset[str] = frozenset()                   # "a central bank official": a state's own body
    honorifics: dict[str, str | None] = field(default_factory=dict)   # "mr" -> "m", "dr" -> None
    not_names: frozenset[str] = frozenset()
    actor_names: dict[str, str] = field(default_factory=dict)   # code -> display name
    persons: list[Person] = field(default_factory=list)
    stateless: dict[str, str] = field(default_factory=dict)     # "foreign ministry" -> GOV, state from evidence
    local_groups: frozenset[str] = frozenset()                  # "rebels in Mali": groups of the place's state
    entity_heads: frozenset[str] = frozenset()                  # "Pakistan People's Party": a state's own body
    sport_words: frozenset[str] = frozenset()
    sport_verbs: frozenset[str] = frozenset()
    sport_article: int = 3                                      # sentences on games that make a sports article
    city_nouns: frozenset[str] = frozenset()
    topic_roles: frozenset[str] = frozenset()                   # "Russia adviser": the country is the topic
    org_roles: frozenset[str] = frozenset()                     # titles that head organisations, not states
    org_heads: dict[str, frozenset[str]] = field(default_factory=dict)   # "secretary general" -> {"UN", "NATO", ...}
    public_bodies: frozenset[str] = frozenset()                 # "president of the Senate": a state's body
    private_bodies: frozenset[str] = frozenset()                # "president of the union": no state's
    organ_words: frozenset[str] = frozenset()                   # "ECOWAS Commission President": an organ's name
    region_words: frozenset[str] = frozenset()                  # "governor of Buenos Aires province": a place in it
    crisis_words: frozenset[str] = frozenset()                  # "the Niger junta", "the coup in Gabon"
    crisis_before: frozenset[str] = frozenset()                 # "military" in "the military government"
    crisis_after: frozenset[str] = frozenset()                  # words that are coup words after those only
    crisis_owners: dict[str, str] = field(default_factory=dict)  # "the junta's spokesman" -> GOV
    deposed: frozenset[str] = frozenset()                       # "ousted President X": the crisis state's
    power_verbs: frozenset[str] = frozenset()                   # "seized power in X": X's coup
    national_titles: dict[str, str] = field(default_factory=dict)   # "chief cabinet secretary" -> JPN
    region_orgs: dict[str, str] = field(default_factory=dict)   # "West African" (leaders) -> ECOWAS
    region_heads: frozenset[str] = frozenset()                  # "leaders", "ministers"
    org_refs: dict[str, str] = field(default_factory=dict)      # "commission" -> a name holding "commission"
    verbs: frozenset[str] = frozenset()                         # the model's verb lemmas ("Hosting X ..." is no name)

    def add(self, text: str, entry: Entry, *, override: bool = False) -> None:
        """Add a name; the first entry wins unless `override` (user dictionary)."""
        text = text.strip()
        if text.lower().startswith("the "):
            text = text[4:]
        if not text:
            return
        if override or text not in self.names:
            self.names[text] = entry
        # typographic apostrophes are common in news text
        if "'" in text:
            self.add(text.replace("'", "\u2019"), entry, override=override)


def load_lexicon(user_file: str | Path | None = None) -> Lexicon:
    """Build the lexicon from the data file, pycountry and an optional user dictionary.

    Raises:
        ConfigError: the user dictionary cannot be read or has a bad shape.
    """
    data = yaml.safe_load(DATA_FILE.read_text(encoding="utf-8"))
    lex = Lexicon()
    _add_states(lex, data.get("states") or {}, how_alias="alias")
    _add_pycountry(lex)
    _add_orgs(lex, data.get("orgs") or {})
    for text, spec in (data.get("seats") or {}).items():
        lex.add(text, Entry(spec["code"], "state", "seat", spec.get("sector", "GOV"), _context(spec)))
    for text in data.get("places") or []:
        lex.add(text, Entry(None, "place", "place"), override=True)
    for text, code in (data.get("territories") or {}).items():
        lex.add(text, Entry(code, "territory", "territory"), override=True)
    for text in data.get("groups") or []:
        lex.add(text, Entry(None, "group", "group"), override=True)
    for code, texts in (data.get("regions") or {}).items():
        for text in texts:   # states, capitals and places keep their readings
            lex.add(text, Entry(code, "region", "region", not_person=True))
    _apply_ambiguity(lex, data.get("ambiguous") or {})
    lex.institutions = {w: sector for sector, words in data["institutions"].items() for w in words}
    lex.roles = {w: sector for sector, words in data["roles"].items() for w in words}
    lex.national_titles = dict(data.get("national_titles") or {})
    refs = data.get("org_references") or {}
    lex.region_orgs = dict(refs.get("regions") or {})
    lex.region_heads = frozenset(refs.get("heads") or ())
    lex.org_refs = {w: (need or "") for w, need in (refs.get("words") or {}).items()}
    for title in lex.national_titles:
        lex.roles.setdefault(title, "LEG" if "deputy" in title else "GOV")
    lex.role_aliases = dict(data.get("role_aliases") or {})
    lex.generic_titles = {k: frozenset(v) for k, v in (data.get("generic_titles") or {}).items()}
    lex.role_modifiers = frozenset(data.get("role_modifiers") or ())
    lex.not_names = frozenset(data.get("not_names") or ())
    lex.portfolios = frozenset(data.get("portfolios") or ())
    lex.portfolio_closers = frozenset(data.get("portfolio_closers") or ())
    lex.abroad_roles = frozenset(data.get("abroad_roles") or ())
    home = data.get("home_evidence") or {}
    lex.home_roles, lex.home_nouns = frozenset(home.get("roles") or ()), frozenset(home.get("nouns") or ())
    lex.voiced_verbs = frozenset(home.get("voiced_verbs") or ())
    lex.voicing_roles = frozenset(home.get("voicing_roles") or ())
    lex.home_title_words = frozenset(home.get("title_words") or ())
    lex.home_bodies = frozenset(home.get("bodies") or ())
    lex.honorifics = {w: g for g, words in (data.get("honorifics") or {}).items() for w in words}
    lex.honorifics = {w: (None if g == "any" else g) for w, g in lex.honorifics.items()}
    lex.stateless = {w: sector for sector, words in (data.get("stateless_institutions") or {}).items() for w in words}
    lex.local_groups = frozenset(data.get("local_groups") or ())
    # words of a state's own bodies and titles ("Norway Permanent Representative", "Pakistan Army") keep the state
    own = [*lex.institutions, *lex.roles, *lex.portfolios, *(data.get("entity_heads") or ())]
    lex.entity_heads = frozenset(word for phrase in own for word in phrase.split())
    sport = data.get("sport") or {}
    lex.sport_words, lex.sport_verbs = frozenset(sport.get("words") or ()), frozenset(sport.get("verbs") or ())
    lex.sport_article = int(sport.get("article_sentences", 3))
    lex.city_nouns = frozenset(data.get("city_nouns") or ())
    employers = data.get("employers") or {}
    lex.topic_roles = frozenset(employers.get("topic_roles") or ())
    lex.org_roles = frozenset(employers.get("org_roles") or ())
    lex.org_heads = {title: frozenset(codes) for title, codes in (employers.get("org_heads") or {}).items()}
    state_words = {w for w, sector in {**lex.institutions, **lex.stateless}.items()
                   if " " not in w and sector in {"GOV", "MIL", "LEG", "JUD"}}
    lex.public_bodies = frozenset(employers.get("public") or ()) | state_words
    lex.private_bodies = frozenset(employers.get("private") or ())
    lex.organ_words = frozenset(employers.get("organs") or ())
    lex.region_words = frozenset(employers.get("regions") or ())
    crisis = data.get("crisis") or {}
    lex.crisis_before = frozenset(crisis.get("before") or ())
    lex.crisis_after = frozenset(crisis.get("after") or ())
    lex.crisis_words = frozenset(crisis.get("words") or ()) | lex.crisis_after
    lex.crisis_owners = dict(crisis.get("owners") or {})
    lex.deposed = frozenset(crisis.get("deposed") or ())
    lex.power_verbs = frozenset(crisis.get("power_verbs") or ())
    if user_file:
        _load_user(lex, Path(user_file))
    return lex


def _context(spec: dict[str, Any]) -> tuple[str, ...] | None:
    ctx = spec.get("context")
    return tuple(ctx) if ctx is not None else None


def _add_states(lex: Lexicon, states: dict[str, Any], *, how_alias: str, override: bool = False) -> None:
    for code, spec in states.items():
        spec = spec or {}
        lex.actor_names.setdefault(code, spec.get("name") or code)
        for text in [spec.get("name") or ""] + list(spec.get("aliases") or []):
            lex.add(text, Entry(code, "state", how_alias, "GOV"), override=override)
        for text in spec.get("demonyms") or []:
            lex.add(text, Entry(code, "state", "demonym"), override=override)
        for text in spec.get("capitals") or []:
            lex.add(text, Entry(code, "state", "capital", "GOV"), override=override)


def _add_pycountry(lex: Lexicon) -> None:
    """pycountry's names fill any gap the data file leaves (inverted names like "Korea, Republic of" are skipped)."""
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            text = getattr(country, attr, None)
            if text and "," not in text:
                lex.add(text, Entry(country.alpha_3, "state", "alias", "GOV"))
        lex.actor_names.setdefault(country.alpha_3, getattr(country, "common_name", None) or country.name)


def _add_orgs(lex: Lexicon, orgs: dict[str, Any], *, override: bool = False) -> None:
    for code, spec in orgs.items():
        spec = spec or {}
        lex.actor_names.setdefault(code, spec.get("name") or code)
        # intergovernmental bodies act as GOV; NGOs and armed groups say their sector (NGO, REB)
        sector = spec.get("sector", "GOV")
        for text in [spec.get("name") or ""] + list(spec.get("aliases") or []):
            lex.add(text, Entry(code, "org", "alias", sector), override=override)
        for text in spec.get("organs") or []:
            lex.add(text, Entry(code, "org", "organ", sector), override=override)
        # organs whose name other bodies share: only with the organisation named in the article
        for text, context in (spec.get("context_organs") or {}).items():
            lex.add(text, Entry(code, "org", "organ", sector, tuple(context)), override=override)


def _apply_ambiguity(lex: Lexicon, ambiguous: dict[str, Any]) -> None:
    for text, spec in ambiguous.items():
        entry = lex.names.get(text)
        if entry is None:
            continue
        spec = spec or {}
        choices = tuple((code, tuple(words)) for code, words in (spec.get("choices") or {}).items())
        lex.names[text] = Entry(entry.code, entry.kind, entry.how, entry.sector,
                                _context(spec) if "context" in spec else entry.context,
                                bool(spec.get("not_person", entry.not_person)), bool(spec.get("the", False)),
                                choices or entry.choices)


def _load_user(lex: Lexicon, path: Path) -> None:
    try:
        raw = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read ({exc.strerror})") from exc
    if path.suffix.lower() == ".csv":
        _load_user_csv(lex, path, raw)
        return
    try:
        data = yaml.safe_load(raw)
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: not valid YAML ({str(exc).splitlines()[0]})") from exc
    if data is None:
        return
    if not isinstance(data, dict) or set(data) - set(_SECTIONS):
        raise ConfigError(f"{path}: expected a mapping with sections {', '.join(_SECTIONS)}")
    for section in ("states", "orgs", "aliases"):
        if not isinstance(data.get(section) or {}, dict):
            raise ConfigError(f"{path}: `{section}` must be a mapping")
    _add_states(lex, data.get("states") or {}, how_alias="user", override=True)
    _add_orgs(lex, data.get("orgs") or {}, override=True)
    for text, spec in (data.get("aliases") or {}).items():
        if not isinstance(spec, dict) or not spec.get("code"):
            raise ConfigError(f"{path}: alias {text!r} needs a `code`")
        kind = "org" if spec["code"] not in lex.actor_names or len(spec["code"]) != 3 else "state"
        lex.add(str(text), Entry(spec["code"], spec.get("kind", kind), "user", spec.get("sector")), override=True)
    for text in data.get("places") or []:
        lex.add(str(text), Entry(None, "place", "place"), override=True)
    for item in data.get("persons") or []:
        lex.persons.append(_user_person(path, item))


def _user_person(path: Path, item: Any) -> Person:
    if not isinstance(item, dict) or not item.get("name"):
        raise ConfigError(f"{path}: each person needs a `name`, got {item!r}")
    return Person(name=str(item["name"]), actor=item.get("actor"), role=item.get("role"),
                  sector=item.get("sector"), how="user")


def _load_user_csv(lex: Lexicon, path: Path, raw: str) -> None:
    rows = list(csv.DictReader(raw.splitlines()))
    if rows and not {"type", "text"} <= set(rows[0]):
        raise ConfigError(f"{path}: CSV needs the columns type,text,code,sector,role")
    for n, row in enumerate(rows, 2):
        kind, text = (row.get("type") or "").strip(), (row.get("text") or "").strip()
        if kind == "alias" and text and row.get("code"):
            code = row["code"].strip()
            lex.add(text, Entry(code, "state" if len(code) == 3 else "org", "user", row.get("sector") or None),
                    override=True)
        elif kind == "place" and text:
            lex.add(text, Entry(None, "place", "place"), override=True)
        elif kind == "person" and text:
            lex.persons.append(Person(name=text, actor=row.get("code") or None, role=row.get("role") or None,
                                      sector=row.get("sector") or None, how="user"))
        else:
            raise ConfigError(f"{path}:{n}: bad row {row!r} (type must be alias, place or person, with text and code)")
