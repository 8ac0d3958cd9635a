"""Page mode (rule page.outside): the main text of a whole page's text stays byte for
byte, the menus and footers around it go; extracts and clean text are not pages."""

from __future__ import annotations

import json
import re
import sys
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from boilerstrip import Cleaner, Config
from boilerstrip.cli import main
from boilerstrip.config import ConfigError
from boilerstrip.rules import page
from boilerstrip.text import split_lines

MENU = (
    "Home\nNews\nLocal\nWorld\nSport\nWeather\nCulture\nTravel\nBusiness\nScience\nHealth\n"
    "Food\nMusic\nBooks\nFilm\nPodcasts\nPuzzles\nEvents\nJobs\nHomes\nCars\nOpinion\n"
)
STORY = (
    "The harbour bridge opened again on Monday morning, two years after a storm tore away "
    "part of its deck.\n\n"
    "Engineers replaced the damaged section and strengthened the piers, the city said in a "
    "statement.\n\n"
    "Traffic was light in the first hours, but the ferry operators expect fewer passengers "
    "from now on.\n"
)
FOOTER = "About us\nContact\nCareers\nAdvertise\nPrivacy\nTerms\nCookies\nHelp\n"
PAGE = (
    "Harbour bridge reopens | The Coastal Times\n\n"
    + MENU
    + "\n"
    + MENU
    + "\n"
    + STORY
    + "\n"
    + FOOTER
    + "\n"
    + MENU
    + "\n© 2024 The Coastal Times\n"
)

GERMAN_STORY = (
    "Die Brücke über den Hafen ist seit Montag wieder offen, zwei Jahre nachdem ein Sturm "
    "einen Teil der Fahrbahn zerstört hatte.\n\n"
    "Die Ingenieure haben das beschädigte Stück ersetzt und die Pfeiler verstärkt, wie die "
    "Stadt in einer Mitteilung schreibt.\n"
)
GERMAN_MENU = (
    "Startseite\nNachrichten\nRegion\nWelt\nSport\nWetter\nKultur\nReisen\nWirtschaft\n"
    "Wissen\nGesundheit\nEssen\nMusik\nBücher\nKino\nPodcasts\nRätsel\nTermine\n"
)


def test_page_mode_keeps_the_main_text_byte_for_byte_and_drops_the_rest() -> None:
    out = Cleaner(Config(mode="page")).clean(PAGE)
    assert out == STORY


def test_every_removal_names_the_main_text_and_the_mode() -> None:
    explanation = Cleaner(Config(mode="page")).explain(PAGE)
    removed = [d for d in explanation.removed if d.rule_id == "BS1001"]
    assert {d.text for d in removed} >= {"Home", "About us"}
    assert "©" not in explanation.text
    first = STORY.splitlines()[0]
    assert first not in {d.text for d in explanation.removed}
    reason = removed[0].reason
    assert reason.startswith("before the main text (lines ")
    assert "the mode is page" in reason


def test_article_mode_never_cuts_a_page() -> None:
    explanation = Cleaner(Config(mode="article")).explain(PAGE)
    assert "BS1001" not in {d.rule_id for d in explanation.removed}
    assert "Home" in explanation.text


def test_page_mode_reads_prose_in_another_language() -> None:
    text = GERMAN_MENU + "\n" + GERMAN_STORY + "\n" + GERMAN_MENU + "\n© 2024 Hafenblatt\n"
    assert Cleaner(Config(mode="page")).clean(text) == GERMAN_STORY


def test_auto_mode_leaves_an_extract_to_the_line_rules() -> None:
    # a story with a short list inside it is no page, and its list stays
    text = STORY + "\nWhat changes:\n\n- two lanes\n- a cycle path\n- a footbridge\n\n" + STORY
    assert Cleaner().clean(text) == text


def test_a_page_is_detected_by_the_fitted_detector() -> None:
    # a long menu, a story of some length, footer links, a copyright line at the end
    big_menu = "".join(f"Section {chr(65 + i)}{chr(97 + j)}\n" for i in range(8) for j in range(10))
    story = "\n".join([STORY] * 4)
    text = (
        "Harbour bridge reopens | The Coastal Times\n\n"
        + big_menu
        + "\n"
        + story
        + "\nShare on Facebook\nShare on X\n\nAdvertisement\n\n"
        + big_menu
        + "\n"
        + FOOTER
        + "\n© 2024 The Coastal Times\n"
    )
    explanation = Cleaner().explain(text)
    assert explanation.text == story
    reasons = {d.reason for d in explanation.removed if d.rule_id == "BS1001"}
    assert any("the text reads as a whole page (score +" in r for r in reasons), reasons


