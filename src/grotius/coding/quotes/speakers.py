"""Speaker noun phrases: find the subject of a reporting verb or the phrase after `volgens`/`aldus`,
and turn it into an Actor (the resolver's mention when one covers it).

The parse is tried first; when it gives nothing usable (wrong attachment, subject inside the quote),
word-order heuristics take over, so a parser error costs less than a missing speaker.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from spacy.tokens import Doc, Token

from grotius.coding.quotes.lexicon import grammar_of, lexicon
from grotius.datamodel import Actor

NOMINAL = {"NOUN", "PROPN", "PRON", "X"}
NP_INNER = {"DET", "ADJ", "NUM", "PROPN", "NOUN", "X"}
# words between a reporting verb and its post-posed subject (`zei ook Poetin`, `voegde er gisteren aan toe`)
SKIPPABLE = {"ADV", "AUX", "PART", "ADP", "SCONJ"}
# The language's function words (pronouns that never name a speaker, name particles, possessives,
# relative pronouns, subordinators, articles whatever the tagger calls them, ...) are the word classes
# of lang/<lang>/quotes-grammar.yaml: `grammar_of(doc)`.
# word classes the tagger gives capitalised names it does not know (`Hof`, `Defensie` as adverbs,
# `Quist` as an auxiliary)
# (not adjectives: a capitalised adjective is mostly a demonym modifying the real head, `de Drentse
# gedeputeerde X`)
MISTAGGED = {"ADV", "AUX", "VERB", "NUM", "SCONJ"}


def nounish(tok: Token) -> bool:
    """A word that can head a speaker phrase: a noun, name or pronoun by its tag, a named entity, or a
    capitalised word the parser made a subject whatever the tagger called it (`Het Hof stelt`,
    `Defensie laat weten` with the name tagged as an adverb)."""
    gr = grammar_of(tok.doc)
    if (
        len(tok.text) > 1
        and tok.text.endswith("-")
        and not (tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].pos_ == "CCONJ")
    ):
        # `GroenLinks- fractievoorzitter`: the first part of a cut compound heads nothing (but
        # `Immigratie- en Naturalisatiedienst` is a coordinated name)
        return False
    if tok.lower_ in gr.not_speakers:
        # (`Die schreef: ...` with `Die` tagged a determiner: right before a finite verb it is the subject;
        # callers check it opens its clause)
        return tok.pos_ in NOMINAL or (
            tok.lower_ in gr.demonstrative_pronouns
            and tok.i + 1 < len(tok.doc)
            and tok.doc[tok.i + 1].pos_ in {"VERB", "AUX"}
            and "Fin" in tok.doc[tok.i + 1].morph.get("VerbForm")
        )
    return (
        tok.pos_ in NOMINAL
        or tok.ent_type_ in {"PER", "ORG", "LOC"}
        or (
            tok.text[:1].isupper()
            and tok.dep_.startswith("nsubj")
            and tok.pos_ in MISTAGGED
            and not (tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].pos_ in {"NOUN", "PROPN"})
        )
        # a capitalised word right before a finite verb that the tagger called an adverb or verb here but
        # a name elsewhere in the text (`Asscher erkende dat` after `PvdA-leider Lodewijk Asscher`)
        or (
            tok.text[:1].isupper()
            and tok.pos_ in MISTAGGED
            and tok.i + 1 < len(tok.doc)
            and tok.doc[tok.i + 1].pos_ in {"VERB", "AUX"}
            and "Fin" in tok.doc[tok.i + 1].morph.get("VerbForm")
            and _name_elsewhere(tok)
        )
        # a capitalised subject the tagger called an adjective right before the verb, not before a noun
        # it would modify as a demonym (`Blom benadrukt dat ...`)
        or (
            tok.text[:1].isupper()
            and tok.dep_.startswith("nsubj")
            and tok.pos_ == "ADJ"
            and tok.i + 1 < len(tok.doc)
            and tok.doc[tok.i + 1].pos_ in {"VERB", "AUX"}
        )
        # a capitalised word after another word that the tagger called a preposition but the parser a
        # nominal (`Oppositieleider Navalny liet` with `Navalny` an adposition, an oblique): mid-sentence
        # a preposition is lower-case, a name is not
        or (
            tok.text[:1].isupper()
            and tok.pos_ == "ADP"
            and tok.dep_.split(":")[0] in {"nsubj", "obl", "obj", "iobj", "appos", "flat", "nmod", "conj"}
            and tok.lower_ not in gr.name_particles
            and tok.i > 0
            and tok.doc[tok.i - 1].is_alpha
        )
        # a capitalised plural subject the tagger called an adjective, right before its finite
        # verb (`Onderwijsdeskundigen zijn het erover eens`); not a demonym before its noun
        # (or the parser's root, with the verb as its copula)
        or (
            tok.text[:1].isupper()
            and (tok.dep_.startswith("nsubj") or tok.dep_ == "ROOT")
            and tok.pos_ == "ADJ"
            and tok.lower_.endswith(gr.plural_ending)
            and tok.i + 1 < len(tok.doc)
            and tok.doc[tok.i + 1].pos_ in {"VERB", "AUX"}
            and "Fin" in tok.doc[tok.i + 1].morph.get("VerbForm")
        )
    )


def _name_elsewhere(tok: Token) -> bool:
    """Whether the same capitalised word is a proper name or part of a named entity elsewhere in the text."""
    return any(
        t.i != tok.i and t.text == tok.text and (t.pos_ == "PROPN" or t.ent_type_ in {"PER", "ORG", "MISC"})
        for t in tok.doc
    )


def possessive_det(doc: Doc, k: int, hi: int) -> bool:
    """A possessive pronoun before a noun (`onze correspondent`, `haar advocaat`): a determiner."""
    gr = grammar_of(doc)
    t = doc[k]
    return (
        (t.lower_ in gr.possessives or "Yes" in t.morph.get("Poss"))
        and k + 1 < hi
        and doc[k + 1].pos_ in {"NOUN", "PROPN", "ADJ"}
        and doc[k + 1].is_alpha
    )


def demonstrative_subject(doc: Doc, k: int, lo: int) -> bool:
    """`Die hield vol dat ...`: a demonstrative opening its clause right before the finite verb is a
    subject standing for someone just named (Dutch news uses it like a pronoun)."""
    gr = grammar_of(doc)
    t = doc[k]
    first = next((j for j in range(lo, k + 1) if not (doc[j].is_punct or doc[j].is_space)), k)
    return (
        t.lower_ in gr.demonstrative_pronouns
        and k == first
        and k + 1 < len(doc)
        and doc[k + 1].pos_ in {"VERB", "AUX"}
        and "Fin" in doc[k + 1].morph.get("VerbForm")
    )


def is_boundary(tok: Token) -> bool:
    return tok.text in {".", "!", "?", ";"} or "\n" in tok.text


def np_span(doc: Doc, head: int, lo: int, hi: int) -> tuple[int, int]:
    """Token range [s, e) of the noun phrase around ``head``, kept inside [lo, hi)."""
    gr = grammar_of(doc)
    if doc[head].pos_ == "PRON":
        return head, head + 1
    s = head
    while s - 1 >= lo and doc[s - 1].pos_ in NP_INNER and not is_boundary(doc[s - 1]):
        s -= 1
    e = head + 1
    while e < hi:
        t = doc[e]
        # a capitalised word the tagger put in another class still continues a name when it is part of
        # an entity (`De Hongaarse premier Orbán` with `Orbán` tagged as an adverb)
        name_like = t.pos_ == "PROPN" or (
            t.text[:1].isupper() and (t.pos_ in {"NOUN", "ADJ", "X", "NUM"} or bool(t.ent_type_))
        )
        if name_like or (t.pos_ in {"NOUN", "X"} and doc[e - 1].pos_ in {"PROPN", "NOUN", "X"}):
            e += 1
        elif (
            t.lower_ in gr.name_particles
            and e + 1 < hi
            and (doc[e + 1].pos_ == "PROPN" or doc[e + 1].text[:1].isupper())
        ):
            e += 1  # `minister Hoekstra van Buitenlandse Zaken`, `Ursula von der Leyen`
        elif (
            t.is_alpha
            and t.text[:1].islower()
            and e + 1 < hi
            and doc[e + 1].ent_type_ == "PER"
            # (the name hangs on the title, or beside it on the same verb: the parser's two arguments)
            and (doc[e + 1].head.i == head or (doc[e + 1].head.i == doc[head].head.i and doc[head].head.i != head))
        ):
            e += 1  # `hoogleraar gezondheidsrecht Martin Buijsen`: a title's complement, then the name
        elif (
            t.lower_ == gr.genitive_preposition
            and e + 2 < hi
            and doc[e + 1].lower_ in gr.all_articles
            and (doc[e + 2].pos_ == "PROPN" or doc[e + 2].text[:1].isupper())
        ):
            e += 2  # `de woordvoerder van de Europese Commissie`: the organisation speaks through them
        else:
            break
    return s, e


def _np_word(t: Token) -> bool:
    """A word that may be part of a noun phrase (a capital counts: the tagger misses foreign names)."""
    return (t.pos_ in NP_INNER or t.text[:1].isupper()) and not is_boundary(t) and t.pos_ != "PUNCT"


def _name_like(t: Token) -> bool:
    """A proper name, also one the tagger mislabelled (`OVD-Info`, `G7` as adjectives)."""
    inner_capital = any(c.isupper() for c in t.text[1:]) or any(c.isdigit() for c in t.text)
    return t.pos_ == "PROPN" or (t.text[:1].isupper() and inner_capital)


def np_after(doc: Doc, i: int, hi: int) -> tuple[int, int] | None:
    """The noun phrase starting at token ``i`` (after `volgens`, `aldus`), or None."""
    gr = grammar_of(doc)
    if i >= hi:
        return None
    possessive = "Yes" in doc[i].morph.get("Poss") or doc[i].lower_ in gr.possessives
    # `volgens zijn woordvoerder`, but `volgens haar echter een illusie`: a possessive needs a noun phrase
    # after it, not an adverb or a function word
    if (
        doc[i].pos_ == "PRON"
        and doc[i].lower_ not in gr.articles
        and not (
            possessive
            and i + 1 < hi
            and doc[i + 1].is_alpha
            and (
                doc[i].dep_ == "nmod:poss"  # the parser saw the noun, whatever the tagger called it
                or doc[i + 1].pos_ not in {"AUX", "VERB", "ADP", "ADV", "SCONJ", "CCONJ", "DET", "PRON"}
            )
        )
    ):
        return i, i + 1  # `volgens hem`; but `volgens zijn woordvoerder` goes on to the noun
    e = i + 1 if possessive else i  # `zijn woordvoerder`: the phrase goes on past the possessive
    # the word the preposition marks as its object is nominal whatever its tag (`volgens getuigen` with
    # `getuigen` tagged a verb)
    case_head = doc[i - 1].head.i if i > 0 and doc[i - 1].dep_ == "case" and doc[i - 1].head.i >= i else None
    while e < hi:
        t = doc[e]
        if e > i and _name_like(doc[e - 1]) and t.text[:1].islower() and t.lower_ not in gr.name_particles:
            break  # `volgens de Wereldbank krimpt ...`: a lower-case word after a name ends the phrase
        if any(doc[j].head.i == e and doc[j].dep_.startswith("obl") for j in range(i, e)):
            break  # the word the phrase hangs on as an oblique is the clause's predicate, whatever its tag
        if (
            _np_word(t)
            or (e == case_head and t.is_alpha and t.text[:1].islower())
            or (e == i + 1 and possessive and t.is_alpha)
            or (t.lower_ in gr.name_particles and e + 1 < hi and _np_word(doc[e + 1]))
            or _title_before_name(doc, e, hi)
        ):
            e += 1
        else:
            break
        if t.pos_ in {"NOUN", "PROPN"} and e < hi and doc[e].pos_ in {"DET"}:
            break  # `volgens de krant het ...`: a determiner after a noun starts the next phrase
    if e <= i + int(possessive) or not any(
        doc[k].pos_ in NOMINAL or doc[k].text[:1].isupper() or k == case_head for k in range(i, e)
    ):
        return None
    return i, e


def _title_before_name(doc: Doc, k: int, hi: int) -> bool:
    """A lower-case word the tagger put in another class right before a name (`aldus sheriff Jones`
    with `sheriff` tagged as a verb): the person's title."""
    t = doc[k]
    return (
        t.is_alpha
        and t.text[:1].islower()
        and t.pos_ in {"VERB", "ADV", "ADJ", "NOUN", "X"}
        and k + 1 < hi
        and (doc[k + 1].ent_type_ == "PER" or doc[k + 1].pos_ == "PROPN")
    )


