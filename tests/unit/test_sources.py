"""Stage 1 (load): tiny editions written into ``tmp_path`` in → ``Edition`` or ``LayoutError`` out.

Contract under test: no word of a body is lost; ``<``, ``>``, ``&`` and ``<Copyright ⓒ …>`` are
text; every guess made on a .txt is a ``guess`` diagnostic naming file and line; every bad input
is one ``LayoutError`` (or ``LayoutErrors``) naming file, line and key — never a traceback.
"""
from __future__ import annotations

import io
import os
import random
import textwrap
from pathlib import Path

import pytest
from PIL import Image

from layout.errors import LayoutError, LayoutErrors
from layout.model import BlockKind, Span
from layout.sources import load_edition, probe_image, webcopy
from layout.sources.text import Cleaner, decode, normalise

EDITION_YAML = "title: The Test Daily\ndate: 2024-05-01\n"


def jpeg_bytes(size=(640, 480), seed=0, **save_options) -> bytes:
    """A real JPEG of noise (noise so that the file has plenty of scan data to truncate)."""
    noise = random.Random(seed).randbytes(size[0] * size[1] * 3)
    out = io.BytesIO()
    Image.frombytes("RGB", size, noise).save(out, "JPEG", quality=85, **save_options)
    return out.getvalue()


def md(headline="A headline", body="Body text.", **front) -> str:
    lines = ["---", f"headline: {headline}"] if headline is not None else ["---"]
    lines += [f"{key}: {value}" for key, value in front.items()]
    return "\n".join(lines + ["---", body]) + "\n"


def make_edition(root: Path, articles: dict[str, str | bytes], *,
                 edition: str | None = EDITION_YAML,
                 images: dict[str, bytes] | None = None) -> Path:
    (root / "articles").mkdir(parents=True)
    (root / "images").mkdir()
    if edition is not None:
        (root / "edition.yaml").write_text(edition, encoding="utf-8")
    for name, content in articles.items():
        path = root / "articles" / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    for name, content in (images or {}).items():
        (root / "images" / name).write_bytes(content)
    return root


def guesses(edition, file_name: str) -> list[str]:
    return [d.format() for d in edition.diagnostics
            if d.kind == "guess" and d.file and d.file.endswith(file_name)]


# -- running order ------------------------------------------------------------------------------

def test_order_follows_articles_list_and_appends_unlisted(tmp_path):
    root = make_edition(tmp_path / "ed", {"a.md": md(), "b.md": md(), "c.txt": md(priority=1)},
                        edition=EDITION_YAML + "articles:\n  - b.md\n  - a\n")
    edition = load_edition(root)
    assert [a.id for a in edition.articles] == ["b", "a", "c"]
    order_notes = [d for d in edition.diagnostics if d.kind == "order"]
    assert len(order_notes) == 1 and order_notes[0].file.endswith("c.txt")


def test_order_by_priority_then_file_name(tmp_path):
    root = make_edition(tmp_path / "ed", {"x.md": md(priority=2), "y.md": md(),
                                          "z.md": md(priority=1), "w.md": md(priority=1)})
    assert [a.id for a in load_edition(root).articles] == ["w", "z", "x", "y"]


# -- Markdown ----------------------------------------------------------------------------------

MARKDOWN_BODY = textwrap.dedent("""\
    The *quick* **brown** fox: a < b & c > d, R&D; AT&T.
    <Copyright ⓒ The Korea Defense Daily, All rights reserved>

    ## A subhead

    > Quoted words
    > go on.

    - first *item*
    - second

    3. third
    4. fourth

    Code `x < y` and a [link](https://example.org/a) and [example.org](https://example.org).

    <Copyright ⓒ The Korea Defense Daily, All rights reserved>
    """)


