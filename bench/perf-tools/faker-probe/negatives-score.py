# Scores the look-alike probe (negatives.py): texts whose value got a finding, per generator.
import json, sys, collections
cases = {json.loads(l)['id']: json.loads(l) for l in open(sys.argv[1])}
c = collections.Counter(); tot = collections.Counter(); ex = collections.defaultdict(list)
for l in open(sys.argv[2]):
    d = json.loads(l); cs = cases[d['id']]; tot[cs['gen']] += 1
    fs = [f for f in d['findings'] if f['start'] < cs['end'] and f['end'] > cs['start']]
    if fs:
        c[cs['gen']] += 1
        ex[cs['gen']].append((cs['text'][:80], [(f['type'], cs['text'][f['start']:f['end']]) for f in fs]))
print(f"flagged {sum(c.values())} of {sum(tot.values())} look-alike texts", dict(c))
for k in ex:
    for e in ex[k][:6]:
        print('  ', k, e)