def np_before(doc: Doc, i: int, lo: int) -> tuple[int, int] | None:
    """The noun phrase ending just before token ``i`` (`Rutte: ‘...’`), or None."""
    e = i
    s = e
    while s - 1 >= lo and _np_word(doc[s - 1]):
        s -= 1
    if s == e or not any(doc[k].pos_ in NOMINAL or doc[k].text[:1].isupper() for k in range(s, e)):
        return None
    return s, e


def phrase_head(doc: Doc, s: int, e: int) -> int:
    """The last noun of a phrase, else the first proper name: a robust head without the parse."""
    nouns = [k for k in range(s, e) if doc[k].pos_ == "NOUN"]
    if nouns:
        return nouns[0] if any(doc[k].pos_ == "PROPN" for k in range(nouns[0] + 1, e)) else nouns[-1]
    for k in range(s, e):
        if doc[k].pos_ in NOMINAL:
            return k
    return s


def subject_of(doc: Doc, verb: int, lo: int, hi: int, blocked: set[int], skip: set[int] | None = None) -> int | None:
    """Token index of the subject of ``verb`` inside [lo, hi), not inside quoted content."""
    gr = grammar_of(doc)
    complementizers = lexicon(doc.lang_).complementizers
    skip = skip or set()

    def ok(k: int) -> bool:
        # a name the tagger called an adjective (`Het Pentagon`) still names a speaker; a demonym does not;
        # a possessive before a noun is its determiner (`constateert onze correspondent X`)
        return placed(k) and nounish(doc[k]) and not possessive_det(doc, k, hi)

    def placed(k: int) -> bool:
        # for a head nominal_at chose: its word class may be the tagger's error
        return (
            lo <= k < hi
            and k not in blocked
            and k not in skip
            and not gr.pronominal_adverb_pattern.match(doc[k].lower_)
            and (doc[k].lower_ not in gr.not_speakers or demonstrative_subject(doc, k, lo))
        )

    v = doc[verb]
    # `een van zijn priesters wordt beschuldigd`: the subject of a passive reporting verb is what or who
    # is reported on, never the speaker
    if any(c.dep_ == "aux:pass" and c.lemma_.lower() == gr.passive_auxiliary_lemma for c in v.children):
        return None
    candidates: list[Token] = list(v.children)
    # `wist te melden`, `zei te verwachten`, `door te zeggen dat`: an infinitive shares the subject of
    # the verb it hangs on
    te_infinitive = verb > 0 and doc[verb - 1].lower_ == gr.infinitive_marker
    if v.dep_ in {"aux", "aux:pass", "cop", "xcomp"} or v.dep_.startswith("compound") or te_infinitive:
        candidates += list(v.head.children)
    # `..., zegt X`: a finite verb right after a comma or a closing mark has its subject after it
    # (not `X, die Y opvolgt, zegt dat ...`: there a relative clause ends at the comma and nothing
    # nominal follows the verb)
    nxt = verb + 1
    while nxt < hi and doc[nxt].pos_ in {"ADV", "AUX"} and not doc[nxt].ent_type_:
        nxt += 1
    inverted = (
        verb > lo
        and doc[verb - 1].text in {",", "’", "”", "'", '"', "''"}
        and nxt < hi
        and (doc[nxt].pos_ in {"DET", "NOUN", "PROPN", "PRON", "ADJ", "NUM"} or doc[nxt].ent_type_ == "PER")
        and doc[nxt].lower_ not in complementizers
    )
    found: list[int] = []
    names: list[int] = []
    for c in candidates:
        if c.dep_.startswith("nsubj") and c.dep_ != "nsubj:pass" and not (inverted and c.i < verb):
            k = nominal_at(doc, c.i, hi)
            if k is None or not placed(k):
                continue
            # a subject the parser found inside a prepositional phrase (`Op de site van De Architect
            # schreef X`) is a misattachment; so is one with a fronted phrase between it and the finite
            # verb (`Baby Jairo Op de laatste zittingsdag deelde de rechtbank mee`: a glued heading)
            if not _in_pp(doc, k, lo) and not _fronted_between(doc, k, verb, lo, hi):
                found.append(k)
            elif (
                k < verb
                and (doc[k].pos_ == "PROPN" or doc[k].ent_type_ in {"PER", "ORG"})
                and all(doc[j].pos_ in {"ADV", "PROPN"} or doc[j].ent_type_ for j in range(k + 1, verb))
            ):
                names.append(k)
    if found:
        # a verb has one subject: of two the parser gave it, a name right before the verb is the one a
        # common-noun description before it describes (`De belangenvereniging voor sekswerkers Proud stelt`)
        first = found[0]
        if names and names[0] > first and doc[first].pos_ == "NOUN" and not doc[first].ent_type_:
            return names[0]
        return first
    # `Biden gaf tegengas en maakte duidelijk dat ...`: a coordinated verb shares the first one's subject
    # (not a verb right after a relative clause set off by commas: `..., en de Rabobank, waar ...
    # binnenkwamen, zegt`: the noun before the relative clause is its subject, whatever the parser joined)
    after_relative = _before_relative_clause(doc, verb, lo)
    if after_relative is not None and not inverted and ok(after_relative) and not _in_pp(doc, after_relative, lo):
        return after_relative
    if v.dep_ == "conj" and v.head.i < verb:
        for c in v.head.children:
            if c.dep_.startswith("nsubj") and ok(c.i):
                return c.i
    # right of the verb: `‘...’, zei (ook) Poetin`; never after a participle or infinitive, which
    # stand after their subject (`X heeft verklaard spijt te hebben`)
    forms = v.morph.get("VerbForm")
    nonfinite = any(f in {"Part", "Inf"} for f in forms) or (
        "Fin" not in forms and bool(gr.participle_pattern.match(v.lower_))
    )
    # `benadrukt`, `verklaart` look like participles; without an auxiliary before them they are finite
    nonfinite = nonfinite and any(doc[j].lemma_.lower() in gr.auxiliary_lemmas for j in range(lo, verb))
    k = hi if nonfinite else verb + 1
    while (
        k < hi
        and k - verb <= 4
        and (doc[k].pos_ in SKIPPABLE or k in skip)
        and doc[k].lower_ not in complementizers
        and not (doc[k].ent_type_ in {"PER", "ORG"} and k not in skip)
    ):  # `zegt Quist` (Quist as AUX)
        if doc[k].pos_ == "ADP" and doc[k].lower_ not in gr.r_pronouns:
            break  # `zei tegen de krant`: a prepositional phrase, not the subject
        k += 1
    if k < hi and ok(k):
        return k
    # (`redeneerde dat instituut dat ...`: a demonstrative the tagger took for a conjunction, the
    # parser for a determiner)
    if k < hi and (
        doc[k].pos_ in {"DET", "ADJ", "NUM"}
        or doc[k].lower_ in gr.all_articles
        or doc[k].dep_ == "det"
        or possessive_det(doc, k, hi)
    ):
        j = nominal_at(doc, k, hi)
        if j is not None and placed(j):
            return j
    # left of the verb: `Rutte zei dat ...`, `De minister van Defensie verklaarde dat ...`
    k = verb - 1
    while (
        k >= lo
        and (doc[k].pos_ in {"ADV", "AUX", "PART"} or doc[k].lemma_ in gr.auxiliary_lemmas or k in skip)
        and not (k == verb - 1 and k not in skip and doc[k].text[:1].isupper() and nounish(doc[k]))
    ):
        k -= 1
    if k > lo and doc[k].text == ",":
        # `de Rabobank, waar de betalingen binnenkwamen, zegt`: past a relative clause between commas
        m = k - 1
        while m > lo and doc[m].text != "," and k - m <= 20:
            m -= 1
        if doc[m].text == "," and doc[m + 1].lower_ in gr.relative_pronouns:
            k = m - 1
    if k >= lo and ok(k):
        if not _in_pp(doc, k, lo):
            return k
        # `Een woordvoerder van de Europese Commissie liet weten`: the noun the `van` phrase hangs on
        s, _ = np_span(doc, k, lo, k + 1)
        if (
            doc[s - 1].lower_ == gr.genitive_preposition
            and s - 2 >= lo
            and doc[s - 2].pos_ == "NOUN"
            and ok(s - 2)
            and not _in_pp(doc, s - 2, lo)
        ):  # not `tijdens de presentatie van de plannen`
            return s - 2
        # `zoals wethouder X bij herhaling zei`: a verb-final clause puts a prepositional phrase between
        # its subject and its verb; the name before the phrase, right after the subordinator, is the subject
        j = s - 2
        while j >= lo and doc[j].pos_ == "ADV":
            j -= 1
        if j > lo and ok(j) and not _in_pp(doc, j, lo):
            m = j
            while m >= lo and (doc[m].pos_ in NP_INNER or doc[m].lower_ in gr.name_particles):
                m -= 1
            if m >= lo and (doc[m].pos_ == "SCONJ" or doc[m].lower_ in gr.subordinators):
                return j
    if nonfinite:
        # `De vrouw heeft bij de politie verklaard ...`: the subject of the finite auxiliary before it
        # (`Zij zou tegenover X, onderhandelaar namens Y, hebben gezegd`: past an auxiliary with no subject
        # of its own, whose form the tagger took for finite, to the modal that has one)
        for j in range(verb - 1, lo - 1, -1):
            if doc[j].lemma_.lower() in gr.auxiliary_lemmas and "Fin" in doc[j].morph.get("VerbForm"):
                subj = subject_of(doc, j, lo, verb, blocked, skip)
                if subj is not None:
                    return subj
    if k >= lo and doc[k].pos_ == "CCONJ":
        # `X gaf tegengas en maakte duidelijk`: the subject of the first conjunct, left of it
        for j in range(k - 1, lo - 1, -1):
            if doc[j].pos_ in {"VERB", "AUX"} and doc[j].lower_ not in lexicon(doc.lang_).hedge_aux:
                return subject_of(doc, j, lo, k, blocked, skip)
    return None