def test_markdown_blocks_spans_and_literal_markup(tmp_path):
    root = make_edition(tmp_path / "ed", {"story.md": md(body=MARKDOWN_BODY)})
    (article,) = load_edition(root).articles
    kinds = [(b.kind, b.label, b.text) for b in article.blocks]
    assert kinds == [
        (BlockKind.PARAGRAPH, "", "The quick brown fox: a < b & c > d, R&D; AT&T. "
                                  "<Copyright ⓒ The Korea Defense Daily, All rights reserved>"),
        (BlockKind.SUBHEAD, "", "A subhead"),
        (BlockKind.QUOTE, "", "Quoted words go on."),
        (BlockKind.LIST_ITEM, "•", "first item"),
        (BlockKind.LIST_ITEM, "•", "second"),
        (BlockKind.LIST_ITEM, "3.", "third"),
        (BlockKind.LIST_ITEM, "4.", "fourth"),
        (BlockKind.PARAGRAPH, "", "Code x < y and a link (https://example.org/a) and example.org."),
        (BlockKind.PARAGRAPH, "", "<Copyright ⓒ The Korea Defense Daily, All rights reserved>"),
    ]
    assert article.blocks[0].spans[:4] == (Span("The "), Span("quick", italic=True), Span(" "),
                                           Span("brown", bold=True))
    assert article.blocks[3].spans == (Span("first "), Span("item", italic=True))


def test_markdown_defaults_overrides_and_body_image(tmp_path):
    articles = {
        "plain.md": md(),
        "none.md": md(copyright='""'),
        "own.md": md(lang="ko", copyright='"<저작권자 ⓒ 국방일보>"', deck="One line",
                     byline="Jane Doe", email="jane@example.com", section="Defense",
                     body="Text.\n\n![A soldier at Paju](images/p.jpg)\n"),
    }
    root = make_edition(tmp_path / "ed", articles, images={"p.jpg": jpeg_bytes()},
                        edition=EDITION_YAML + "lang: en\ncopyright: © The Test Daily\n")
    by_id = {a.id: a for a in load_edition(root).articles}
    assert (by_id["plain"].lang, by_id["plain"].copyright) == ("en", "© The Test Daily")
    assert by_id["none"].copyright == ""
    own = by_id["own"]
    assert (own.lang, own.copyright, own.deck) == ("ko", "<저작권자 ⓒ 국방일보>", ("One line",))
    assert (own.byline, own.email, own.section) == ("Jane Doe", "jane@example.com", "Defense")
    assert [(f.source, f.caption) for f in own.figures] == [("images/p.jpg", "A soldier at Paju")]
    assert [b.text for b in own.blocks] == ["Text."]


def test_front_matter_images_are_probed(tmp_path):
    front = "images:\n  - file: images/p.jpg\n    caption: A caption\n    credit: \"Photo: Army\""
    root = make_edition(tmp_path / "ed", {"s.md": md(**{"x": 1}).replace("x: 1", front)},
                        images={"p.jpg": jpeg_bytes((800, 600))})
    (figure,) = load_edition(root).articles[0].figures
    assert (figure.caption, figure.credit) == ("A caption", "Photo: Army")
    assert (figure.image.width, figure.image.height, figure.image.format) == (800, 600, "JPEG")
    assert figure.image.path.is_absolute()


def test_photos_checked_ahead_give_the_same_edition_and_the_thread_ends(tmp_path, monkeypatch):
    """load_edition checks the photos under images/ on a thread while it reads the articles;
    the result is the same as checking each where an article names it, a broken photo is
    still reported at its article's line, and no thread outlives the load (a build forks
    right after it)."""
    import threading
    from layout.sources import images as photo_checks
    front = "\n".join(["images:"] + [f"  - file: images/p{n}.jpg\n    caption: C{n}"
                                      for n in range(4)])
    pictures = {f"p{n}.jpg": jpeg_bytes((900 + n, 700), seed=n) for n in range(4)}
    root = make_edition(tmp_path / "ed", {"s.md": md(x=1).replace("x: 1", front)},
                        images={**pictures, "unused.jpg": jpeg_bytes((300, 200))})
    threads = threading.active_count()
    photo_checks._decode.cache_clear()
    ahead = load_edition(root)
    assert threading.active_count() == threads
    photo_checks._decode.cache_clear()
    monkeypatch.setattr("layout.sources.prefetched", _no_prefetch)
    assert load_edition(root).articles == ahead.articles
    (root / "images" / "p2.jpg").write_bytes(pictures["p2.jpg"][:3000])    # truncated
    monkeypatch.undo()
    photo_checks._decode.cache_clear()
    with pytest.raises(LayoutError) as raised:
        load_edition(root)
    assert "p2.jpg" in raised.value.format() and ":8:" in raised.value.format()


