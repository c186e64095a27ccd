#!/usr/bin/env python3
"""Assemble editions the page maker has not been tuned on, from the committed sample editions.

Developer tool: each edition is a seeded, shuffled mix of the sample stories (English,
Korean, wire), with a lead (``priority: 1``), a few second stories, photos attached to some
stories that had none, and booked ads of shapes that do not match their bookings. Each folder
gets an ``articles.jsonl`` (the text a reader should see) so that an independent checker
(``../shared/tools/pdfcheck``) can measure the PDFs.

    .venv/bin/python scripts/make_test_editions.py OUT_DIR [--reseed N]
    for e in OUT_DIR/*/; do .venv/bin/newsprint build "$e" -o "/tmp/out/$(basename $e)"; done
"""
from __future__ import annotations

import argparse
import json
import random
import shutil
from pathlib import Path

import yaml
from PIL import Image, ImageDraw

EDITIONS = Path(__file__).resolve().parents[1] / "editions"

# name: (sample editions mixed, stories, seed, ads, share of photo-less stories given one, lang)
MIXES = {
    "mix45": (["defense-daily-en", "wire-en"], 45, 1,
              [{"page": 1, "columns": 2, "height": "3in"},
               {"page": 3, "columns": 3, "height": "4in", "position": "bottom-left"},
               {"page": 4, "columns": 5, "height": "2in"}], 0.3, "en"),
    "all56": (["defense-daily-en", "wire-en"], 200, 2, [], 0.2, "en"),
    "ko35": (["defense-daily-ko", "defense-daily-en"], 35, 3,
             [{"page": 2, "columns": 2, "height": "5in"},
              {"page": 3, "columns": 1, "height": "6in", "position": "top-left"}], 0.2, "ko"),
    "mix30": (["wire-en", "defense-daily-en"], 30, 4,
              [{"page": 2, "columns": 4, "height": "3in"}], 0.5, "en"),
    "mix60": (["wire-en", "defense-daily-en"], 60, 5,
              [{"page": 2, "columns": 3, "height": "5in"},
               {"page": 6, "columns": 2, "height": "3in", "position": "bottom-left"}], 0.4, "en"),
    "mix35": (["defense-daily-en", "wire-en"], 35, 6,
              [{"page": 1, "columns": 5, "height": "2.5in"}], 0.3, "en"),
    "ko37": (["defense-daily-ko", "wire-en"], 37, 7,
             [{"page": 4, "columns": 3, "height": "4in"}], 0.3, "ko"),
    "mix50": (["wire-en", "defense-daily-en"], 50, 8, [], 0.6, "en"),
}


def split_front_matter(text: str):
    if text.startswith("---\n"):
        end = text.index("\n---\n", 4)
        return yaml.safe_load(text[4:end]), text[end + 5:]
    return None, text


def make(out: Path, name: str, sources, count, seed, ads, photos, lang) -> None:
    rnd = random.Random(seed)
    folder = out / name
    if folder.exists():
        shutil.rmtree(folder)
    (folder / "articles").mkdir(parents=True)
    (folder / "images").mkdir()
    pool, images = [], []
    for edition in sources:
        records = {}
        with open(EDITIONS / edition / "articles.jsonl", encoding="utf-8") as stream:
            for line in stream:
                record = json.loads(line)
                records[record["id"]] = record
        for path in sorted((EDITIONS / edition / "articles").glob("*")):
            if path.stem in records:
                pool.append((path, records[path.stem]))
        for image in sorted((EDITIONS / edition / "images").glob("*")) \
                if (EDITIONS / edition / "images").exists() else []:
            shutil.copy2(image, folder / "images" / image.name)
            images.append(image.name)
    rnd.shuffle(pool)
    lines, order = [], []
    for number, (path, record) in enumerate(pool[:count]):
        record = dict(record)
        text = path.read_text(encoding="utf-8")
        front, body = split_front_matter(text)
        if front is not None:
            for key in ("page", "slot", "columns"):
                front.pop(key, None)
            front["priority"] = 1 if number == 0 else (2 if rnd.random() < 0.12 else 3)
            if not front.get("images") and images and rnd.random() < photos:
                image = rnd.choice(images)
                figure = {"file": f"images/{image}", "credit": "Photo: Newsprint test desk",
                          "caption": f"A photo for the story, picked from the edition's "
                                     f"pictures ({image})."}
                front["images"] = [figure]
                record["images"] = [figure]
            text = "---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=False,
                                            width=1000) + "---\n" + body
        (folder / "articles" / path.name).write_text(text, encoding="utf-8")
        order.append(path.name)
        lines.append(json.dumps(record, ensure_ascii=False))
    (folder / "articles.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    meta = {"title": f"Test {name}", "date": "2026-11-28", "issue": 7, "lang": lang,
            "copyright": "<Copyright ⓒ Test Daily, All rights reserved>", "articles": order}
    if ads:
        meta["ads"] = []
        for index, ad in enumerate(ads):
            file = f"images/ad{index}.jpg"
            picture = Image.new("RGB", (1200, 800), (200 - 30 * index, 60 + 40 * index, 90))
            ImageDraw.Draw(picture).rectangle((40, 40, 1160, 760), outline=(255, 255, 255),
                                              width=12)
            picture.save(folder / file, quality=85)
            meta["ads"].append({"file": file, **ad})
    (folder / "edition.yaml").write_text(
        yaml.safe_dump(meta, allow_unicode=True, sort_keys=False), encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="folder to write the editions into")
    parser.add_argument("--reseed", type=int, default=0, metavar="N",
                        help="add N to every mix's seed: other shuffles, photos and stories, "
                             "editions no one has tuned on yet")
    args = parser.parse_args()
    for name, (sources, count, seed, *rest) in MIXES.items():
        make(args.out, name, sources, count, seed + args.reseed, *rest)
        print(args.out / name)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
