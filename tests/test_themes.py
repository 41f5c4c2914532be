"""Tests for zjnlp.themes: lexicon files, matching, false friends and attention scores."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from zjnlp.corpus import SEED_PAGE as SEED
from zjnlp.errors import InputError, OptionError
from zjnlp.read import read_report
from zjnlp.structure import units
from zjnlp.themes import (
    BOOTSTRAP_COLUMNS,
    VALIDATION,
    VALIDATION_COLUMNS,
    Lexicon,
    available_lexicons,
    bootstrap_ranks,
    bootstrap_themes,
    find_terms,
    load_lexicon,
    resolve_lexicons,
    score_files,
    score_themes,
    term_sensitivity,
    theme_matches,
    themes_in,
    validation,
    validation_hits,
    validation_misses,
    wilson,
)

ROOT = Path(__file__).resolve().parent.parent
NATIONAL = ROOT / "seeds" / "national"
# A packaged theme is one TOML file in zjnlp/data/themes/: the tests take the list from there.
THEMES = sorted(path.stem for path in (ROOT / "zjnlp" / "data" / "themes").glob("*.toml"))
GREEN = "推动绿色发展，开辟绿色通道。\n加强生态环境保护，营造风清气正的政治生态。"
USER_GREEN = """
id = "green"
name_zh = "绿色"
name_en = "Green, narrowly"
description = "Only the word 绿色."
citation = "A user's own list."
terms = ["绿色"]
exclude = ["绿色通道"]
"""


def test_a_lexicon_is_one_toml_file(tmp_path):
    """The README's walkthrough: a theme is a TOML file, scored like the packaged ones."""
    path = tmp_path / "water.toml"
    path.write_text(
        'id = "water"\nname_zh = "水"\nname_en = "Water"\ndescription = "Water works."\n'
        'citation = "A test."\nterms = ["水库", "供水"]\n',
        encoding="utf-8",
    )
    scores = score_themes("新建水库两座，保障供水。", lexicons=["green", path], tokenizer=Characters())
    assert scores.set_index("theme").loc["water", "hits"] == 2


class Characters:
    """A tokenizer that cuts every character apart, so token counts are easy to check."""

    def cut(self, text: str) -> list[str]:
        return list(text)


@pytest.fixture(scope="module")
def seed():
    return read_report(SEED)


def test_packaged_lexicons_are_available_and_load():
    assert available_lexicons() == THEMES and {"green", "talent"} <= set(THEMES)
    for theme in THEMES:
        lexicon = load_lexicon(theme)
        assert lexicon.id == theme
        assert lexicon.citation and lexicon.description and lexicon.terms


def test_green_has_the_four_dimensions():
    dimensions = [d.id for d in load_lexicon("green").dimensions]
    assert dimensions == ["pollution", "ecology", "low_carbon", "green_industry"]


def test_chen2018_marks_every_word_it_could_not_confirm():
    lexicon = load_lexicon("environment_chen2018")
    assert "陈诗一" in lexicon.citation and not lexicon.exclude
    assert set(lexicon.unconfirmed) <= set(lexicon.terms)