def _no_prefetch(folder):
    from contextlib import nullcontext
    return nullcontext()


# -- plain text copied from a web page ---------------------------------------------------------

NBSP = "\u00a0"
WEB_COPY = "\n".join([
    "Home",                                                             # 1
    "News > Defense",                                                   # 2
    "Menu",                                                             # 3
    "Login",                                                            # 4
    "",                                                                 # 5
    "Army fields counter-drone jammers at border posts",                # 6 headline
    "Hand-held units arrive by June, ministry says",                    # 7 deck
    "Published 2024.05.01 10:32",                                       # 8
    "",                                                                 # 9
    "The Army will give every border post a hand-held drone jammer by June, the Ministry of "
    "National Defense said on Wednesday.",                              # 10
    NBSP,                                                               # 11
    "Officials said the devices can stop small drones at up to two kilometres.\tThey cost "
    "about $20,000 each.",                                              # 12
    f" {NBSP} ",                                                        # 13
    "North Korean drones crossed the border in 2022 and flew over Seoul for hours.",  # 14
    "",                                                                 # 15
    "“We learned from that day,” a spokesman said.",                    # 16
    "",                                                                 # 17
    "By Jane Doe <jane.doe@example.com>",                               # 18
    "<Copyright ⓒ The Korea Defense Daily, All rights reserved>",       # 19
    "",                                                                 # 20
    "Related articles",                                                 # 21
    "Navy tests new radar",                                             # 22
    "Air Force buys tankers",                                           # 23
    "Share",                                                            # 24
]) + "\n"


def test_web_copy_txt_keeps_every_sentence_and_says_what_it_guessed(tmp_path):
    root = make_edition(tmp_path / "ed", {"drones.txt": WEB_COPY})
    edition = load_edition(root)
    (article,) = edition.articles
    assert article.headline == "Army fields counter-drone jammers at border posts"
    assert article.deck == ("Hand-held units arrive by June, ministry says",)
    assert (article.byline, article.email) == ("By Jane Doe <jane.doe@example.com>",
                                               "jane.doe@example.com")
    assert article.copyright == "<Copyright ⓒ The Korea Defense Daily, All rights reserved>"
    assert [b.text for b in article.blocks] == [
        "The Army will give every border post a hand-held drone jammer by June, the Ministry of "
        "National Defense said on Wednesday.",
        "Officials said the devices can stop small drones at up to two kilometres. They cost "
        "about $20,000 each.",
        "North Korean drones crossed the border in 2022 and flew over Seoul for hours.",
        "“We learned from that day,” a spokesman said.",
    ]
    notes = "\n".join(guesses(edition, "drones.txt"))
    assert 'drones.txt:1: dropped 4 navigation line(s) before the headline: "Home", ' \
           '"News > Defense", "Menu", "Login"' in notes
    assert "drones.txt:6: took line 6 as the headline" in notes
    assert "drones.txt:7: took line 7 as the deck" in notes
    assert '"Published 2024.05.01 10:32"' in notes
    assert "drones.txt:18: took line 18 as the byline and e-mail address" in notes
    assert "drones.txt:19: took line 19 as the copyright line" in notes
    assert 'drones.txt:21: dropped 4 line(s) after the body' in notes
    assert '"Related articles", "Navy tests new radar", "Air Force buys tankers", "Share"' in notes


def test_web_copy_keeps_captions_and_text_after_the_byline(tmp_path):
    text = "\n\n".join([
        "Army fields counter-drone jammers at border posts",
        "The Army will give every border post a hand-held drone jammer by June, officials said.",
        "▲ A soldier tests a jammer near Paju. (Photo: Ministry of National Defense)",
        "Why it matters",
        "North Korean drones crossed the border in 2022 and flew over Seoul for several hours.",
        "By Jane Doe",
        "Editor's note: an earlier version of this story gave the wrong price for the jammers.",
    ])
    root = make_edition(tmp_path / "ed", {"s.txt": text})
    edition = load_edition(root)
    (article,) = edition.articles
    assert [(b.kind, b.text[:22]) for b in article.blocks] == [
        (BlockKind.PARAGRAPH, "The Army will give eve"),
        (BlockKind.PARAGRAPH, "▲ A soldier tests a ja"),
        (BlockKind.SUBHEAD, "Why it matters"),
        (BlockKind.PARAGRAPH, "North Korean drones cr"),
        (BlockKind.PARAGRAPH, "Editor's note: an earl"),
    ]
    assert article.byline == "By Jane Doe"
    notes = "\n".join(guesses(edition, "s.txt"))
    assert "s.txt:5: line 5 looks like a photo caption; kept as a body paragraph" in notes
    assert "s.txt:7: took line 7 as a subhead" in notes
    assert "s.txt:13: kept line 13" in notes


