"""Find KB aliases in a spaCy Doc: one left-to-right pass with longest match over precompiled word
tuples (a dict lookup per candidate length, never a scan over the KB)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from spacy.tokens import Doc

from grotius.resolve.actors.grammar import grammar
from grotius.resolve.actors.kb import KnowledgeBase, Target
from grotius.resolve.actors.normalize import is_acronym, is_capitalised, norm, split_words


@dataclass
class Word:
    """A matchable word: a token, or a part of a hyphenated token (``Russisch``-``Oekraïense``)."""

    tok: int
    start: int
    end: int
    raw: str
    key: str
    lemma: str | None  # only for whole tokens: inflected heads match by lemma (troepen -> troep)


@dataclass
class Mention:
    t0: int  # first token
    t1: int  # token after the last
    start: int  # char offsets
    end: int
    targets: list[Target]
    via: str = "alias"
    target: Target | None = None  # the chosen reading
    # resolved fields, filled by the resolver
    country: str | None = None
    org: str | None = None
    sector: str | None = None
    name: str | None = None
    code: str | None = None
    entry: str | None = None
    title: str | None = None
    parts: list[str] = field(default_factory=list)  # kinds merged into this mention
    home: bool = False  # named by an office of the home country ("Kamerlid Anne Kuik")

    @property
    def kind(self) -> str:
        return self.target.kind if self.target else self.via


def words_of(doc: Doc, kb: KnowledgeBase | None = None) -> list[Word]:
    out: list[Word] = []
    for t in doc:
        text = t.text
        parts = split_words(text) if "-" in text[1:-1] else [text]
        if len(parts) == 1:
            if kb is not None and len(text) > 2 and text.endswith(".") and text[-2].isalpha():
                # "VS." at a sentence's end: the tokenizer left the full stop on a name the KB knows
                bare = text[:-1]
                if norm(text) not in kb.max_len and norm(bare) in kb.max_len:
                    out.append(Word(t.i, t.idx, t.idx + len(bare), bare, norm(bare), None))
                    continue
            bare = _bare_name(text, kb)
            if bare is not None:
                out.append(Word(t.i, t.idx, t.idx + len(bare), bare, norm(bare), None))
                continue
            out.append(Word(t.i, t.idx, t.idx + len(text), text, norm(text), norm(t.lemma_) if t.lemma_ else None))
            continue
        pos = 0
        for part in parts:
            at = text.find(part, pos) if part != "-" else text.find("-", pos)
            at = pos if at < 0 else at
            out.append(Word(t.i, t.idx + at, t.idx + at + len(part), part, norm(part), None))
            pos = at + len(part)
    return out


def _bare_name(text: str, kb: KnowledgeBase | None) -> str | None:
    """A name the KB knows inside a token that carries more: a genitive (``Khaddafi's troepen``,
    ``Assad’s``) or a hyphen cut off by a stray space (``De VN- Veiligheidsraad``). The token itself
    must be no alias."""
    if kb is None or not text[:1].isupper() or norm(text) in kb.max_len:
        return None
    m = grammar(kb.lang).genitive_name_pattern.match(text)
    bare = m.group(1) if m else (text[:-1] if len(text) > 2 and text.endswith("-") else None)
    return bare if bare is not None and norm(bare) in kb.max_len else None


_NAME_KINDS = {"country", "capital", "org", "person"}


def _runs_on(words: list[Word], k: int) -> bool:
    """The word before ``k`` continues in its token with a hyphen into a longer place name
    (``Roche``-``sur``-``Yon``), not into a common noun (``NAVO``-``top``)."""
    if k >= len(words) or k == 0 or words[k].tok != words[k - 1].tok or words[k].raw != "-":
        return False
    rest = [x for x in words[k:] if x.tok == words[k].tok and x.raw != "-"]
    # a particle then a name ("-sur-Yon", "-en-Provence"), not a region after an organisation
    # ("Rode Kruis-Vlaanderen")
    return len(rest) >= 2 and not is_capitalised(rest[0].raw) and is_capitalised(rest[-1].raw)


def _case_ok(mode: str, first: Word) -> bool:
    if mode == "exact":
        return is_acronym(first.raw)
    if mode == "proper":
        return is_capitalised(first.raw)
    return True


def find_aliases(doc: Doc, kb: KnowledgeBase) -> list[Mention]:
    words = words_of(doc, kb)
    mentions: list[Mention] = []
    j, n = 0, len(words)
    while j < n:
        w = words[j]
        longest = max(kb.max_len.get(w.key, 0), kb.max_len.get(w.lemma or "", 0))
        found = None
        # "Latijns-Amerika" is no America: a place name that is only the tail of a hyphenated word
        # whose capitalised head nothing matched stands for no country
        # ("Oost-Oekraïne" is Ukraine: compass words are the language's region prefixes, except
        # before a word that also names a continent: "Zuid-Amerikaanse landen" are not the USA)
        name_tail = (
            longest > 0
            and j > 1
            and words[j - 1].tok == w.tok
            and words[j - 1].raw == "-"
            and words[j - 2].tok == w.tok
            and is_capitalised(words[j - 2].raw)
            and (words[j - 2].key not in kb.region_prefixes or w.key in kb.continent_words)
        )
        tail = (
            name_tail
            or longest > 0
            and j > 1
            and words[j - 1].tok == w.tok
            and words[j - 1].raw == "-"
            and words[j - 2].tok == w.tok
            and words[j - 2].key in kb.stance_prefixes
        )
        placed = _placed_people(w, words[j - 2], mentions[-1], kb) if name_tail and mentions else None
        if placed is not None:
            mentions[-1] = placed
            j += 1
            continue
        # hyphens inside a span are no words of the alias: a span may hold up to as many as words
        for length in range(min(2 * longest, n - j), 0, -1):
            span = words[j : j + length]
            if span[-1].tok - span[0].tok >= length + 2 or span[-1].raw == "-":  # no stray material
                continue
            keys = [tuple(x.key for x in span if x.raw != "-")]
            if len(keys[0]) > longest:
                continue
            if span[-1].lemma and span[-1].lemma != span[-1].key:
                keys.append((*keys[0][:-1], span[-1].lemma))
            for n_key, key in enumerate(keys):
                hits = [
                    t
                    for t, mode in kb.aliases.get(key, ())
                    if _case_ok(mode, span[0])
                    and not (tail and t.kind in {"country", "capital", "adjective", "demonym"})
                    # "Liberaal-Democratische Partij" is no Democratic Party of the USA
                    and not (name_tail and t.kind in {"org", "person"})
                    # "La Roche-sur-Yon": a name that goes on after a hyphen into more name is a place
                    and not (t.kind in {"org", "person"} and _runs_on(words, j + length))
                    # names do not inflect: a lemma ("Brussels ziekenhuis" -> brussel) reaches nouns only
                    and not (n_key and t.kind in _NAME_KINDS)
                ]
                if hits:
                    found = (span, hits)
                    break
            if found:
                break
        if not found:
            found = _genitive(w, kb) or _member(w, kb)
        if not found:
            compound = _compound_head(w, kb, doc)
            if compound is not None:
                mentions.append(compound)
            j += 1
            continue
        span, hits = found
        mentions.append(Mention(span[0].tok, span[-1].tok + 1, span[0].start, span[-1].end, hits))
        j += len(span)
    return mentions


def _placed_people(w: Word, first: Word, prev: Mention, kb: KnowledgeBase) -> Mention | None:
    """``Kosovo-Albanezen``, ``Kosovo-Serviërs``: a people's name after a hyphen, behind the name of the
    place (matched as ``prev``) that opens the same word, is that people living there; CAMEO codes a
    population group with the country it lives in, so the word is a demonym of the place's country."""
    if prev.t0 != w.tok or prev.end != first.end:
        return None
    place = next((t for t in prev.targets if t.kind in {"country", "adjective"} and t.country), None)
    people = [t for t, mode in kb.aliases.get((w.key,), ()) if t.kind == "demonym" and _case_ok(mode, w)]
    if place is None or not people or people[0].country == place.country:
        return None
    target = replace(people[0], name=f"{first.raw}-{w.raw}", country=place.country, code=place.country)
    return Mention(prev.t0, prev.t1, prev.start, w.end, [target], via="compound")