def test_prose_spread_over_many_runs_is_not_one_page() -> None:
    # documentation: prose between long code listings; the main run holds a part of it
    code = "".join(f"x{i} = compute({i})\n" for i in range(40))
    text = "".join(f"Step {n}. {STORY.splitlines()[0]}\n\n{code}\n" for n in range(6))
    reading = page.read(split_lines(text), ())
    assert reading is not None
    assert reading.features["inside"] < page._MIN_INSIDE
    assert page.cut_region(reading) is None


def test_the_detector_weights_name_the_features_read_gives() -> None:
    names, weights, _bias = page._detector()
    reading = page.read(split_lines(PAGE), ())
    assert reading is not None
    assert set(names) <= set(reading.features) and len(weights) == len(names)


def test_mode_is_checked() -> None:
    with pytest.raises(ConfigError, match="mode must be one of auto, article, page"):
        Config(mode="pages")


def test_cli_mode_option(tmp_path) -> None:
    src = tmp_path / "page.jsonl"
    src.write_text(json.dumps({"text": PAGE}) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["clean", "--mode", "page", str(src), "-o", str(out)])
    assert result.exit_code == 0, result.output
    (written,) = out.rglob("*.jsonl")
    assert json.loads(written.read_text(encoding="utf-8"))["text"] == STORY


def test_a_list_that_the_main_text_announces_with_a_colon_stays() -> None:
    story = (
        STORY
        + "\nThe ferry timetable for the winter:\n\n"
        + (
            "Monday to Friday, 6:15 to 22:40, every 20 minutes\n"
            "Saturday 7:00 to 23:30, every 30 minutes\n"
            "Sundays and holidays 8:00 to 21:00, every hour\n"
        )
    )
    text = MENU + "\n" + story + "\n" + FOOTER + "\n" + MENU
    assert Cleaner(Config(mode="page")).clean(text) == story


def test_a_paragraph_that_a_line_rule_removed_is_not_the_main_text() -> None:
    # The cookie notice is longer than the story, but notice.cookie removed it: it counts
    # as a label, and the story is the main text (before, the text came back empty).
    cookie = (
        "We use cookies and similar technologies to improve your experience on our website, "
        "to show you personalised content and advertising, and to analyse our traffic; by "
        "clicking accept you agree to the use of cookies as described in our cookie policy, "
        "which you can change at any time in the settings of your browser.\n"
    )
    story = (
        "The harbour bridge opened again on Monday morning, two years after a storm tore "
        "away part of its deck.\n"
    )
    text = MENU + "\n" + story + "\n" + MENU + "\n" + FOOTER + "\n" + cookie
    assert Cleaner(Config(mode="page")).clean(text) == story


def test_reference_style_links_are_link_text() -> None:
    assert page.visible("* [Home][1]") == ("Home", 4)
    assert page.visible("Read the [full report][12] today.") == ("Read the full report today.", 11)


def test_an_html_tag_in_the_text_is_no_link() -> None:
    # Documentation names its tags ("the <table> element"); an address in parentheses
    # after a link's text, as some converters write it, is a link.
    assert page.visible("The <table> element holds rows of cells.") == (
        "The  element holds rows of cells.",
        0,
    )
    assert page.visible("Home (https://example.org/)") == ("Home", 4)


PAGES = json.loads(
    (Path(__file__).resolve().parent.parent / "fixtures" / "pages" / "pages.json").read_text(
        encoding="utf-8"
    )
)


@pytest.mark.parametrize("row", PAGES, ids=[row["label"] for row in PAGES])
def test_a_page_dump_comes_back_as_its_story(row: dict[str, str]) -> None:
    # Twelve languages, a get_text()-like dump and a Markdown one each: menus, headline,
    # byline, share bar, story, tags, related links, newsletter form, comments, most read,
    # footer. The default config finds the page and keeps exactly the story.
    assert Cleaner().clean(row["page"]) == row["article"]


@pytest.mark.parametrize("row", PAGES, ids=[row["label"] for row in PAGES])
def test_the_story_alone_is_no_page(row: dict[str, str]) -> None:
    assert Cleaner().clean(row["article"]) == row["article"]