PLAIN_TEXT_LAYOUTS = [
    # (case, text, headline, deck, byline, body blocks as "KIND: text")
    ("copied without blank lines", "\n".join(line for line in WEB_COPY.split("\n")
                                              if line.strip()),
     "Army fields counter-drone jammers at border posts",
     ("Hand-held units arrive by June, ministry says",), "By Jane Doe <jane.doe@example.com>",
     ["PARAGRAPH: The Army will give every border post a hand-held drone jammer by June, the "
      "Ministry of National Defense said on Wednesday.",
      "PARAGRAPH: Officials said the devices can stop small drones at up to two kilometres. "
      "They cost about $20,000 each.",
      "PARAGRAPH: North Korean drones crossed the border in 2022 and flew over Seoul for hours.",
      "PARAGRAPH: “We learned from that day,” a spokesman said."]),
    ("short headline looks like navigation",
     "Home\nMarkets rally\nStocks rose sharply on Monday as investors cheered a surprise cut in "
     "rates.\nBy the numbers\nThe index gained 3 per cent, its biggest rise in a year.\n",
     "Markets rally", (), "",
     ["PARAGRAPH: Stocks rose sharply on Monday as investors cheered a surprise cut in rates.",
      "SUBHEAD: By the numbers",
      "PARAGRAPH: The index gained 3 per cent, its biggest rise in a year."]),
    ("hard-wrapped at 64 columns",
     "Seoul court rejects appeal in defense contract case\nBy Kim Min-su, Staff Reporter\n\n"
     "The Seoul High Court on Tuesday rejected an appeal by two former\n"
     "officials convicted of taking bribes from a defense contractor,\n"
     "upholding their prison terms handed down by the district court.\n\n"
     "The court said the evidence was clear and the sentences were fair\n"
     "given the size of the bribes and the damage to public trust in\n"
     "the procurement agency.\n",
     "Seoul court rejects appeal in defense contract case", (),
     "By Kim Min-su, Staff Reporter",
     ["PARAGRAPH: The Seoul High Court on Tuesday rejected an appeal by two former officials "
      "convicted of taking bribes from a defense contractor, upholding their prison terms "
      "handed down by the district court.",
      "PARAGRAPH: The court said the evidence was clear and the sentences were fair given the "
      "size of the bribes and the damage to public trust in the procurement agency."]),
]


@pytest.mark.parametrize("text, headline, deck, byline, blocks",
                         [case[1:] for case in PLAIN_TEXT_LAYOUTS],
                         ids=[case[0] for case in PLAIN_TEXT_LAYOUTS])
def test_plain_text_layouts(tmp_path, text, headline, deck, byline, blocks):
    root = make_edition(tmp_path / "ed", {"s.txt": text})
    (article,) = load_edition(root).articles
    assert (article.headline, article.deck, article.byline) == (headline, deck, byline)
    assert [f"{b.kind.name}: {b.text}" for b in article.blocks] == blocks


@pytest.mark.parametrize("line, byline, email", [
    ("By Jane Doe <jane@example.com>", "By Jane Doe", "jane@example.com"),
    ("Reporter Kim Min-su (kim@example.kr)", "Reporter Kim Min-su", "kim@example.kr"),
    ("Staff Writer: John Smith", "Staff Writer: John Smith", ""),
    ("홍길동 기자 hong@example.com", "홍길동 기자", "hong@example.com"),
    ("[국방일보 홍길동 기자]", "[국방일보 홍길동 기자]", ""),
    ("Jane Doe <jane@example.com>", "Jane Doe", "jane@example.com"),
    ("By the numbers", None, None),                       # a subhead, not a byline
    ("By the time they arrived, the town was empty.", None, None),
])
def test_byline_lines(line, byline, email):
    found = webcopy.match_byline(line)
    assert (found.byline, found.email) == (byline, email) if byline else found is None