# Sectors of organisations that stand for themselves as the first part of any compound
# ("Navotop", "Hamasraketten", "talibanbeweging"); a company's name is too often also a word.
_SELF_PREFIX_SECTORS = {"IGO", "REB"}
# Relations only a noun phrase fills.
_NOUN_DEPS = {"nsubj", "obj", "iobj", "obl", "nmod", "appos"}


def _compound_head(w: Word, kb: KnowledgeBase, doc: Doc) -> Mention | None:
    """Dutch compounds put the head last: ``taxichauffeur``, ``bankdirecteur``, ``politieman`` take the
    reading of a one-word actor noun they end in (at least 4 letters, after at least 3); so does the
    last part of a hyphenated word (``VN-vredestroepen``: the organisation is matched on its own)."""
    tok = doc[w.tok]
    last_part = w.lemma is None and w.end == tok.idx + len(tok.text) and w.start > tok.idx
    # a sentence's first word is capitalised for its place and then often tagged a name
    # ("Veiligheidsfunctionarissen in Washington staan ...")
    opening = w.lemma is not None and tok.pos_ == "PROPN" and tok.is_sent_start and not tok.ent_type_
    if (
        not (w.lemma is not None and tok.pos_ == "NOUN")
        and not (last_part and tok.pos_ in {"NOUN", "PROPN"})
        and not opening
    ):
        return _named_compound(w, kb, doc)
    named = _named_compound(w, kb, doc)
    if named is not None:
        return named
    plural = "Plur" in tok.morph.get("Number")
    # the written form before the lemma, in that order: a set here made the reading depend on the
    # interpreter's string hashing ("masterstudenten" burgers or personen from run to run)
    for key in dict.fromkeys((w.key, w.lemma or w.key)):
        for k in range(3, len(key) - 3):
            if key[k:] in kb.not_compound_heads:
                continue
            if plural and key[k:] in kb.singular_only:
                continue  # "oorlogsschepen" are warships, not aldermen
            hits = [t for t, mode in kb.aliases.get((key[k:],), ()) if mode == "any" and t.kind == "nominal"]
            if hits:
                return Mention(w.tok, w.tok + 1, w.start, w.end, hits, via="compound")
    return None