def _before_relative_clause(doc: Doc, verb: int, lo: int) -> int | None:
    """The word before `, waar/die ... ,` when that relative clause ends right before the verb."""
    gr = grammar_of(doc)
    k = verb - 1
    if k <= lo or doc[k].text != ",":
        return None
    m = k - 1
    while m > lo and doc[m].text != "," and k - m <= 20:
        m -= 1
    if doc[m].text == "," and m + 1 < k and doc[m + 1].lower_ in gr.relative_pronouns and m - 1 >= lo:
        return m - 1
    return None


def _fronted_between(doc: Doc, k: int, verb: int, lo: int, hi: int) -> bool:
    """Whether a prepositional phrase stands between a subject left of a finite verb and the verb, with
    no comma (a relative clause) between them: Dutch puts one phrase before the finite verb."""
    gr = grammar_of(doc)
    if k > verb or "Fin" not in doc[verb].morph.get("VerbForm"):
        return False
    if any(doc[j].pos_ == "SCONJ" or doc[j].lower_ in gr.subordinators for j in range(lo, k)):
        return False  # `Zoals X dinsdag tijdens de presentatie zei:`: a subordinate clause puts its verb last
    _, e = np_span(doc, k, lo, hi)
    between = doc[e:verb]
    if any(t.text == "," for t in between):
        return False

    def on_subject(t: Token) -> bool:
        # a phrase the parser hangs on the subject itself (`De ondertekenaars van de petitie die pleiten
        # voor ... menen`) is part of it, not fronted
        return t.head.i == k or any(a.i == k for a in t.head.ancestors)

    for t in between:
        # a relative pronoun right after a noun opens a relative clause on the subject (news often sets
        # none off by commas): the phrases after it are the relative clause's, whatever the parser
        # hung them on (`De ondertekenaars van de petitie die pleiten voor ... menen`)
        if (
            t.lower_ in gr.relative_pronouns
            and t.pos_ in {"PRON", "DET", "SCONJ"}
            and doc[t.i - 1].pos_ in {"NOUN", "PROPN"}
        ):
            return False
        if t.pos_ == "ADP" and not on_subject(t):
            return True
    return False