@pytest.mark.parametrize(
    "theme, text, expected",
    [
        ("green", "开辟鲜活农产品运输绿色通道。", []),
        ("green", "营造风清气正的政治生态。", []),
        ("green", "构建全过程创新生态链，优化人才生态。", []),
        ("green", "培育产业生态，推进产业生态化。", ["产业生态化"]),
        ("green", "加强生态环境保护。", ["生态环境"]),
        ("green", "发展绿色石化和绿色食品。", ["绿色食品"]),
        ("green", "强化森林防灭火工作，提高森林覆盖率，建设万里碧道。", ["森林", "碧道"]),
        ("safety", "强化森林防灭火工作，提高森林覆盖率。", ["森林防灭火"]),
        ("safety", "保护人民生命安全和身体健康，营造安全稳定的发展环境。", []),
        ("governance", "推进精准科学依法治污，提升生态环境治理现代化水平。", []),
        ("environment_chen2018", "加强生态环境保护，营造政治生态。", ["生态", "环境保护", "生态"]),
        ("innovation", "构建全过程创新生态链。", ["创新生态"]),
        ("innovation", "努力提高技术水平，推进理论创新。", []),
        ("innovation", "经济特区要增创新优势，外交工作开创新局面。", []),
        ("innovation", "加强图书馆、科技馆建设，注重学生创新精神的培养。", []),
        ("innovation", "创新金融产品，鼓励金融创新，推动零售业创新提升。", []),
        ("innovation", "扩大服务进口。创新发展数字贸易，强化科技金融创新。", ["科技"]),
        ("innovation", "新增创新型中小企业70家，加快人工智能创新发展。", ["创新", "人工智能", "创新"]),
        ("talent", "营造高品质的人才生态，建设人才公寓。", ["人才生态", "人才公寓"]),
        ("talent", "实施人才引智计划等人才专项，提升人才住房服务。", ["人才引智", "人才专项", "人才住房"]),
        ("safety", "坚持总体国家安全观，统筹发展和安全。", []),
        ("safety", "严格落实安全生产责任制，提升食品药品安全。", ["安全生产", "药品安全"]),
        ("health", "推动经济持续健康发展。", []),
        ("health", "推进健康中国建设，提高医疗服务水平。", ["健康中国", "医疗"]),
        ("education", "深入开展主题教育，推进高校毕业生就业。", []),
        ("education", "推进广东医科大学附属医院海东院区建设。", []),
        ("education", "上海中医药大学附属龙华医院甘肃医院建成，加快建设广东医科大学海东校区。", ["大学"]),
        ("health", "推进广东医科大学附属医院海东院区建设。", ["医院"]),
        ("employment", "发扬艰苦创业精神，鼓励以创业带动就业。", ["创业", "就业"]),
        ("culture", "经过文化大革命，提高文化水平。", []),
        ("governance", "开展污染治理，推进社会治理创新。", ["社会治理"]),
    ],
)
def test_false_friends_and_longest_match(theme, text, expected):
    assert [term for _, _, term, _ in find_terms(text, load_lexicon(theme))] == expected


@given(st.lists(st.sampled_from(["绿色", "绿色通道", "生态", "政治生态", "生态环境", "污染", "，", "发展", "环保产业"]), max_size=30))
def test_matches_are_in_order_without_overlap_and_never_excluded(pieces):
    text = "".join(pieces)
    lexicon = load_lexicon("green")
    found = find_terms(text, lexicon)
    assert all(text[start:end] == term for start, end, term, _ in found)
    assert all(a[1] <= b[0] for a, b in zip(found, found[1:]))
    assert all(term in lexicon.terms for _, _, term, _ in found)
    assert sum(t in ("绿色", "绿色通道") for t in pieces) >= sum(term == "绿色" for _, _, term, _ in found)


def test_a_user_file_overrides_the_packaged_lexicon_with_its_id(tmp_path):
    path = tmp_path / "green.toml"
    path.write_text(USER_GREEN, encoding="utf-8")
    chosen = resolve_lexicons(["talent", "green", path])
    assert [lexicon.id for lexicon in chosen] == ["talent", "green"]
    assert chosen[1].terms == ("绿色",) and chosen[1].source == str(path)
    scores = score_themes(GREEN, lexicons=[path], tokenizer=Characters())
    assert scores[["theme", "hits", "terms"]].values.tolist() == [["green", 1, "绿色:1"]]


