package dev.ghost.gateway.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ghost.gateway.domain.DaemonName;
import dev.ghost.gateway.domain.Timestamps;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads the orchestrator's registry: {@code {"<name>": {"alive": true, "timestamp": "...", "pid":
 * 123}}}, or the same map under a {@code "daemons"} key. A file with any bad entry is rejected
 * whole, with a message naming the entry, so a half-understood registry never passes for a good
 * one.
 */
final class RegistryParser {

  private static final ObjectMapper JSON = new ObjectMapper();

  private RegistryParser() {}

  static List<RegistryEntry> parse(byte[] bytes) throws RegistryFormatException {
    JsonNode root;
    try {
      root = JSON.readTree(bytes);
    } catch (JsonProcessingException e) {
      throw new RegistryFormatException(
          "not valid JSON at line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr()
              + ": "
              + e.getOriginalMessage());
    } catch (java.io.IOException e) {
      throw new RegistryFormatException("could not be parsed: " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      throw new RegistryFormatException("must be a JSON object of daemons, by name");
    }
    JsonNode daemons = unwrap(root);
    List<RegistryEntry> entries = new ArrayList<>(daemons.size());
    for (Iterator<Map.Entry<String, JsonNode>> it = daemons.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      entries.add(entry(field.getKey(), field.getValue()));
    }
    return entries;
  }

  /**
   * The wrapper form puts the map under "daemons"; a daemon named "daemons" has an "alive" field.
   */
  private static JsonNode unwrap(JsonNode root) {
    JsonNode wrapped = root.get("daemons");
    if (wrapped != null && wrapped.isObject() && !wrapped.has("alive")) {
      return wrapped;
    }
    return root;
  }

  private static RegistryEntry entry(String name, JsonNode node) throws RegistryFormatException {
    if (!DaemonName.isValid(name)) {
      throw new RegistryFormatException(
          "entry " + shortened(name) + ": name must match [A-Za-z0-9._-]{1,64}");
    }
    if (!node.isObject()) {
      throw new RegistryFormatException("entry \"" + name + "\": must be an object");
    }
    JsonNode alive = node.get("alive");
    if (alive == null || !alive.isBoolean()) {
      throw new RegistryFormatException("entry \"" + name + "\": \"alive\" must be true or false");
    }
    return new RegistryEntry(
        DaemonName.of(name),
        alive.booleanValue(),
        timestamp(name, node.get("timestamp")),
        pid(name, node.get("pid")));
  }

  private static Instant timestamp(String name, JsonNode node) throws RegistryFormatException {
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isNumber()) {
      return Instant.ofEpochMilli(Math.round(node.doubleValue() * 1000));
    }
    if (node.isTextual()) {
      Instant parsed = parseIsoInstant(node.textValue());
      if (parsed != null) {
        return parsed;
      }
    }
    throw new RegistryFormatException(
        "entry \""
            + name
            + "\": \"timestamp\" must be ISO-8601 (e.g. 2026-01-31T12:00:00Z) or epoch seconds");
  }

  /** Accepts an instant, a date-time with offset, or a local date-time, which is read as UTC. */
  static Instant parseIsoInstant(String text) {
    Instant fast = Timestamps.parseUtc(text);
    if (fast != null) {
      return fast;
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException notOffset) {
      try {
        return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException notLocal) {
        return null;
      }
    }
  }

  private static Long pid(String name, JsonNode node) throws RegistryFormatException {
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.canConvertToLong() && node.isIntegralNumber() && node.longValue() > 0) {
      return node.longValue();
    }
    throw new RegistryFormatException("entry \"" + name + "\": \"pid\" must be a positive integer");
  }

  private static String shortened(String name) {
    String shown = name.length() > 80 ? name.substring(0, 80) + "..." : name;
    return '"' + shown.replace("\"", "\\\"") + '"';
  }

  /** The registry's content is wrong; the message says where and how to fix it. */
  static final class RegistryFormatException extends Exception {
    RegistryFormatException(String message) {
      super(message);
    }
  }
}