@pytest.mark.parametrize("line, is_copyright", [
    ("<Copyright ⓒ The Korea Defense Daily, All rights reserved>", True),
    ("<저작권자 ⓒ 국방일보, 무단전재 및 재배포 금지>", True),
    ("Copyright 2024 Example News. All rights reserved.", True),
    ("ⓒ 국방일보", True),
    ("Copyright law changed in 1998.", False),
    ("The photo is © Reuters.", False),
])
def test_copyright_lines(line, is_copyright):
    assert webcopy.is_copyright(line) is is_copyright


def test_txt_front_matter_replaces_guesses(tmp_path):
    text = ("---\nheadline: Given headline\nbyline: Desk\nimages:\n  - file: images/p.jpg\n---\n"
            "Short opener\n\nThe body sentence stays where it is.\n")
    root = make_edition(tmp_path / "ed", {"s.txt": text}, images={"p.jpg": jpeg_bytes()})
    edition = load_edition(root)
    (article,) = edition.articles
    assert article.headline == "Given headline" and article.byline == "Desk"
    assert [b.text for b in article.blocks] == ["Short opener",
                                                "The body sentence stays where it is."]
    assert len(article.figures) == 1
    assert not any("headline" in note for note in guesses(edition, "s.txt"))


# Korean Wikinews, CC BY 2.5,
# https://ko.wikinews.org/wiki/%EC%97%B0%ED%8F%89%EB%8F%84%EC%97%90_%EC%A1%B0%EC%84%A0%EB%AF%BC%EC%A3%BC%EC%A3%BC%EC%9D%98%EC%9D%B8%EB%AF%BC%EA%B3%B5%ED%99%94%EA%B5%AD%EC%97%90%EC%84%9C_%EC%8F%9C_%ED%8F%AC%ED%83%84_%EC%88%98%EC%8B%AD_%EB%B0%9C_%EB%96%A8%EC%96%B4%EC%A0%B8
# (headline and body paragraphs). The page furniture around them — navigation, deck, date line,
# byline, copyright line and related list — is made up for the test, in the style of Korean
# news sites.
KO_HEADLINE = "연평도에 조선민주주의인민공화국에서 쏜 포탄 수십 발 떨어져"
KO_BODY = [
    "오늘 오후 2시 34분 경부터 오후 4시 42분 경까지 연평도에 조선민주주의인민공화국에서 쏜 수십 "
    "발의 포탄이 떨어졌다. 이로 인해, 연평도 주민 몇 명과 해군 일부가 부상을 입었으며, 해병대원 "
    "2명이 사망하였다.",
    "오늘 오전에 조선민주주의인민공화국은 대한민국 국군에게 육해공 연합 호국훈련의 중단을 요청하는 "
    "전통문을 발송하였으나, 국방부에서는 요청을 거절하고 예정대로 훈련을 진행하였다.",
    "당일 훈련 종료 한 시간 후 오후 2시 30분 경에 연평도 군부대 및 인근 민가를 향해 북측이 개머리 "
    "해안부근 해안포기지로부터 포격을 시작하였다. 오후 3시 41분 경에 합참의장은 북한의 해안포 "
    "사격이 중단되었다고 발표하였다.",
]
KO_COPY = "\r\n".join(
    ["홈", "뉴스 > 국방", "전체메뉴", "로그인", "", KO_HEADLINE, "해병대원 2명 사망, 주민 대피",
     "입력 2010.11.23 16:00", ""]
    + [part for paragraph in KO_BODY for part in (paragraph, NBSP)]
    + ["홍길동 기자 hong@example.com", "<저작권자 ⓒ 국방일보, 무단전재 및 재배포 금지>", "",
       "관련기사", "연평도 해상사격훈련 실시"]) + "\r\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp949"])