@pytest.mark.parametrize(
    "change, message",
    [
        (lambda t: t.replace('id = "green"', 'id = "Green!"'), r"field 'id' must be lower-case"),
        (lambda t: t.replace('citation = "A user\'s own list."', ""), r"field 'citation' is missing"),
        (lambda t: t.replace('terms = ["绿色"]', "terms = []"), r"field 'terms' must list at least one term"),
        (lambda t: t.replace('terms = ["绿色"]', "terms = [1]"), r"field 'terms' must be a list of non-empty strings"),
        (lambda t: t.replace('terms = ["绿色"]', 'terms = ["绿色", "绿色"]'), r"lists 绿色 more than once"),
        (lambda t: t.replace('exclude = ["绿色通道"]', 'exclude = ["绿色"]'), r"lists 绿色 more than once"),
        (lambda t: t + 'unconfirmed = ["生态"]\n', r"field 'unconfirmed' names 生态, which are not terms"),
        (lambda t: t + '[[dimensions]]\nid = "a"\n', r"'terms' or 'dimensions' must be given"),
        (lambda t: t.replace('terms = ["绿色"]', 'dimensions = [{id = "a", name_zh = "甲", name_en = "A"}]'), r"field 'terms'"),
        (lambda t: t + "terms = [", r"is not valid TOML"),
    ],
)
def test_invalid_lexicon_files_name_the_file_and_field(tmp_path, change, message):
    path = tmp_path / "mine.toml"
    path.write_text(change(USER_GREEN), encoding="utf-8")
    with pytest.raises(InputError, match=message) as error:
        load_lexicon(path)
    assert str(path) in str(error.value)


@pytest.mark.parametrize(
    "value, error, message",
    [
        ("greeen", OptionError, r"lexicon='greeen' is not valid: expected one of culture, .* or the path of a .toml file"),
        ("missing/theme.toml", InputError, r"^missing/theme.toml: no such file$"),
    ],
)
def test_unknown_lexicons_are_refused(value, error, message):
    with pytest.raises(error, match=message):
        load_lexicon(value)


@pytest.mark.parametrize("lexicons", ["green", []])
def test_lexicons_must_be_a_non_empty_list(lexicons):
    with pytest.raises(OptionError, match="lexicons="):
        resolve_lexicons(lexicons)


def test_scores_count_hits_tokens_and_covered_characters():
    scores = score_themes(GREEN, lexicons=["green"], tokenizer=Characters())
    words = sum(ch.isalnum() for ch in GREEN)
    assert scores.columns.tolist() == ["theme", "hits", "tokens", "per_1000", "char_share", "terms"]
    row = scores.iloc[0]
    assert (row["hits"], row["tokens"], row["terms"]) == (2, words, "生态环境:1, 绿色发展:1")
    assert row["per_1000"] == pytest.approx(2 / words * 1000)
    assert row["char_share"] == pytest.approx(8 / len(GREEN))


def test_terms_are_listed_by_count_then_term():
    scores = score_themes("生态优先，生态保护，生态文明，绿色低碳，环保。", lexicons=["green"], tokenizer=Characters())
    assert scores["terms"].iloc[0] == "环保:1, 生态:1, 生态保护:1, 生态文明:1, 绿色低碳:1"
    scores = score_themes("生态，生态，环保。", lexicons=["green"], tokenizer=Characters())
    assert scores["terms"].iloc[0] == "生态:2, 环保:1"


@pytest.mark.parametrize(
    "by, identity",
    [
        ("document", []),
        ("part", ["part", "title", "part_kind", "kind"]),
        ("section", ["part", "section", "title", "part_kind", "kind"]),
        ("paragraph", ["part", "section", "paragraph", "headline", "part_kind", "kind"]),
    ],
)
def test_every_unit_level_gives_the_same_totals(seed, by, identity):
    scores = score_themes(seed, by=by)
    assert scores.columns.tolist() == identity + ["theme", "hits", "tokens", "per_1000", "char_share", "terms"]
    document = score_themes(seed).set_index("theme")
    totals = scores.groupby("theme")[["hits", "tokens"]].sum()
    pd.testing.assert_frame_equal(totals, document[["hits", "tokens"]].loc[totals.index])


@pytest.mark.parametrize("by", ["part", "section"])
def test_parts_and_sections_carry_the_title_and_kind_of_their_unit(seed, by):
    scores = score_themes(seed, by=by, lexicons=["green"])
    named = units(seed, by=by)
    assert scores["kind"].tolist() == named["kind"].tolist()
    assert scores["title"].fillna("").tolist() == named["title"].tolist()


