"""The reporting lexicon of one language (``lang/<lang>/reporting.yaml``) as fast look-up tables."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, cached_property

from spacy.tokens import Doc, Token

from grotius.lang import load_resource, load_word_classes

RESOURCE = "reporting.yaml"
GRAMMAR = "quotes-grammar.yaml"  # the function words and word shapes the finder reads a clause with
PARTICLE_WINDOW = 12  # tokens after a finite separable verb in which its particle may stand


@dataclass(frozen=True)
class QuoteGrammar:
    """The word classes of ``lang/<lang>/quotes-grammar.yaml``, one field per key (its header says what
    each class is). A word class is a set of lower-case words, a single word, a phrase (a tuple, word by
    word) or, for ``third_person_forms``, a pronoun's coreferent forms."""

    lang: str
    articles: frozenset[str]
    article_clitics: frozenset[str]
    definite_articles: frozenset[str]
    common_gender_determiners: frozenset[str]
    definite_determiners: frozenset[str]
    back_reference_determiners: frozenset[str]
    determiners: frozenset[str]
    demonstrative_pronouns: frozenset[str]
    not_speakers: frozenset[str]
    pronouns_not_subjects: frozenset[str]
    neuter_pronouns: frozenset[str]
    resumptive_words: frozenset[str]
    resumptive_adverb: str
    first_person: frozenset[str]
    third_person_forms: dict[str, frozenset[str]]
    third_person_subjects: frozenset[str]
    subject_pronouns: frozenset[str]
    plural_pronouns: frozenset[str]
    third_person_pronouns: frozenset[str]
    personal_pronouns: frozenset[str]
    possessives: frozenset[str]
    relative_pronouns: frozenset[str]
    subordinators: frozenset[str]
    declarative_complementizer: str
    name_particles: frozenset[str]
    surname_particles: frozenset[str]
    r_pronouns: frozenset[str]
    auxiliary_lemmas: frozenset[str]
    perfect_auxiliary_lemmas: frozenset[str]
    have_lemma: str
    be_lemma: str
    modal_infinitive_forms: frozenset[str]
    passive_auxiliary_lemma: str
    infinitive_marker: str
    genitive_preposition: str
    participle_prefix: str
    participle_endings: tuple[str, ...]
    unprefixed_participles: frozenset[str]
    plural_ending: str
    genitive_ending: str
    genitive_apostrophe: str
    numeral_one: frozenset[str]
    partitive_nouns: frozenset[str]
    stranded_particles: frozenset[str]
    own_account_phrase: tuple[str, ...]
    lies_with_opening: tuple[str, ...]
    lies_with_verbs: frozenset[str]
    elisions: frozenset[str]
    pronominal_adverb_pattern: re.Pattern[str]
    participle_pattern: re.Pattern[str]

    @cached_property
    def all_articles(self) -> frozenset[str]:
        """Articles with their clitic forms (`de`, `het`, `een`, `'t`)."""
        return self.articles | self.article_clitics


@cache
def grammar(lang: str) -> QuoteGrammar:
    """The quote finder's word classes for one language; a class missing from the file is an error."""
    return load_word_classes(lang, GRAMMAR, QuoteGrammar)


def grammar_of(doc: Doc) -> QuoteGrammar:
    """The word classes of the document's language (for helpers that see only the document)."""
    return grammar(doc.lang_)


@dataclass(frozen=True)
class VerbEntry:
    id: str
    kind: str
    lemmas: frozenset[str]
    forms: frozenset[str]
    split: frozenset[str]
    particle: str | None
    infinitive: bool = False  # may report with a `te`-infinitive (`zei geen ruimte te zien`)
    with_word: str | None = None  # a word that must stand between a split verb and its particle
    not_with: frozenset[str] = frozenset()  # words after the verb that make it another verb (`stelt gelijk`)


