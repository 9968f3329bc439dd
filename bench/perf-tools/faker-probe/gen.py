# Faker probe (session 7): generate short texts holding one Faker value each, with its span.
# usage: pip install --target /tmp/fk faker   (not a project dependency)
#        python3 gen.py /tmp/fprobe/cases.jsonl   (probe 2, session 8: SEED=77 N=40 LOCS=en_US,...,cs_CZ; see docs/pii-heldout.md)
#        ./leakguard analyze /tmp/fprobe/cases.jsonl --text-field text --id-field id > /tmp/fprobe/out.jsonl
#        python3 score.py /tmp/fprobe/cases.jsonl /tmp/fprobe/out.jsonl [TYPE to list its misses]
# Seeded: the same Faker version gives the same 1,248 texts (figures in docs/pii-heldout.md).
import os, sys, json, random, zlib
sys.path.insert(0, os.environ.get('FAKER_PATH', '/tmp/fk'))
from faker import Faker
random.seed(int(os.environ.get("SEED","5")))
locales=os.environ.get('LOCS','').split(',') if os.environ.get('LOCS') else ['en_US','en_GB','de_DE','fr_FR','es_ES','it_IT','nl_NL','pt_BR','en_IN','en_AU','en_CA','pl_PL','sv_SE']
T={
 'PHONE_NUMBER':['My phone number is {}.','Call me at {} tomorrow.','You can reach me on {}','phone: {}','{}','Contact {} for details'],
 'EMAIL_ADDRESS':['Send it to {} please.','email: {}','{}','Reply to {}'],
 'CREDIT_CARD':['My card number is {}.','card {} was charged twice','{}','Paid with {} yesterday'],
 'US_SSN':['My SSN is {}.','ssn: {}','{}','Social security number {} on file'],
 'IBAN_CODE':['IBAN: {}','Please wire to {} today.','{}','account {}'],
 'IP_ADDRESS':['login from {}','IP {} blocked','{}','server at {} is down'],
 'MAC_ADDRESS':['MAC {}','device {} offline','{}'],
 'PERSON':['My name is {}.','Hi {},','Thanks, {}','Customer name: {}','{} called about the invoice.','I spoke with {} yesterday.','Regards,\n{}'],
}
def val(f,ent,loc):
  if ent=='PHONE_NUMBER': return f.phone_number()
  if ent=='EMAIL_ADDRESS': return random.choice([f.email(),f.free_email(),f.company_email(),f.safe_email()])
  if ent=='CREDIT_CARD': return f.credit_card_number(card_type=random.choice([None,'visa16','visa13','visa19','mastercard','amex','discover','diners','jcb15','jcb16','maestro']))
  if ent=='US_SSN': return US.ssn()
  if ent=='IBAN_CODE': return f.iban()
  if ent=='IP_ADDRESS': return random.choice([f.ipv4(),f.ipv4_private(),f.ipv4_public(),f.ipv6(),f.ipv4(network=True)])
  if ent=='MAC_ADDRESS': return f.mac_address()
  if ent=='PERSON': return random.choice([f.name(),f.name(),f.first_name()+' '+f.last_name(),f.name_female(),f.name_male()])
US=Faker('en_US')
US.seed_instance(1)
out=[]
n=0
for ent,ts in T.items():
  for loc in locales:
    try: f=Faker(loc)
    except Exception: continue
    f.seed_instance(zlib.crc32((ent+loc).encode()) % 10000 + (int(os.environ["SEED"]) if "SEED" in os.environ else 0))  # stable across runs
    for i in range(int(os.environ.get('N','12'))):
      try: v=val(f,ent,loc)
      except Exception as e: continue
      t=random.choice(ts)
      s=t.index('{}')
      text=t.replace('{}',v)
      n+=1
      out.append({'id':n,'text':text,'ent':ent,'loc':loc,'start':s,'end':s+len(v),'val':v})
with open(sys.argv[1],'w') as fh:
  for o in out: fh.write(json.dumps(o,ensure_ascii=False)+'\n')
print(len(out))
