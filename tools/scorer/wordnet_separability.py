#!/usr/bin/env python3
"""Would WordNet synonyms let words separate corroboration links?

Reads the pairs that `score --corroboration --pairs_tsv=FILE` writes (two
matched claims of one predicted speaker in two documents, with whether the
gold joins them) and asks, for each way of matching words, the most gold
links one threshold on Jaccard or containment recovers at precision >= 0.90:

  - stems only (what the clusterer compares),
  - stems or a shared WordNet synset among each word's first 1 or 2 senses.

Needs Debian's wordnet-base (/usr/share/wordnet); an analysis aid, not part
of the services or the tests.

  bazel-bin/tools/scorer/score --gold=../shared/eval/seeds_gold.jsonl \\
      --corroboration --pairs_tsv=/tmp/pairs.tsv
  python3 tools/scorer/wordnet_separability.py /tmp/pairs.tsv 63
"""
import re
import sys

WORDNET = "/usr/share/wordnet/"
POS = ("noun", "verb", "adj", "adv")
# Words that say nothing about which statement a claim is.
STOP = set(
    "a an the and or but of to in on at for with by from as is are was were be been being it its this that these "
    "those he she they we i you his her their our my your not no would will can could should may might must has "
    "have had do does did said says say told added also than then there here which who whom what when where "
    "while if so such into over about after before between during against under more most other some any all "
    "each both only own same very just".split())


def load_index():
    """(lemma, pos) -> synset offsets, most frequent sense first."""
    index = {}
    for pos in POS:
        with open(WORDNET + "index." + pos, encoding="latin-1") as f:
            for line in f:
                if line.startswith(" "):
                    continue  # the licence header
                fields = line.split()
                pointer_count = int(fields[3])
                offsets = fields[4 + pointer_count + 2:]
                index[(fields[0], pos)] = [pos[0] + o for o in offsets]
    exceptions = {}
    for pos in POS:
        with open(WORDNET + pos + ".exc", encoding="latin-1") as f:
            for line in f:
                words = line.split()
                if len(words) >= 2:
                    exceptions.setdefault(words[0], words[1])
    return index, exceptions


# Inflection endings WordNet's morphology strips, by part of speech.
ENDINGS = {
    "noun": [("s", ""), ("ses", "s"), ("xes", "x"), ("ches", "ch"), ("shes", "sh"), ("ies", "y")],
    "verb": [("s", ""), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", "")],
    "adj": [("er", ""), ("est", "")],
}


def base_forms(word, index, exceptions):
    forms = set()
    if word in exceptions:
        forms.add(exceptions[word])
    for pos, endings in ENDINGS.items():
        if (word, pos) in index:
            forms.add(word)
        for ending, replacement in endings:
            if word.endswith(ending) and (word[: -len(ending)] + replacement, pos) in index:
                forms.add(word[: -len(ending)] + replacement)
    return forms or {word}


def words_of(text, senses, index, exceptions):
    """Each content word as (its base forms, the synsets of its first senses)."""
    out = []
    for word in set(re.findall(r"[a-z]+", text.lower())):
        if word in STOP or len(word) < 2:
            continue
        forms = base_forms(word, index, exceptions)
        synsets = set()
        for form in forms:
            for pos in ("noun", "verb", "adj"):
                synsets.update(index.get((form, pos), [])[:senses])
        out.append((forms, synsets))
    return out


def overlap(a, b, use_synsets):
    if not a or not b:
        return 0.0, 0.0

    def matched(x, y):
        return sum(1 for forms, syn in x if any(forms & f2 or (use_synsets and syn & s2) for f2, s2 in y))

    in_a, in_b = matched(a, b), matched(b, a)
    containment = max(in_a / len(a), in_b / len(b))
    shared = (in_a + in_b) / 2
    jaccard = shared / (len(a) + len(b) - shared)
    return jaccard, containment


def best_recall(scored, feature, gold_links, min_precision=0.90):
    """Most gold links one threshold selects at min_precision, and that threshold."""
    order = sorted(scored, key=lambda r: -r[feature])
    best = (0, None)
    correct = 0
    for i, row in enumerate(order):
        correct += row[0]
        if i + 1 < len(order) and order[i + 1][feature] == row[feature]:
            continue  # ties go together
        if correct >= min_precision * (i + 1) and correct > best[0]:
            best = (correct, row[feature])
    return best[0] / gold_links, best[1]


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: wordnet_separability.py PAIRS_TSV GOLD_LINKS")
    gold_links = int(sys.argv[2])
    index, exceptions = load_index()
    pairs = []
    with open(sys.argv[1], encoding="utf-8") as f:
        for line in f:
            gold, _clustered, _jaccard, _containment, a, b = line.rstrip("\n").split("\t")
            pairs.append((int(gold), a, b))
    for label, senses, use_synsets in (("stems only", 1, False), ("synsets, 1 sense", 1, True),
                                       ("synsets, 2 senses", 2, True)):
        scored = []
        for gold, a, b in pairs:
            jaccard, containment = overlap(words_of(a, senses, index, exceptions),
                                           words_of(b, senses, index, exceptions), use_synsets)
            scored.append((gold, jaccard, containment))
        for feature, name in ((1, "jaccard"), (2, "containment")):
            recall, threshold = best_recall(scored, feature, gold_links)
            at = "none reaches 0.90" if threshold is None else "threshold %.3f" % threshold
            print("%-18s %-11s best recall at precision 0.90: %.3f (%s)" % (label, name, recall, at))


if __name__ == "__main__":
    main()