def test_untitled_units_have_no_title_and_say_what_they_are(seed):
    scores = score_themes(seed, by="section", lexicons=["green"]).set_index("section", drop=False)
    assert scores.loc[7, "title"] == "全面推进绿色发展，大力建设绿美湛江"
    assert pd.isna(scores.loc[5, "title"]) and scores.loc[5, "kind"] == "section"  # its heading is on page 4
    closing = scores[scores["section"].isna()]
    assert closing["title"].isna().all() and closing["kind"].tolist() == ["closing"]


def test_dimensions_split_the_theme_rows(seed):
    themes = score_themes(seed, by="section", lexicons=["green"])
    dimensions = score_themes(seed, by="section", lexicons=["green"], dimensions=True)
    assert dimensions.columns.tolist()[5:7] == ["theme", "dimension"]
    assert dimensions["hits"].sum() == themes["hits"].sum()
    assert len(dimensions) == 4 * len(themes)


def test_matches_carry_units_and_offsets_into_the_clean_text(seed):
    matches = theme_matches(seed, by="paragraph", lexicons=["green", "talent"])
    assert matches.columns.tolist() == [
        "part", "section", "paragraph", "headline", "part_kind", "kind", "theme", "dimension", "term", "start", "end"
    ]
    assert all(seed.text[s:e] == t for s, e, t in matches[["start", "end", "term"]].itertuples(index=False))
    scores = score_themes(seed, by="paragraph", lexicons=["green", "talent"])
    assert len(matches) == scores["hits"].sum()


def test_seed_green_attention_peaks_in_section_seven(seed):
    green = score_themes(seed, by="paragraph", lexicons=["green"])
    paragraphs = green.dropna(subset=["paragraph"]).sort_values("per_1000", ascending=False)
    assert paragraphs["section"].head(3).tolist() == [7, 7, 7]


def test_seed_talent_attention_peaks_in_the_talent_paragraph(seed):
    talent = score_themes(seed, by="paragraph", lexicons=["talent"]).sort_values("per_1000", ascending=False)
    assert talent["headline"].iloc[0] == "推进人才强市建设"


def test_score_files_matches_file_by_file_and_reports_bad_files(tmp_path, capsys):
    first, second, empty = tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "empty.txt"
    first.write_text(GREEN, encoding="utf-8")
    second.write_text("推进人才强市建设，引进高层次人才。", encoding="utf-8")
    empty.write_text("", encoding="utf-8")
    scores = score_files([first, empty, second], lexicons=["green", "talent"], jobs=2, progress=False)
    assert scores.columns.tolist()[:2] == ["file", "theme"]
    assert scores.attrs["errors"] == [f"{empty}: is empty"]
    assert f"{empty}: is empty" in capsys.readouterr().err
    one_by_one = pd.concat(
        [score_themes(p, lexicons=["green", "talent"]).assign(file=str(p)) for p in (first, second)], ignore_index=True
    )
    pd.testing.assert_frame_equal(scores, one_by_one[scores.columns], check_dtype=False)
    in_process = score_files([first, second], lexicons=["green", "talent"], jobs=1, progress=False)
    pd.testing.assert_frame_equal(in_process, scores, check_dtype=False)


def test_score_files_with_nothing_readable_keeps_its_columns(tmp_path):
    scores = score_files([tmp_path / "none.txt"], by="paragraph", progress=False)
    assert scores.empty and scores.columns.tolist()[:7] == ["file", "part", "section", "paragraph", "headline", "part_kind", "kind"]
    assert scores.attrs["errors"] == [f"{tmp_path / 'none.txt'}: no such file"]