@dataclass
class Lexicon:
    lang: str
    verbs: list[VerbEntry]
    complementizers: dict[str, str]  # form -> id
    sources: dict[str, str]  # volgens / aldus -> id
    hedge_aux: dict[str, str]  # zou -> id
    hedge_phrases: list[tuple[tuple[str, ...], str]]
    media_nouns: frozenset[str]
    colon_blockers: frozenset[str]
    addressee: frozenset[str]
    grammar: QuoteGrammar
    org_nouns: frozenset[str] = frozenset()  # `bedrijf`, `organisatie`: descriptions of an organisation
    speech_nouns: dict[str, str] = field(default_factory=dict)  # `verklaring` -> id: what someone said
    titles: dict[str, str] = field(default_factory=dict)  # title form -> id
    title_suffixes: dict[str, str] = field(default_factory=dict)  # `'er` -> id
    compound_titles: list[str] = field(default_factory=list)  # title forms a compound may end in
    framed: dict[str, tuple[str, str]] = field(default_factory=dict)  # `wat` -> (`betreft`, id): `wat X betreft`
    own_voice: dict[str, str] = field(default_factory=dict)  # `we` -> id: the speaker's side inside a quote
    by_form: dict[str, list[VerbEntry]] = field(default_factory=dict)
    by_lemma: dict[str, list[VerbEntry]] = field(default_factory=dict)
    by_split: dict[str, list[VerbEntry]] = field(default_factory=dict)

    def rule(self, entry_id: str) -> str:
        return f"{self.lang}/{RESOURCE}#{entry_id}"

    def kind(self, rule: str | None) -> str | None:
        """The kind (speech, opinion, naming) of the verb entry a rule names, else None."""
        entry_id = (rule or "").rsplit("#", 1)[-1]
        return next((v.kind for v in self.verbs if v.id == entry_id), None)

    def speech_noun(self, word: str) -> str | None:
        """The entry id of a noun for what someone said, or of the one a compound ends in."""
        w = word.lower()
        if w in self.speech_nouns:
            return self.speech_nouns[w]
        return next((i for f, i in self.speech_nouns.items() if w.endswith(f) and len(w) - len(f) >= 3), None)

    def title(self, word: str) -> str | None:
        """The title entry a word is (`minister`), ends in (`AH-woordvoerder`, `oud-premier`) or has the
        suffix of (`PvdA'er`), else None."""
        low = word.lower()
        hit = self.titles.get(low) or self.titles.get(low.rsplit("-", 1)[-1])
        if hit:
            return hit
        # a Dutch compound names what its last part names (`parkdirecteur`, `politiewoordvoerder`); only
        # titles of five letters or more and a first part of three or more, so `chef` is not in `tochef`
        for form in self.compound_titles:
            if low.endswith(form) and len(low) - len(form) >= 3:
                return self.titles[form]
        for suffix, entry_id in self.title_suffixes.items():
            if low.endswith(suffix) and len(low) > len(suffix) + 1:
                return entry_id
        return None

    def reporting_form(self, tok: Token) -> tuple[VerbEntry, int | None] | None:
        """The non-separable entry whose form list holds this word, whatever its tagged word class."""
        entries = self.by_form.get(tok.lower_, [])
        if not entries or (entries[0].not_with and self._followed_by(tok, tok.doc, entries[0].not_with)):
            return None  # `stellen Poetin gelijk aan Rusland`: equating, not stating
        return entries[0], None

    def reporting_verb(self, tok: Token, doc: Doc) -> tuple[VerbEntry, int | None] | None:
        """The reporting entry this token starts, with the index of its separated particle if any."""
        low = tok.lower_
        own = self.grammar.own_account_phrase
        if (
            low == own[-1]
            and tok.i >= len(own) - 1
            and [t.lower_ for t in doc[tok.i - len(own) + 1 : tok.i]] == list(own[:-1])
        ):
            return None  # `naar eigen zeggen` (by their own account) is a source phrase, no verb
        # separable verbs first: `gaf ... aan dat` must not be read as plain `geven`
        for entry in self.by_split.get(low, []):
            end = min(len(doc), tok.i + 2 * PARTICLE_WINDOW)
            for j in range(tok.i + 1, end):
                t = doc[j]
                # `liet dat weten`: `dat` right before the particle is the object (whatever the tagger says),
                # otherwise a complementiser ends the clause
                nxt = doc[j + 1].lower_ if j + 1 < len(doc) else ""
                if (
                    t.text in {".", "!", "?", ";"}
                    or "\n" in t.text
                    or (t.lower_ in self.complementizers and nxt != entry.particle)
                ):
                    break
                # far from the verb (`merkte bij de pogingen ... in te voeren op dat`) only a particle
                # right before the complementiser counts
                if t.lower_ == entry.particle and (j - tok.i < PARTICLE_WINDOW or nxt in self.complementizers):
                    if entry.with_word and not any(doc[m].lower_ == entry.with_word for m in range(tok.i + 1, j)):
                        break  # `is nog eens gebleken`: not `zijn het erover eens`
                    return entry, j
        # `vragen`, `eisen` as nouns: the tagger's word class overrides the form list, except for a noun
        # rooting its sentence (`Scholieren klagen op internet dat ...`: a verb the tagger missed)
        if tok.pos_ in {"PROPN", "DET", "ADP", "PRON", "NUM"} or (
            tok.pos_ == "NOUN"
            and tok.dep_ != "ROOT"
            and not _inverted_after_comma(tok, doc)
            and not self._verb_shaped(tok, doc)
            and not _participle_after_auxiliary(tok, doc)
        ):
            return None
        if self._stranded_particle(tok, doc) or self._modal_infinitive(tok, doc):
            return None
        if tok.lower_ in self.by_form:
            return self.reporting_form(tok)
        hit = None
        if tok.pos_ in {"VERB", "AUX", "ADJ"}:
            hit = next(((entry, None) for entry in self.by_lemma.get(tok.lemma_.lower(), [])), None)
        if hit is not None and hit[0].not_with and self._followed_by(tok, doc, hit[0].not_with):
            return None
        return hit

    def _verb_shaped(self, tok: Token, doc: Doc) -> bool:
        """A reporting form the tagger took for a noun where the clause says verb: right after a subject
        (a pronoun, a name, a plural noun with no determiner or adjective of its own before this word)
        and before a complementiser a few words on (`Zij pleiten ervoor dat ...`, `Artsen meldden dat
        ...`), not `de meldingen dat` (a determiner before the word makes it a noun)."""
        if tok.i == 0 or tok.lower_ not in self.by_form or not tok.text[:1].islower():
            return False
        prev = doc[tok.i - 1]
        # (a capitalised plural opening the sentence may be tagged an adjective: `Artsen pleiten`)
        subject_like = prev.pos_ in {"PRON", "PROPN", "NOUN"} or (prev.pos_ == "ADJ" and prev.text[:1].isupper())
        # (the parser gave the word a subject: `Tim S., die bekent dat ...`, the relative pronoun's verb)
        has_subject = any(c.dep_.startswith("nsubj") and c.i < tok.i for c in tok.children)
        if not has_subject and (not subject_like or prev.lower_ in self.grammar.pronouns_not_subjects):
            return False
        return any(doc[j].lower_ in self.complementizers for j in range(tok.i + 1, min(len(doc), tok.i + 4)))

    def _modal_infinitive(self, tok: Token, doc: Doc) -> bool:
        """`is wellicht onorthodox, maar te verklaren`, `valt niet te zeggen`: a `te`-infinitive under
        `zijn`/`vallen` says what can be done (explainable), not that anyone speaks."""
        g = self.grammar
        if tok.i == 0 or doc[tok.i - 1].lower_ != g.infinitive_marker:
            return False
        for j in range(tok.i - 2, max(-1, tok.i - 10), -1):
            t = doc[j]
            if t.text in {".", "!", "?", ";", ":"} or t.lower_ in self.complementizers or t.is_quote:
                return False
            if t.lemma_.lower() == g.be_lemma or t.lower_ in g.modal_infinitive_forms:
                return True
            if t.lower_ in self.by_form or t.lower_ in self.by_split:
                return False  # `zegt het niet te verklaren`: the te-infinitive hangs on a report
        return False

    def _stranded_particle(self, tok: Token, doc: Doc) -> bool:
        """Whether a particle closes the verb's clause (`stellen hun eigen overtuigingen bij en ...`),
        making it a separable verb the lexicon does not list as reporting."""
        for j in range(tok.i + 1, min(len(doc), tok.i + PARTICLE_WINDOW)):
            t = doc[j]
            if t.text in {".", "!", "?", ";", ":", ","} or t.lower_ in self.complementizers or t.is_quote:
                return False
            nxt = doc[j + 1] if j + 1 < len(doc) else None
            # (`pal voor en over zijn werk`: a preposition coordinated with another is no particle)
            after = doc[j + 2] if j + 2 < len(doc) else None
            coordinated = nxt is not None and nxt.pos_ == "CCONJ" and after is not None and after.pos_ == "ADP"
            closes = nxt is None or nxt.is_punct or "\n" in nxt.text or (nxt.pos_ == "CCONJ" and not coordinated)
            if t.lower_ in self.grammar.stranded_particles and t.pos_ in {"ADP", "ADV"} and closes:
                return True
        return False

    def _followed_by(self, tok: Token, doc: Doc, words: frozenset[str]) -> bool:
        """Whether one of ``words`` follows the verb in its clause, before a complementiser."""
        for j in range(tok.i + 1, min(len(doc), tok.i + PARTICLE_WINDOW)):
            t = doc[j]
            if t.text in {".", "!", "?", ";", ":"} or t.lower_ in self.complementizers:
                return False
            if t.lower_ in words:
                return True
        return False


