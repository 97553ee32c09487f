from __future__ import annotations

import pytest

from hrkg.ingest.dates import find_dates, parse_reference

REF = parse_reference("2022-06-15")  # a Wednesday


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("the raid on 3 March 2021 ended", "2021-03-03"),
        ("she was freed on February 9, 2020, after", "2020-02-09"),
        ("arrested in October 2017 near", "2017-10"),
        ("the purge of 1981 was", "1981"),
        ("it happened last year", "2021"),
        ("in April this year the court", "2022-04"),
        ("the verdict came on Monday", "2022-06-13"),
        ("in March the envoy said", "2022-03"),
    ],
)
def test_absolute_partial_and_relative_dates(text: str, value: str) -> None:
    assert next(d.value for d in find_dates(text, REF)) == value


def test_ranges_keep_start_and_end() -> None:
    (d,) = find_dates("clashes from May 3 to 7 left", REF)
    assert (d.value, d.end_value) == ("2022-05-03", "2022-05-07")


def test_relative_dates_without_reference_stay_null() -> None:
    (d,) = find_dates("it happened last year", None)
    assert d.value is None


def test_numbers_that_are_not_years() -> None:
    assert find_dates("some 1,988 people and 2019% growth", REF) == []
