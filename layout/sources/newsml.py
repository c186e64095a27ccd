"""Stage 1 helper: a NewsML-G2 document in → its stories as :class:`~.wire.WireStory` records.

The root may be a ``newsItem`` (one story), a ``packageItem`` or a ``newsMessage`` (several
items). Field map of a text ``newsItem`` (anything missing or unusable is reported):

* headline — ``contentMeta/headline`` (else the inline NITF ``hl1``, else the ``slugline``,
  reported);
* byline — the inline NITF ``byline``, else the ``contentMeta/creator/name``\\ s;
* copyright — ``rightsInfo/copyrightNotice``, else ``© rightsInfo/copyrightHolder/name``;
* language — ``contentMeta/language/@tag``, else ``xml:lang`` of the item;
* priority — ``contentMeta/urgency`` (1 = most urgent);
* deck — the inline NITF ``hl2``/abstract, else ``contentMeta/description[@role=drol:summary]``;
* body — ``contentSet``: ``inlineXML`` holding NITF (read by :mod:`.nitf`) or XHTML,
  or ``inlineData`` plain text (paragraphs at blank lines).

Picture items (``itemClass`` ``ninat:picture``) give photos: the first ``remoteContent/@href``
that is a file in the edition, ``description[@role=drol:caption]`` → caption, ``creditline``
(else the creator) → credit, ``rightsInfo/copyrightNotice`` → the photo's copyright line.
In a package (or a message holding one) the items are taken in the order the package refers
to them; a picture becomes a photo of the text story before it (of the first, if none is
before it). Items referred to but not in the file are reported: nothing is fetched.
"""
from __future__ import annotations

from ..errors import LayoutError
from ..model import BlockKind
from .nitf import read_nitf
from .text import Cleaner
from .wire import BodyReader, WireStory, child, children, find, lang_of, text_of
from .xmlsafe import Element, local

ROOTS = ("newsItem", "packageItem", "newsMessage")


def read_newsml(root: Element, file: str, cleaner: Cleaner, photo) -> list[WireStory]:
    """The stories of a NewsML-G2 document (at least one, else a :class:`LayoutError`).

    ``photo(sources, caption, credit, line, copyright)`` turns candidate file references into
    an ImageRef (or None, having reported why)."""
    name = local(root.tag)
    holder = WireStory(file)         # notes that belong to no one story
    if name == "newsItem":
        items, packages = [root], []
    elif name == "packageItem":
        items, packages = [], [root]
    else:
        item_set = child(root, "itemSet")
        if item_set is None:
            raise LayoutError("a newsMessage with no itemSet: no story in it", file=file,
                              line=root.line)
        items = children(item_set, "newsItem")
        packages = children(item_set, "packageItem")
    by_guid = {item.get("guid", ""): item for item in items if item.get("guid")}

    order: list[Element] = []
    for package in packages:
        headline = text_of(find(child(package, "contentMeta"), "headline"))
        if headline:
            holder.note(f'the package headline "{headline}" is not printed (its stories have '
                        "their own)", package.line)
        for ref in package.iter():
            if local(ref.tag) != "itemRef":
                continue
            target = by_guid.get(ref.get("residref", ""))
            if target is not None:
                if target not in order:
                    order.append(target)
                continue
            kind = _item_class(ref)
            title = text_of(child(ref, "title"))
            holder.note(f'refers to the {kind or "item"} "{ref.get("residref", "")}"'
                        + (f' ("{title}")' if title else "") +
                        " which is not in this file; it is not set (nothing is fetched)",
                        ref.line)
    order += [item for item in items if item not in order]

    stories: list[WireStory] = []
    pictures_before_story: list[Element] = []
    for item in order:
        kind = _item_class(item)
        if kind == "picture":
            if stories:
                _add_picture(item, stories[-1], photo)
            else:
                pictures_before_story.append(item)
        elif kind in ("text", "composite", ""):
            story = _text_item(item, file, cleaner, photo)
            story.id_suffix = f"-{len(stories) + 1}" if stories else ""
            stories.append(story)
        else:
            holder.note(f"a {kind} item is not set (only text and picture items are)",
                        item.line)
    if not stories:
        raise LayoutError(
            "holds no text item (no story to set)" + (
                "; a picture item alone is a photo: put the picture in images/ and name it "
                "in a story" if pictures_before_story else ""),
            file=file, line=root.line)
    for item in pictures_before_story:
        _add_picture(item, stories[0], photo)
    stories[0].diagnostics[:0] = holder.diagnostics
    return stories


