# Faker look-alike probe (session 8): 2,400 texts holding one non-PII Faker value each (companies,
# streets, dates, EAN-13, UUIDs, versions, user agents, order ids...), in neutral templates; every
# finding that overlaps the value is a false positive. Seeded: the same Faker version gives the same texts.
#   python3 negatives.py /tmp/fp/neg.jsonl
#   ./leakguard analyze /tmp/fp/neg.jsonl --text-field text --id-field id > /tmp/fp/neg-out.jsonl
#   python3 negatives-score.py /tmp/fp/neg.jsonl /tmp/fp/neg-out.jsonl
import os,sys,json,random,zlib,datetime
sys.path.insert(0, os.environ.get('FAKER_PATH', '/tmp/fk'))
from faker import Faker
random.seed(11)
locs=['en_US','en_GB','de_DE','fr_FR','es_ES','it_IT','nl_NL','pt_BR','en_IN','en_AU','pl_PL','sv_SE']
gens={
 'company':lambda f:f.company(),
 'catch_phrase':lambda f:f.catch_phrase(),
 'job':lambda f:f.job(),
 'street':lambda f:f.street_address(),
 'city':lambda f:f.city(),
 'date':lambda f:str(f.date_between_dates(datetime.date(2015,1,1),datetime.date(2026,1,1))),
 'datetime':lambda f:str(f.date_time_between_dates(datetime.datetime(2015,1,1),datetime.datetime(2026,1,1))),
 'time':lambda f:f.date_time_between_dates(datetime.datetime(2015,1,1),datetime.datetime(2026,1,1)).strftime('%H:%M:%S'),
 'ean13':lambda f:f.ean13(),
 'isbn13':lambda f:f.isbn13() if hasattr(f,'isbn13') else f.ean13(),
 'uuid':lambda f:f.uuid4(),
 'sha1':lambda f:f.sha1(),
 'price':lambda f:f.pricetag() if hasattr(f,'pricetag') else str(f.pyfloat(left_digits=5,right_digits=2,positive=True)),
 'postcode':lambda f:f.postcode(),
 'license_plate':lambda f:f.license_plate(),
 'bothify_order':lambda f:f.bothify('ORD-########'),
 'numerify10':lambda f:f.numerify('##########'),
 'numerify12':lambda f:f.numerify('############'),
 'version':lambda f:'%d.%d.%d.%d'%(random.randint(1,20),random.randint(0,9),random.randint(0,30000),random.randint(0,999)),
 'sentence':lambda f:f.sentence(nb_words=10),
 'user_agent':lambda f:f.user_agent(),
 'file_path':lambda f:f.file_path(depth=3),
 'url':lambda f:f.url(),
 'color':lambda f:f.color_name(),
 'word_cap':lambda f:' '.join(w.capitalize() for w in f.words(2)),
}
T=['Order {} was shipped.','{}','Reference: {}','See {} for details.','{} called about the invoice.','The value is {} today.','Build {} failed','Ticket {} updated']
out=[];n=0
for k,g in gens.items():
  for loc in locs:
    f=Faker(loc); f.seed_instance(zlib.crc32((k+loc).encode())%1000)
    for i in range(8):
      try: v=g(f)
      except Exception: continue
      t=random.choice(T); s=t.index('{}'); n+=1
      out.append({'id':n,'text':t.replace('{}',v),'gen':k,'loc':loc,'start':s,'end':s+len(v)})
with open(sys.argv[1],'w') as fh:
  for o in out: fh.write(json.dumps(o,ensure_ascii=False)+'\n')
print(len(out))
