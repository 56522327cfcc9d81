"""Who said each quote of the example reports, with which cue verb and where."""

from compare.attribution import attribute
from compare.models import Article
from compare.quotes import extract_quotes


def _find(quotes, start):
    return next(q for q in quotes if q.text.startswith(start))


def test_speaker_verb_and_setting_after_the_quote(article_a, article_b):
    q = _find(extract_quotes(article_a), "What we have seen")
    assert (q.speaker, q.verb) == ("Jens Stoltenberg", "told")  # "he told" resolved
    assert q.setting == "told international press in a virtual press conference"
    q = _find(extract_quotes(article_b), "The Afghan political")
    assert q.setting == "told an online press conference"


def test_cue_verbs(article_a, article_b):
    a = extract_quotes(article_a)
    assert _find(a, "not easy").verb == "conceded"
    assert _find(a, "live up to").verb == "said"
    assert _find(a, "many lessons").verb == "says"
    b = extract_quotes(article_b)
    assert _find(b, "In the last two decades").verb == "noted"
    assert _find(b, "The world will be watching").verb == "added"
    assert _find(b, "tragedy").verb == "blamed"


def _regions(article, *texts):
    """Quote regions (start, end, left_open, sentences) for the given quoted texts."""
    out = []
    for t in texts:
        start = article.text.index(t)
        end = start + len(t)
        sents = [s.index for s in article.sentences if s.start < end and start < s.end]
        out.append((start, end, False, sents))
    return out


def test_attribute_before_after_and_pronouns():
    art = Article.from_text(
        'Mayor John Doe spoke on Friday. "We are ready," he said. '
        'At noon Jane Roe added, "All is calm."\n\nNobody knew "why."')
    got = attribute(art, _regions(art, "We are ready,", "All is calm.", "why."))
    assert got[0] == ("John Doe", "said", "")  # "he" takes the person named before
    assert got[1][:2] == ("Jane Roe", "added")
    assert got[2] == ("", "", "")  # no cue verb, no quote of the paragraph to take one from


def test_attribute_takes_the_next_quote_for_a_quote_left_open():
    art = Article.from_text('"We will not stop here.\n\n"We will go on," Jane Smith said.')
    regions = [(1, 23, True, [0]), (26, 40, False, [1])]
    assert [art.text[s:e] for s, e, _, _ in regions] == ["We will not stop here.",
                                                          "We will go on,"]
    assert attribute(art, regions) == [("Jane Smith", "said", "")] * 2


def test_setting_runs_to_the_last_setting_noun():
    art = Article.from_text('"It is over," she told reporters at a news conference on Monday.')
    (speaker, verb, setting), = attribute(art, _regions(art, "It is over,"))
    assert (speaker, verb) == ("", "told")  # nobody named for "she": unknown, not "she"
    assert setting == "told reporters at a news conference"