@pytest.mark.parametrize(
    "options, message",
    [({"by": "chapter"}, "by='chapter'"), ({"jobs": 0}, "jobs=0"), ({"lexicons": ["nope"]}, "lexicon='nope'")],
)
def test_score_files_checks_options_before_reading(options, message):
    with pytest.raises(OptionError, match=message):
        score_files(["never-read.txt"], progress=False, **options)


@pytest.mark.parametrize(
    "text, lexicons, expected",
    [
        ("新增中小学公办学位2.2万个，推进人才强市建设。", ["talent", "education"], ["talent", "education"]),
        ("新增中小学公办学位2.2万个，推进人才强市建设。", ["education", "talent"], ["education", "talent"]),
        ("推进广东医科大学附属医院海东院区建设。", ["education", "health"], ["health"]),
        ("开辟鲜活农产品运输绿色通道，营造风清气正的政治生态。", ["green"], []),
        ("推动经济持续健康发展。", None, []),
        ("", ["green"], []),
    ],
)
def test_themes_in_names_the_themes_with_a_term_in_lexicon_order(text, lexicons, expected):
    assert themes_in(text, lexicons=lexicons) == expected


def test_themes_in_agrees_with_the_scores():
    sentence = "加快建设广东医科大学海东校区，推动绿色发展，建设120个新能源充电桩。"
    scores = score_themes(sentence, tokenizer=Characters())
    assert themes_in(sentence) == scores.loc[scores["hits"] > 0, "theme"].tolist()


def test_themes_in_refuses_an_unknown_lexicon():
    with pytest.raises(OptionError, match="lexicon='nope'"):
        themes_in("推动绿色发展。", lexicons=["nope"])


def test_a_lexicon_object_can_be_passed_directly():
    lexicon = load_lexicon("talent")
    assert isinstance(lexicon, Lexicon)
    assert resolve_lexicons([lexicon]) == [lexicon]


@pytest.mark.skipif(not NATIONAL.is_dir(), reason="seeds/national has not been built yet")
def test_chen2018_index_rises_over_the_national_reports():
    paths = sorted(NATIONAL.glob("*.txt"))
    scores = score_files(paths, lexicons=["environment_chen2018"], progress=False)
    years = scores["file"].str.extract(r"(\d{4})", expand=False).astype(int)
    assert len(scores) == len(paths) and not scores.attrs["errors"]
    assert years.corr(scores["per_1000"], method="spearman") > 0.5


def test_document_leaves_appendices_out_unless_asked():
    report = read_report(ROOT / "seeds" / "provinces-2026" / "江西省.txt")  # 名词注释 after the closing
    document = score_themes(report, lexicons=["green"])
    parts = score_themes(report, by="part", lexicons=["green"])
    assert "appendix" not in set(parts["kind"])
    assert document[["hits", "tokens"]].values.tolist() == [parts[["hits", "tokens"]].sum().tolist()]
    whole = score_themes(report, lexicons=["green"], appendices=True)
    assert whole["tokens"].iloc[0] > document["tokens"].iloc[0]
    plan = score_themes(report, lexicons=["green"], part_kind="plan")
    assert plan[["hits", "tokens"]].values.tolist() == parts.loc[parts["part_kind"] == "plan", ["hits", "tokens"]].values.tolist()


# --- Validation: the hand-coded samples guard the lexicons ------------------------------

REPORTED = pd.read_csv(VALIDATION / "reported.csv")


@pytest.fixture(scope="module")
def measured() -> pd.DataFrame:
    return validation()


@pytest.mark.parametrize(
    "successes, n, expected",
    [(45, 50, (0.7864, 0.9565)), (52, 52, (0.9312, 1.0)), (0, 10, (0.0, 0.2775))],
)
def test_wilson_interval(successes, n, expected):
    assert wilson(successes, n) == pytest.approx(expected, abs=1e-4)


