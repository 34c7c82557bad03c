"""Trigger matching: which tokens of a sentence are event words, and which pattern they fire.

Verbs match by stem key (lemma and surface form), joined with a separable particle when the parse
gives one (``blazen ... op`` -> ``opblazen``); nouns by lemma, surface form or compound head
(``troepenopbouw`` -> ``opbouw``)."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from grotius.coding.events.arguments import (
    adverbial_participle,
    complement_clause,
    has_article,
    has_te_marker,
    middle_field,
    noun_before_final_verb,
)
from grotius.coding.events.grammar import Grammar
from grotius.coding.events.patterns import Lexicon, Pattern, lemma_key, norm, stem_keys

VERBAL_POS = {"VERB", "AUX"}
NOMINAL_POS = {"NOUN", "PROPN"}
AUX_DEPS = {"aux", "aux:pass", "cop"}
MIN_COMPOUND_HEAD = 5  # shorter noun heads match too many unrelated compounds
MIN_COMPOUND_MODIFIER = 3  # "mi|gratie" is no compound of "gratie": Dutch first members are longer
MISREAD = "misread verb"  # Match.how of a noun- or adjective-tagged verb in a sentence without verbs
MIN_REQUIRED_HEAD = 8  # shorter required words ("troepen") end too many compounds of other senses


@dataclass
class Match:
    token: Token
    pattern: Pattern
    particle: Token | None = None
    how: str = "lemma"  # how the lexicon was reached: lemma, form, particle, compound
    path: list[str] = field(default_factory=list)


def _verb_keys(tok: Token, g: Grammar) -> set[str]:
    keys = {lemma_key(tok.lemma_, g)}
    strong = g.table("strong_forms")
    if tok.lower_ in strong:
        keys.add(lemma_key(strong[tok.lower_], g))
    keys |= stem_keys(tok.text, g.tuple("verb_prefixes"), g.tuple("verb_suffixes"), g)
    low = tok.text.lower()
    prefix, diaeresis = g["participle_prefix"], g["diaeresis"]
    n = len(prefix)
    if low.startswith(prefix) and low[n : n + 1] in diaeresis:
        # geëxecuteerd: the diaeresis only marks the syllable break
        keys |= stem_keys(
            prefix + diaeresis[low[n]] + low[n + 1 :], g.tuple("verb_prefixes"), g.tuple("verb_suffixes"), g
        )
    for prt in g.particles:  # aangevallen -> aanvallen
        if low.startswith(prt + prefix) and len(low) > len(prt) + 4:
            rest = low[len(prt) :]
            keys |= {norm(prt + k, g) for k in stem_keys(rest, (prefix,), g.tuple("verb_suffixes"), g)}
            if rest in strong:  # uitgewezen -> uit + wijzen
                keys.add(norm(prt + lemma_key(strong[rest], g), g))
    return keys


def _opens_phrase(t: Token) -> bool:
    """A "particle" after its verb with a noun phrase right behind it is a preposition ("zet een
    hongerstaking voort uit protest"): a separable particle closes its clause."""
    nxt = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
    return (
        t.i > t.head.i
        and nxt is not None
        and nxt.pos_ in ("NOUN", "PROPN", "DET", "NUM")
        and nxt.sent.start == t.sent.start
    )


def _verb_shaped(tok: Token, g: Grammar) -> bool:
    """A noun-tagged clause top read as a verb only when it has a verb's ending (participle -d/-t/-en,
    past -de/-te) or is a strong past form: "Bij gevechten tussen ... Haftars leger" (the noun
    made the root) is no verb "legeren"."""
    low = tok.lower_
    return low.endswith(g.tuple("verb_form_endings")) or low in g.table("strong_forms")


# a finite verb heading a clause of its own (not "de door Israël voorgestelde wijzigingen")
OWN_CLAUSE_DEPS = frozenset({"ROOT", "parataxis", "conj", "ccomp", "advcl", "acl:relcl", "xcomp"})


def _finite_between(tok: Token, child: Token) -> bool:
    """A finite verb of its own between the trigger and a particle the parse hung on it ("Het Leger,
    geleid door Haftar, rukt ... op"): the particle is that verb's."""
    lo, hi = sorted((tok.i, child.i))
    return any(
        t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm") and t.dep_ in OWN_CLAUSE_DEPS
        for t in tok.doc[lo + 1 : hi]
    )


def _particle(tok: Token, g: Grammar, lex: Lexicon) -> Token | None:
    deps = set(g.tuple("particle_deps"))
    for child in tok.children:
        if child.dep_ in deps and child.i != tok.i and not _opens_phrase(child) and not _finite_between(tok, child):
            return child
    # parsers often hang the particle on the te-infinitive that follows it: "riep X op te reageren";
    # not in an "om ... te" clause, and not when it makes a verb with the infinitive ("terug te trekken")
    purpose = g.words("purpose_marks")
    for clause in tok.children:
        if clause.dep_ in ("xcomp", "ccomp", "advcl", "conj") and clause.i > tok.i:
            te = [c for c in clause.children if c.lower_ == g["infinitive_marker"]]
            if not te or any(c.lower_ in purpose and c.i < te[0].i for c in clause.children):
                continue
            # "stappen gezet om ... te vergroten en een beeld uit te dragen": past an "om" the
            # particle is the later infinitive's, however the coordination was parsed
            if any(t.lower_ in purpose for t in tok.doc[tok.i + 1 : te[0].i]):
                continue
            before = [
                c
                for c in clause.children
                if c.dep_ in deps
                and c.i < te[0].i
                and c.lower_ in g.particles
                and norm(c.lower_ + lemma_key(clause.lemma_, g), g) not in lex.verbs
            ]
            if len(before) > 1:  # "riep X op in te grijpen": the first particle is the governing verb's
                return before[0]
            if before and before[0].i == te[0].i - 1:
                return before[0]
    return _clause_final_particle(tok, g, lex)


CLAUSE_END_POS = {"PUNCT", "SCONJ", "CCONJ"}


def _clause_final_particle(tok: Token, g: Grammar, lex: Lexicon) -> Token | None:
    """ "sprak de hoop uit dat ...", with "uit" parsed as a preposition of the next clause: in a main
    clause the particle of a finite verb stands at the end of its clause, before a comma, "dat",
    "en", "om" or the sentence end; read it by word order, with no other verb in between. Before
    "te" it is the infinitive's own when the two make a known verb ("op zijn troepen terug te trekken")."""
    # a strong past form is finite, whatever its tag ("hief het uitgaansverbod op", "hief" ADJ)
    finite = "Fin" in tok.morph.get("VerbForm") or tok.lower_ in g.table("strong_forms")
    if not finite or tok.dep_ not in ("ROOT", "conj", "parataxis"):
        return None
    doc = tok.doc
    end = tok.sent.end
    purpose = g.words("purpose_marks")
    appos = False  # inside a name set off by commas ("zet de ambassadeur, Daniel Kriener, het land uit")
    for t in doc[tok.i + 1 : end]:
        nxt = doc[t.i + 1] if t.i + 1 < end else None
        if t.lower_ == "," and (appos or (nxt is not None and nxt.pos_ == "PROPN" and doc[t.i - 1].pos_ == "NOUN")):
            appos = not appos
            continue
        if (
            (t.pos_ in ("VERB", "AUX") and not adverbial_participle(t, g))
            or t.pos_ in CLAUSE_END_POS
            or t.lower_ in purpose
        ):
            return None
        if t.lower_ not in g.particles:
            continue
        if nxt is not None and nxt.lower_ == g["infinitive_marker"]:
            inf = doc[nxt.i + 1] if nxt.i + 1 < end else None
            if inf is None or norm(t.lower_ + lemma_key(inf.lemma_, g), g) not in lex.verbs:
                return t
        elif nxt is None or nxt.pos_ in CLAUSE_END_POS or nxt.lower_ in purpose:
            return t
        elif nxt.pos_ == "ADP" and any(norm(t.lower_ + k, g) in lex.verbs for k in base_keys(tok, g)):
            return t  # before a prepositional phrase it has no object of its own: "gaf ... terug aan X"
    return None


def base_keys(tok: Token, g: Grammar) -> set[str]:
    """The verb's lemma key, and its strong form's when the lemmatizer left a past form ("riep")."""
    strong = g.table("strong_forms")
    return {lemma_key(tok.lemma_, g)} | ({lemma_key(str(strong[tok.lower_]), g)} if tok.lower_ in strong else set())


def _has_any(tok: Token, words: frozenset[str], g: Grammar) -> bool:
    """`requires` lists alternatives: one of them must be a dependent ("reageerde woedend|boos"),
    or the adjective of its object."""
    if not words:
        return True
    # with the words fixed to a dependent ("in beslag genomen", "beslag" parsed under "in")
    near = [t for c in tok.children for t in (c, *(x for x in c.children if x.dep_ in ("fixed", "flat")))]
    near += middle_field(tok, g)  # "gaat de betrekkingen met Libië herstellen", however parsed
    # an idiom's phrase hung on the object ("bracht 100.000 mensen op de been")
    near += [x for c in tok.children if c.dep_ in ("obj", "nsubj") for x in c.children if x.dep_ in ("nmod", "obl")]
    # the adjective of the object ("verbrak de diplomatieke betrekkingen")
    adjectives = g.tuple("adjective_deps")
    near += [x for c in tok.children if c.dep_ in g.tuple("object_deps") for x in c.children if x.dep_ in adjectives]
    # the object of its te-infinitive ("weigerde commentaar te geven", "dreigde sancties op te leggen")
    near += [
        x
        for c in tok.children
        if c.dep_ in ("xcomp", "ccomp", "advcl") and has_te_marker(c, g)
        for x in c.children
        if x.dep_ in g.tuple("object_deps")
    ]
    # the object's negating determiner ("gaf geen commentaar": declined comment, 011)
    negating = g.words("negating_determiners")
    near += [x for c in tok.children if c.dep_ in g.tuple("object_deps") for x in c.children if x.lower_ in negating]
    around = {t.lower_ for t in near} | {t.lemma_.lower() for t in near}
    around |= {w.rsplit("-", 1)[1] for w in around if "-" in w}  # "NAVO-vredestroepen": its head word
    if words & around:
        return True
    # a long required word as the head of a compound ("fraudeonderzoeken geopend" has "onderzoek")
    singular = around | {x[: -len(e)] for e in g.tuple("plural_endings") for x in around if x.endswith(e)}
    return any(
        len(w) >= MIN_REQUIRED_HEAD and x.endswith(w) and len(x) - len(w) >= MIN_COMPOUND_MODIFIER
        for w in words
        for x in singular
    )


def _subject_has_any(tok: Token, words: frozenset[str]) -> bool:
    """`subject_requires`: one of the words in the trigger's subject phrase ("de president trad af")."""
    head = tok
    subj = [c for c in head.children if c.dep_.startswith("nsubj")]
    # "heeft ermee ingestemd af te treden": an infinitive's subject is its controller's
    while not subj and head.dep_ in ("xcomp", "ccomp", "conj", "advcl") and head.head is not head:
        head = head.head
        subj = [c for c in head.children if c.dep_.startswith("nsubj")]
    return any(t.lower_ in words or t.lemma_.lower() in words for s in subj for t in s.subtree)


def _clause_has_any(tok: Token, words: frozenset[str], g: Grammar) -> bool:
    """`requires_clause`: one of the words is in the trigger's complement clause ("zei dat X ... moet")."""
    clause = complement_clause(tok, g)
    if clause is None:
        return False
    return bool(words & ({t.lower_ for t in clause.subtree} | {t.lemma_.lower() for t in clause.subtree}))


def _reflexive_ok(tok: Token, pat: Pattern, g: Grammar) -> bool:
    if not pat.reflexive:
        return True
    refl = g.words("reflexives")
    return any(c.lower_ in refl for c in tok.children)


def _verb_matches(tok: Token, lex: Lexicon, g: Grammar) -> list[Match]:
    # the lemma's own key first, then the others in a fixed order: set order would make ties random
    lemma = _without_invented_particle(tok, g)
    own = lemma_key(lemma, g)
    # a lemma the lexicon knows is trusted: its inflection keys would find other verbs ("aanvaard"
    # is aanvaarden, not aanvaren)
    trusted = own in lex.verbs and lemma != tok.lower_
    keys = [own] if trusted else [own] + sorted(_verb_keys(tok, g) - {own})
    prt = _particle(tok, g, lex)
    found: list[Match] = []
    bare: list[Match] = []
    for k in keys:
        for pat in lex.verbs.get(k, []):
            how = "lemma" if k == own else "form"
            bare.append(Match(tok, pat, None, how))
    if prt is not None:  # a particle reading wins over the bare verb, unless it needs a word ("in beslag nemen")
        found = _particle_matches(tok, prt, keys, lex, g)
        if found:
            return found + [m for m in bare if m.pattern.requires]
    if all(m.pattern.requires for m in bare) and "Fin" in tok.morph.get("VerbForm"):
        # "riep Rusland op zijn troepen terug te trekken", the particle parsed as a preposition: a
        # particle word later in the clause that makes a known verb with this one
        te = g["infinitive_marker"]
        for t in tok.doc[tok.i + 1 : tok.sent.end]:
            if (
                (t.pos_ in ("VERB", "AUX") and not adverbial_participle(t, g))
                or t.pos_ in ("SCONJ", "CCONJ", "PUNCT")
                or t.lower_ == te
            ):
                break
            # not a preposition with its object ("houdt oefeningen in Alaska"): one before another
            # preposition ("drong bij X aan op ...") or before a te-infinitive
            nxt = tok.doc[t.i + 1] if t.i + 1 < tok.sent.end else None
            # ... but not one with its noun right behind it ("zet een hongerstaking voort uit protest")
            loose = (
                nxt is None
                or nxt.pos_ == "ADP"
                or (nxt.pos_ not in NOMINAL_POS and any(x.lower_ == te for x in tok.doc[t.i + 1 : tok.sent.end]))
                # "riep de Navo op vredestroepen naar Oekraïne te sturen": the word parsed as the
                # preposition of a noun that belongs to this verb's te-infinitive
                or _in_te_complement(t, tok, g)
            )
            if t.lower_ in g.particles and loose and (found := _particle_matches(tok, t, keys, lex, g)):
                return found + bare
    return bare


def _in_te_complement(prt: Token, verb: Token, g: Grammar) -> bool:
    """``prt`` was parsed as the preposition of a noun that is an argument of a te-infinitive
    depending on ``verb``: as a preposition it would open a phrase of the infinitive's clause
    before the clause's own arguments, which Dutch does not do with a bare noun right after it."""
    noun = prt.head
    inf = noun.head
    te = g["infinitive_marker"]
    return (
        prt.dep_ == "case"
        and noun.pos_ in NOMINAL_POS
        and noun.i > prt.i
        and inf.pos_ == "VERB"
        and inf.i > noun.i
        and inf.head.i == verb.i
        and any(c.lower_ == te and c.dep_ == "mark" for c in inf.children)
    )


def _without_invented_particle(tok: Token, g: Grammar) -> str:
    """The lemma, less a separable particle that is neither in the word nor anywhere after it in
    the sentence ("zich aan te sluiten" lemmatized afsluiten): the lemmatizer made it up."""
    lemma = tok.lemma_.lower()
    low = tok.lower_
    for prt in g.particles:
        invented = lemma.startswith(prt) and len(lemma) > len(prt) + 3 and not low.startswith(prt)
        if invented and not any(t.lower_ == prt for t in tok.doc[tok.i + 1 : tok.sent.end]):
            return lemma[len(prt) :]
    return lemma


def _particle_matches(tok: Token, prt: Token, keys: list[str], lex: Lexicon, g: Grammar) -> list[Match]:
    pkeys = dict.fromkeys(norm(prt.lower_ + k, g) for k in keys)  # ordered, no duplicates
    return [Match(tok, pat, prt, "particle") for k in pkeys for pat in lex.verbs.get(k, [])]


def _noun_matches(tok: Token, lex: Lexicon, g: Grammar) -> list[Match]:
    forms = [tok.lemma_.lower(), tok.lower_]
    for f in (tok.lower_,):
        for suf in g.tuple("plural_endings"):
            if f.endswith(suf) and len(f) > len(suf) + 3:
                forms.append(f[: -len(suf)])
    for f in forms:
        if f in lex.nouns:
            return [Match(tok, p, None, "lemma") for p in lex.nouns[f]]
    # compound head: the longest known noun that ends the word
    word = tok.lower_
    for start in range(MIN_COMPOUND_MODIFIER, len(word) - MIN_COMPOUND_HEAD + 1):
        for f in (word[start:], word[start:].rstrip(g["compound_linker"])):
            if len(f) >= MIN_COMPOUND_HEAD and f in lex.nouns:
                return [Match(tok, p, None, "compound") for p in lex.nouns[f]]
    return []


def _attributive(tok: Token, g: Grammar) -> bool:
    """A participle describing the next noun ("het belegerde Oman", "verbannen dissidenten") tells no event."""
    nominal_head = tok.head.i == tok.i + 1 and tok.head.dep_ in ("obj", "obl", "obl:arg", "nsubj", "nmod", "conj")
    # after an article or preposition, not a finite verb after its subject
    after_article = tok.i > 0 and tok.doc[tok.i - 1].pos_ in ("DET", "ADP", "ADJ")
    # an "amod" participle after its noun is a misparsed clause-final verb ("heeft ... opgeroepen")
    # "een in beslag genomen schip": a participle phrase before its noun, parsed as a clause of it
    prenominal = (
        tok.dep_ == "acl"
        and tok.head.i > tok.i
        and tok.head.pos_ in NOMINAL_POS
        and "Part" in tok.morph.get("VerbForm")
    )
    if _prenominal_phrase(tok, g):
        return True  # "het door velen verguisde Peru": a phrase before its noun, even tagged finite
    if "Fin" in tok.morph.get("VerbForm"):
        return False  # a finite verb tells its event, whatever the parse hung it on ("Washington eiste samen ...")
    if any(c.dep_.startswith(("aux", "nsubj")) for c in tok.children):
        return False  # "Israël heeft ... vrijgelaten", hung on a noun: a clause with its subject and auxiliary
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if (
        tok.i > 0
        and tok.doc[tok.i - 1].pos_ in ("DET", "ADP")
        and tok.doc[tok.i - 1].lower_ != g["infinitive_marker"]
        and nxt is not None
        and (nxt.pos_ in NOMINAL_POS or _misread_plural_noun(tok, nxt, g))
    ):
        return True  # "met verbannen dissidenten": between a preposition or article and its noun
    return (
        (tok.dep_ == "amod" and tok.head.i > tok.i)
        or (tok.dep_ == "advmod" and nominal_head and after_article)
        or prenominal
    )


def _misread_plural_noun(tok: Token, nxt: Token, g: Grammar) -> bool:
    """After "met verbannen", a plural noun the tagger read as an infinitive ("dissidenten" VERB):
    a participle right after a preposition, then an -en word that closes its phrase and governs
    nothing after itself, is a participle before its noun, not a clause."""
    return (
        tok.doc[tok.i - 1].pos_ == "ADP"
        and "Part" in tok.morph.get("VerbForm")
        and nxt.pos_ == "VERB"
        and nxt.lower_.endswith(g["plural_ending"])
        and all(c.i < nxt.i for c in nxt.children)
        and (nxt.i + 1 >= len(tok.doc) or tok.doc[nxt.i + 1].pos_ in ("PUNCT", "CCONJ", "ADP"))
    )


def _prenominal_phrase(tok: Token, g: Grammar) -> bool:
    """By word order: article, prepositional phrases or adverbs, the verb form, its noun ("het door
    velen verguisde Peru", "de door Rusland bezette gebieden"): a participle phrase before a noun,
    however tagged and parsed. Every nominal between the article and the verb has its preposition
    ("de VS bekritiseerde Iran" is a clause)."""
    doc = tok.doc
    if tok.i + 1 >= len(doc) or doc[tok.i + 1].pos_ not in NOMINAL_POS:
        return False
    between: list[Token] = []
    for t in reversed(doc[max(tok.sent.start, tok.i - 6) : tok.i]):
        if t.pos_ == "DET" and t.lower_ in g.words("articles"):
            break
        if t.pos_ not in ("ADP", "ADV", "ADJ", "NOUN", "PROPN", "PRON", "NUM", "DET"):
            return False
        between.insert(0, t)
    else:
        return False
    # not "de VS bekritiseerde Iran" or "het bekritiseerde Iran": no phrase of its own
    return bool(between) and between[0].pos_ == "ADP"


def _bare_infinitive(tok: Token, g: Grammar) -> bool:
    """A noun-tagged word in -en with no determiner or modifier of its own, in a clause whose finite
    verb is a modal: the parser read the clause-final infinitive as a noun."""
    if not tok.lower_.endswith(g["infinitive_ending"]) or any(
        c.dep_ in ("det", "amod", "nmod:poss") for c in tok.children
    ):
        return False
    if tok.i > 0 and tok.doc[tok.i - 1].pos_ in ("ADP", "DET", "ADJ"):
        return False  # "met verbannen dissidenten": a word in a noun phrase, not a clause-final verb
    sent = tok.sent
    modals = g.words("infinitive_governors")
    return any(t.lemma_ in modals and "Fin" in t.morph.get("VerbForm") for t in sent if t.i < tok.i)


def _final_participle(tok: Token, g: Grammar) -> bool:
    """A word in ge-/-d/-t tagged noun or adjective at the end of a clause whose finite verb is a
    form of hebben, zijn or worden ("heeft ... verzocht te helpen", "heeft ... verzocht."): the
    clause's participle, which the tagger misread (an adjective or noun would need an article)."""
    if tok.pos_ not in ("NOUN", "ADJ") or tok.is_title or any(c.dep_ == "det" for c in tok.children):
        return False
    low = tok.lower_
    doc = tok.doc
    prev = doc[tok.i - 1] if tok.i > 0 else None
    # right after a perfect auxiliary tagged as one ("zijn overeengekomen handelsbelemmeringen weg te
    # nemen"): a participle (also a strong one in -en) whatever follows
    perfect = g.words("perfect_aux_forms")
    if (
        prev is not None
        and prev.pos_ == "AUX"
        and prev.lower_ in perfect
        and g["participle_prefix"] in low[:-2]
        and len(low) > 6
    ):
        return low.endswith(g.tuple("participle_endings"))
    if not (low.endswith(g.tuple("weak_participle_endings")) and len(low) > 5):
        return False
    if tok.i > 0 and doc[tok.i - 1].pos_ in ("DET", "ADP", "ADJ", "NUM"):
        return False
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if nxt is not None and not (nxt.lower_ == g["infinitive_marker"] or nxt.is_punct or nxt.pos_ in ("CCONJ", "SCONJ")):
        return False
    return any(t.lower_ in perfect and t.pos_ in ("AUX", "VERB") for t in doc[tok.sent.start : tok.i])


def _misread_verb(tok: Token, verbless: bool) -> bool:
    """In a sentence the tagger gave no verb at all ("Israëlische militairen doodden drie
    Palestijnen", "Egypte bemiddelt tussen ..."), a bare noun-tagged word is read as the verb it
    may be: every clause has one, so the tags, not the sentence, are wrong."""
    if not verbless or tok.pos_ not in NOMINAL_POS | {"ADJ", "ADV"}:
        return False
    return not any(c.dep_ in ("det", "nmod:poss", "nummod") for c in tok.children) and not tok.is_title


def _counted(tok: Token) -> bool:
    """A numeral modifies the word, or stands right before it as one: it names things counted. Not
    a word with a subject, auxiliary or object of its own ("de blokkade van weg 3 opgeheven")."""
    if any(c.dep_ in ("nsubj", "nsubj:pass", "aux", "aux:pass", "obj") for c in tok.children):
        return False
    if any(c.dep_ == "nummod" for c in tok.children):
        return True
    prev = tok.doc[tok.i - 1] if tok.i > tok.sent.start else None
    return prev is not None and prev.pos_ == "NUM" and prev.dep_ == "nummod" and prev.head.i == tok.i


def _clause_segments(tokens: list[Token], g: Grammar) -> dict[int, list[Token]]:
    """The sentence's words by clause, split at the separators between them (punctuation is not
    among ``tokens``: it is looked up in the document)."""
    seps = g.words("clause_separators")
    out: dict[int, list[Token]] = {}
    seg, prev = 0, None
    for t in tokens:
        if prev is not None and any(t.doc[j].text in seps for j in range(prev.i + 1, t.i)):
            seg += 1
        out.setdefault(seg, []).append(t)
        prev = t
    return out


def find_triggers(tokens: list[Token], lex: Lexicon, g: Grammar) -> list[Match]:
    """Every token that fires a pattern, with the first pattern whose constraints hold."""
    out: list[Match] = []
    # a sentence of clauses set apart by a semicolon ("politie doodt tien betogers; één agent
    # omgekomen") is read clause by clause: a verb in one does not mend the tags of another
    segments = _clause_segments(tokens, g)
    verbless: dict[int, bool] = {}
    seg_words: dict[int, set[str]] = {}
    for seg, members in segments.items():
        verbless[seg] = not any(t.pos_ in VERBAL_POS for t in members)
        # where a misread verb's required words are looked for: anywhere in its clause
        seg_words[seg] = {w for t in members for w in (t.lower_, t.lemma_.lower())} if verbless[seg] else set()
    seg_of = {t.i: seg for seg, members in segments.items() for t in members}
    passive = g.words("passive_aux")  # forms of "worden" ("werd" would read as "weren")
    clause_top = {"ROOT", *g.tuple("clause_deps")}
    for tok in tokens:
        seg = seg_of[tok.i]
        if _misread_verb(tok, verbless[seg]) and (
            m := _first_fit(tok, _verb_matches(tok, lex, g), g, seg_words[seg])
        ):
            m.how = MISREAD  # the parse around it is broken: its required words may be anywhere
            out.append(m)
            continue
        if tok.dep_ in AUX_DEPS or tok.lower_ in passive or (tok.pos_ in VERBAL_POS and _attributive(tok, g)):
            cands = []  # "werd", "heeft": auxiliaries carry no event; nor do attributive participles
        elif tok.pos_ not in NOMINAL_POS and _counted(tok):
            # "90 tot 100 doden", "drie gewonden": a counted word is a noun, whatever its tag
            cands = _noun_matches(tok, lex, g)
        elif tok.pos_ == "VERB" and (has_article(tok, g) or noun_before_final_verb(tok, g)):
            # "het fluitconcert" tagged verb, "het verwoesten van": a verb takes no article
            cands = _noun_matches(tok, lex, g)
        elif tok.pos_ == "VERB" and _finite_in_nominal_role(tok) and (cands := _noun_matches(tok, lex, g)):
            pass  # an event noun tagged a finite verb; a real verb the parse misplaced stays a verb
        elif tok.pos_ == "ADJ" and has_article(tok, g) and tok.dep_ != "amod" and (cands := _noun_matches(tok, lex, g)):
            pass  # "sloot een defensiepact", the noun tagged adjective
        elif tok.pos_ in VERBAL_POS or (tok.pos_ not in NOMINAL_POS and tok.dep_ in clause_top):
            # a word heading a clause is its verb, whatever its tag ("die ... hersteld", tagged ADV)
            cands = _verb_matches(tok, lex, g)
        elif (
            tok.pos_ == "NOUN"
            and ((tok.dep_ == "ROOT" and _verb_shaped(tok, g)) or any(c.dep_ == "aux" for c in tok.children))
            and not any(c.dep_ == "det" for c in tok.children)
            and (cands := _verb_matches(tok, lex, g))
        ):
            pass  # a participle mis-tagged as noun at the clause top ("heeft ... verzocht")
        elif _final_participle(tok, g) and (cands := _verb_matches(tok, lex, g)):
            pass  # "Canada heeft Brazilië dringend verzocht te helpen", the participle tagged otherwise
        elif tok.pos_ == "NOUN" and _bare_infinitive(tok, g) and (cands := _verb_matches(tok, lex, g)):
            pass  # an infinitive after a modal, mis-tagged as noun ("zal ... onderhandelen")
        elif (
            (
                tok.pos_ in ("ADJ", "ADV")
                # tagged noun too, when no article and no plural in -en make it one ("schoten", "sloten")
                or (tok.pos_ == "NOUN" and not tok.lower_.endswith(g["plural_ending"]) and not has_article(tok, g))
            )
            and tok.lower_ in g.table("strong_forms")
            and (cands := _verb_matches(tok, lex, g))
        ):
            pass  # a past form that can only be a verb, tagged otherwise ("X ontbood dinsdag Y")
        elif tok.pos_ in NOMINAL_POS:
            anaphoric = g.words("anaphoric_determiners")
            cands = (
                []
                if any(c.dep_ == "det" and c.lower_ in anaphoric for c in tok.children)
                else _noun_matches(tok, lex, g)
            )
        else:
            cands = []
        if (m := _first_fit(tok, cands, g)) is not None:
            out.append(m)
    return out


def _finite_in_nominal_role(tok: Token) -> bool:
    """ "maakte Brussel importheffingen bekend", the plural noun tagged a finite verb and parsed as
    the object: a finite verb is never an object or subject, so the word is a noun."""
    return tok.dep_ in ("obj", "nsubj", "nsubj:pass") and "Fin" in tok.morph.get("VerbForm")


def _governs_te_infinitive(tok: Token, g: Grammar) -> bool:
    """The verb has a te-infinitive complement to its right, also when the parse inverted the two
    ("had militanten geholpen zich aan te sluiten", geholpen made the infinitive's subject)."""
    later = [c for c in tok.children if c.i > tok.i and c.pos_ in ("VERB", "AUX")]
    if tok.head.i > tok.i and tok.head.pos_ == "VERB":
        later.append(tok.head)
    te = g["infinitive_marker"]
    if any(any(x.lower_ == te and x.dep_ == "mark" for x in v.children) for v in later):
        return True
    # by word order, however parsed: "hebben geholpen de moorden te plannen", te + infinitive after
    # the verb before the clause ends
    doc = tok.doc
    for t in doc[tok.i + 1 : tok.sent.end - 1]:
        if t.pos_ in ("PUNCT", "SCONJ", "CCONJ") or (t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm")):
            return False
        if t.lower_ == te and doc[t.i + 1].pos_ == "VERB" and "Inf" in doc[t.i + 1].morph.get("VerbForm"):
            return True
    return False


def _specificity(p: Pattern) -> tuple[int, int]:
    """Sort key, most specific first: how many conditions an entry sets (required words, a second
    required word, a word in the complement clause or the subject, a reflexive), however many
    alternatives each lists; then the longer list of required words; then the data's order."""
    kinds = sum(map(bool, (p.requires, p.also, p.requires_clause, p.subject_requires, p.reflexive)))
    return -kinds, -len(p.requires) - len(p.requires_clause) - len(p.also)


def _first_fit(tok: Token, cands: list[Match], g: Grammar, scope: set[str] | None = None) -> Match | None:
    """The first candidate whose constraints hold, specific entries (with required words) first;
    ``scope`` replaces the trigger's dependents as the place required words are looked for."""
    for m in sorted(cands, key=lambda m: _specificity(m.pattern)):
        found = all(
            bool(words & scope) if scope is not None and words else _has_any(tok, words, g)
            for words in (m.pattern.requires, m.pattern.also)
        )
        if found and m.pattern.subject_requires:
            found = _subject_has_any(tok, m.pattern.subject_requires)
        if found and m.pattern.no_te_complement:
            found = not _governs_te_infinitive(tok, g)
        if found and m.pattern.requires_clause:
            found = _clause_has_any(tok, m.pattern.requires_clause, g)
        if found and _reflexive_ok(tok, m.pattern, g) and not (m.pattern.unless and _has_any(tok, m.pattern.unless, g)):
            return m
    return None