def nominal_at(doc: Doc, k: int, hi: int) -> int | None:
    """The head noun of the phrase starting at ``k``: ``k`` itself when nominal, else the first noun or
    name after its determiners and modifiers (`de Drentse gedeputeerde Tjibbe Stelpstra`; `het OM`
    with `het` tagged as a pronoun), else the last modifier when the phrase has a determiner and no
    noun (`een ambtenaar uit ...`: the noun tagged as an adjective)."""
    gr = grammar_of(doc)
    if nounish(doc[k]) and doc[k].lower_ not in gr.all_articles and not possessive_det(doc, k, hi):
        return k
    j, last_mod = k, None
    while j < hi and j - k < 5:
        t = doc[j]
        if j > k and (t.pos_ in {"NOUN", "PROPN", "X"} or (nounish(t) and t.text[:1].isupper())):
            return j
        determiner = t.pos_ in {"DET", "NUM"} or t.lower_ in gr.all_articles
        if determiner or (j == k and (t.dep_ == "det" or possessive_det(doc, j, hi))):
            pass
        elif t.pos_ in {"ADJ", "VERB"} and not is_boundary(t) and "Fin" not in t.morph.get("VerbForm"):
            last_mod = j  # (a finite verb is never a modifier: `Het bevestigt mij`)
        else:
            break
        j += 1
    has_det = doc[k].pos_ == "DET" or doc[k].lower_ in gr.all_articles or (k > 0 and doc[k - 1].pos_ == "DET")
    if last_mod is not None and has_det:  # `benadrukt de Engelse`: a nominalised adjective
        return last_mod
    return None


