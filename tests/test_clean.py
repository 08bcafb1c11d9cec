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
        "By our Diplomatic Correspondent",
        "By Our Own Senior Correspondent in Harare",
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
        # bylines and dates glued together by the scraper
        "By Ann Lee3 December 2024 - 14:22 CET",
        "Staff CorrespondentPublished: 18 Feb 2025, 09:41 PMUpdated: 18 Feb 2025, 10:15 PM",
        "DAILY EXAMPLE REPORTERJanuary 3, 2024 at 11:05 am",
        "Web DeskJanuary 18, 2024 11:32 AM",
        "By Ann LeeUpdated 24 February 2025 - 6:05pm, first published 5:12pm",
        "ExampleNews ReporterJune 8, 2024Reading Time: 3 mins read",
        "February 18, 2025 / 9:41 PM / Updated 2 hours ago",
        "Kofi Mensah — Accra — 3 March 2024",
        "Kofi Mensah, Senior Correspondent",
        "Author: Kofi Mensah",
        "Fact-checked by Kofi Mensah",
        "3h ago",
        "Read time: 4 minutes",
        # more credits
        "Supplied: the defence ministry",
        "(Supplied)",
        "Handout photo",
        "Pool photo via AP",
        "Delegates arrive in the capital on Monday. Photo: Reuters",
        "Kofi Mensah/AFP via Getty Images",
        # share bars, newsletters, apps
        "Share on X | Share on LinkedIn | Copy link",
        "Share | Save | Gift this article",
        "Share this:",
        "Get the day's top stories in your inbox every morning.",
        "Don't miss out! Get our top stories delivered to your WhatsApp. Join now.",
        "Enter your email address",
        "By signing up, you agree to our Terms of Use and Privacy Policy.",
        "Available on the App Store and Google Play",
        "Open in app",
        # paywall
        "Get the full story from just $1 a week for your first year.",
        "Already have an account? Sign in",
        "Premium",
        "Log in",
        # adverts, syndication, footer, cookies
        "Advertisement - Scroll to continue",
        "Sponsored by Example Bank",
        "This article was originally published on Example News.",
        "Reproduction prohibited",
        "Privacy Policy | Terms of Use | Contact Us",
        "We use cookies to improve your experience on our site.",
        "By continuing to browse the site you agree to our use of cookies.",
        "Accept all cookies",
        "Manage preferences",
        # tickers, breadcrumbs, kickers, tags, list headings, comment furniture
        "BREAKING: Fuel prices unchanged | Stocks close higher",
        "Breaking News",
        "Europe > Eastern Neighbourhood",
        "OPINION",
        "#Elections #Parliament #Budget",
        "Gallery: Scenes from the summit",
        "MOST VIEWED",
        "Related Posts",
        "You May Also Like",
        "More from World",
        "Sort by: Newest",
        "Community guidelines",
        "BREAKING: Fuel prices unchanged for March | Stocks close higher | Metro to run till 11pm",
        "Edited by: Ann Lee | Updated: February 18, 2025 9:41 pm IST",
        "Editor: Li Wei",
        "Example Online Report",
        "Metro Desk",
        "Yesterday at 5:00 PM",
        "Kofi Mensah | 18.02.2025 - Update : 18.02.2025",
        "Delegates attend the opening session. [Photo/Xinhua]",
        "Header image: Protesters outside parliament",
        "Photo 1 of 5",
        "Kindly share this story",
        "Thank you for subscribing!",
        "Want to read more? Subscribe now",
        "(Except for the headline, this story has not been edited by our staff and is published from a syndicated feed.)",
        "Follow our full coverage of the elections at https://example.com/elections",
        "Ad Feedback",
        "Why you can trust Example News",
        "End of Article",
        "Explore more on these topics",
        "In this article: Pakistan, Iran",
        "A- A+",
        "Play video (1:42)",
        "Showing 2 of 48 comments",
        "Newest | Oldest | Most liked",
        # mastheads with the date or edition, agency sign-offs, bracketed share buttons, digests
        "The Lakeside Gazette, March 4, 2025",
        "The Northern Observer - Tuesday 4 March 2025",
        "Coastal Herald | Mombasa, 4 March 2025",
        "La Voz Diario (English edition) | Quito, 4 March 2025",
        "The Prairie Review - Editorial Board - 4 March 2025",
        "Puerto Nuevo | English Edition",
        "ABC/DE/FG",
        "-- (XNA) A.B./C.D.",
        "(XNA)",
        "(END)",
        "[Share] [Twitter] [Telegram] [Copy link]",
        "Get the Lakeside Gazette morning briefing",
        "(c) XNA 2025 - Reproduction subject to prior authorisation",
        "Analysis | World",
        # a byline glued to its date, ending in a reading time; a double-dash agency sign-off
        "Lena Vogt14 June 2024, 09:12 GMT+2 | 3 min read",
        "-- Coastal News Agency",
        # a label before an address, a section's other stories, a place over its section, a section's name
        "Letters to the editor: letters@lakesidegazette.example",
        "Tips: newsroom@harbourpost.example",
        "More opinion: Why the port deal may not hold",
        "Moldova | Politics",
        "Foreign News Section",
        # the writer's note under an opinion piece
        "Tomas Berg is a contributing editor of The Northern Review.",
        "Ines Moreau is a lawyer and columnist based in Lyon.",
        # reading times glued to dates and times
        "Joana Pires3 May 2024, 10:05 WAT4 min read",
        "World 2 March 2023 11:40 (UTC+01:00)2 min read",
        # bylines with an agency, desks with their city, staff and agencies
        "By Lena Vogt with Reuters",
        "Harbour Post Bureau, Valletta",
        "Harbour Post staff and agencies",
        # breadcrumbs in another language, section paths, page controls, desk initials with a time, an agency
        "Inicio / Europa / Portugal",
        "Brief  |  Economy  |  Energy",
        "News ID: 5512 | Politics | Foreign Policy",
        "Print | Send to a friend | Font size",
        "ABC/DEF/1915 hrs",
        "AzNA",
        # captions ending in their agency, bracketed image notes, a caption saying what it shows
        "Fishermen mend their nets in the harbour. (Reuters)",
        "[Image: The two ministers in Valletta. (AFP/Getty) ]",
        "A coast guard cutter off Malta, in a file photograph.",
        # comment forms and commenters with figures for the date
        "Log in or register to comment",
        "Name * | Email * | Your comment *",
        "Ana_K, 02.04.2025 15:02",
        "Cookie settings: We and our 80 partners store and access information on your device. Accept all | Manage",
        # share buttons named with "this", section paths split by slashes, a "most read" list run into one line
        "Tweet this | Email | Print",
        "Share this story / Print",
        "Culture & Society / Europe / Malta",
        "Most read: 1. Ferry fares rise again",
        "Join the conversation — 7 comments",
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
        "Reported by state media, the strike killed three soldiers.",
        "Written by hand, the letter was delivered to the embassy.",
        "Breaking with tradition, the president skipped the summit.",
        "Live fire was heard near the border, residents said.",
        "Supplied by Russia, the jets arrived in March.",
        "Sponsored by the government, the bill passed easily.",
        "Most analysts expect a deal.",
        "Related talks in Doha collapsed last month.",
        "Latest figures show exports fell 12 percent.",
        "Opinion is divided on the deal.",
        "Premium petrol prices rose by 5 percent.",
        "Share prices fell 3 percent on Monday.",
        "Save the Children said 40 children had died.",
        "Kofi Mensah, the foreign minister, arrived in Accra on Monday.",
        "Ann Lee, a senior correspondent at the paper, was detained.",
        "G20: leaders meet in Johannesburg",
        "The average price was $39,014, up from $38,373 a year ago.",
        "Talks ended at 10:45 pm on Tuesday.",
        "By signing the deal, both sides agree to withdraw troops.",
        "Kallas met McCarthy on 3 March 2024",
        "BRUSSELS, Dec 3 (Reuters) - The European Union condemned the crackdown on Tuesday.",
        "US cuts embassy staff",
        "UN releases Gaza report",
        "Elections set for March 3, 2025",
        "Talks collapsed 2 hours ago",
        "Become a member of NATO, the envoy urged Kyiv.",
        "The report is available at https://example.org/report.",
        "In this article, the author looks at the border dispute.",
        "Back the deal, the president urged lawmakers.",
        "WASHINGTON, March 4, 2025",     # a dateline alone on its line gives the place: it stays
        "The Hague, 4 March 2025",
        "The talks ended in Geneva on March 4, 2025.",
        "Talks resumed in Geneva, 4 March 2025",
        "The US/UK plan failed.",
        "US/EU",
        "The End",
        "Ali Khan is an analyst at the Crisis Group in Islamabad.",   # a source introduced, not the writer
        "Paula Grant is the editor of the weekly, which was fined last year.",
        "India | Pakistan",
        "Prices rose 4 percent in March | Reuters",
        "Trade: exports fell 3 percent.",
        "GHANA",                          # a country in capitals, not an agency
        "He said the report was a 3 min read.",
        "Exports rose | Imports fell | Trade gap widened",
        "The aid arrived on 12.12.2024 at 11:02 in the port.",
        "WASHINGTON, Oct 21, 2024",
        "Bishkek, 13 March 2025, 16:40",   # a dateline with its time: the place tells whose officials speak
        "Exports / imports / reserves all fell in March.",   # slashes between lower-case words: prose
        "Most read newspapers lost readers.",
        "Email this afternoon showed the talks had stalled.",
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