def test_validation_table_has_every_theme_and_round(measured):
    assert measured.columns.tolist() == VALIDATION_COLUMNS
    assert sorted(set(measured["theme"])) == THEMES
    # every theme was measured in rounds 1 and 2; a later round measures the lexicons it fixed
    assert all(rounds == list(range(1, len(rounds) + 1)) and len(rounds) >= 2
               for rounds in measured.groupby("theme")["round"].apply(sorted))
    assert (measured["hits"] >= 50).all()
    assert (measured["precision_low"] <= measured["precision"] + 1e-12).all()
    assert (measured["precision"] <= measured["precision_high"] + 1e-12).all()


def test_the_reported_round_is_each_themes_latest(measured):
    latest = measured.groupby("theme")["round"].max()
    assert sorted(REPORTED["theme"]) == THEMES and (REPORTED["round"] >= 2).all()
    assert REPORTED.set_index("theme")["round"].eq(latest).all()
    assert validation(latest=True).set_index("theme")["round"].eq(latest).all()


@pytest.mark.parametrize("theme", THEMES)
def test_a_lexicon_change_keeps_precision_and_recall_within_the_reported_interval(measured, theme):
    then = REPORTED[REPORTED["theme"] == theme].iloc[0]
    now = measured[(measured["theme"] == theme) & (measured["round"] == then["round"])].iloc[0]
    assert now["precision"] >= then["precision_low"], f"{theme}: precision fell below the reported interval"
    assert now["precision_weighted"] >= then["precision_weighted_low"], f"{theme}: weighted precision fell"
    assert now["recall"] >= then["recall_low"], f"{theme}: recall fell below the reported interval"


def test_every_reported_precision_reaches_the_goal_and_recall_rests_on_coded_sentences():
    reported = REPORTED.set_index("theme")
    assert (reported["precision"] >= 0.90).all(), reported.loc[reported["precision"] < 0.90, "precision"]
    assert (reported["sentences"] >= 10).all()
    assert reported.loc["talent", "sentences"] >= 20  # round 3 rested on 6 sentences; round 4 coded 1200


def test_weighted_precision_weights_each_corpus_by_its_share_of_the_hits(measured):
    strata = pd.read_csv(VALIDATION / "strata.csv")
    assert sorted(set(strata["theme"])) == THEMES and set(strata["corpus"]) == {"national", "provinces", "seed"}
    hits = validation_hits()
    for row in measured.itertuples():
        theirs = hits[(hits["theme"] == row.theme) & (hits["round"] == row.round) & hits["matched"]]
        share = strata[strata["theme"] == row.theme].set_index("corpus")["hits"]
        share = share / share.sum()
        by_corpus = theirs.groupby("corpus")["label"].apply(lambda labels: (labels == "relevant").mean())
        assert row.precision_weighted == pytest.approx((share * by_corpus).sum())
        assert row.precision_weighted_low <= row.precision_weighted <= row.precision_weighted_high + 1e-12


def test_weighting_strata_in_the_samples_own_proportions_changes_nothing(tmp_path):
    for kind in ("precision", "recall"):
        shutil.copy(VALIDATION / f"{kind}-r4.csv", tmp_path)
    hits = pd.read_csv(tmp_path / "precision-r4.csv")
    hits.groupby(["theme", "corpus"]).size().rename("hits").reset_index().to_csv(tmp_path / "strata.csv", index=False)
    table = validation(lexicons=["innovation", "talent"], folder=tmp_path)
    for plain, weighted in [("precision", "precision_weighted"), ("precision_low", "precision_weighted_low"),
                            ("precision_high", "precision_weighted_high")]:
        assert table[weighted].to_numpy() == pytest.approx(table[plain].to_numpy())
    (tmp_path / "strata.csv").unlink()
    assert validation(lexicons=["talent"], folder=tmp_path)["precision_weighted"].isna().all()


def test_every_labelled_hit_is_still_counted_or_the_csv_says_why():
    hits = validation_hits()
    dropped = hits[~hits["matched"]]
    unexplained = dropped.loc[dropped["note"] == "", ["id", "theme", "term", "sentence"]]
    assert unexplained.empty, f"run scripts/sample_themes.py notes N --why ...:\n{unexplained}"