def test_a_text_of_more_lines_than_any_page_is_no_page() -> None:
    # In auto mode a text of more than page.MAX_LINES (10,000) lines is not read as a
    # page: the unit pass would hold a tuple per line of it (1M one-word lines took 120
    # times their size).
    reps = page.MAX_LINES // (2 * MENU.count("\n")) + 1
    many = MENU * reps + "\n" + STORY + "\n" + MENU * reps + "\n© 2024 The Coastal Times\n"
    assert many.count("\n") > page.MAX_LINES
    assert "BS1001" not in {d.rule_id for d in Cleaner().explain(many).removed}
    # The same shape, shorter, is a page.
    few = MENU * 3 + "\n" + STORY + "\n" + MENU * 3 + "\n© 2024 The Coastal Times\n"
    assert "BS1001" in {d.rule_id for d in Cleaner().explain(few).removed}


def test_one_paragraph_amid_labels_is_not_cut_as_a_page() -> None:
    # A catalogue's blurb between its menus and its grid reads as a page on every other
    # feature; one paragraph is too little main text to cut the rest for.
    blurb = STORY.split("\n\n")[0] + "\n"
    text = MENU + "\n" + MENU + "\n" + blurb + "\n" + FOOTER + "\n" + MENU + "\n© 2024 Shop\n"
    assert "BS1001" not in {d.rule_id for d in Cleaner().explain(text).removed}
    assert Cleaner(Config(mode="page")).clean(text) == blurb


def test_cleaning_a_page_twice_changes_nothing_more() -> None:
    # Debris between the story's short paragraphs (an ad label and two share prompts)
    # splits the main run; once cleaned, the paragraphs stand together. The guard reads
    # the text as its cleaned self would, so the first clean() already cuts the page, and
    # the second has nothing left to cut (before, the first left the page whole and the
    # second cut it).
    paragraphs = (
        "The harbour bridge opened again on Monday after repairs.",
        "Engineers replaced the deck and strengthened all the piers.",
        "Ferry operators now expect fewer passengers on the route.",
    )
    debris = "Advertisement\n\nShare this article\n\nShare on Facebook\n\n"
    story = "".join(p + "\n\n" + debris for p in paragraphs)
    text = MENU + "\n" + MENU + "\n" + story + FOOTER + "\n" + MENU + "\n© 2024 Times\n"
    once = Cleaner().clean(text)
    assert Cleaner().clean(once) == once
    assert "Home" not in once and all(p in once for p in paragraphs)


def test_a_known_title_anchors_the_main_text() -> None:
    # A short story after its headline, a longer legal notice at the foot of the page:
    # without the title the notice is the longest run of prose; with it, the story that
    # starts after the headline is the main text.
    title = "Harbour bridge reopens after two years of repairs"
    notice = (
        "The information provided on this website, including articles, pages and all other "
        "materials, is for general information only and is not advice of any kind; the "
        "publisher makes no warranty about its accuracy, completeness or fitness for a "
        "purpose, and accepts no liability for any loss that may arise from its use.\n\n"
        "All trademarks, logos and brand names shown on this website are the property of "
        "their respective owners, and their use here does not imply any endorsement; "
        "reproduction of any material from this website in whole or in part without the "
        "written permission of the publisher is prohibited in every country.\n"
    )
    text = MENU + "\n" + title + "\n\n" + STORY + "\n" + MENU + "\n" + FOOTER + "\n" + notice
    cleaner = Cleaner(Config(mode="page"))
    assert cleaner.clean(text) != STORY
    assert cleaner.clean(text, title=title) == STORY


def test_a_markdown_dump_with_absolute_link_addresses_is_a_page() -> None:
    # Converters write each menu item with its full address: the lines are long as text
    # but short as a reader sees them, and the text is still a page.
    for row in PAGES:
        if row["layout"] != "markdown":
            continue
        absolute = re.sub(
            r"\]\(/([^)]*)\)",
            r"](https://www.daily-paper.example/\1?utm_source=navigation)",
            row["page"],
        )
        assert absolute != row["page"]
        assert Cleaner().clean(absolute) == row["article"], row["label"]


TEASERS = (
    "More from the Coastal Times\n\n"
    "Ferry fares to rise in spring\n"
    "The operators say fuel costs and new crew rules leave them no other choice this year.\n"
    "3 hours ago\n\n"
    "Lifeboat crew honoured at the palace\n"
    "Four volunteers who rescued a fishing crew in a winter gale received medals on Friday.\n"
    "5 hours ago\n\n"
    "Harbour market moves indoors\n"
    "The stallholders voted to move into the old fish hall until the roof is repaired.\n"
    "Yesterday\n"
)