def _item_class(item: Element) -> str:
    """``ninat:text`` → ``text``; "" when the item does not say."""
    element = find(child(item, "itemMeta"), "itemClass") if local(item.tag) != "itemRef" \
        else child(item, "itemClass")
    qcode = element.get("qcode", "") if element is not None else ""
    return qcode.split(":")[-1].strip().lower()


def _rights(item: Element) -> str | None:
    rights = child(item, "rightsInfo")
    notice = text_of(child(rights, "copyrightNotice"))
    if notice:
        return notice
    holder = text_of(child(child(rights, "copyrightHolder"), "name"))
    return f"© {holder}" if holder else None


def _text_item(item: Element, file: str, cleaner: Cleaner, photo) -> WireStory:
    story = WireStory(file, line=item.line)
    meta = child(item, "contentMeta")
    headline = child(meta, "headline")
    if text_of(headline):
        story.headline, story.headline_line = text_of(headline), headline.line
    story.copyright = _rights(item)
    language = child(meta, "language")
    if language is not None and language.get("tag", "").strip():
        story.lang = language.get("tag").strip().split("-")[0].lower()
    else:
        story.lang = lang_of(item)
    urgency = child(meta, "urgency")
    if text_of(urgency):
        value = text_of(urgency)
        if value.isdigit() and 1 <= int(value) <= 9:
            story.priority = int(value)
        else:
            story.note(f'urgency "{value}" is not 1–9; not used as priority', urgency.line)

    content = child(item, "contentSet")
    used = None
    for element in list(content) if content is not None else []:
        name = local(element.tag)
        if not name:
            continue
        if used is not None:
            story.note(f"a second <{name}> in the contentSet is not set (the first one is)",
                       element.line)
            continue
        if name == "inlineXML":
            used = element
            _inline_xml(element, story, cleaner, photo)
        elif name == "inlineData":
            used = element
            for paragraph in (element.text or "").split("\n\n"):
                BodyReader(story, cleaner, None).add_text(BlockKind.PARAGRAPH, paragraph)
        elif name == "remoteContent":
            story.note(f'the text at "{element.get("href", "")}" is not fetched', element.line)
    if used is None:
        story.note("no inline content (inlineXML or inlineData) in the contentSet",
                   content.line if content is not None else item.line)

    if story.headline is None:
        slugline = child(meta, "slugline")
        if text_of(slugline):
            story.headline, story.headline_line = text_of(slugline), slugline.line
            story.note("no headline; the slugline is used as the headline", slugline.line)
    if story.byline is None:
        names = [text_of(child(creator, "name")) for creator in children(meta, "creator")]
        story.byline = ", ".join(name for name in names if name) or None
    if not story.deck:
        for description in children(meta, "description"):
            if description.get("role", "") in ("drol:summary", "") and text_of(description):
                story.deck = [text_of(description)]
                break
    return story


def _inline_xml(element: Element, story: WireStory, cleaner: Cleaner, photo) -> None:
    content_type = element.get("contenttype", "").strip().lower()
    root = next((item for item in element if local(item.tag)), None)
    if root is None:
        story.note("an empty inlineXML", element.line)
        return
    if local(root.tag) == "nitf":
        read_nitf(root, story, cleaner, photo)
        return
    if local(root.tag) == "html" or "xhtml" in content_type:
        body = find(root, "body")
        if story.headline is None:
            title = find(root, "title")
            if text_of(title):
                story.headline, story.headline_line = text_of(title), title.line
        reader = BodyReader(story, cleaner, lambda img: photo(
            img.get("src", ""), img.get("alt", "") or "", "", img.line))
        reader.read(body if body is not None else root)
        return
    story.note(f"inlineXML of type {content_type or local(root.tag)} is set as paragraphs",
               element.line)
    BodyReader(story, cleaner, lambda img: None).read(root)


def _add_picture(item: Element, story: WireStory, photo) -> None:
    meta = child(item, "contentMeta")
    caption = ""
    for description in children(meta, "description"):
        if description.get("role", "") in ("drol:caption", "") and text_of(description):
            caption = text_of(description)
            break
    credit = text_of(child(meta, "creditline")) or ", ".join(
        text_of(child(creator, "name")) for creator in children(meta, "creator")
        if text_of(child(creator, "name")))
    content = find(item, "contentSet")
    sources = [element.get("href", "") for element in (content if content is not None else ())
               if local(element.tag) == "remoteContent" and element.get("href")]
    ref = photo(sources, caption, credit, item.line, _rights(item) or "")
    if ref is not None:
        story.images.append(ref)

