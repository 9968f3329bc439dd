package io.leakguard.testkit;

import io.leakguard.pii.EntityType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Seeded generator of realistic support cases with gold spans for every PII entity and form and for
 * look-alikes. Deterministic: the same seed and index always give the same case, and case {@code i}
 * does not depend on the cases before it (so corpora can be streamed).
 *
 * <pre>{@code
 * SupportCaseGenerator gen = new SupportCaseGenerator(42);
 * List<LabeledCase> cases = gen.generate(3000);
 * LabeledCase c = gen.caseAt(17); // same as cases.get(17)
 * }</pre>
 *
 * <p>Four kinds of case, mixed: a customer's web-form description (subject, greeting, sentences,
 * sometimes a pasted log, sign-off and signature), an agent's internal notes, a pasted log with a
 * short human intro, and an e-mail thread (Outlook or Gmail style headers, quoted replies with
 * {@code >} prefixes, signatures and disclaimers). Human-written text gets a per-case style
 * (normal, all lower case, sloppy with typos and missing apostrophes). Entities in human text are
 * written in a non-standard form about half of the time, chosen uniformly among the forms of their
 * type ({@link Form}); machine text (logs, headers) uses standard forms.
 *
 * <p>Known limits: the sentence templates are hand-written (about 200), so a detector can still
 * overfit them; hold the engine to real support text as well. Street addresses and company names
 * appear but are not labeled (they are not entity types).
 */
public final class SupportCaseGenerator {
  /** The share of entities in human-written text written in their standard form. */
  static final double P_STANDARD = 0.5;

  private final long seed;

  public SupportCaseGenerator(long seed) {
    this.seed = seed;
  }

  public long seed() {
    return seed;
  }

