"""Boilerplate of scraped plain text (newsgraph/ingest/boilerplate.yaml, clean.py): bylines with timestamps,
agency and photo credits, navigation, tickers, reading times, paywalls, comment forms and reader comments,
follow-us lines. Lines invented for these tests, in the forms page furniture takes on any outlet."""
from __future__ import annotations

import pytest

from newsgraph.ingest.clean import clean_text, match_rule


@pytest.mark.parametrize(
    "line",
    [
        # bylines run together with timestamps, desks without a name
        "By Our Correspondent | Updated 3 hours ago",
        "By our staff reporter | Published: 12 Jan 2024, 10:30 AM",
        "Staff Reporter | Lusaka",
        "Web Desk",
        "News Desk | Updated 2 days ago",
        "From our correspondent in Maputo",
        "Written by Amara Osei | Edited by Tom Vale",
        "Kofi Mensah | Accra | Updated: Jan 3, 2024 10:45 GMT",
        "Accra | March 3, 2024",
        "Posted by Amara Osei on 3 March 2024",
        # page dates and times alone
        "Updated 3 hours ago",
        "5 mins ago",
        "Dec 2, 2026 | 10:30 AM IST",
        "Mon 3 Mar 2024 10.45 GMT",
        "Tuesday, July 2nd, 2013",
        "2024-03-03 10:45",
        "11:20 am, 4 June 2024",
        "Last Updated: Monday, March 4, 2024",
        "First published on: 3 March 2024",
        # reading times
        "2 min read",
        "4 minutes read",
        "Reading time: 3 min",
        "3 min read | Updated 1 hour ago",
        # agency and photo credits
        "AFP",
        "Reuters | Islamabad",
        "Amara Osei / AFP",
        "AFP/Getty Images",
        "Reuters/File",
        "Image: Getty/File",
        "(Photo courtesy: Ministry of Foreign Affairs)",
        "Representational image",
        "File image",
        "Photo used for representation only",
        "Illustration: Kofi Mensah",
        "Image caption, Delegates arrive at the conference hall",
        # navigation and tickers
        "Home > World > Asia",
        "Home » News » Africa",
        "You are here: Home / Politics",
        "Home | World | Politics | Business",
        "World > Middle East > Diplomacy",
        "Skip to main content",
        "Back to top",
        "Next article: Floods close the northern highway",
        "Sensex 72,500.12 +0.5% | Nifty 21,900.50 -0.3%",
        "Brent $81.20 (-1.2%)",
        "KSE-100 62,451.30 -312.45",
        # paywall and subscription prompts
        "Subscribe to continue reading",
        "This article is only available to our subscribers.",
        "You have reached your limit of free articles this month.",
        "Already a subscriber? Log in",
        "Sign in to continue reading",
        "Subscribe now for unlimited access",
        "Unlock this article",
        "Register for free to continue reading",
        # comment forms
        "Leave a Reply",
        "Cancel reply",
        "Your email address will not be published. Required fields are marked *",
        "Save my name, email, and website in this browser for the next time I comment.",
        "Notify me of follow-up comments by email.",
        "Name *",
        "Post Comment",
        "Log in to comment",
        "Comments are the views of readers and do not reflect those of the publication.",
        # follow-us lines
        "Follow us on Twitter",
        "Follow The Daily Example on Facebook and Instagram",
        "Join our WhatsApp channel for the latest news",
        "Get the latest news on Telegram",
        "Download the Daily Example app",
        "This story has been published from a wire agency feed without modifications to the text.",
    ],
)
def test_clean_scraped_furniture_is_boilerplate(line):
    assert match_rule(line) is not None, line
    body, removed = clean_text("The ministers met on Monday in the capital and agreed to meet again.\n" + line)
    assert removed == (line,)


@pytest.mark.parametrize(
    "line",
    [
        "Reuters reported on Monday that the talks had stalled.",
        "AFP - The foreign minister said on Monday that the talks would resume next week.",
        "By Monday, the two delegations had left the capital.",
        "Home ministers of the two states met in the border town on Friday.",
        "The score was tied 13-13.",
        "The leader says: the country will not bow to pressure.",
        "Comments by the minister angered the opposition, which walked out of the chamber.",
        "India | Pakistan talks resume",
        "Follow the money, the prosecutor told the court on Tuesday.",
        "Subscribers of the state broadcaster complained about the blackout in the north.",
        "The minister will read the report before the vote.",
        "Staff at the embassy were told to leave the country within 48 hours.",
        "Reporters were barred from the courtroom on Monday.",
        "Like his predecessor, the minister favours talks.",
        "Next week the two sides meet again in Geneva.",
        "The agency said 3 people were killed and 12 wounded.",
    ],
)
def test_clean_body_lines_stay(line):
    assert match_rule(line) is None, match_rule(line)
    assert clean_text(line) == (line, ())


def test_clean_reader_comments_after_a_heading_run_to_the_end():
    text = ("The ministers met on Monday and agreed to talk again.\n\nThey will meet in March.\n\n3 Comments\n\n"
            "Kofi Mensah says:\nMarch 3, 2024 at 10:45 am\nThis deal sells out the farmers.\nReply\n\n"
            "Ama Boateng\n2 hours ago\nAt last some good news.")
    body, removed = clean_text(text)
    assert body == "The ministers met on Monday and agreed to talk again.\n\nThey will meet in March."
    assert removed[0] == "3 Comments" and removed[-1] == "At last some good news."
    assert "This deal sells out the farmers." in removed


def test_clean_comments_heading_without_comment_lines_keeps_the_rest():
    text = "Comments\n\nThe ministers met on Monday and agreed to talk again.\n\nThey will meet in March."
    body, removed = clean_text(text)
    assert removed == ("Comments",)
    assert body == "The ministers met on Monday and agreed to talk again.\n\nThey will meet in March."