def _named_compound(w: Word, kb: KnowledgeBase, doc: Doc) -> Mention | None:
    """``Sovjettroepen``, ``Navotroepen``, ``Hamasstrijders``: a closed compound whose first part is an
    organisation, a seat of power or a defunct state's prefix (``Sovjet``) and whose rest is an actor
    noun is that noun of that organisation or country, as the hyphenated spelling is
    (``Sovjet-troepen``). With any other noun after it, an international or armed organisation or a
    defunct state still stands for itself (``Sovjetvliegtuigen``, ``talibanbeweging``), as the first
    part of ``Navo-vliegtuigen`` does. Country names are left out: ``Syriëstrijders`` and
    ``Afghanistanveteranen`` went to the country, they are not of it. A people's plural name before an
    actor noun is its country's (``Palestijnenleider``)."""
    tok = doc[w.tok]
    # the tagger calls some of these rare words adverbs ("De Palestijnenleider zei"): a noun's relation will do
    if (tok.pos_ not in {"NOUN", "PROPN"} and tok.dep_.split(":")[0] not in _NOUN_DEPS) or "'" in w.key:
        return None
    key = w.key
    plural_en = grammar(kb.lang).plural_noun_ending
    for k in range(3, len(key) - 3):
        # a people's name in the plural opens compounds too: "Palestijnenleider", "Albanezenleider"
        prefix = [
            t
            for t, mode in kb.aliases.get((key[:k],), ())
            if _case_ok(mode, w)
            and mode != "exact"
            and (
                # companies are named by words and places too often ("Randstadprovincies")
                (t.kind in {"org", "metonym"} and t.sector != "BUS")
                or (t.kind == "adjective" and t.historical)
                or (t.kind == "demonym" and key[k - len(plural_en) : k] == plural_en)
            )
            and (t.org or t.country)
        ]
        if not prefix:
            continue
        p = prefix[0]
        heads = [key[k:]]
        if w.lemma and w.lemma.startswith(key[:k]) and len(w.lemma) > k + 3:
            heads.append(w.lemma[k:])  # "Sovjettroepen" -> troep
        hits = [
            t
            for h in heads
            for t, mode in kb.aliases.get((h,), ())
            if mode == "any" and t.kind in {"nominal", "title"} and not t.refers
        ]
        if hits:
            h = hits[0]
            target = Target(
                h.entry,
                h.kind,
                name=w.raw,
                country=p.country,
                org=p.org,
                sector=h.sector,
                code=p.code if p.org else (f"{p.country}{h.sector or ''}" if p.country else h.code),
                title=h.title,
                historical=p.historical,
                until=p.until,
            )
            return Mention(w.tok, w.tok + 1, w.start, w.end, [target], via="compound")
        if p.kind != "demonym" and (p.historical or (p.kind == "org" and p.sector in _SELF_PREFIX_SECTORS)):
            return Mention(w.tok, w.tok + 1, w.start, w.end, [p], via="compound")
    return None


# "sp.a'er", "N-VA'ers", "VVD'er": a member of the organisation named before the apostrophe (the
# suffixes are the `member_suffixes` of lang/<lang>/actors-grammar.yaml)


def _member(w: Word, kb: KnowledgeBase) -> tuple[list[Word], list[Target]] | None:
    """``De sp.a'er``, ``twee N-VA'ers``: a member of a party or other organisation is an actor of
    its country (or the organisation), in its sector."""
    suffix = next((x for x in grammar(kb.lang).member_suffixes if w.raw.endswith(x) and len(w.raw) > len(x) + 1), None)
    if suffix is None:
        return None
    stem = w.raw[: -len(suffix)]
    hits = [t for t, _ in kb.aliases.get(tuple(norm(x) for x in split_words(stem) if x != "-"), ()) if t.kind == "org"]
    return (
        (
            [w],
            [
                Target(t.entry, "nominal", name=t.name, country=t.country, org=t.org, sector=t.sector, code=t.code)
                for t in hits
            ],
        )
        if hits
        else None
    )


def _genitive(w: Word, kb: KnowledgeBase) -> tuple[list[Word], list[Target]] | None:
    """``Trumps inreisverbod``, ``Poetins leger``: a capitalised name with the genitive -s is the
    person (or organisation) it is built on; only people and organisations, whose names rarely end
    in an -s that is not a genitive."""
    ending = grammar(kb.lang).genitive_ending
    if not (is_capitalised(w.raw) and w.key.endswith(ending) and len(w.key) > 3):
        return None
    readings = kb.aliases.get((w.key[: -len(ending)],), ())
    if any(t.kind in {"capital", "country"} for t, _ in readings):
        return None  # "een Brussels ziekenhuis": the town's adjective, not the EU's genitive
    hits = [t for t, mode in readings if mode != "any" and t.kind in {"person", "org"}]
    return ([w], hits) if hits else None