def test_labels_are_complete_and_false_friends_have_a_reason():
    hits = validation_hits()
    assert set(hits["label"]) == {"relevant", "false_friend"}
    assert (hits.loc[hits["label"] == "false_friend", "reason"] != "").all()


def test_the_recall_samples_are_fresh_and_coded_with_known_themes():
    recall = pd.concat([pd.read_csv(p, dtype=str, keep_default_na=False) for p in sorted(VALIDATION.glob("recall-r*.csv"))])
    assert recall.groupby("round").size().ge(400).all()
    assert not recall.duplicated(["source", "start"]).any()
    coded = {theme for themes in recall["themes"] for theme in themes.split(";") if theme}
    assert coded <= set(THEMES)
    # a round that measured only some lexicons codes its sentences for those only
    partial = recall[recall["coded"].fillna("") != ""]
    assert all(set(filter(None, t.split(";"))) <= set(c.split(";")) for t, c in zip(partial["themes"], partial["coded"]))


def test_a_users_lexicon_is_measured_on_the_same_labels(tmp_path):
    path = tmp_path / "green.toml"
    path.write_text(USER_GREEN, encoding="utf-8")
    narrow = validation(lexicons=[path])
    packaged = validation(lexicons=["green"])
    assert narrow["theme"].eq("green").all() and (narrow["matched"] < packaged["matched"]).all()
    assert (narrow["recall"] < packaged["recall"]).all()


def test_validation_names_a_folder_without_samples(tmp_path):
    with pytest.raises(InputError, match="no precision-r"):
        validation(folder=tmp_path)


def test_misses_are_the_coded_sentences_the_lexicon_does_not_find(measured):
    misses = validation_misses()
    assert not misses.empty
    for row in misses.itertuples():
        assert not find_terms(row.text, load_lexicon(row.theme))
    latest = measured.loc[measured.groupby("theme")["round"].idxmax()].set_index("theme")
    per_theme = misses[misses["round"] == misses["theme"].map(latest["round"])].groupby("theme").size()
    expected = (latest["sentences"] * (1 - latest["recall"])).round().astype(int)
    assert per_theme.reindex(expected.index, fill_value=0).eq(expected).all()


def test_term_sensitivity_drops_the_most_frequent_terms(tmp_path):
    texts = ["推动绿色发展，加强生态环境保护。生态优先。", "发展绿色金融，生态修复。", "打好污染防治攻坚战。生态生态。"]
    paths = []
    for i, text in enumerate(texts):
        paths.append(tmp_path / f"{i}.txt")
        paths[-1].write_text(text, encoding="utf-8")
    table = term_sensitivity(paths, lexicons=["green"], drop=1, jobs=1)
    assert table.loc[0, "dropped"] == "生态" and table.loc[0, "reports"] == 3
    assert table.loc[0, "dropped_share"] == pytest.approx(3 / 8)
    assert -1 <= table.loc[0, "spearman"] <= 1


def test_term_sensitivity_refuses_a_bad_drop():
    with pytest.raises(OptionError, match="drop"):
        term_sensitivity([], lexicons=["green"], drop=0)


# --------------------------------------------------------------------------- uncertainty


@pytest.fixture(scope="module")
def seed_paragraphs(seed):
    return score_themes(seed, by="paragraph", lexicons=["green", "talent", "health", "education"])


def test_bootstrap_intervals_contain_the_estimate(seed_paragraphs):
    table = bootstrap_themes(seed_paragraphs, by="section")
    assert list(table.columns[-len(BOOTSTRAP_COLUMNS):]) == BOOTSTRAP_COLUMNS
    rated = table.dropna(subset=["per_1000", "share"])
    assert ((rated["per_1000_low"] <= rated["per_1000"]) & (rated["per_1000"] <= rated["per_1000_high"])).all()
    assert ((rated["share_low"] <= rated["share"]) & (rated["share"] <= rated["share_high"])).all()
    document = bootstrap_themes(seed_paragraphs).set_index("theme")
    whole = score_themes(read_report(SEED), lexicons=["green", "talent", "health", "education"]).set_index("theme")
    assert document["hits"].tolist() == whole["hits"].tolist()
    assert document["per_1000"].to_numpy() == pytest.approx(whole["per_1000"].to_numpy())
    assert document["share"].sum() == pytest.approx(100)


