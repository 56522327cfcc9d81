"""Names of the example reports: titles, variants, surnames, and what is not a name."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from nameparser import HumanName

from compare.details import extract_details, match_details
from compare.models import Article, Detail
from compare.names import (
    _name_fields,
    cross_fold,
    extract_names,
    name_key,
    person_key,
    singular,
)


def test_titles_folded_and_surnames_joined(article_a, article_b):
    b = extract_details(article_b)
    names = {d.text: d.value for d in b if d.kind == "name"}
    assert names["Joe Biden"] == "joe biden"  # from "US President Joe Biden"
    assert names["US"] == "united states"
    assert names["Stefano Pontecorvo"] == "stefano pontecorvo"  # "Ambassador ..."
    assert {d.value for d in b if d.text == "Stoltenberg"} == {"jens stoltenberg"}
    a = extract_details(article_a)
    assert {d.value for d in a if d.text in {"U.S.", "United States"}} == {"united states"}


def test_possessive_and_variant_join(article_b):
    nato = [d for d in extract_details(article_b) if d.value == "nato"]
    assert len(nato) >= 5 and all(d.text == "NATO" for d in nato)  # NATO's -> NATO


def test_no_names_from_sentence_initial_common_words(article_a):
    texts = {d.text for d in extract_details(article_a) if d.kind == "name"}
    assert not texts & {"Parts", "None", "At", "He", "The", "Afghan"}


def test_name_key_folds_case_accents_dots_and_possessive():
    assert name_key("U.S.") == "us"
    assert name_key("the Pentagon’s") == "pentagon"
    assert name_key("Jens  Stoltenberg") == name_key("jens stoltenberg")
    assert name_key("José") == "jose"
    assert singular("troops") == "troop" and singular("congress") == "congress"


def test_particles_initials_and_blocked_spans():
    art = Article.from_text("Officials said Osama bin Laden met George W. Bush in May.")
    got = {d.text for d in extract_names(art)}
    assert {"Osama bin Laden", "George W. Bush"} <= got
    # a span taken by a date is never a name
    may = art.text.index("May")
    assert "May" not in {d.text for d in extract_names(art, {0: [(may, may + 3)]})}


def test_party_labels_and_and_split():
    art = Article.from_text("Sen. Ted Cruz (R-Texas) spoke as the US and UK met.")
    texts = {d.text for d in extract_names(art)}
    assert "Ted Cruz" in texts and not any(t.startswith("R-") for t in texts)
    assert {"US", "UK"} <= texts


def test_cross_fold_joins_a_bare_surname_to_the_other_reports_full_name():
    mine = [Detail("name", "other", "Stoltenberg", "stoltenberg", 0, 11, 0)]
    other = [Detail("name", "person", "Jens Stoltenberg", "jens stoltenberg", 0, 16, 0)]
    assert [(d.value, d.category) for d in cross_fold(mine, other)] == [
        ("jens stoltenberg", "person")]
    two = [*other, Detail("name", "person", "Anna Stoltenberg", "anna stoltenberg", 20, 36, 0)]
    assert cross_fold(mine, two) == mine  # two full names fit: left alone


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from([
    "The ", "Mr. ", "Jens ", "Stoltenberg ", "of ", "and ", "al ", "Qaeda ", "NATO's ",
    "U.S. ", "President ", "Joe ", "Biden ", "said ", ". ", ", ", "“", "”", "\n\n", "A. ",
    "Afghan ", "Department ", "Health ", "R-Texas ", "New ", "York "]),
    min_size=1, max_size=30).map("".join))
def test_names_index_the_text_and_are_deterministic(text):
    if not text.strip():
        return
    art = Article.from_text(text)
    names = extract_names(art)
    for d in names:
        assert art.text[d.start:d.end] == d.text and d.kind == "name"
        assert d.value == d.value.strip() and d.value
    assert names == extract_names(Article.from_text(text))


def _values(text):
    return {d.value for d in extract_names(Article.from_text(text))}


def test_a_plural_title_ending_the_sentence_before_starts_the_names():
    got = _values("The letter came from Sen. Roy Blunt and former Sens. John Ashcroft, "
                  "Kit Bond and Jim Talent\n\nThey met.")
    assert {"roy blunt", "john ashcroft", "kit bond", "jim talent"} <= got
    assert "sens" not in got


def test_a_person_on_an_organisation_is_two_names():
    got = _values("He spoke with Anderson Cooper on CNN and the Council on Foreign Relations.")
    assert {"anderson cooper", "cnn", "council on foreign relations"} <= got
    assert "anderson cooper on cnn" not in got
    assert {"senate", "republican party"} <= _values("He met the Senate GOP leaders.")


def test_headline_keeps_only_the_words_the_body_vouches_for():
    got = _values("Mayor Jones Defends Huge Budget Plan In Heated Session\n\n"
                  "The mayor, Ann Jones, defended her budget plan on Monday.")
    assert not any(len(v.split()) > 2 for v in got)
    assert "ann jones" in got


def test_common_words_laws_openers_and_handles_are_not_names():
    got = _values("He called it a witch hunt. “Witch Hunt!” he wrote. Is it true? I’m sure. "
                  "The Civil Rights Act was cited by @SecretService and Bob Park.")
    assert got == {"bob park"}


def test_surname_before_the_full_name_is_not_folded_into_it():
    art = Article.from_text("President Brown spoke. His wife, Mary Brown, said Mr. Brown left.")
    values = [d.value for d in extract_names(art) if d.text == "Brown"]
    assert values and "mary brown" not in values


def test_full_name_variants_join_across_reports():
    def person(text, value):
        return Detail("name", "person", text, value, 0, len(text), 0)
    pairs = [("joseph m sellers", "joseph sellers"), ("john g roberts jr", "john roberts"),
             ("chuck schumer", "charles schumer")]
    for x, y in pairs:
        a, b = cross_fold([person(x, x)], [person(y, y)]), cross_fold([person(y, y)],
                                                                      [person(x, x)])
        assert a[0].value == b[0].value, (x, y)
    assert person_key("Theodore J. Boutrous Jr.") == ("theodore", "boutrous")
    # one person written two ways in one report and a third way in the other: one value
    two = [person("joe sellers", "joe sellers"), person("joseph sellers", "joseph sellers")]
    mine = [person("joseph m sellers", "joseph m sellers")]
    assert len({d.value for d in cross_fold(mine, two) + cross_fold(two, mine)}) == 1
    # middle initials that disagree are two people: left alone
    w, hw = [person("george w bush", "george w bush")], [person("george h w bush",
                                                              "george h w bush")]
    assert cross_fold(w, hw)[0].value == "george w bush"
    assert cross_fold(hw, w)[0].value == "george h w bush"
    # a first name or a shorter body that fits two names of the other report: left alone
    two = [person("hillary clinton", "hillary clinton"), person("hillary duff", "hillary duff")]
    assert cross_fold([person("hillary", "hillary")], two)[0].value == "hillary"


def _unshared(text_a: str, text_b: str) -> set[str]:

    a, b = Article.from_text(text_a, name="a"), Article.from_text(text_b, name="b")
    return {m.value for m in match_details(a, b) if m.kind == "name" and m.status != "shared"}


@pytest.mark.parametrize(("text_a", "text_b"), [
    # one report writes the same person two ways, the other one of them
    ("Rep. Paul D. Ryan spoke on Monday. Later Paul Ryan left the hall.",
     "Rep. Paul Ryan spoke on Monday."),
    # an initial with the name the person goes by, and that name's short form
    ("J. Christopher Stevens died in the attack.", "Ambassador Chris Stevens died there."),
    # a person who goes by a middle name; a nickname
    ("Byron Todd Jones was named to run the agency.", "Todd Jones was named to run it."),
    ("Zack Barth was hurt on the field.", "Zachary Barth was hurt on the field."),
    # a body named without the chamber or word before it, in the other report
    ("The Senate Judiciary Committee met on Monday.", "The Judiciary Committee met."),
    # a person by first name alone where one person of that first name is named
    ("Hillary Clinton spoke in Ohio on Monday.", "Critics in Ohio said Hillary was wrong."),
    # an organisation's acronym and its full name
    ("The Democratic National Committee said so.", "Officials at the DNC said so."),
    ("The DNC said so. The Democratic National Committee is old.", "The DNC said so."),
    # a generic last word, a country before an organisation
    ("NBC News reported it first.", "The story ran on NBC later."),
    ("The U.S. Conference of Catholic Bishops wrote a letter.",
     "The Conference of Catholic Bishops wrote a letter."),
])
def test_variants_join_across_reports(text_a, text_b):
    assert not _unshared(text_a, text_b) and not _unshared(text_b, text_a)


@pytest.mark.parametrize(("text", "junk", "name"), [
    ("It was Vice Chairman Tom Ruppersberger who spoke.", "vice", "tom ruppersberger"),
    ("On Monday the Speaker of the House John Boehner spoke.", "house john boehner",
     "john boehner"),
    ("The Special Agents Crystal Griner and Dan Bailey were hurt.",
     "special agents crystal griner", "crystal griner"),
    ("WASHINGTON — E-mails released by the White House on Monday show it.", "e",
     "white house"),
])
def test_no_title_parts_or_single_letters_as_names(text, junk, name):
    values = _values(text)
    assert junk not in values and name in values, values
    assert "monday" not in values, values


# --- issue 11, round 3: kinds found on dev BASIL events (not the frozen gold's) ----


def _named(text: str) -> dict[str, str]:
    return {d.text: d.value for d in extract_details(Article.from_text(text))
            if d.kind == "name"}


def test_a_title_before_an_organisation_word_is_part_of_the_name():
    names = _named("Lawmakers asked the Justice Department to act. The Justice Department "
                    "wrote to Mr. Issa last week.")
    assert set(names.values()) == {"justice department", "issa"}


def test_a_known_name_is_not_split_at_a_common_word_inside_it():
    names = _named("Ann Bay, the party's candidate for the United States Senate in Ohio, "
                    "spoke.")
    assert "united" not in names.values() and "united states" in names.values()
    names = _named("National Security Adviser Susan Rice spoke on Tuesday.")
    assert names == {"Susan Rice": "susan rice"}


def test_state_abbreviations_after_a_city_are_the_states():
    names = _named("Bishop Dan Jenks, of Peoria, Ill., spoke. A man near Austin, Tex., "
                    "posted it.")
    assert names["Ill"] == "illinois" and names["Tex"] == "texas"


def test_holidays_groups_and_kin_words_are_not_names():
    names = _named("Kids cannot openly celebrate Christmas, and Republican-run states, "
                    "Texans and Pennsylvanians agree. \"Thank you, Dad,\" Seth Hill said. "
                    "Members of the Jesuit order and Methodist leaders came.")
    assert set(names.values()) == {"seth hill"}


def test_titles_of_shows_in_quotes_are_not_names_but_people_in_them_are():
    names = _named("Speaking on ABC's \"This Week,\" Sen. John Hale said it. Mr. Paul said "
                    "on the CNN program \"State of the Union.\" Mr. Graham said on Fox News' "
                    "\"On the Record with Greta Van Susteren.\"")
    assert set(names.values()) == {"abc", "john hale", "paul", "cnn", "graham", "fox news",
                                   "greta van susteren"}


def test_a_religious_title_and_order_are_not_part_of_the_name():
    names = _named("The letter was signed by Jesuit Father Thomas J. Reese of Georgetown.")
    assert names == {"Thomas J. Reese": "thomas j reese", "Georgetown": "georgetown"}


def test_an_organisation_with_and_without_university_joins_across_reports():
    a = extract_details(Article.from_text("Faculty at Georgetown University wrote to him."))
    b = extract_details(Article.from_text("He will speak at Georgetown on Thursday, the "
                                          "faculty of Georgetown said."))
    assert {d.value for d in cross_fold(a, b) if d.kind == "name"} == \
        {d.value for d in cross_fold(b, a) if d.kind == "name"}


def _only_one(a_text: str, b_text: str) -> set[str]:
    a, b = Article.from_text(a_text), Article.from_text(b_text)
    return {m.value for m in match_details(a, b) if m.kind == "name" and m.status != "shared"}


def test_a_place_alone_is_not_the_surname_of_a_body_named_after_it():
    # "Iowa" in a is Iowa, not the "University of Iowa" b also names
    assert _only_one("Farmers across Iowa met on Monday.",
                     "He studied at the University of Iowa and farms in Iowa.") == \
        {"university of iowa"}


def test_organisation_variants_join_across_reports():
    assert _only_one("Shoppers at Wal-Mart met the U.S. Conference of Catholic Bishops.",
                     "Shoppers at Walmart met the United States Conference of Catholic "
                     "Bishops.") == set()


def test_a_show_title_after_a_long_quote_is_still_found():
    names = _named("\"We were not told anything about the timing of the vote, nor about the "
                   "content of the bill that the House passed,\" Ms. Reyes said. Mr. Graham "
                   "said on Fox News' \"On the Record with Greta Van Susteren.\"")
    assert "record" not in names.values()


def test_a_number_word_opening_a_sentence_is_not_part_of_a_name():
    assert _named("One Facebook user who lives near Austin posted this.")["Facebook"] == \
        "facebook"


def test_an_agency_named_with_and_and_a_modifier_stays_one_name():
    names = _named("Officials of the Centers for Disease Control and Prevention spoke. "
                   "They met the National Rifle Association on Monday. The United States "
                   "Fish and Wildlife Service met near the World Trade Center. The House Ways "
                   "and Means Committee met. The vote in the House and Senate was close.")
    assert set(names.values()) == {
        "centers for disease control and prevention", "national rifle association",
        "united states fish and wildlife service", "world trade center",
        "house ways and means committee", "house", "senate"}


def test_more_titles_before_names():
    names = _named("Senate President Pro Tem Dave Long and Interior Secretary Ryan Zale met.")
    assert {"dave long", "ryan zale"} <= set(names.values())
    assert not any("pro tem" in v or "interior" in v for v in names.values())


def test_two_bodies_joined_by_and_stay_two():
    names = _named("The mayor, the city's Chamber of Commerce and Arkansas-based Acme spoke. "
                   "It was obtained by The Weekly Standard and ABC News on Monday.")
    assert {"chamber of commerce", "weekly standard", "abc news"} <= set(names.values())
    # a state's party is one body
    assert _named("Saul Anuz, who leads the Michigan Republican Party, spoke.")[
        "Michigan Republican Party"] == "michigan republican party"


def test_a_leading_led_or_controlled_modifier_and_an_act_of_are_no_part_of_names():
    a = _named("The bill passed the Democratic-led Senate. It needs an Act of Congress.")
    b = _named("The bill passed the Democratic-controlled Senate on Monday.")
    assert set(a.values()) == set(b.values()) == {"senate"}
    assert "member of congress" not in _named("He served as a Member of Congress.").values()


def test_congressional_alone_is_an_adjective_but_starts_names():
    names = _named("It fell to the Congressional schedule. Congressional Budget Office figures "
                   "and the Congressional Prayer Caucus disagree.")
    assert set(names.values()) == {"congressional budget office", "congressional prayer caucus"}


# --- issue 11, round 4: kinds found on dev BASIL events 70c744ad..84678e18 ----------


def test_a_person_of_a_place_or_body_is_two_names():
    names = _named("Senators Thane Ashby of Rhode Island and Paul K. Dunne of Ohio spoke. "
                   "\u201cIt is late,\u201d said Carla Ruiz Mendel of Harbin L.L.P., a firm. "
                   "Justice Ada Morrow of the Supreme Court was quoted.")
    values = set(names.values())
    assert {"thane ashby", "rhode island", "paul k dunne", "ohio", "carla ruiz mendel",
            "ada morrow", "supreme court"} <= values, values
    assert not any(" of " in v for v in values), values
    names = _named("But Ivo Prell of the Cato Institute disagreed. Historian Una Marsh of "
                   "Columbia University agreed with the Office of the Historian.")
    assert {"ivo prell", "cato institute", "una marsh", "columbia university",
            "office of the historian"} == set(names.values()), names
    # a body or a place named with 'of' stays one name
    assert {"university of iowa", "bank of america"} <= set(
        _named("The University of Iowa and the Bank of America met.").values())


def test_an_acronym_and_a_department_are_two_names():
    names = _named("Couples can file jointly, the IRS and Treasury Department said Monday.")
    assert {"irs", "treasury department"} <= set(names.values()), names


@pytest.mark.parametrize(("text_a", "text_b"), [
    # a department named 'of the' in one report, before its word in the other
    ("The U.S. Department of the Treasury said so on Monday.",
     "The Treasury Department said so on Monday."),
    ("Members of the Senate Committee on Intelligence met.",
     "Members of the Senate Intelligence Committee met."),
    ("Members of the Senate Committee on Intelligence met.",
     "Members of the Senate Intelligence panel met."),
    ("She spoke before the House Committee on Oversight and Government Reform.",
     "She spoke before the House Oversight and Government Reform Committee."),
    ("The Department of Justice opened an inquiry.",
     "The Justice Department opened an inquiry."),
    # a first name alone where the other report names the one person of that first name
    ("Ottoline Brask waved from the stage in Ohio.", "In Ohio, Ottoline waved from the stage."),
    # a body without the words before it
    ("The State Department Accountability Review Board wrote it.",
     "The Accountability Review Board wrote it."),
    # a body without its organisation word
    ("The Senate Foreign Relations panel met.", "The Senate Foreign Relations Committee met."),
    ("Officials at the Treasury said so.", "Officials at the Treasury Department said so."),
    # a body without the common word that ends its name ("Secure America Now")
    ("The ad cost Vale America $1 million.", "The ad by Vale America Now, a group, ran."),
    # a title written short
    ("It was former Cong. Rob Simmons on Monday.", "It was Rob Simmons on Monday."),
    # a newspaper by its last word where the other report names it in full
    ("Mr. Hale told The Times on Monday that he would run.",
     "Mr. Hale told The New York Times on Monday that he would run."),
])
def test_more_variants_join_across_reports(text_a, text_b):
    assert not _unshared(text_a, text_b) and not _unshared(text_b, text_a)


def test_a_role_capitalised_at_a_sentence_start_is_a_title():
    assert set(_named("He spoke. Journalist Ada Quist asked him on Monday.").values()) == {
        "ada quist"}


def test_a_doctrine_is_no_name_and_a_surname_alone_joins_no_name_it_starts():
    assert "marlow doctrine" not in _named("He backed the Marlow Doctrine on Monday.").values()
    a = [Detail("name", "other", "Marlow", "marlow", 0, 6, 0)]
    b = [Detail("name", "person", "Marlow Girls", "marlow girls", 0, 12, 0)]
    assert cross_fold(a, b)[0].value == "marlow"


@pytest.mark.parametrize(("text", "junk", "name"), [
    ("He skipped a Martin Lee King Jr. breakfast on Monday.", "jr", "martin lee king jr"),
    ("Whip Ann Hale and Assistant Democratic Leader Ray Ott spoke.", "assistant", "ray ott"),
    ("She will plead the Fifth at the hearing.", "fifth", None),
    ("He said it would cost her the Presidency in the end.", "presidency", None),
    ("Islamist groups and GOPers and Midwestern voters met.", "islamist", None),
])
def test_suffixes_ordinals_and_adjectives_are_no_names(text, junk, name):
    values = set(_named(text).values())
    assert junk not in values, values
    assert name is None or name in values, values
    assert not values & {"gopers", "midwestern", "king", "martin lee"}, values


def test_a_title_case_phrase_inside_a_sentence_leaves_no_common_word_as_a_name():
    values = set(_named("Do not pull faces at Very Serious events, said Mr. Ott, a part of "
                        "the First Family, who fights Radical Islamic Terrorism.").values())
    assert values == {"ott"}, values


def test_book_titles_countries_with_a_demonym_and_a_bare_the_between_names():
    values = set(_named('His book, "Stop Eating Your Lunch with a Spoon and Fork," sold well. '
                        "He wrote in his memoir, \u201cFrom Dust to Higher Ground,\u201d that "
                        "Saudi Arabia and Jordan agreed. An aide told Fox News the FBI had it. "
                        "Director of National Intelligence Ona Veldt spoke.").values())
    assert values == {"saudi arabia", "jordan", "fox news", "fbi", "ona veldt"}, values
    assert set(_named("A group, Fix the Court, said so on Monday.").values()) == {"fix the court"}


def test_a_hyphenated_pairing_of_two_named_people_is_no_name():
    values = set(_named("Mr. Ott met Ms. Vance. The Ott-Vance debate was paid for by "
                        "Hewlett-Packard.").values())
    assert "ott vance" not in values and {"ott", "vance", "hewlett packard"} <= values, values


def test_a_body_of_two_places_and_an_agency_after_an_acronym_stay_one_name():
    values = set(_named("An ally at the Port Authority of New York and New Jersey spoke. The "
                        "FBI and the Department of Housing and Urban Development looked.").values())
    assert values == {"port authority of new york and new jersey", "fbi",
                      "department of housing and urban development"}, values


def test_a_person_and_a_body_are_two_names_and_a_surname_with_suffix_joins():
    values = set(_named("Director of National Intelligence Dan Marsh and National Security "
                        "Agency Director Ed Kell spoke.").values())
    assert {"dan marsh", "national security agency", "ed kell"} <= values, values
    assert not _unshared("Donald Ott Jr. spoke on Monday.", "Ott Jr. spoke on Monday.")


def test_a_nickname_in_quotes_stays_inside_the_persons_name():
    found = _named('The governor named Robert "Bo" Tamsin to the seat. Tamsin starts today.')
    assert found == {'Robert "Bo" Tamsin': "robert tamsin", "Tamsin": "robert tamsin"}, found
    assert not _unshared('He named Robert "Bo" Tamsin.', "He named Robert Tamsin.")


def test_a_law_firm_of_several_surnames_is_one_name():
    found = _named("She was a partner at Brill, Oduya, Kestner, Lamb and Vosk PC in Boston. "
                   "He joined Pardo, Quill, Renner & Sota last year.")
    assert set(found.values()) == {"brill oduya kestner lamb vosk", "boston",
                                   "pardo quill renner sota"}, found
    assert not _unshared("He worked at Brill, Oduya, Kestner, Lamb and Vosk PC.",
                         "He worked at Brill, Oduya, Kestner, Lamb & Vosk.")


def test_a_court_title_and_a_district_attorney_are_titles():
    found = _named("He pleaded guilty before U.S. District Judge Ona Veldt. The top official "
                   "was Essex County D.A. Ray Tull.")
    assert "ona veldt" in found.values() and "ray tull" in found.values(), found
    assert not any("district" in v or " da " in f" {v} " for v in found.values()), found


def test_a_state_abbreviation_is_the_state_only_after_a_comma():
    found = _named('He named Robert "Bo" Tamsin. "Nobody beats Bo," she said. The mayor '
                   "of Ferguson, Mo. spoke. Friends call him Mo at home.")
    assert found["Bo"] == "robert tamsin" and found["Ferguson"] == "ferguson", found
    values = [d.value for d in extract_details(Article.from_text(
        "The mayor of Ferguson, Mo. spoke. Friends call him Mo at home."))
        if d.kind == "name" and d.text == "Mo"]
    assert values == ["missouri", "mo"], values


def test_a_place_named_with_a_possessive_is_one_name():
    found = _named("They spent $300 at Nell's Boutique and $900 on Corla's Vineyard Retreat. "
                   "Later Mr. Ott met Vance at Drago's Place. He said NBC's Lu Kell and "
                   "Fusion's Ed Marsh spoke. Marsh agreed. Ott's Senate seat is safe.")
    assert set(found.values()) == {"nell's boutique", "corla's vineyard retreat",
                                   "drago's place", "ott", "vance", "senate", "nbc",
                                   "lu kell", "fusion", "ed marsh"}, found


def test_common_words_acronyms_and_compound_demonyms_are_no_names():
    found = _named("Outside the Essex County Justice Center, crowds met. Additional records "
                   "came out on Monday. Progressive groups backed Ms. Ott. He bought DVD "
                   "players and DVDs. She was the first African-American senator and "
                   "Irish-Americans cheered.")
    assert set(found.values()) == {"essex county justice center", "ott"}, found


def test_an_unquoted_title_a_body_opening_with_a_first_name_and_a_based_place():
    found = _named("He wrote a book titled Why You Can Get Out of Debt, Build Wealth, and "
                   "Keep Your Dreams, which sold well. She led the Virginia Association of "
                   "Economists. Mr. Ott met the Boston-based U.S. attorney's office.")
    assert set(found.values()) == {"virginia association of economists", "ott",
                                   "united states"}, found


def test_more_demonyms_and_naval_ranks():
    found = _named("Last month the navy sank a Thai trawler and Qatari and Omani boats. "
                   "U.S. Vice Adm. Ed Kell and Rear Admiral Lu Marsh spoke.")
    assert set(found.values()) == {"united states", "ed kell", "lu marsh"}, found


def test_a_family_by_its_plural_surname_is_no_extra_name():
    found = _named("Sen. Ed Kell pleaded guilty. His wife, Lu Kell, did too. The Kells spent "
                   "$300. Later the Kells left. Mr. Ott met the Hollis Brothers band.")
    assert set(found.values()) == {"ed kell", "lu kell", "ott", "hollis brothers"}, found


def test_a_nickname_of_several_full_names_joins_the_one_given():
    assert not _unshared("He won the seat of Edward M. Kell in 2009.",
                         "He won the seat of Ted Kell in 2009.")
    assert not _unshared("He met Theodore Kell.", "He met Ted Kell.")
    assert _unshared("He met Edward Kell and Theodore Kell.", "He met Ted Kell.")


def test_a_nickname_alone_joins_the_person_the_other_report_gives_it():
    assert not _unshared('The governor named Robert "Bo" Tamsin.',
                         "Mr. Tamsin, who is known as Bo, was named.")


def test_a_law_firm_by_its_first_surnames_joins_the_full_name():
    assert not _unshared("He was a partner at Brill, Oduya, Kestner & Vosk.",
                         "He was a partner at the firm of Brill Oduya.")


def test_a_headline_run_of_body_names_is_cut_into_them():
    found = _named('Bo Tamsin Senate: Governor Names Aide To Replace Kell\n\nThe governor '
                   'named Robert "Bo" Tamsin to the seat of Ed Kell in the Senate. '
                   "Aides say Mr. Tamsin is ready and that nobody beats Bo.")
    assert found == {"Bo": "robert tamsin", "Tamsin": "robert tamsin", "Senate": "senate",
                     "Kell": "ed kell", 'Robert "Bo" Tamsin': "robert tamsin",
                     "Ed Kell": "ed kell"}, found


def test_a_possessive_after_a_comma_is_no_name_of_its_own():
    # ECB+ 3_5ecb.xml: a candidate of only "'s" (no key) made extract_names fail
    found = _named("Witnesses included court reporter Julie Ann Brandau, Sheriff's Deputy "
                   "Sgt. Hoyt Teasley and others.")
    assert "Hoyt Teasley" in found and "'s" not in found, found


@given(st.lists(st.sampled_from(["john", "smith", "van", "de", "jr", "iii", "vii", "mary-kate",
                                 "o'neil", "sen", "dr", "king", "lady", "e", "y", "la", "mix",
                                 "obama", "st", "bishop", "von", "ii", "esq", "the"]),
                min_size=1, max_size=4))
def test_name_fields_read_a_name_as_nameparser_does(words):
    # two plain words skip the parse: the shortcut must read them as nameparser does
    value = " ".join(words)
    parsed = HumanName(value)
    assert _name_fields(value) == (parsed.first, parsed.middle, parsed.last)


def test_a_surname_named_before_the_full_name_joins_it_or_the_other_reports_person():
    # the report names the person by surname first and in full later; the other report
    # by surname only: one person, named by both
    assert not _unshared("They say Obama spoke. Later President Barack Obama left.",
                         "They say Obama spoke.")
    # a surname before another full name of the report is the other report's person
    # ("President Trump" ... "his wife, Melania Trump" / "Donald Trump")
    assert _unshared("President Hale spoke. His wife, Mary Hale, smiled.",
                     "Tom Hale spoke. Mary Hale smiled.") == set()


def test_a_bare_surname_joins_no_full_name_when_both_reports_write_it_bare():
    # "President Trump" in both, one report also naming "Donald Trump Jr."
    assert not _unshared("President Hale spoke. His son Tom Hale Jr. cheered.",
                         "President Hale spoke.") - {"tom hale jr"}


def test_a_name_misspelt_in_one_report_joins_the_other_reports_spelling():
    # one letter added, dropped, changed or two swapped, in a word of five letters or more
    assert not _unshared("They met Kevin Preibus and Mr. Cowen today.",
                         "They met Kevin Priebus and William Cowan today.")
    assert not _unshared("The girl, Stacey, smiled.", "The girl, Stacy, smiled.")
    # short words and other first letters are other people
    assert _unshared("They met Tim Lund.", "They met Tom Lund.")
    assert _unshared("They met Mr. Mason.", "They met Mr. Jason.")
    # a report writing both forms names two people
    assert _unshared("They met Mr. Hansen and Mr. Hanson.", "They met Mr. Hansen.")


def test_a_first_name_alone_in_its_short_form_joins_the_full_name():
    assert not _unshared("His wife, Sandi, wept.", "His wife, Sandra Kell, wept.")
    assert _unshared("His wife, Sandi, wept.", "His wife, Sandra Kell, and Sandy Voss wept.")
    # a letter more at the end makes another word (a plural, an adjective, another name)
    assert _unshared("They met Jay Robert.", "They met Jay Roberts.")
    # a surname alone misspelt beside the full name in the same report
    assert not _unshared("They met William Cowan. Later Cowen left.", "They met William Cowan.")


def test_a_body_with_one_word_more_or_its_and_tail_joins_the_longer_name():
    assert not _unshared("The Ohio State Highway Patrol said so.",
                         "The Ohio Highway Patrol said so.")
    assert not _unshared("The Centers for Disease Control and Prevention said so.",
                         "The Centers for Disease Control said so.")
    assert not _unshared("The Social Security Trust Fund will run dry.",
                         "The Social Security Trust Funds will run dry.")
    # two words more, or another last word, name another body
    assert _unshared("The Ohio State Highway Patrol Union said so.",
                     "The Ohio Highway Patrol said so.")
    assert _unshared("The House Ways and Means Committee met.", "The House Ways Committee met.")


def test_religious_words_programmes_lectures_and_eras_are_no_names():
    found = _named("Senators spoke of God and cited the Bible and the Creator. "
                   "Mr. Vale said Medicare, Medicaid and Obamacare grew since the Great "
                   "Depression. He gave the Whittington Lecture on Pell Grants in Ohio.")
    assert set(found.values()) == {"vale", "ohio"}, found


def test_notre_dame_is_one_name_and_a_communications_director_a_title():
    found = _named("Faculty at Notre Dame wrote. The DNC Communications Director Brad Voss "
                   "agreed.")
    assert set(found.values()) == {"notre dame", "democratic national committee", "brad voss"}, \
        found


def test_a_first_name_alone_takes_the_one_full_name_of_the_article_it_starts():
    found = _named("Speaker John Vale spoke. “What have you done, John?” Mr. Obama asked.")
    assert found["John"] == "john vale", found
    found = _named("John Vale and John Hale spoke. “What have you done, John?” he asked.")
    assert found["John"] == "john", found


def test_a_known_name_after_and_the_stays_whole():
    assert set(_named("He was investigated by the FBI and the United States attorney.")
               .values()) == {"fbi", "united states"}


def test_a_place_word_left_by_a_number_or_a_title_is_no_name():
    found = _named("He lived in the 11th District on 83rd Street and met City Councilman "
                   "Domenic Recchia.")
    assert set(found.values()) == {"domenic recchia"}, found


def test_a_compass_word_opening_a_court_district_stays_in_it():
    assert _named("He was sued in the Eastern District of New York.") == {
        "Eastern District of New York": "eastern district of new york"}


def test_religions_company_suffixes_and_the_state_of_the_union_are_no_names():
    found = _named("Mr. Vale spoke of Christianity after the State of the Union; his firm, "
                   "Vale Foods, L.L.C., paid. Other CEOs agreed.")
    assert set(found.values()) == {"vale", "vale foods"}, found


def test_conventions_the_constitution_groups_and_city_demonyms_are_no_names():
    found = _named("At the Democratic National Convention, Mr. Vale said New Yorkers and "
                   "LGBT people love the Constitution and Social Security. “Everyone knows,” "
                   "he said. Proponents agree.")
    assert set(found.values()) == {"vale"}, found


def test_a_state_abbreviation_before_a_title_is_the_state():
    found = _named("He met Wash. Gov. Jay Inslee and Mo. Gov. Jay Nixon.")
    assert set(found.values()) == {"washington", "missouri", "jay inslee", "jay nixon"}, found


def test_a_word_named_only_beside_a_number_is_no_name():
    found = _named("He opposed the mosque near Ground Zero and the Park 51 site, and the "
                   "10th Circuit ruled. Obama 2012 posters hung in Ohio, where Obama spoke.")
    assert set(found.values()) == {"obama", "ohio"}, found
    found = _named("More than 40 F.B.I. agents flew on a Boeing 727.")
    assert set(found.values()) == {"fbi", "boeing"}, found


def test_a_place_inside_a_show_title_is_no_name():
    found = _named("He told Fox News’ Shannon Bream on “America’s Newsroom” that he would "
                   "vote, and Mr. Vale said so on “America’s News HQ” in Ohio.")
    assert set(found.values()) == {"fox news", "shannon bream", "vale", "ohio"}, found


def test_bodies_opening_with_national_or_joined_by_to_stay_whole():
    found = _named("Terry Vale of the National Organization for Women spoke. Mr. Hale of the "
                   "Coalition to Stop Gun Violence and the Humane Society of the United States "
                   "agreed, as did the United Republic of Tanzania.")
    assert set(found.values()) == {
        "terry vale", "national organization for women", "hale",
        "coalition to stop gun violence", "humane society of the united states",
        "united republic of tanzania"}, found


def test_a_quoted_headline_is_a_work_whose_words_are_no_names():
    found = _named("Mr. Vale wrote under the headline “Newsweek Puts Bachmann on Cover That "
                   "Makes Her Look Crazy.” A Newsweek editor did not reply.")
    assert set(found.values()) == {"vale", "newsweek"}, found


def test_bills_shouted_words_and_super_pacs_are_no_names():
    found = _named("Mr. Vale signed SB1062 and SB 1062 after a super PAC ad. “It is 100% "
                   "FALSE,” he wrote, calling the story false.")
    assert set(found.values()) == {"vale"}, found


def test_a_person_of_an_acronym_is_two_names():
    found = _named("Gov. Jack Markell told Ronan Farrow of MSNBC that he would veto it.")
    assert set(found.values()) == {"jack markell", "ronan farrow", "msnbc"}, found


def test_participle_openers_gospels_possessive_places_and_hyphenated_adjectives():
    found = _named("Amplifying the Vale campaign message, he spoke. He sent a copy of the "
                   "Vatican’s Compendium to Mr. Vale and said the Gospel of Jesus Christ "
                   "shaped United States-Israeli ties.")
    assert set(found.values()) == {"vale", "vatican", "compendium", "jesus christ"}, found
    found = _named("Officers of the Troy Police came. Troy is a small city.")
    assert found["Troy"] == "troy", found


def test_a_demonym_opening_a_body_with_an_organisation_word_stays():
    found = _named("The plan drew criticism from the American Federation of Teachers and "
                   "American officials.")
    assert set(found.values()) == {"american federation of teachers"}, found


def test_a_chamber_or_body_before_a_title_is_a_name():
    found = _named("He met House Speaker John Boehner, Senate Majority Leader Harry Reid and "
                   "White House Counsel Bob Bauer.")
    assert set(found.values()) == {"house", "john boehner", "senate", "harry reid",
                                   "white house", "bob bauer"}, found


def test_a_state_abbreviation_after_a_comma_ends_the_name():
    found = _named("He lives in Washington, D.C. Jackson said he was fine, and the U.S. "
                   "Chamber of Commerce agreed.")
    assert set(found.values()) == {"washington", "dc", "jackson", "us chamber of commerce"}, \
        found
    found = _named("Delegates came from 25 countries, U.S. Navy Vice Adm. Bill Gortney said.")
    assert found["U.S. Navy"] == "us navy", found


def test_a_title_ending_a_body_named_with_of_is_part_of_it():
    found = _named("A spokesman for the Office of the Middlesex County District Attorney "
                   "declined, and Department of Justice spokesman Brian Fallon agreed.")
    assert set(found.values()) == {"office of the middlesex county district attorney",
                                   "department of justice", "brian fallon"}, found


def test_a_surname_shared_by_a_family_listed_with_and_takes_no_one_of_them():
    # "Malia and Sasha Obama ... President Obama": the surname is two persons' (or their
    # father's), so the titled surname is not the daughter named last
    found = _named("He mocked Lia and Tasha Vale at the fair. The girls join President Vale "
                   "there every year.")
    assert found["Vale"] == "vale", found
    assert found["Tasha Vale"] == "tasha vale", found
    found = _named("He met Tasha Vale at the fair. Later Vale left.")  # one person: joins
    assert found["Vale"] == "tasha vale", found
    # a surname before "and" is no first name: "Laurence Mark and Bill Condon"
    found = _named("Producers Ed Mark and Bill Vale spoke. Mark and Vale agreed.")
    assert found["Vale"] == "bill vale", found
    assert [d.value for d in extract_details(Article.from_text(
        "Mr. Kell blamed President Vale and Lia Ott. Later Ott left.")) if d.text == "Ott"] \
        == ["lia ott"]


def test_a_possessive_before_a_place_or_a_person_is_no_business_name():
    found = _named("At night, NY9's Washington reporter Ed Marsh spoke, and Quorrel's Marc "
                   "Tovin canceled a trip.")
    assert set(found.values()) == {"ny9", "washington", "ed marsh", "quorrel",
                                   "marc tovin"}, found


def test_an_initial_i_stays_inside_a_name():
    found = _named("He named Joseph I. Vale, the former senator. Mr. Vale agreed.")
    assert set(found.values()) == {"joseph i vale"}, found


def test_more_state_abbreviations_after_a_city():
    found = _named("The governor spoke in Augusta, Me. on Monday. He was in Boston, Mass. and "
                   "Albany, N.Y. then.")
    assert set(found.values()) == {"augusta", "maine", "boston", "massachusetts", "albany",
                                   "new york"}, found


def test_parts_of_a_law_plural_non_names_and_native_americans_are_no_names():
    found = _named("Mr. Vale read Article 1, Section 2 aloud, handed out pocket-size "
                   "Constitutions and spoke of Native Americans.")
    assert set(found.values()) == {"vale"}, found


def test_a_body_named_with_a_comma_list_or_two_words_and_an_organisation_word_is_one():
    found = _named("The Bureau of Salt, Rum, Maps and Ships came. He backed the Vale Center, "
                   "the Boys and Girls Club of Greater Vale and the Vale Dream Foundation.")
    assert set(found.values()) == {"bureau of salt rum maps and ships", "vale center",
                                   "boys and girls club of greater vale",
                                   "vale dream foundation"}, found
    found = _named("Mr. Ott, Vance and Lamb met. He met Ed Kell and Lu Marsh Foundation staff "
                   "and backed Oxfam and the Center for Rivers.")
    assert set(found.values()) == {"ott", "vance", "lamb", "ed kell", "lu marsh foundation",
                                   "oxfam", "center for rivers"}, found


def test_a_place_before_a_listed_non_name_makes_no_name():
    found = _named("He cited the U.S. Constitution, the United States Constitution and Texas "
                   "Medicaid rules, and Mr. Vale agreed with the Texas Senate, Vale Great PAC and "
                   "the Atlanta Journal-Constitution.")
    assert set(found.values()) == {"vale", "texas", "senate", "vale great pac",
                                   "atlanta journal constitution"}, found


def test_a_one_letter_word_ending_the_text_is_no_initial_and_no_crash():
    """The initial rule ("Joseph I. Lieberman") looks at the token after a one-letter
    word; a text that ends on one ("... an undercover F.B.I", its last dot lost) has none."""
    article = Article.from_text("The designer was in fact an undercover agent of the F.B.I")
    extract_names(article)  # raised IndexError
    article = Article.from_text("Senator Joseph I")
    assert [d.text for d in extract_names(article)]


def test_a_name_opening_a_sentence_with_a_middle_initial_is_found():
    """The word after an initial's dot is inside the name, not a sentence opener: it
    vouches for the run like any capitalised word inside a sentence (``Donald J. Trump``
    opening a sentence, its surname named nowhere else, was lost)."""
    found = _named("The only rival less liked: Donald J. Vale, the developer.")
    assert set(found.values()) == {"donald j vale"}, found
    found = _named("Donald J. Vale was there. They chose Plan B. Then it rained.")
    assert "Then" not in found and found["Donald J. Vale"] == "donald j vale", found


def test_a_listed_pet_form_joins_the_full_first_name():
    # "Bibi Netanyahu" / "Benjamin Netanyahu" (BASIL development event b4dbeda7)
    assert not _unshared("A new ad shows Bibi Kell.", "A new ad shows Benjamin Kell.")
    assert _unshared("A new ad shows Bibi Kell.", "A new ad shows Bernard Kell.")


def test_a_group_word_and_a_body_are_no_one_body():
    # "Boys and Girls Club" is one body; a party's people before "and" open none
    found = _named("It pits establishment Republicans and Tea Party conservatives, and "
                   "Democrats and Green Party voters watch. The Boys and Girls Club met.")
    assert set(found.values()) == {"tea party", "green party", "boys and girls club"}, found


def test_a_hyphenated_particle_before_a_capital_is_inside_the_name():
    # "Ansar al-Sharia" was cut to "Ansar", "al-Qaeda" alone was lost (BASIL event 1bb79cc1)
    found = _named("The group Ansar al-Vale was there, and al-Qaeda too. Bashar al-Vale and "
                   "al Qaeda spoke. Some al-based groups came.")
    assert set(found.values()) == {"ansar al vale", "al qaeda", "bashar al vale"}, found
    assert "al-Qaeda" in found  # not a pairing of the "al" and "Qaeda" of "al Qaeda"


def test_a_preposition_opening_a_sentence_is_no_name():
    # "Amid calls for him to drop out of the race, Moore added" (BASIL event be026bd1)
    found = _named("Amid calls for him to quit, Vale spoke. Unlike Ott, he stayed. Besides "
                   "Lamb, none came.")
    assert set(found.values()) == {"vale", "ott", "lamb"}, found


def test_a_paper_by_its_last_word_takes_the_one_paper_the_report_names():
    # "The Washington Post reported ... The Post interviewed" (BASIL event be026bd1)
    found = _named("The Vale Post reported it. The Post interviewed Mr. Ott, who told the "
                   "Post and the House so. The White House said no.")
    assert set(found.values()) == {"vale post", "ott", "house", "white house"}, found
    # two papers of that word, or no "the" before it: left alone
    found = _named("The Vale Times and the Ott Times ran it. The Times erred. Lamb defended "
                   "Times Square.")
    assert found["Times"] == "times", found


def test_a_body_inside_a_sentence_stays_though_its_words_are_common():
    # "a scathing review of State Department procedures" in a report that writes "state"
    # and "department" in lower case (BASIL events 9879bbc0, a4edca3f, 8dc7ccfe)
    found = _named("The secretary of state left the department. It prompted a review of "
                   "State Department rules, and a founder of the National Organization for "
                   "Marriage, which opposes marriage of that kind, spoke. The Witch Hunt was a "
                   "witch hunt.")
    assert set(found.values()) == {"state department",
                                   "national organization for marriage"}, found


def test_a_headline_the_splitter_cut_after_an_abbreviation_is_still_a_headline():
    # "Donald Trump Jr. | Messaged With WikiLeaks During Presidential Campaign" (BASIL
    # event dd1e6e3b): its words are no body though "Campaign" is an organisation word
    found = _named("Ed Vale Jr. Messaged With Ott Group During Presidential Campaign\n\n"
                   "Ed Vale Jr. wrote to the Ott Group in the presidential campaign.")
    assert "presidential campaign" not in found.values(), found
    assert {"ed vale jr", "ott group"} <= set(found.values()), found


def test_a_titled_surname_before_the_full_name_with_that_title_is_that_person():
    # "President Obama often disagrees ... President Barack Obama's administration"
    # (BASIL event 7f9c83f7); not "President Vale ... his wife, Ann Vale" nor another title
    found = _named("President Vale spoke first. Later President Tom Vale left.")
    assert found == {"Vale": "tom vale", "Tom Vale": "tom vale"}, found
    found = _named("President Vale spoke first. Later his wife, Ann Vale, left.")
    assert found["Vale"] == "vale", found
    found = _named("Senator Vale spoke first. Later Governor Tom Vale left.")
    assert found["Vale"] == "vale", found


def test_a_laws_acronym_is_no_name_when_the_article_names_the_law():
    # "the Defense of Marriage Act ... section 3 of DOMA" (BASIL event 70c744ad, listed as
    # left by H36); an acronym the article does not spell out as a law stays
    found = _named("Mr. Vale fought the Defense of Marriage Act. Once DOMA fell, he cited the "
                   "Religious Freedom Restoration Act, or RFRA, and the NRA.")
    assert set(found.values()) == {"vale", "nra"}, found


def test_a_body_with_and_without_its_country_is_one_body_in_a_report():
    # "the U.S. Supreme Court ... the Supreme Court ... the United States Supreme Court"
    # (BASIL events 8385a996, b764f81f); the Vale Party and the Ohio Vale Party stay two
    found = _named("The U.S. Vale Court ruled. The Vale Court is old. The United States Vale "
                   "Court sat. The Vale Party and the Ohio Vale Party met.")
    assert set(found.values()) == {"us vale court", "vale party", "ohio vale party"}, found


def test_a_body_opening_a_sentence_stays_when_the_article_vouches_for_it():
    # as inside a sentence (above): the opener needs the body's support, nothing more
    # (ECB+ 12_3ecbplus: "Indian Navy is part of ...", its words in lower case in a URL)
    text = ("The ships of the Vale Navy sailed. Its navy is old, said a vale official. Vale "
            "Navy is part of the effort.")
    found = [d.text for d in extract_names(Article.from_text(text))]
    assert found == ["Vale Navy", "Vale Navy"], found


def test_a_common_word_before_a_states_abbreviation_is_a_place():
    # "made the announcement in his hometown of Hope, Ark." (BASIL event af4a3f41)
    found = _named("He spoke in his hometown of Hope, Ark. on Monday and spoke of hope.")
    assert set(found.values()) == {"hope", "arkansas"}, found


def test_a_hyphenated_surname_said_alone_is_the_persons_name():
    # "Douglas Holtz-Eakin ... Holtz-Eakin said" (BASIL event 2ec04201), "Yvette
    # Townsend-Saunders ... Townsend-Saunders said" (ed8c136f): its parts are written apart
    # only inside the full name itself, so it is no pairing of two names
    found = _named("Ann Ott-Vance, an economist, spoke on Monday. Later, Ott-Vance said no. "
                   "The Bay-Hill Group met. Bay-Hill said yes.")
    assert found["Ott-Vance"] == "ann ott vance", found
    assert found["Bay-Hill"] == "bay hill", found


def test_a_common_word_closing_a_name_inside_a_sentence_stays_in_it():
    # "a new ad by Secure America Now, a neoconservative nonprofit" (BASIL event b4dbeda7),
    # "Safari Club International, a trophy-hunting organization" (542cd22c), "at Walt Disney
    # World" (f506aafc); not a word that ends no name ("a Denver TV station", ECB+'s
    # "Betty Ford Center May 2"), nor one inside a run ("the NCAA Final Four")
    found = _named("The ad by Vale America Now, a group, ran at Ott Disney World. The Vale "
                   "Club International met a Denver TV station. The Ott Center May 2 deal "
                   "was for the NCAA Final Four games.")
    assert set(found.values()) == {"vale america now", "ott disney world", "denver",
                                   "vale club international", "ott center", "ncaa"}, found


def test_a_sentence_opener_before_an_organisation_word_is_the_bodys_first_word():
    # "Safari Club International, a trophy-hunting organization, ..." opening a sentence
    # of an article that writes "safari" in lower case (BASIL event 542cd22c): not "Club
    # International"; a common opener still goes ("Senior White House aides", "Amid ...")
    found = _named("Vale Club International, a group, went on a vale. Senior White House "
                   "aides spoke of the senior staff.")
    assert set(found.values()) == {"vale club international", "white house"}, found
