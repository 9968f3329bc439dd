package io.leakguard.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What alerting needs of a network finding: its stable id, severity, title, the resource ids used
 * for ownership routing, the target's tags, and the whole finding as JSON (embedded in alerts).
 * Built from the JSON shape of DESIGN §5 with {@link #fromJson}.
 *
 * @param id the finding's stable id
 * @param severity {@code low|medium|high|critical}
 * @param title one line
 * @param resourceIds the target's resource id first, then the NSG / group ids on its path
 * @param tags the target's tags
 * @param finding the finding JSON
 */
public record ExposureFinding(
    String id,
    String severity,
    String title,
    List<String> resourceIds,
    Map<String, String> tags,
    ObjectNode finding) {
  public ExposureFinding {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(title, "title");
    resourceIds = List.copyOf(resourceIds);
    tags = Map.copyOf(tags);
    Objects.requireNonNull(finding, "finding");
  }

  /**
   * Reads {@code id}, {@code severity}, {@code title}, {@code target}, {@code path} of a finding.
   */
  public static ExposureFinding fromJson(ObjectNode f) {
    List<String> ids = new ArrayList<>();
    JsonNode target = f.path("target");
    if (target.hasNonNull("id")) {
      ids.add(target.get("id").asText());
    }
    for (JsonNode step : f.path("path")) {
      if (step.hasNonNull("resource") && !ids.contains(step.get("resource").asText())) {
        ids.add(step.get("resource").asText());
      }
    }
    Map<String, String> tags = new LinkedHashMap<>();
    JsonNode t = target.path("tags");
    if (t.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> it = t.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        tags.put(e.getKey(), e.getValue().asText());
      }
    }
    return new ExposureFinding(
        f.path("id").asText(),
        f.path("severity").asText("high"),
        f.path("title").asText(""),
        ids,
        tags,
        f);
  }
}
