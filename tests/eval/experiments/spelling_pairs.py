#!/usr/bin/env python3
# British -> American spelling pairs for the LS_VAR experiment (tests/eval/RESULTS.md, rows 8).
# Needs the word lists unpacked under ./x: apt-get download wbritish-large wamerican-large; dpkg -x each .deb x
# Writes pairs.txt, one "british american" pair a line.
import re, sys

A = set(w.strip() for w in open('x/usr/share/dict/american-english-large'))
B = set(w.strip() for w in open('x/usr/share/dict/british-english-large'))
rules = [('isation', 'ization'), ('ise', 'ize'), ('ised', 'ized'), ('ises', 'izes'), ('ising', 'izing'),
         ('iser', 'izer'), ('isers', 'izers'), ('yse', 'yze'), ('ysed', 'yzed'), ('yses', 'yzes'),
         ('ysing', 'yzing'), ('our', 'or'), ('ae', 'e'), ('oe', 'e'), ('tre', 'ter'), ('tres', 'ters'),
         ('ence', 'ense'), ('ences', 'enses'), ('ogue', 'og'), ('ogues', 'ogs'), ('mme', 'm'), ('mmes', 'ms'),
         ('ll', 'l')]


def rewrites(word, to_american):
    """The word with one rule applied at one place, in either direction."""
    out = set()
    for british, american in rules:
        find, put = (british, american) if to_american else (american, british)
        for m in re.finditer(re.escape(find), word):
            out.add(word[:m.start()] + put + word[m.end():])
    return out


def within_two(word, to_american):
    """Rewrites by one rule, then by two."""
    one = rewrites(word, to_american)
    return one, set(x for c in one for x in rewrites(c, to_american))


def plain(words):
    return sorted(w for w in words if w.islower() and "'" not in w)


pairs = {}
# British-only words whose American form is American-only.
for w in plain(B - A):
    for cands in within_two(w, True):
        hit = sorted(c for c in cands if c in A and c not in B)
        if hit:
            pairs[w] = hit[0]
            break
print(len(pairs), file=sys.stderr)
# American-only words whose British form is in the British list (also when
# the American list has it too: "anaemia").
added = 0
for w in plain(A - B):
    for cands in within_two(w, False):
        hit = sorted(c for c in cands if c in B and c != w)
        if hit:
            for h in hit:
                if h not in pairs:
                    pairs[h] = w
                    added += 1
            break
print('added', added, len(pairs), file=sys.stderr)
with open('pairs.txt', 'w') as f:
    for b in sorted(pairs):
        f.write(f"{b} {pairs[b]}\n")
