import re,collections,sys
txt=open(sys.argv[1]).read()
meth=collections.Counter(); line=collections.Counter(); n=0; top=collections.Counter()
for e in txt.split('jdk.ExecutionSample')[1:]:
    fr=re.findall(r'^\s+([\w.$<>]+)\(.*?\)(?: line: (\d+))?',e,re.M)
    if not fr: continue
    names=[f for f,_ in fr]
    idx=[i for i,f in enumerate(names) if f.endswith('Engine.analyze')]
    if not idx: continue
    n+=1
    top[(names[idx[-1]-1] if idx[-1]>0 else 'Engine.analyze(self)')]+=1
    lg=[(f,l) for f,l in fr if 'io.leakguard' in f]
    meth[lg[0][0]]+=1; line[lg[0][0]+':'+lg[0][1]+' <'+fr[0][0].split('.')[-1]]+=1
print(n,'samples in analyze')
for k,v in top.most_common(15): print(f"{v*100/n:5.1f} {k}")
print('---')
for k,v in meth.most_common(25): print(f"{v*100/n:5.1f} {k}")
print('--- lines')
for k,v in line.most_common(35): print(f"{v*100/n:5.1f} {k}")
