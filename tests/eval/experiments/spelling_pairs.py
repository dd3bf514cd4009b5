#!/usr/bin/env python3
# British -> American spelling pairs for the LS_VAR experiment (tests/eval/RESULTS.md, rows 8).
# Needs the word lists unpacked under ./x: apt-get download wbritish-large wamerican-large; dpkg -x each .deb x
import re,sys
A=set(w.strip() for w in open('x/usr/share/dict/american-english-large'))
B=set(w.strip() for w in open('x/usr/share/dict/british-english-large'))
bo=sorted(w for w in B-A if w.islower() and "'" not in w)
rules=[('isation','ization'),('ise','ize'),('ised','ized'),('ises','izes'),('ising','izing'),('iser','izer'),('isers','izers'),
('yse','yze'),('ysed','yzed'),('yses','yzes'),('ysing','yzing'),('our','or'),('ae','e'),('oe','e'),('tre','ter'),('tres','ters'),('ence','ense'),('ences','enses'),('ogue','og'),('ogues','ogs'),('mme','m'),('mmes','ms'),('ll','l')]
def step(w):
    out=set()
    for a,b in rules:
        for m in re.finditer(re.escape(a), w):
            out.add(w[:m.start()]+b+w[m.end():])
    return out
pairs={}; weak={}
for w in bo:
    c1=step(w); c2=set(x for c in c1 for x in step(c))
    for cands in (c1,c2):
        hit=sorted(c for c in cands if c in A and c not in B)
        if hit: pairs[w]=hit[0]; break
    else:
        for cands in (c1,c2):
            hit=sorted(c for c in cands if c in A)
            if hit: weak[w]=hit; break
print(len(pairs), len(weak), file=sys.stderr)
ao=sorted(w for w in A-B if w.islower() and "'" not in w)
def back(w):
    out=set()
    for a,b in rules:
        for m in re.finditer(re.escape(b), w):
            out.add(w[:m.start()]+a+w[m.end():])
    return out
added=0
for w in ao:
    c1=back(w); c2=set(x for c in c1 for x in back(c))
    for cands in (c1,c2):
        hit=sorted(c for c in cands if c in B and c != w)
        if hit:
            for h in hit:
                if h not in pairs: pairs[h]=w; added+=1
            break
print('added',added,len(pairs),file=sys.stderr)
with open('pairs.txt','w') as f:
    for b in sorted(pairs): f.write(f"{b} {pairs[b]}\n")
