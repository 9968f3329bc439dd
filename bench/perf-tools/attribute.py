# usage: jfr print --stack-depth 60 --events jdk.ExecutionSample /tmp/x.jfr > /tmp/x.txt; python3 attribute.py /tmp/x.txt
import re,collections,sys
txt=open(sys.argv[1]).read()
det=collections.Counter(); meth=collections.Counter(); leaf=collections.Counter(); n=0
for e in txt.split('jdk.ExecutionSample'):
    fr=re.findall(r'^\s+([\w.$<>]+)\(',e,re.M)
    if not fr: continue
    n+=1; leaf[fr[0]]+=1
    idx=[i for i,f in enumerate(fr) if f.endswith('Engine.analyze')]
    det[(fr[idx[-1]-1] if idx[-1]>0 else 'Engine.analyze(self)') if idx else '(outside analyze)']+=1
    lg=[f for f in fr if 'io.leakguard' in f]
    if lg: meth[lg[0]]+=1
print(n,'samples')
print('--- by frame below Engine.analyze (which detector)')
for k,v in det.most_common(20): print(f"{v*100/n:5.1f} {k}")
print('--- by first io.leakguard frame (which method)')
for k,v in meth.most_common(40): print(f"{v*100/n:5.1f} {k}")
print('--- leaf')
for k,v in leaf.most_common(20): print(f"{v*100/n:5.1f} {k}")