def _in_pp(doc: Doc, k: int, lo: int) -> bool:
    """Whether the phrase ending at ``k`` is the object of a preposition (`volgens X`, `tegen X`)."""
    gr = grammar_of(doc)
    s, _ = np_span(doc, k, lo, k + 1)
    if s - 1 < lo or doc[s - 1].pos_ != "ADP":
        return False
    p = doc[s - 1]
    # `Van der Aart`, `Hoekstra van Buitenlandse Zaken` are names; `de site van De Architect` is a PP
    name_link = p.lower_ in gr.name_particles and (p.text[:1].isupper() or (s - 2 >= lo and doc[s - 2].pos_ == "PROPN"))
    return not name_link


def char_range(doc: Doc, s: int, e: int) -> tuple[int, int]:
    return doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text)


def actor_for(doc: Doc, s: int, e: int, head: int | None, actors: Iterable[Actor]) -> Actor:
    """The resolver's actor mention covering the phrase [s, e) (its head first), else a bare Actor."""
    cs, ce = char_range(doc, s, e)
    hs, he = char_range(doc, head, head + 1) if head is not None else (cs, ce)
    best: Actor | None = None
    best_key: tuple[int, ...] | None = None
    for a in actors:
        if a.end <= cs or a.start >= ce:
            continue
        mention = doc.char_span(a.start, a.end, alignment_mode="expand")
        if mention is not None and all(t.pos_ in {"DET", "ADP", "CCONJ"} for t in mention):
            continue  # an article read as a name (`Een` as the channel Eén) is never the speaker
        covers_head = int(a.start <= hs and a.end >= he)
        if (
            not covers_head
            and mention is not None
            and len(mention) == 1
            and mention.end < e
            and possessive_det(doc, mention.start, e)
        ):
            continue  # `volgens zijn woordvoerder`: the possessor is not the one speaking, their spokesperson is
        if (
            not covers_head
            and mention is not None
            and mention.start > 0
            and doc[mention.start - 1].lower_ == grammar_of(doc).genitive_preposition
            and any(t.ent_type_ == "PER" for t in mention)
        ):
            continue  # `de advocaat van Van Egten`, `de dochter van X`: the person after `van` is not the one speaking
        if mention is not None and not covers_head and all(t.pos_ == "ADJ" for t in mention):
            continue  # `het Nederlandse vonnis`: the demonym is not the speaker, the head noun is
        resolved = int(bool(a.code or a.name))
        entity = int(mention is not None and any(t.ent_type_ for t in mention))
        person = int(mention is not None and any(t.ent_type_ == "PER" for t in mention))
        # a named mention inside the phrase beats a role (`de Britse krant The Guardian`, `premier Orbán`),
        # and a named entity a role the resolver also took for a name (`Defensiespecialist Rob de Wijk`);
        # among entities, the one on the phrase's head (`Sharon Lexmond van Vogelopvang de Wulp`), then a
        # person (`hoogleraar Martin Buijsen van de Erasmus Universiteit`)
        key = (int(bool(a.name)), entity, covers_head, person, resolved, min(a.end, ce) - max(a.start, cs))
        if best_key is None or key > best_key:
            best, best_key = a, key
    if best is not None and (best.via or "").startswith("ner") and best.entry is None:
        # a name the tagger cut short (`Dapne` of `Dapne van Roosendaal`): the phrase's full name
        full = bare_actor(doc, s, e)
        if full.name and best.name and best.name in full.name and len(full.name) > len(best.name):
            return full
        # (`Opiniepeiler Maurice` of `Opiniepeiler Maurice de Hond`: the tagger took the title and cut the
        # surname; the phrase's name shares a word with it and goes on past it)
        if (
            full.name
            and best.name
            and full.name.split()[-1] not in best.name.split()
            and set(best.name.split()) & set(full.name.split())
            and best.end < full.end
        ):
            return replace(full, text=doc.text[best.start : full.end], start=best.start)
    if best is not None and not best.name and best.code and best.end <= ce:
        # `zei generaal Bruno Leray`: a role the resolver coded, then a name no mention covers, in one
        # phrase: the named person, with the role's codes
        rest = [k for k in range(s, e) if doc[k].idx >= best.end and _name_like(doc[k])]
        if rest and all(_name_like(doc[k]) for k in range(rest[0], e)):
            name = doc.text[doc[rest[0]].idx : ce]
            return replace(best, text=doc.text[best.start : ce], end=ce, name=name, via="titled-name")
    if best is not None and (best.code or best.name or (best.end - best.start) >= (ce - cs) // 2):
        return best
    return bare_actor(doc, s, e)


def bare_actor(doc: Doc, s: int, e: int) -> Actor:
    """An Actor with null codes for a phrase no resolver mention covers; a proper name keeps its text."""
    cs, ce = char_range(doc, s, e)
    # a proper name, or a capitalised noun the tagger took for a common noun (`Biden` at sentence start)
    names = [
        doc[k]
        for k in range(s, e)
        if doc[k].pos_ == "PROPN" or (doc[k].pos_ in {"NOUN", "X"} and doc[k].text[:1].isupper())
    ]
    if (
        names
        and names[0].i > s
        and doc[names[0].i - 1].lower_ == grammar_of(doc).genitive_preposition
        and names[0].ent_type_ == "PER"
    ):
        names = []  # `de advocaat van Marieke Bakker`: the person after `van` is not the one speaking
    name = None
    if names:
        name = doc.text[names[0].idx : names[-1].idx + len(names[-1].text)]
    return Actor(text=doc.text[cs:ce], start=cs, end=ce, name=name, via="quote-span")
