# Scores a Faker probe (see gen.py): leak recall with the 90% rule, type-correct recall, misses.
import json,sys,collections
cases=[json.loads(l) for l in open(sys.argv[1])]
res={}
for l in open(sys.argv[2]):
  d=json.loads(l); res[d['id']]=d['findings']
tot=collections.Counter(); hit=collections.Counter(); typ=collections.Counter(); miss=collections.defaultdict(list)
for c in cases:
  fs=res.get(c['id'],[])
  t=c['text']; s,e=c['start'],c['end']
  # code points vs utf16: texts are mostly BMP
  cov=[False]*len(t)
  for f in fs:
    for i in range(f['start'],min(f['end'],len(t))): cov[i]=True
  alnum=[i for i in range(s,e) if t[i].isalnum()]
  inside=sum(1 for i in alnum if cov[i])
  k=(c['ent'])
  tot[k]+=1
  ok= inside>=0.9*len(alnum)
  if ok: hit[k]+=1
  if ok and any(f['type']==c['ent'] and f['start']<e and f['end']>s for f in fs): typ[k]+=1
  if not ok or not any(f['type']==c['ent'] and f['start']<e and f['end']>s for f in fs): miss[k].append((c['loc'],t,[(f['type'],t[f['start']:f['end']]) for f in fs]))
for k in tot: print(f"{k:14s} {tot[k]:4d} recall {hit[k]/tot[k]:.3f} typed {typ[k]/tot[k]:.3f}")
show=sys.argv[3] if len(sys.argv)>3 else None
if show:
  for m in miss[show][:int(sys.argv[4]) if len(sys.argv)>4 else 80]: print(m)
