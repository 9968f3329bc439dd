package io.leakguard.testkit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.leakguard.pii.EntityType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes (and reads back) labeled cases as JSON Lines, one case a line:
 *
 * <pre>{@code
 * {"id":"s42-c000000","text":"Hi, ...","spans":[{"type":"EMAIL_ADDRESS","start":9,"end":25,"form":"space-for-dot"},
 *   {"type":"LOOKALIKE","start":40,"end":50,"form":"hresult"}]}
 * }</pre>
 *
 * <p>Offsets are code points, like the {@code analyze} command's output. For a look-alike the
 * {@code form} holds its {@link LookalikeKind} label. The same shape is accepted by {@code
 * leakguard analyze} ({@code --text-field text --id-field id}).
 */
public final class CorpusJsonl {
  private static final JsonFactory JSON = new JsonFactory();

  private CorpusJsonl() {}

  /** One case as a JSON line without the trailing newline. */
  public static String toLine(LabeledCase c) {
    StringWriter sw = new StringWriter(c.text().length() + 256);
    try (JsonGenerator g = JSON.createGenerator(sw)) {
      write(g, c);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return sw.toString();
  }

  private static void write(JsonGenerator g, LabeledCase c) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", c.id());
    g.writeStringField("text", c.text());
    g.writeArrayFieldStart("spans");
    for (GoldSpan s : c.spans()) {
      g.writeStartObject();
      g.writeStringField("type", s.typeLabel());
      g.writeNumberField("start", s.start());
      g.writeNumberField("end", s.end());
      g.writeStringField("form", s.formLabel());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  /** Writes the cases, one line each. */
  public static void write(Iterable<LabeledCase> cases, Writer out) throws IOException {
    for (LabeledCase c : cases) {
      out.write(toLine(c));
      out.write('\n');
    }
  }

  /**
   * Writes cases {@code 0, 1, 2, ...} of {@code gen} until at least {@code bytes} UTF-8 bytes were
   * written (the last case is written whole). Returns the number of cases written.
   */
  public static long writeBytes(SupportCaseGenerator gen, long bytes, OutputStream out)
      throws IOException {
    long written = 0;
    int i = 0;
    while (written < bytes) {
      byte[] line = (toLine(gen.caseAt(i++)) + "\n").getBytes(StandardCharsets.UTF_8);
      out.write(line);
      written += line.length;
    }
    return i;
  }

  /** Reads cases written by {@link #write}. */
  public static List<LabeledCase> read(Reader in) throws IOException {
    List<LabeledCase> out = new ArrayList<>();
    BufferedReader br = in instanceof BufferedReader ? (BufferedReader) in : new BufferedReader(in);
    String line;
    while ((line = br.readLine()) != null) {
      if (!line.isBlank()) {
        out.add(fromLine(line));
      }
    }
    return out;
  }

  /** Parses one line; throws {@link IllegalArgumentException} on a malformed line. */
  public static LabeledCase fromLine(String line) {
    try (JsonParser p = JSON.createParser(line)) {
      String id = null;
      String text = null;
      List<GoldSpan> spans = new ArrayList<>();
      expect(p.nextToken(), JsonToken.START_OBJECT);
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken t = p.nextToken();
        switch (name) {
          case "id":
            id = p.getText();
            break;
          case "text":
            text = p.getText();
            break;
          case "spans":
            expect(t, JsonToken.START_ARRAY);
            while (p.nextToken() == JsonToken.START_OBJECT) {
              spans.add(span(p));
            }
            break;
          default:
            p.skipChildren();
        }
      }
      if (id == null || text == null) {
        throw new IllegalArgumentException("case line without id or text");
      }
      return new LabeledCase(id, text, spans);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "malformed case line (" + e.getClass().getSimpleName() + ")");
    }
  }

  private static GoldSpan span(JsonParser p) throws IOException {
    String type = null;
    String form = null;
    int start = -1;
    int end = -1;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      switch (name) {
        case "type":
          type = p.getText();
          break;
        case "form":
          form = p.getText();
          break;
        case "start":
          start = p.getIntValue();
          break;
        case "end":
          end = p.getIntValue();
          break;
        default:
          p.skipChildren();
      }
    }
    if (type == null || form == null) {
      throw new IllegalArgumentException("span without type or form");
    }
    return GoldSpan.LOOKALIKE.equals(type)
        ? GoldSpan.lookalike(LookalikeKind.ofLabel(form), start, end)
        : GoldSpan.entity(EntityType.parse(type), start, end, Form.ofLabel(form));
  }

  private static void expect(JsonToken got, JsonToken want) {
    if (got != want) {
      throw new IllegalArgumentException("expected " + want + " but found " + got);
    }
  }
}