def test_korean_web_copy(tmp_path, encoding):
    # CP949 has no U+00A0; the blank lines then hold ordinary spaces.
    text = KO_COPY.replace(NBSP, " ") if encoding == "cp949" else KO_COPY
    root = make_edition(tmp_path / "ed", {"yeonpyeong.txt": text.encode(encoding)})
    edition = load_edition(root)
    (article,) = edition.articles
    assert article.headline == KO_HEADLINE
    assert article.deck == ("해병대원 2명 사망, 주민 대피",)
    assert [b.text for b in article.blocks] == KO_BODY
    assert (article.byline, article.email) == ("홍길동 기자 hong@example.com", "hong@example.com")
    assert article.copyright == "<저작권자 ⓒ 국방일보, 무단전재 및 재배포 금지>"
    assert article.lang == "ko"
    notes = "\n".join(guesses(edition, "yeonpyeong.txt"))
    assert '"홈", "뉴스 > 국방", "전체메뉴", "로그인"' in notes
    assert '"관련기사", "연평도 해상사격훈련 실시"' in notes
    cp949_notes = [d for d in edition.diagnostics if "CP949" in d.message]
    assert len(cp949_notes) == (encoding == "cp949")


# -- text normalisation ------------------------------------------------------------------------

def test_cleaner_contract():
    cleaner = Cleaner()
    raw = "\u00a0 Cafe\u0301 \t bar\u200b\u200bbaz\u00a0qux\u00adquux\x07  \n end \u3000"
    assert cleaner.clean(normalise(raw)) == "Café barbaz\u00a0qux\u00adquux end"
    (note,) = cleaner.diagnostics("f.txt")
    assert "removed 3 invisible characters" in note.message
    assert "2 × U+200B ZERO WIDTH SPACE" in note.message and note.file == "f.txt"


def test_decode_line_ends_and_bom():
    text, notes = decode("\ufeffa\r\nb\rc\n".encode("utf-8"), "f.txt")
    assert (text, notes) == ("a\nb\nc\n", [])


def test_decode_refuses_latin1_with_offset_and_iconv_hint():
    with pytest.raises(LayoutError) as caught:
        decode("Line one\nCaf\u00e9 au lait\n".encode("latin-1"), "articles/x.txt")
    message = str(caught.value)
    assert "articles/x.txt:2:" in message and "offset 12" in message
    assert "iconv -f" in message


# -- images ------------------------------------------------------------------------------------

def test_probe_image_applies_exif_orientation_and_flags_tiny_photos(tmp_path):
    exif = Image.Exif()
    exif[0x0112] = 6
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "rotated.jpg").write_bytes(jpeg_bytes((400, 200), exif=exif,
                                                                 dpi=(300, 300)))
    (tmp_path / "images" / "tiny.png").write_bytes(_png((120, 80)))
    info, notes = probe_image("images/rotated.jpg", root=tmp_path, referenced_from="a.md",
                              line=3, key="images[0].file")
    assert (info.width, info.height, info.orientation, info.mode) == (200, 400, 6, "RGB")
    assert info.dpi == pytest.approx(300) and notes == []
    info, notes = probe_image("images/tiny.png", root=tmp_path, referenced_from="a.md", line=4,
                              key="images[1].file")
    assert (info.format, info.width) == ("PNG", 120)
    assert [(n.kind, n.line) for n in notes] == [("image", 4)]
    assert "120×80" in notes[0].message


def _png(size) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, "white").save(out, "PNG")
    return out.getvalue()


# -- bad input: one row per mistake, with the words the message must contain -------------------

def _symlink_outside(root: Path) -> None:
    outside = root.parent / "outside.jpg"
    outside.write_bytes(jpeg_bytes())
    os.symlink(outside, root / "images" / "link.jpg")


def _pixel_bomb(root: Path) -> None:
    # 144 million pixels in a 17 kB file: over Pillow's 89-megapixel warning limit.
    Image.new("1", (12000, 12000)).save(root / "images" / "bomb.png")


def _with_image(path: str) -> str:
    return md(**{"images": f"\n  - file: {path}\n    caption: c"})