  /** Cases 0..n-1. */
  public List<LabeledCase> generate(int n) {
    List<LabeledCase> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(caseAt(i));
    }
    return out;
  }

  /** An endless stream of cases 0, 1, 2, ... */
  public Stream<LabeledCase> stream() {
    return Stream.iterate(0, i -> i + 1).map(this::caseAt);
  }

  /** Case number {@code index}; depends only on the seed and the index. */
  public LabeledCase caseAt(int index) {
    SplittableRandom r = new SplittableRandom(mix(seed * 0x9E3779B97F4A7C15L + index));
    CaseWriter w = new CaseWriter();
    new Composer(r, w).compose();
    return w.build(String.format(Locale.ROOT, "s%d-c%06d", seed, index));
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private enum Style {
    NORMAL,
    LOWER,
    SLOPPY
  }

  /** Composes one case. */
  private static final class Composer {
    private final SplittableRandom r;
    private final CaseWriter w;
    private final Entities e;
    private final Secrets secrets;
    private final Lookalikes looks;
    private final Entities.Person customer;
    private final Entities.Person agent;
    private final Entities.Person third;
    private final String company;
    private final String supportDomain;
    private Style style;

    Composer(SplittableRandom r, CaseWriter w) {
      this.r = r;
      this.w = w;
      this.e = new Entities(r);
      this.secrets = new Secrets(r);
      this.looks = new Lookalikes(r);
      this.customer = e.person(r.nextInt(3) == 0);
      Entities.Person ag = e.person(false);
      this.agent = new Entities.Person(ag.first(), ag.last(), ag.local(), "contoso-support.com");
      this.third = e.person(r.nextBoolean());
      this.company = Vocab.pick(r, Vocab.COMPANIES)[0];
      this.supportDomain = "contoso-support.com";
      int s = r.nextInt(10);
      this.style = s < 6 ? Style.NORMAL : s < 8 ? Style.LOWER : Style.SLOPPY;
    }

    void compose() {
      int kind = r.nextInt(20);
      if (kind < 5) {
        description();
      } else if (kind < 9) {
        agentNotes();
      } else if (kind < 12) {
        logPaste();
      } else if (kind < 17) {
        thread();
      } else {
        chat();
      }
    }

    // ---------------------------------------------------------------- case kinds

    private void description() {
      if (r.nextBoolean()) {
        w.text("Subject: ");
        human(Vocab.pick(r, Templates.SUBJECTS));
        w.text("\n\n");
      }
      customerBody(2 + r.nextInt(5));
      if (r.nextInt(4) == 0) {
        w.text("\n\n");
        logLines(2 + r.nextInt(4));
      }
      w.text("\n\n");
      human(Vocab.pick(r, Templates.CLOSINGS));
      w.text("\n");
      human(Vocab.pick(r, Templates.CUSTOMER_SIGNATURES));
    }

    private void customerBody(int sentences) {
      // a sentence that opens with its own greeting goes first and replaces the greeting
      List<String> picked = new ArrayList<>();
      String opener = null;
      for (String t : distinct(Templates.CUSTOMER, sentences)) {
        if (Templates.opensWithGreeting(t)) {
          if (opener == null) {
            opener = t;
          }
        } else {
          picked.add(t);
        }
      }
      boolean first;
      if (opener != null) {
        human(opener);
        first = false;
      } else {
        human(Vocab.pick(r, Templates.GREETINGS));
        first = true;
      }
      for (String t : picked) {
        w.text(first ? (r.nextBoolean() ? "\n\n" : " ") : r.nextInt(4) == 0 ? "\n" : " ");
        first = false;
        human(t);
      }
    }

    private void agentNotes() {
      String[] heads = {
        "[Internal note] ", "Case notes:\n", "Notes " + looks.date() + ":\n", "", "Summary:\n"
      };
      w.text(heads[r.nextInt(heads.length)]);
      String[] bullets = {"- ", "* ", "", "• "};
      String b = bullets[r.nextInt(bullets.length)];
      boolean first = true;
      for (String t : distinct(Templates.AGENT, 3 + r.nextInt(5))) {
        w.text(first ? b : "\n" + b);
        first = false;
        human(t);
      }
      if (r.nextInt(3) == 0) {
        w.text("\n-- ");
        render("{AFIRST}", true);
      }
    }

    private void logPaste() {
      human(Vocab.pick(r, Templates.LOG_INTROS));
      w.text(r.nextBoolean() ? "\n\n" : "\n");
      if (r.nextBoolean()) {
        w.text("```\n");
        logLines(4 + r.nextInt(9));
        w.text("\n```");
      } else {
        logLines(4 + r.nextInt(9));
      }
      String out = Vocab.pick(r, Templates.LOG_OUTROS);
      if (!out.isEmpty()) {
        w.text("\n\n");
        human(out);
      }
    }

    private void logLines(int n) {
      for (int i = 0; i < n; i++) {
        if (i > 0) {
          w.text("\n");
        }
        render(Vocab.pick(r, Templates.LOGS), false);
      }
    }

    private void thread() {
      int messages = 2 + r.nextInt(3);
      boolean gmail = r.nextBoolean();
      // newest first; messages alternate between agent and customer
      boolean fromAgent = r.nextBoolean();
      String subject = null;
      for (int m = 0; m < messages; m++) {
        if (m > 0) {
          w.text("\n\n");
          if (gmail) {
            w.text("On ");
            w.text(Vocab.pick(r, Vocab.WEEKDAYS).substring(0, 3) + ", ");
            looks.write(w, LookalikeKind.DATE);
            w.text(" at " + looks.time() + " ");
            Entities.Person p = fromAgent ? agent : customer;
            e.personName(w, p, Form.STANDARD);
            w.text(" <");
            e.email(w, p.local(), p.domain(), Form.STANDARD);
            w.text("> wrote:\n");
            w.setQuotePrefix(w.quotePrefix() + "> ");
            w.text(w.quotePrefix());
          } else {
            w.text(
                r.nextBoolean()
                    ? "-----Original Message-----\n"
                    : "________________________________\n");
            header(fromAgent, subject);
          }
        } else if (r.nextBoolean()) {
          header(fromAgent, null);
        }
        if (subject == null) {
          subject = "x";
        }
        message(fromAgent);
        fromAgent = !fromAgent;
      }
      w.setQuotePrefix("");
    }

    private static final String[] CHAT_AGENT = {
      "Hi, thanks for contacting Contoso Support, my name is {AFIRST}. How can I help?",
      "Can you confirm the email address on the account?",
      "Thanks {CFIRST}. And a phone number in case we get disconnected?",
      "Please never share passwords or card numbers in chat.",
      "I can see the sign-in failures from {IP}, one moment please.",
      "I have sent a reset link to {CEMAIL}.",
      "Could you run ipconfig /all and paste the output?",
      "Your case number is {L:TICKET_NUMBER}.",
      "Is there anything else I can help with today?"
    };

    private void chat() {
      w.text(r.nextBoolean() ? "Chat transcript " : "Conversation with ");
      if (r.nextBoolean()) {
        looks.write(w, LookalikeKind.DATE);
      } else {
        e.personName(w, customer, Form.STANDARD);
      }
      w.text("\n\n");
      int turns = 3 + r.nextInt(6);
      boolean agentTurn = true;
      int h = 8 + r.nextInt(10);
      int m = r.nextInt(50);
      for (int i = 0; i < turns; i++) {
        w.text("[");
        w.lookalike(
            LookalikeKind.TIMESTAMP,
            String.format(Locale.ROOT, "%02d:%02d:%02d", h, m + i, r.nextInt(60)));
        w.text("] ");
        if (agentTurn) {
          w.text("Agent (");
          e.personName(w, agent, Form.FIRST_NAME);
          w.text("): ");
          render(CHAT_AGENT[i == 0 ? 0 : 1 + r.nextInt(CHAT_AGENT.length - 1)], true);
        } else {
          if (r.nextBoolean()) {
            e.personName(w, customer, Form.STANDARD);
          } else {
            w.text("Customer");
          }
          w.text(": ");
          human(Vocab.pick(r, Templates.CUSTOMER));
        }
        w.text("\n");
        agentTurn = !agentTurn;
      }
      w.text(r.nextBoolean() ? "[chat ended]" : "Chat closed by agent.");
    }

    private void header(boolean fromAgent, String subject) {
      Entities.Person from = fromAgent ? agent : customer;
      Entities.Person to = fromAgent ? customer : agent;
      w.text("From: ");
      e.personName(w, from, r.nextInt(4) == 0 ? Form.LAST_FIRST : Form.STANDARD);
      w.text(" <");
      e.email(w, from.local(), from.domain(), Form.STANDARD);
      w.text(">\nSent: " + Vocab.pick(r, Vocab.WEEKDAYS) + ", ");
      looks.write(w, LookalikeKind.DATE);
      w.text(" " + looks.time() + "\nTo: ");
      if (!fromAgent && r.nextBoolean()) {
        w.text("Contoso Support <");
        e.email(w, "support", supportDomain, Form.STANDARD);
        w.text(">");
      } else {
        e.personName(w, to, Form.STANDARD);
        w.text(" <");
        e.email(w, to.local(), to.domain(), Form.STANDARD);
        w.text(">");
      }
      if (r.nextInt(3) == 0) {
        w.text("\nCc: ");
        e.personName(w, third, Form.STANDARD);
        w.text(" <");
        e.email(w, third.local(), third.domain(), Form.STANDARD);
        w.text(">");
      }
      w.text("\nSubject: " + (subject == null ? "" : "RE: "));
      render(Vocab.pick(r, Templates.SUBJECTS), false);
      w.text("\n\n");
    }

    private void message(boolean fromAgent) {
      if (fromAgent) {
        w.text("Hi ");
        render("{CFIRST}", true);
        w.text(",\n\n");
        String[] agentLines = {
          "Thank you for contacting Contoso Support. My name is {AFIRST} and I will be working on your case {L:TICKET_NUMBER}.",
          "Could you please send me the output of the command below and a screenshot of the error?",
          "As discussed on the phone, I have reset the MFA registration for {CEMAIL}.",
          "I can see failed sign-ins from {IP} at {L:TIMESTAMP} with error {L:HRESULT}.",
          "Please do not send card numbers or passwords by email. I have removed the one you sent ({L:PARTIAL_NUMBER}).",
          "The refund of {L:AMOUNT} was issued to the IBAN you provided, {IBAN}.",
          "I will call you on {CPHONE} tomorrow {L:DOT_PHRASE}.",
          "The fix is included in {L:KB_NUMBER} (build {L:VERSION}). FYI {L:AT_PHRASE}.",
          "I've looped in my colleague {XNAME} ({XEMAIL}) from the billing team.",
          "Your request id is {L:GUID}.",
          "If the issue persists, please collect logs from {L:FILE_PATH} and reply to this email."
        };
        int n = 1 + r.nextInt(3);
        for (int i = 0; i < n; i++) {
          render(agentLines[r.nextInt(agentLines.length)], true);
          w.text(i + 1 < n ? " " : "");
        }
        w.text("\n\n" + (r.nextBoolean() ? "Best regards,\n" : "Kind regards,\n"));
        render(Vocab.pick(r, Templates.AGENT_SIGNATURES), false);
      } else {
        customerBody(1 + r.nextInt(4));
        if (r.nextInt(5) == 0) {
          w.text("\n\n");
          logLines(2 + r.nextInt(3));
        }
        w.text("\n\n");
        human(Vocab.pick(r, Templates.CLOSINGS));
        w.text("\n");
        human(Vocab.pick(r, Templates.CUSTOMER_SIGNATURES));
      }
      String disc = Vocab.pick(r, Templates.DISCLAIMERS);
      if (!disc.isEmpty() && r.nextInt(3) == 0) {
        w.text("\n\n");
        render(disc, false);
      }
    }

    // ---------------------------------------------------------------- templates

    /** {@code n} different templates from {@code list}, in random order. */
    private List<String> distinct(List<String> list, int n) {
      List<String> out = new ArrayList<>(n);
      while (out.size() < Math.min(n, list.size())) {
        String t = Vocab.pick(r, list);
        if (!out.contains(t)) {
          out.add(t);
        }
      }
      return out;
    }

    private void human(String template) {
      render(template, true);
    }

    /** Renders a template; literals of human text get the case style, entities may be odd. */
    private void render(String t, boolean humanText) {
      int i = 0;
      while (i < t.length()) {
        int open = t.indexOf('{', i);
        if (open < 0) {
          literal(t.substring(i), humanText);
          return;
        }
        int close = t.indexOf('}', open);
        String tok = t.substring(open + 1, close);
        if (!tok.isEmpty() && Character.isUpperCase(tok.charAt(0))) {
          literal(t.substring(i, open), humanText);
          token(tok, humanText);
        } else {
          literal(t.substring(i, close + 1), humanText);
        }
        i = close + 1;
      }
    }

    private void literal(String s, boolean humanText) {
      if (s.isEmpty()) {
        return;
      }
      if (!humanText || style == Style.NORMAL) {
        w.text(s);
        return;
      }
      if (style == Style.LOWER) {
        w.text(s.toLowerCase(Locale.ROOT));
        return;
      }
      // sloppy: typos in some longer words, no apostrophes, lower-case sentence starts
      StringBuilder sb = new StringBuilder(s.length());
      for (String word : s.split("(?<= )", -1)) {
        String x = word.replace("'", "");
        String core = x.trim();
        if (core.length() >= 5
            && core.chars().allMatch(Character::isLetter)
            && r.nextInt(12) == 0) {
          int k = 1 + r.nextInt(core.length() - 2);
          char[] cs = core.toCharArray();
          char tmp = cs[k];
          cs[k] = cs[k + 1];
          cs[k + 1] = tmp;
          x = x.replace(core, new String(cs));
        }
        sb.append(x);
      }
      String out = sb.toString();
      if (r.nextInt(3) == 0) {
        out = out.replace(". ", ".  ").replace(", ", " , ");
      }
      w.text(r.nextBoolean() ? out.toLowerCase(Locale.ROOT) : out);
    }

    private double pStd(boolean humanText) {
      return humanText ? P_STANDARD : 1.0;
    }

    private void token(String tok, boolean humanText) {
      boolean forceStd = tok.endsWith("!");
      String t = forceStd ? tok.substring(0, tok.length() - 1) : tok;
      double p = forceStd ? 1.0 : pStd(humanText);
      if (t.startsWith("L:")) {
        looks.write(w, LookalikeKind.valueOf(t.substring(2)));
        return;
      }
      switch (t) {
        case "CNAME":
          name(customer, p);
          return;
        case "ANAME":
          name(agent, p);
          return;
        case "XNAME":
          name(third, p);
          return;
        case "NAME":
          name(e.person(r.nextBoolean()), p);
          return;
        case "CFIRST":
          e.personName(w, customer, Form.FIRST_NAME);
          return;
        case "AFIRST":
          e.personName(w, agent, Form.FIRST_NAME);
          return;
        case "CEMAIL":
          e.email(w, customer.local(), customer.domain(), e.pickForm(EntityType.EMAIL_ADDRESS, p));
          return;
        case "AEMAIL":
          e.email(w, agent.local(), agent.domain(), e.pickForm(EntityType.EMAIL_ADDRESS, p));
          return;
        case "XEMAIL":
          e.email(w, third.local(), third.domain(), e.pickForm(EntityType.EMAIL_ADDRESS, p));
          return;
        case "EMAIL":
          {
            Entities.Person o = e.person(r.nextBoolean());
            e.email(w, o.local(), o.domain(), e.pickForm(EntityType.EMAIL_ADDRESS, p));
            return;
          }
        case "SUPPORT":
          e.email(w, "support", supportDomain, Form.STANDARD);
          return;
        case "CPHONE":
        case "APHONE":
        case "XPHONE":
        case "PHONE":
          e.phone(w, e.pickForm(EntityType.PHONE_NUMBER, p));
          return;
        case "CARD":
          e.card(w, e.pickForm(EntityType.CREDIT_CARD, p));
          return;
        case "SSN":
          e.ssn(w, e.pickForm(EntityType.US_SSN, p));
          return;
        case "IBAN":
          e.iban(w, e.pickForm(EntityType.IBAN_CODE, p));
          return;
        case "IP":
          {
            Form f = e.pickForm(EntityType.IP_ADDRESS, p);
            if (forceStd && r.nextInt(6) == 0) {
              f = Form.IPV6;
            }
            e.ip(w, f);
            return;
          }
        case "MAC":
          e.mac(w, e.pickForm(EntityType.MAC_ADDRESS, p));
          return;
        case "SECRET":
          {
            Form kind = e.pickForm(EntityType.SECRET, 1.0);
            // machine text (logs, configs) holds no chat sentences
            secrets.write(
                w, !humanText && kind == Form.PASSWORD_PROSE ? Form.PASSWORD_ASSIGNMENT : kind);
            return;
          }
        case "PKT":
          w.lookalike(LookalikeKind.HASH, looks.hex(16));
          return;
        case "PRODUCT":
          w.text(Vocab.pick(r, Vocab.PRODUCTS));
          return;
        case "COMPANY":
          w.text(company);
          return;
        case "CITY":
          w.text(Vocab.pick(r, Vocab.CITIES));
          return;
        case "STREET":
          w.text(Vocab.pick(r, Vocab.STREETS));
          return;
        case "TITLE":
          w.text(Vocab.pick(r, Vocab.TITLES));
          return;
        case "HOST":
          w.text(Vocab.pick(r, Vocab.HOSTS));
          return;
        case "USER":
          w.text(Vocab.pick(r, Vocab.SERVICE_USERS));
          return;
        case "WEEKDAY":
          w.text(Vocab.pick(r, Vocab.WEEKDAYS));
          return;
        case "EMOJI":
          w.text(Vocab.pick(r, Vocab.EMOJI));
          return;
        case "PORT":
          {
            int[] ports = {443, 80, 22, 3389, 1433, 5432, 8080, 8443, 25, 587};
            w.text(
                Integer.toString(
                    r.nextInt(3) == 0 ? 49152 + r.nextInt(16000) : ports[r.nextInt(ports.length)]));
            return;
          }
        case "PID":
          w.text(Integer.toString(100 + r.nextInt(40000)));
          return;
        case "N":
          w.text(Integer.toString(1 + r.nextInt(400)));
          return;
        case "MS":
          w.text(Integer.toString(r.nextInt(30000)));
          return;
        case "FRAME":
          w.lookalike(LookalikeKind.CODE, Vocab.pick(r, Templates.FRAMES));
          return;
        default:
          throw new IllegalStateException("unknown template token " + tok);
      }
    }

    private void name(Entities.Person p, double pStandard) {
      List<Form> forms = Entities.FORMS.get(EntityType.PERSON);
      Form f =
          r.nextDouble() < Math.max(pStandard, 0.6)
              ? Form.STANDARD
              : forms.get(1 + r.nextInt(forms.size() - 1));
      e.personName(w, p, f);
    }
  }
}