def _participle_after_auxiliary(tok: Token, doc: Doc) -> bool:
    """`Pastor X heeft immers duidelijk aangegeven ...`: a participle by its form (`ge-` inside, no article
    before it), a few words after a finite `hebben` of its clause, is the verb, whatever the tagger says."""
    low, g = tok.lower_, grammar_of(doc)
    if g.participle_prefix not in low[:8] or not low.endswith(g.participle_endings):
        return False
    if tok.i > 0 and doc[tok.i - 1].lower_ in g.determiners:
        return False
    for j in range(tok.i - 1, max(-1, tok.i - 6), -1):
        t = doc[j]
        if t.is_punct or t.pos_ in {"SCONJ", "CCONJ"}:
            return False
        if t.lemma_.lower() == g.have_lemma and "Fin" in t.morph.get("VerbForm"):
            return True
    return False


def _inverted_after_comma(tok: Token, doc: Doc) -> bool:
    """`..., schat Anco Scholte`, `..., vragen de ouders`: a word the tagger took for a noun, after a
    comma and before a name or a determiner, is the verb of an inverted reporting clause."""
    if tok.i == 0 or tok.i + 1 >= len(doc) or doc[tok.i - 1].text != ",":
        return False
    nxt = doc[tok.i + 1]
    # (`..., meldden verschillende organisaties`: a quantifying adjective or number before the noun)
    quantified = nxt.pos_ in {"ADJ", "NUM"} and tok.i + 2 < len(doc) and doc[tok.i + 2].pos_ == "NOUN"
    return nxt.pos_ in {"PROPN", "DET"} or nxt.ent_type_ == "PER" or quantified


