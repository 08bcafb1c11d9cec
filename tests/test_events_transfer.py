"""Events: forms of a type that recur across news sets (invented sentences, real model and actors stage): passives
that name the mover or the summoner, light-verb and idiom forms, targets given as places, subjects that cannot
protest."""
from __future__ import annotations

import pytest

from tests.conftest import make_article


def _asserted(analyzer, text: str) -> set[tuple[str, str, str]]:
    return {(e.source, e.target, e.type) for e in analyzer.analyze(make_article(text)).events
            if e.modality == "asserted" and not e.negated}


@pytest.mark.parametrize("text, event", [
    # a force posture is aimed at the foreign place it moves to; the forces of a partitive move
    ("Egyptian warships were deployed off the coast of Libya on Monday.", ("EGY", "LBY", "MOBILIZE")),
    ("Thousands of Ethiopian troops have been deployed to Somalia.", ("ETH", "SOM", "MOBILIZE")),
    # the passive of summoning names the summoner in its "to" phrase
    ("The Turkish ambassador was summoned to the Greek foreign ministry on Friday.", ("GRC", "TUR", "ACCUSE")),
    ("Ankara threw its weight behind Azerbaijan's position on the corridor.", ("TUR", "AZE", "SUPPORT")),
    ("Chile took Bolivia to the International Court of Justice in 2013.", ("CHL", "BOL", "ACCUSE")),
    ("Damascus turned down an invitation to attend the summit in Jordan.", ("SYR", "JOR", "REJECT")),
    ("Qatar's foreign ministry handed a protest note to the Saudi ambassador.", ("QAT", "SAU", "ACCUSE")),
    ("The EU foreign ministers agreed to condemn Iran's missile tests.", ("EU", "IRN", "ACCUSE")),
    ("The Gulf Cooperation Council voiced its backing for the steps Kuwait has taken.", ("GCC", "KWT", "SUPPORT")),
    ("Trucks loaded with food and blankets were dispatched by Rabat to Nouakchott.", ("MAR", "MRT", "AID")),
    # expelling by order, embargoes by barring, vetoes by holding up funds
    ("Mali's junta ordered the Swedish ambassador to leave within 72 hours.", ("MLI", "SWE", "SANCTION")),
    ("Beijing barred imports of Lithuanian beef last year.", ("CHN", "LTU", "SANCTION")),
    ("Slovakia blocked the release of NATO funds for the new base.", ("SVK", "NATO", "REJECT")),
    # leaving an organisation for now; closing a border on the neighbour; ties, talks, mediation in passives
    ("Kazakhstan suspended its membership in the Eurasian Economic Union.", ("KAZ", "EAEU", "RETREAT")),
    ("Latvia announced it would close its border with Belarus on Friday.", ("LVA", "BLR", "SANCTION")),
    ("Diplomatic relations between Oman and Egypt were upgraded last week.", ("OMN", "EGY", "COOPERATE")),
    ("Negotiators of Ethiopia and Eritrea met in Nairobi under Kenyan mediation.", ("KEN", "ETH", "CONSULT")),
    ("Talks between Baku and Yerevan resumed under Kazakh mediation.", ("KAZ", "ARM", "CONSULT")),
    ("Mali's junta annulled its defence agreement with France.", ("MLI", "FRA", "RETREAT")),
    ("Tokyo's emergency assistance for flood-hit towns in Pakistan arrived on Friday.", ("JPN", "PAK", "AID")),
    # who sent the forces does what they were sent for; an object pronoun is not its clause's subject
    ("Egypt sent fighter jets to bomb Libyan militia positions.", ("EGY", "LBY", "ASSAULT")),
    ("Secretary of State Marco Rubio spoke with President Nayib Bukele and urged him to release the detainees.",
     ("USA", "SLV", "REQUEST")),
    ("Prague gave its consent to a visit by Taiwanese lawmakers.", ("CZE", "TWN", "AGREE")),
    ("In a statement, Russian Foreign Minister Sergei Lavrov said the convoy had been travelling through a neutral "
     "area, accused Ukraine of shelling it, and dismissed Germany's remarks as propaganda.", ("RUS", "UKR", "ACCUSE")),
    ("Talks with the International Monetary Fund stalled after Tunis rejected the fund's conditions.",
     ("TUN", "IMF", "REJECT")),
    # a response promised to another's attack, a harm the speaker's own forces would do, an agent hung low
    ("The Ugandan army chief said his forces would answer any attack from South Sudan with full force.",
     ("UGA", "SSD", "THREATEN")),
    ("Russia's defence ministry said the army would crush any attempt at Moldovan aggression.",
     ("RUS", "MDA", "THREATEN")),
    ("Havana was threatened with new sanctions by the US Treasury.", ("USA", "CUB", "THREATEN")),
    ("Seoul and Hanoi reached an understanding on visa rules.", ("KOR", "VNM", "AGREE")),
    ("Mali expelled two Swedish diplomats, accusing them of espionage.", ("MLI", "SWE", "ACCUSE")),
    ("Austria extradited a suspected member of a Serbian smuggling ring to Hungary.", ("AUT", "HUN", "COOPERATE")),
    ("Ethiopia's foreign ministry issued a statement on Monday, and it accused Egypt of meddling in Somalia.",
     ("ETH", "EGY", "ACCUSE")),
    ("The Qatari delegation stormed out of the Arab League session.", ("QAT", "ARL", "RETREAT")),
])
def test_events_transfer_found(analyzer, text, event):
    assert event in _asserted(analyzer, text)


@pytest.mark.parametrize("text, event", [
    ("Chile took Bolivia to the International Court of Justice in 2013.", ("CHL", "ICJ", "ACCUSE")),
    ("Qatar's foreign ministry handed a protest note to the Saudi ambassador.", ("QAT", "SAU", "PROTEST")),
    ("The EU foreign ministers agreed to condemn Iran's missile tests.", ("EU", "IRN", "AGREE")),
    ("Mali's junta ordered the Swedish ambassador to leave within 72 hours.", ("MLI", "SWE", "REQUEST")),
    ("Beijing barred imports of Lithuanian beef last year.", ("CHN", "LTU", "COERCE")),
    # a go-between is no party; a standing relationship is no event; an accord ended is not signed now
    ("Russia suspended its participation in the Turkish-brokered grain deal.", ("RUS", "TUR", "SANCTION")),
    ("Seoul has similar pacts with Canberra and Wellington.", ("KOR", "AUS", "AGREE")),
    ("India, which has close ties with both countries, urged restraint.", ("IND", "PAK", "COOPERATE")),
    ("Niger was ending the security agreement signed with Germany in 2021.", ("NER", "DEU", "AGREE")),
    ("Qatar sent 5,000 tonnes of flour to the Gaza Strip via Egypt.", ("QAT", "EGY", "AID")),
    ("Caracas recalled its envoy, calling him a messenger of Washington.", ("VEN", "VEN", "CONSULT")),
    ("Austria extradited a suspected member of a Serbian smuggling ring to Hungary.", ("AUT", "SRB", "COOPERATE")),
    ("Officials said the decision would not change flows, but it frees India from sharing data.",
     ("IND", "IND", "CONCEDE")),
])
def test_events_transfer_not_miscoded(analyzer, text, event):
    assert event not in _asserted(analyzer, text)


@pytest.mark.parametrize("text", [
    "South Korean exports rallied in May on demand for memory chips.",
    "Shares of the Indian carmaker rallied on Thursday.",
])
def test_events_markets_do_not_protest(analyzer, text):
    assert not {t for t in _asserted(analyzer, text) if t[2] == "PROTEST"}
