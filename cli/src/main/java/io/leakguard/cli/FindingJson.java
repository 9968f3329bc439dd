package io.leakguard.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.leakguard.pii.Explanation;
import io.leakguard.pii.PiiFinding;
import java.io.IOException;

/** Writes {@link PiiFinding}s in the JSON shape of DESIGN §5 (never the value itself). */
final class FindingJson {
  private FindingJson() {}

  static void write(JsonGenerator g, PiiFinding f, String field, boolean explain)
      throws IOException {
    g.writeStartObject();
    if (field != null) {
      g.writeStringField("field", field);
    }
    g.writeStringField("type", f.type().name());
    g.writeNumberField("start", f.start());
    g.writeNumberField("end", f.end());
    g.writeNumberField("score", f.score());
    g.writeStringField("detector", f.detector());
    g.writeStringField("form", f.form());
    if (explain) {
      Explanation e = f.explanation();
      g.writeObjectFieldStart("explanation");
      g.writeStringField("pattern", e.pattern());
      g.writeStringField("validation", e.validation());
      g.writeNumberField("baseScore", e.baseScore());
      g.writeArrayFieldStart("contextWords");
      for (String w : e.contextWords()) {
        g.writeString(w);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("normalizations");
      for (String w : e.normalizations()) {
        g.writeString(w);
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndObject();
  }
}
