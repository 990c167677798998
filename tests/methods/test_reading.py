"""Every method reads its values through one reader (engine.numbers), and its schema piece accepts
exactly the texts that reader accepts."""
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from jsonschema import Draft7Validator

from engine import methods
from engine.schema import value_schema

from .helpers import measure


def parse(m, raw):
    return methods.get(m.method).parse(m, raw)


@pytest.mark.parametrize("method", ["bonus", "deduction"])
@pytest.mark.parametrize("raw, value, notes", [
    ("是", 1, ("'是' read as true (= 1)",)), ("否", 0, ("'否' read as false (= 0)",)), (" 是\u3000", 1, None),
    (True, 1, ()), ("true", 1, ()), ("FALSE", 0, ()), (2, 2, ()), ("２", 2, None), ("3个", 3, None),
])
def test_bonus_and_deduction_take_the_boolean_form(method, raw, value, notes):
    """SPEC 3.1 gives bonus and deduction a boolean form, and SPEC 4 says 是/否 are booleans."""
    p = parse(measure(method), raw)
    assert p.value == value and (notes is None or p.notes == notes)


@pytest.mark.parametrize("raw, said", [("yes", "is a string in YAML 1.2"), ("-1", "expected a whole number >= 0"),
                                       ("1.5", "expected a whole number >= 0"), ("是的", "expected a number")])
def test_bonus_refusals_say_what_to_write(raw, said):
    with pytest.raises(methods.BadValue, match=said):
        parse(measure("bonus"), raw)


@pytest.mark.parametrize("raw, value", [("4.5", 4.5), ("４.５", 4.5), (" 4 ", 4), (["4", "５"], [4, 5]),
                                        ("4,5,4,3,5", [4, 5, 4, 3, 5]), ("4 5 4 3 5", [4, 5, 4, 3, 5]),
                                        ("4、5、3", [4, 5, 3]), ("4，5；3", [4, 5, 3]), ("4;5;3", [4, 5, 3])])
def test_ratings_typed_as_text_are_numbers(raw, value):
    assert parse(measure("rating", scale=[1, 5]), raw).value == value


def test_a_list_in_one_text_is_noted():
    assert parse(measure("rating", scale=[1, 5]), "4,5,4,3,5").notes == ("'4,5,4,3,5' read as 5 ratings: 4, 5, 4, 3, 5",)


def test_a_thousands_number_on_a_wide_scale_is_one_rating():
    assert parse(measure("rating", scale=[0, 5000]), "1,234").value == 1234


@pytest.mark.parametrize("raw, said", [
    ("4,6", r"rating 6 \(in '4,6'\) is outside the scale \[1, 5\]"),
    ("abc", r"expected a rating number on the scale \[1, 5\], got 'abc'"),
    ("6", r"rating 6 is outside the scale \[1, 5\]"),
    ("4,,5", r"expected a rating number on the scale \[1, 5\], got '4,,5'"),
])
def test_rating_refusals(raw, said):
    with pytest.raises(methods.BadValue, match=said):
        parse(measure("rating", scale=[1, 5]), raw)


CHOICE = dict(options={"national": 1, "provincial": 0.6, "none": 0},
              labels={"national": {"zh": "全国示范", "en": "National model"}, "provincial": "省级示范"})


@pytest.mark.parametrize("raw, key, notes", [
    ("national", "national", ()), (" none\t", "none", ()),
    ("全国示范", "national", ("'全国示范' read as the option national (its label)",)),
    ("National model", "national", ("'National model' read as the option national (its label)",)),
    ("省级示范", "provincial", ("'省级示范' read as the option provincial (its label)",)),
])
def test_a_choice_is_given_by_its_key_or_its_label(raw, key, notes):
    p = parse(measure("choice", **CHOICE), raw)
    assert (p.value, p.notes) == (key, notes)


def test_an_unknown_choice_names_the_keys_and_their_labels():
    with pytest.raises(methods.BadValue) as e:
        parse(measure("choice", **CHOICE), "国家级")
    assert str(e.value) == ("expected one of: national (全国示范/National model), provincial (省级示范), none; "
                            "got '国家级'")


def test_choice_labels_are_checked():
    from engine.methods import choice

    said = choice.check_params({"options": {"a": 1, "b": 0}, "labels": {"c": "x", "a": "b"}})
    assert ("labels", "labels names 'c', which is not an option (options: a, b)") in said
    assert ("labels", "the label 'b' of option 'a' is also 'b': a label must name one option") in said


# --- the schema and the reader agree, method by method -------------------------------------------------

TEXTS = st.lists(st.sampled_from(list("0123456789４.,，%万约余-是否truefalsTRUE ,、;人个元national全国示范省级")
                                 + ["\t", "\n", "\u00a0", "\u3000", "\u200b", "\x1f", "\x00", "\u2028"]),
                 max_size=8).map("".join)
MEASURES = [measure("check"), measure("veto"), measure("bonus"), measure("deduction"), measure("count", per=1),
            measure("threshold", target=1, unit="人"), measure("linear", floor=0, target=1, unit="%"),
            measure("bands", bands=[{"at": 1, "score": 1}], unit="万元"),
            measure("rating", scale=[-1e15, 1e15]), measure("choice", **CHOICE)]


@settings(max_examples=400)
@given(TEXTS, st.sampled_from(MEASURES))
def test_every_methods_schema_accepts_exactly_what_it_reads(text, m):
    try:
        parse(m, text)
        read = True
    except methods.BadValue as e:
        assume("whole number" not in str(e))  # wholeness and range are the reader's, as min/max are
        read = False
    assert Draft7Validator(value_schema(m)).is_valid(text) == read, (m.method, text)