def test_clean_comment_handles_without_digits_under_a_heading():
    text = ("The ministers met on Monday and agreed to talk again.\n\nJoin the conversation — 2 comments\n"
            "BlueHarbourFan: The deal will not last.\nk.mensah: At last some good news.")
    body, removed = clean_text(text)
    assert body == "The ministers met on Monday and agreed to talk again."
    assert removed[-1] == "k.mensah: At last some good news."
    assert match_rule("Reuters: the talks stalled.") is None


def test_clean_comments_heading_without_comment_lines_keeps_the_rest():
    text = "Comments\n\nThe ministers met on Monday and agreed to talk again.\n\nThey will meet in March."
    body, removed = clean_text(text)
    assert removed == ("Comments",)
    assert body == "The ministers met on Monday and agreed to talk again.\n\nThey will meet in March."


def test_clean_titles_under_a_list_heading_go_with_it():
    text = ("The ministers met on Monday and agreed to talk again.\n\nMost viewed\n"
            "1. Rents rise for the 14th month\n2. Storm warning for the coast\n\n"
            "They will meet in March.")
    body, removed = clean_text(text)
    assert body == "The ministers met on Monday and agreed to talk again.\n\nThey will meet in March."
    assert removed == ("Most viewed", "1. Rents rise for the 14th month", "2. Storm warning for the coast")