def test_teasers_with_their_summaries_after_the_story_are_outside_it() -> None:
    # Each teaser's summary is prose, so the run of the most prose goes on through them;
    # they stand alone between labels (a headline, a time), where the story's paragraphs
    # follow one another: a list after the story, cut with the footer.
    story = STORY.replace("\n\n", "\n\nThe bridge carries 20,000 cars a day. ", 1)
    page_text = PAGE.replace(STORY, story + "\n" + TEASERS)
    assert Cleaner(Config(mode="page")).clean(page_text) == story
    assert Cleaner().clean(page_text) == story
    # The reason says why lines of prose are outside the main text.
    reasons = {d.text: d.reason for d in Cleaner().explain(page_text).removed}
    assert "the list of 3 prose items" in reasons["Lifeboat crew honoured at the palace"]


LONG_STORY = (
    "The harbour bridge opened again on Monday morning, two years after a storm tore away "
    "part of its deck and left the town's two halves joined only by a ferry.\n\n"
    "Engineers replaced the damaged section and strengthened the piers, the city said in a "
    "statement, and the work came in a month early and close to its budget.\n\n"
    "Traffic was light in the first hours, but the ferry operators expect fewer passengers "
    "from now on and have already cut two of their evening crossings.\n\n"
    "Shopkeepers on the north side said they had lost a third of their trade while the "
    "bridge was closed, and several of them had to let staff go last winter.\n\n"
    "The council plans a street party on the bridge next Saturday, with music from the "
    "school bands and a market of stalls from both sides of the harbour.\n\n"
    "A new cycle lane runs the length of the deck, separated from the cars by a low kerb "
    "that the engineers say will not trap the wheels of prams or wheelchairs.\n\n"
    "The bridge was first opened in 1934 and has been rebuilt twice, after a fire in the "
    "fifties and after a ship struck one of its piers in the winter of 1987.\n\n"
    "Residents who lived through the closure said they would not miss the long queues for "
    "the ferry, though some admitted they had come to enjoy the crossing.\n"
)


def test_a_page_dump_whose_long_lines_outnumber_its_short_ones_passes_the_cheap_check() -> None:
    # html2text writes each paragraph as several lines of 60 to 78 characters, and a long
    # story in any dump has more lines than its menus: short lines are a third of the text
    # or more, not half. The detector then weighs it.
    paras = LONG_STORY.rstrip("\n").split("\n\n")
    long_paras = [paras[i] + " " + paras[(i + 1) % len(paras)] for i in range(len(paras))]
    wrapped = "\n\n".join(textwrap.fill(p, width=72) for p in long_paras)
    lines = split_lines("Harbour bridge reopens\n\n" + MENU + "\n" + wrapped + "\n")
    filled = [line for line in lines if line.strip()]
    assert 2 * sum(len(line.strip()) < 50 for line in filled) < len(filled)
    assert page._maybe_page(lines)
    # The story alone, wrapped, has too few short lines to be a page.
    assert not page._maybe_page(split_lines(wrapped + "\n"))


def test_page_mode_runs_without_justext(monkeypatch: pytest.MonkeyPatch) -> None:
    # justext comes with trafilatura; installed without it (pip --no-deps), page mode reads
    # prose without stop lists and says so once, instead of failing on every page.
    monkeypatch.setitem(sys.modules, "justext", None)  # import justext raises ImportError
    page._stop_index.cache_clear()
    try:
        with pytest.warns(RuntimeWarning, match="justext"):
            out = Cleaner().clean(PAGE)
        assert out == STORY
    finally:
        page._stop_index.cache_clear()


def test_a_wrapped_paragraph_keeps_its_text_when_a_bare_address_ends_it() -> None:
    # A hard-wrapped dump: a paragraph's last long line, with no end mark, is followed by a
    # line that is only an address (which a reader does not see). The unit is the
    # paragraph's text; it used to become empty, and its prose scored as a label.
    text = (
        "The harbour bridge reopened on Monday after three months of repair work\n"
        "on its deck, and the first cars crossed it at noon under a clear sky.\n"
        "\n"
        "Engineers replaced the cables that had rusted through in the winter storms\n"
        "and tested each of them twice before the council let traffic back on.\n"
        "\n"
        "Shops on both banks of the river said that trade had fallen by a third and\n"
        "that they were glad to see the drivers and the walkers come back at last.\n"
        "\n"
        "The council said that the final bill for the work came to four million in\n"
        "https://example.org/images/bridge-cables-768x512.jpg\n"
    )
    lines = split_lines(text)
    assert page._wrapped(lines)
    last = page.units(lines)[-1]
    assert (last.first, last.last) == (9, 10)
    assert last.text == "The council said that the final bill for the work came to four million in"
    assert last.words == 15