def _forms(values: list[str] | None) -> frozenset[str]:
    return frozenset(v.lower() for v in values or [])


@cache
def lexicon(lang: str) -> Lexicon:
    data = load_resource(lang, RESOURCE)
    verbs = [
        VerbEntry(
            id=v["id"],
            kind=v.get("kind", "speech"),
            lemmas=_forms(v.get("lemmas")),
            forms=_forms(v.get("forms")),
            split=_forms(v.get("split")),
            particle=(v.get("particle") or None),
            infinitive=bool(v.get("infinitive", False)),
            with_word=(v.get("with") or None),
            not_with=_forms(v.get("not_with")),
        )
        for v in data["verbs"]
    ]
    lex = Lexicon(
        lang=lang,
        verbs=verbs,
        complementizers={f.lower(): e["id"] for e in data.get("complementizers", []) for f in e["forms"]},
        sources={f.lower(): e["id"] for e in data.get("sources", []) for f in e["forms"]},
        hedge_aux={f.lower(): e["id"] for e in data.get("hedges", []) for f in e.get("aux", [])},
        hedge_phrases=[
            (tuple(w.lower() for w in e["phrase"]), e["id"]) for e in data.get("hedges", []) if e.get("phrase")
        ],
        media_nouns=frozenset(f.lower() for e in data.get("media_nouns", []) for f in e["forms"]),
        colon_blockers=frozenset(f.lower() for e in data.get("colon_blockers", []) for f in e["forms"]),
        addressee=frozenset(f.lower() for e in data.get("addressee", []) for f in e["forms"]),
        grammar=grammar(lang),
        org_nouns=frozenset(f.lower() for e in data.get("organisation_nouns", []) for f in e["forms"]),
        speech_nouns={f.lower(): e["id"] for e in data.get("speech_nouns", []) for f in e["forms"]},
        titles={f.lower(): e["id"] for e in data.get("titles", []) for f in e.get("forms", [])},
        title_suffixes={f.lower(): e["id"] for e in data.get("titles", []) for f in e.get("suffixes", [])},
        framed={e["open"].lower(): (e["close"].lower(), e["id"]) for e in data.get("framed_sources", [])},
        own_voice={f.lower(): e["id"] for e in data.get("own_voice", []) for f in e["forms"]},
    )
    lex.compound_titles = sorted(
        (f for f in lex.titles if len(f) >= 5 and "-" not in f and " " not in f), key=len, reverse=True
    )
    for entry in verbs:
        for f in entry.forms:
            lex.by_form.setdefault(f, []).append(entry)
        for lem in entry.lemmas:
            lex.by_lemma.setdefault(lem, []).append(entry)
        for f in entry.split:
            lex.by_split.setdefault(f, []).append(entry)
    return lex