def test_clean_list_heading_stops_at_prose_and_at_other_furniture():
    # a hard-wrapped paragraph (next line in lower case) is not a story title; "Leave a Reply" is its own rule
    text = ("Related Posts\nFarmers in the north say\nthe rains came late this year.\n\n"
            "Related Posts\nTalks resume in Geneva\nLeave a Reply\nAmara O. June 8, 2024\nWell done.")
    body, removed = clean_text(text)
    assert body == "Farmers in the north say\nthe rains came late this year."
    assert removed == ("Related Posts", "Related Posts", "Talks resume in Geneva", "Leave a Reply",
                       "Amara O. June 8, 2024", "Well done.")


def test_clean_handle_comments_only_under_a_comments_heading():
    comment = "reader_42: The talks will fail again."
    assert match_rule(comment) is None
    text = f"The ministers met on Monday and agreed to talk again.\n\n48 comments\n{comment}\nAt last some news."
    body, removed = clean_text(text)
    assert body == "The ministers met on Monday and agreed to talk again."
    assert removed == ("48 comments", comment, "At last some news.")


def test_clean_titles_under_an_also_on_heading_go_with_it():
    text = ("The ministers met on Monday and agreed to talk again.\n\nAlso on the Harbour Post:\n"
            "Rents rise for the 14th month\nStorm warning for the coast\n\nThey will meet in March.")
    body, removed = clean_text(text)
    assert body == "The ministers met on Monday and agreed to talk again.\n\nThey will meet in March."
    assert removed == ("Also on the Harbour Post:", "Rents rise for the 14th month", "Storm warning for the coast")


def test_clean_comment_with_its_age_and_no_separator_under_a_heading():
    text = ("The ministers met on Monday and agreed to talk again.\n\nComments\n"
            "Lena K. 3 hours ago: Long overdue.\nOmar T. 1 hour ago: We will see.")
    body, removed = clean_text(text)
    assert body == "The ministers met on Monday and agreed to talk again."
    assert removed[-1] == "Omar T. 1 hour ago: We will see."