BAD_INPUTS = [
    # (case id, articles, edition.yaml, images, setup, message fragments)
    ("missing image", {"a.md": _with_image("images/nope.jpg")}, EDITION_YAML, {}, None,
     ["a.md:4: images[0].file:", 'photo "images/nope.jpg": no such file']),
    ("misspelt image", {"a.md": _with_image("images/phot.jpg")}, EDITION_YAML,
     {"photo.jpg": jpeg_bytes()}, None, ['no such file (hint: did you mean "photo.jpg"?)']),
    ("corrupt image", {"a.md": _with_image("images/bad.jpg")}, EDITION_YAML,
     {"bad.jpg": random.Random(1).randbytes(5000)}, None,
     ["a.md:4: images[0].file:", 'photo "images/bad.jpg": not a JPEG, PNG']),
    ("truncated JPEG", {"a.md": _with_image("images/half.jpg")}, EDITION_YAML,
     {"half.jpg": jpeg_bytes()[: len(jpeg_bytes()) // 2]}, None,
     ['photo "images/half.jpg": corrupt or truncated image data']),
    ("decompression bomb", {"a.md": _with_image("images/bomb.png")}, EDITION_YAML, {},
     _pixel_bomb, ['photo "images/bomb.png": too many pixels to be a photo']),
    ("path escape", {"a.md": _with_image("../secret.jpg")}, EDITION_YAML, {}, None,
     ['photo "../secret.jpg": leaves the edition folder']),
    ("absolute path", {"a.md": _with_image("/etc/passwd")}, EDITION_YAML, {}, None,
     ['photo "/etc/passwd": is an absolute path']),
    ("symlink outside", {"a.md": _with_image("images/link.jpg")}, EDITION_YAML, {},
     _symlink_outside, ['photo "images/link.jpg": is a link to', "outside the edition folder"]),
    ("bad YAML syntax", {"a.md": md()}, "title: The Test Daily\ndate: [2024-05-01\n", {}, None,
     ["edition.yaml:3:", "YAML syntax error"]),
    ("bad front matter", {"a.md": "---\nheadline: A\ndeck: [unclosed\n---\nBody.\n"},
     EDITION_YAML, {}, None, ["a.md:", "YAML syntax error"]),
    ("unknown article key", {"a.md": md(headlne="x")}, EDITION_YAML, {}, None,
     ['a.md:3: headlne: unknown key (hint: did you mean "headline"?)']),
    ("unknown edition key", {"a.md": md()}, EDITION_YAML + "titel: x\n", {}, None,
     ['edition.yaml:3: titel: unknown key (hint: did you mean "title"?)']),
    ("no headline", {"a.md": md(headline=None, deck="x")}, EDITION_YAML, {}, None,
     ["a.md:1: headline: is required"]),
    ("empty headline", {"a.md": md(headline='""')}, EDITION_YAML, {}, None,
     ["a.md:2: headline: must not be empty"]),
    ("no front matter", {"a.md": "Just text.\n"}, EDITION_YAML, {}, None,
     ["a.md:1: headline: no front matter with a headline"]),
    ("markdown nested too deep", {"a.md": md(body="> " * 60 + "deep words")}, EDITION_YAML, {},
     None, ['a.md:4: 2 word(s) would be lost in Markdown parsing, e.g. "deep", "words"']),
    ("empty article", {"a.md": md(body="")}, EDITION_YAML, {}, None, ["a.md:4: no body text"]),
    ("empty txt", {"a.txt": "Home\nMenu\nA headline for nothing at all\n"}, EDITION_YAML, {},
     None, ["a.txt:1: no body text"]),
    ("txt without headline", {"a.txt": "Login\nThe body starts at once and says nothing else.\n"},
     EDITION_YAML, {}, None, ["a.txt:1: found no headline", "hint: start the file with front"]),
    ("bad date", {"a.md": md()}, "title: T\ndate: 2024-02-30\n", {}, None,
     ["edition.yaml:2: date:", '"2024-02-30" is not a date in the calendar']),
    ("date in words", {"a.md": md()}, "title: T\ndate: May 1\n", {}, None,
     ['edition.yaml:2: date: expected a date like 2024-05-01, got "May 1"']),
    ("missing title", {"a.md": md()}, "date: 2024-05-01\n", {}, None,
     ["edition.yaml:1: title: is required"]),
    ("bad priority", {"a.md": md(priority=0)}, EDITION_YAML, {}, None,
     ["a.md:3: priority: must be at least 1, got 0"]),
    ("duplicate ids", {"a.md": md(), "a.txt": WEB_COPY}, EDITION_YAML, {}, None,
     ['a.txt: duplicate article id "a": a.md and a.txt']),
    ("listed file missing", {"a.md": md()}, EDITION_YAML + "articles:\n  - a.md\n  - b.md\n",
     {}, None, ['edition.yaml:5: articles[1]: no article file "b.md" in articles/']),
    ("no edition.yaml", {"a.md": md()}, None, {}, None, ["edition.yaml: no edition.yaml"]),
    ("no articles", {}, EDITION_YAML, {}, None, ["articles: no articles"]),
    ("undecodable", {"a.txt": "Caf\u00e9 headline here\n\nBody.\n".encode("latin-1")},
     EDITION_YAML, {}, None, ["a.txt:1: not UTF-8: byte 0xe9 at offset 3", "iconv"]),
]


@pytest.mark.parametrize("articles, edition, images, setup, fragments",
                         [case[1:] for case in BAD_INPUTS], ids=[case[0] for case in BAD_INPUTS])
def test_bad_input_is_a_layout_error_naming_where(tmp_path, articles, edition, images, setup,
                                                   fragments):
    root = make_edition(tmp_path / "ed", articles, edition=edition, images=images)
    if setup:
        setup(root)
    with pytest.raises(LayoutError) as caught:
        load_edition(root)
    message = str(caught.value)
    for fragment in fragments:
        assert fragment in message


def test_several_problems_are_reported_together(tmp_path):
    root = make_edition(tmp_path / "ed", {"a.md": md(headlne="x"), "b.md": md(body=""),
                                          "c.md": _with_image("images/nope.jpg")},
                        edition="title: T\ndate: tomorrow\n")
    with pytest.raises(LayoutErrors) as caught:
        load_edition(root)
    assert len(caught.value.errors) == 4
    assert {Path(str(e.file)).name for e in caught.value.errors} == \
        {"edition.yaml", "a.md", "b.md", "c.md"}


@pytest.mark.parametrize("target, fragment", [("missing", "no such folder"),
                                              ("file", "not a folder")])
def test_folder_must_be_a_folder(tmp_path, target, fragment):
    path = tmp_path / target
    if target == "file":
        path.write_text("x")
    with pytest.raises(LayoutError, match=fragment):
        load_edition(path)


def test_a_bracketed_notice_after_the_byline_is_the_copyright_line(tmp_path):
    """Regression: "<Public domain — …>" was dropped with the related-articles list."""
    root = tmp_path / "ed"
    (root / "articles").mkdir(parents=True)
    (root / "edition.yaml").write_text("title: T\ndate: 2026-11-28\n", encoding="utf-8")
    (root / "articles" / "a.txt").write_text(
        "Home\nNews\nMattis Meets Japanese Minister at the Pentagon\n\n"
        "Secretary Mattis met the minister today at the Pentagon.\n\n"
        "By DoD News <desk@example.org>\n"
        "<Public domain — U.S. Department of Defense>\n\nRelated articles\nAnother story\n",
        encoding="utf-8")
    from layout.sources import load_edition
    article = load_edition(root).articles[0]
    assert article.copyright == "<Public domain — U.S. Department of Defense>"
    assert article.email == "desk@example.org"


def test_a_short_web_copy_keeps_its_short_headline_and_sentence(tmp_path):
    """Regression: in a two-line copy, the three-word headline was dropped as navigation and
    the one body sentence taken as the headline, leaving no body."""
    root = make_edition(tmp_path / "ed", {"a.txt": "Headline here today\r\n\r\n"
                                                    "Body text paragraph one is here.\r\n"})
    (article,) = load_edition(root).articles
    assert article.headline == "Headline here today"
    assert [b.text for b in article.blocks] == ["Body text paragraph one is here."]


def test_sections_order_the_running_order(tmp_path):
    root = make_edition(tmp_path / "ed", {
        "a.md": md(section="Sports", priority=1), "b.md": md(section="News", priority=2),
        "c.md": md(section="Opinion", priority=3), "d.md": md(section="News", priority=4)},
        edition="title: T\ndate: 2026-11-28\nsections: [News, Sports]\n")
    edition = load_edition(root)
    assert [a.id for a in edition.articles] == ["b", "d", "a", "c"]
    assert edition.sections == ("News", "Sports")
    assert any('section "Opinion" is not in the sections' in d.message
               for d in edition.diagnostics)