RECIPE_INTRO = (
    "Barley soup is the dish my grandmother cooked every winter, and the lemon keeps it "
    "bright rather than heavy.\n\n"
    "It keeps for three days in the fridge and tastes better on the second.\n"
)
RECIPE_FIELDS = (
    "Serves 4\nPrep: 15 minutes\nCook: 45 minutes\n\nIngredients\n1 litre vegetable stock\n"
    "150 g pearl barley\n2 lemons, juice and zest\n3 carrots, diced\n2 sticks of celery\n"
    "1 onion, chopped\n2 cloves garlic\n2 tbsp olive oil\n1 bay leaf\n200 g spinach\n"
    "Salt and pepper\n\nMethod\n"
)
RECIPE_STEPS = (
    "Warm the oil in a large pan and soften the onion, carrots and celery for ten minutes.\n"
    "Add the garlic, the barley and the bay leaf, then pour in the stock and bring it to "
    "the boil.\n"
    "Simmer for forty minutes until the barley is tender, stirring now and then.\n"
    "Stir in the spinach, the lemon juice and zest, and season it well before serving.\n"
)


def test_the_fields_next_to_the_main_text_stay_with_it() -> None:
    # A recipe's quantities (a product's specifications, a schedule's times) are labels
    # to the page scorer, and there are enough of them between the introduction and the
    # steps that the main run is the steps alone; figures beside the main text read as its
    # fields, not as a menu.
    text = MENU + "\n" + RECIPE_INTRO + "\n" + RECIPE_FIELDS + RECIPE_STEPS + "\n" + FOOTER + MENU
    explanation = Cleaner(Config(mode="page")).explain(text)
    kept = explanation.text.splitlines()
    for line in ("150 g pearl barley", "Serves 4", "1 litre vegetable stock", "Method"):
        assert line in kept
    assert "Home" not in kept and "About us" not in kept
    reason = next(d.reason for d in explanation.removed if d.text == "About us")
    assert "fields" in reason


def test_a_numbered_list_of_headlines_is_no_field() -> None:
    most_read = (
        "Most read\n1. Council votes to close the old library\n2. Storm damages harbour "
        "wall again\n3. New ferry timetable starts in May\n4. School wins national robotics "
        "prize\n5. Police appeal after bakery break-in\n"
    )
    text = MENU + "\n" + STORY + "\n" + most_read + "\n" + FOOTER + MENU
    out = Cleaner(Config(mode="page")).clean(text)
    assert out == STORY


def test_the_headline_right_above_the_main_text_stays() -> None:
    # A label of five words or more, alone between shorter labels, right above the main
    # text: its headline (a product's name, a service page's opening line).
    headline = "Harbour bridge reopens after two years of repairs\n"
    text = MENU + "\n" + headline + "\n" + STORY + "\n" + FOOTER + MENU
    assert Cleaner(Config(mode="page")).clean(text) == headline + "\n" + STORY


def test_headlines_listed_above_the_main_text_go() -> None:
    latest = (
        "Latest\nCouncil votes to close the old library on Friday\nStorm damages the "
        "harbour wall once again\nNew ferry timetable starts in May for islanders\n"
    )
    text = MENU + "\n" + latest + "\n" + STORY + "\n" + FOOTER + MENU
    assert Cleaner(Config(mode="page")).clean(text) == STORY


def test_a_short_sentence_right_above_the_main_text_stays() -> None:
    lead = "Two years later, the bridge is open.\n"
    text = MENU + "\n" + lead + "\n" + STORY + "\n" + FOOTER + MENU
    assert Cleaner(Config(mode="page")).clean(text) == lead + "\n" + STORY


def test_the_keys_of_fields_above_the_main_text_stay_with_them() -> None:
    # A product's specifications above its description, a key over each value: a key
    # next to a field goes with it, as no menu item does.
    specs = "Power\n2200 W\nCapacity\n1.7 litres\nWeight\n1.45 kg\nWarranty\n2 years\n"
    text = MENU + "\n" + specs + "\n" + STORY + "\n" + FOOTER + MENU
    kept = Cleaner(Config(mode="page")).clean(text).splitlines()
    for line in ("2200 W", "Capacity", "1.7 litres", "Weight", "Warranty", "2 years"):
        assert line in kept
    assert "Home" not in kept