def test_bootstrap_interval_narrows_with_more_text():
    paragraph = "推动绿色发展，培养人才。\n建设美丽中国。\n引进人才，建设人才强市。\n加强生态保护。\n"
    short = bootstrap_themes(score_themes(paragraph, by="paragraph", lexicons=["green", "talent"]))
    long = bootstrap_themes(score_themes(paragraph * 20, by="paragraph", lexicons=["green", "talent"]))
    width = lambda t: (t["share_high"] - t["share_low"]).to_numpy()  # noqa: E731
    assert (width(long) < width(short) / 2).all()
    assert long["share"].to_numpy() == pytest.approx(short["share"].to_numpy())


def test_bootstrap_is_reproducible_with_its_seed(seed_paragraphs):
    first = bootstrap_themes(seed_paragraphs, by="section", seed=7)
    pd.testing.assert_frame_equal(first, bootstrap_themes(seed_paragraphs, by="section", seed=7))
    one, other = (bootstrap_themes(seed_paragraphs, seed=seed) for seed in (7, 8))
    assert not one["per_1000_low"].equals(other["per_1000_low"])


def test_bootstrap_of_a_unit_without_hits(seed_paragraphs):
    table = bootstrap_themes(seed_paragraphs, by="section")
    section_10 = table[(table["section"] == 10)]
    assert (section_10[["hits", "per_1000", "per_1000_low", "per_1000_high"]] == 0).all().all()
    assert section_10["share"].isna().all() and section_10["share_low"].isna().all()
    closing = table[table["kind"] == "closing"]
    assert len(closing) == 4 and closing["tokens"].gt(0).all()


def test_bootstrap_keeps_files_and_dimensions_apart():
    paths = sorted((ROOT / "seeds" / "provinces-2026").glob("*.txt"))[:2]
    scores = score_files(paths, by="paragraph", lexicons=["green"], dimensions=True, jobs=1, progress=False)
    table = bootstrap_themes(scores, n_boot=50)
    assert table["file"].tolist() == [str(p) for p in paths for _ in range(4)]
    assert table["dimension"].tolist() == [d.id for d in load_lexicon("green").dimensions] * 2
    assert table.groupby("file")["share"].sum().round(6).tolist() == [100.0, 100.0]


def test_bootstrap_refuses_a_table_that_is_not_by_paragraph(seed):
    with pytest.raises(OptionError, match="scores"):
        bootstrap_themes(score_themes(seed, by="section", lexicons=["green"]))
    with pytest.raises(OptionError, match="n_boot"):
        bootstrap_themes(score_themes(seed, by="paragraph", lexicons=["green"]), n_boot=0)


def test_bootstrap_ranks(seed):
    national = sorted(NATIONAL.glob("*2023*")) + sorted(NATIONAL.glob("*2022*"))
    scores = pd.concat([
        score_themes(seed, by="paragraph", lexicons=["green", "talent"]).assign(file="seed"),
        score_files(national, by="paragraph", lexicons=["green", "talent"], jobs=1, progress=False),
    ], ignore_index=True)
    table = bootstrap_ranks(scores, n_boot=300).set_index(["file", "theme"])
    assert table.loc[("seed", "talent"), "rank"] == 1
    assert set(table["rank"]) <= {1, 2, 3}
    assert ((table["rank_low"] <= table["rank"]) & (table["rank"] <= table["rank_high"])).all()
    assert table.groupby("theme")["rank"].apply(sorted).tolist() == [[1, 2, 3], [1, 2, 3]]
    pd.testing.assert_frame_equal(table, bootstrap_ranks(scores, n_boot=300).set_index(["file", "theme"]))
