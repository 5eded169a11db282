package dev.ghost.gateway.source;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.ghost.gateway.domain.DaemonName;
import dev.ghost.gateway.domain.Timestamps;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the orchestrator's registry: {@code {"<name>": {"alive": true, "timestamp": "...", "pid":
 * 123}}}, or the same map under a {@code "daemons"} key. A file with any bad entry is rejected
 * whole, with a message naming the entry, so a half-understood registry never passes for a good
 * one.
 *
 * <p>Read as a stream of tokens straight into entries, without a tree: at 10,000 daemons rewritten
 * every tick the tree was a fifth of the tick. The whole file is read before any entry is judged,
 * so a file that is not JSON says so first, as a tree parse would.
 */
final class RegistryParser {

  /**
   * Field names are neither interned nor kept in a symbol table: a registry's field names are its
   * daemons' names, and passing 10,000 of them through {@code String.intern} every tick was two
   * thirds of the parse; the table, which Jackson empties again past 6,000 names, a fifth of it.
   */
  private static final JsonFactory JSON =
      JsonFactory.builder()
          .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
          .disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)
          .build();

  private static final String WRAPPER = "daemons";

  private RegistryParser() {}

  static List<RegistryEntry> parse(byte[] bytes) throws RegistryFormatException {
    return parse(bytes, List.of());
  }

  /**
   * Parses {@code bytes}, giving an entry the name object of the {@code previous} read's entry at
   * the same place when the names are equal. An orchestrator rewrites its registry in the same
   * order, so every name is then the very object each map of the last snapshot is keyed by: the
   * tick's ten thousand lookups hit on identity instead of reading two strings each.
   */
  static List<RegistryEntry> parse(byte[] bytes, List<RegistryEntry> previous)
      throws RegistryFormatException {
    try (JsonParser parser = JSON.createParser(bytes)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new RegistryFormatException("must be a JSON object of daemons, by name");
      }
      Map<String, Draft> root = new LinkedHashMap<>();
      Map<String, Draft> wrapped = null;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        if (value != JsonToken.START_OBJECT) {
          parser.skipChildren();
          root.put(name, Draft.notAnObject());
          continue;
        }
        Map<String, Draft> inner = WRAPPER.equals(name) ? new LinkedHashMap<>() : null;
        Draft draft = Draft.read(parser, inner);
        root.put(name, draft);
        if (inner != null) {
          // The wrapper form puts the map under "daemons"; a daemon named "daemons" has "alive".
          wrapped = draft.namesAlive() ? null : inner;
        }
      }
      return entries(wrapped != null ? wrapped : root, previous);
    } catch (JsonProcessingException e) {
      throw new RegistryFormatException(
          "not valid JSON at line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr()
              + ": "
              + e.getOriginalMessage());
    } catch (IOException e) {
      throw new RegistryFormatException("could not be parsed: " + e.getMessage());
    }
  }

  private static List<RegistryEntry> entries(
      Map<String, Draft> drafts, List<RegistryEntry> previous) throws RegistryFormatException {
    List<RegistryEntry> entries = new ArrayList<>(drafts.size());
    for (Map.Entry<String, Draft> draft : drafts.entrySet()) {
      int at = entries.size();
      DaemonName known = at < previous.size() ? previous.get(at).name() : null;
      entries.add(draft.getValue().entry(draft.getKey(), known));
    }
    return entries;
  }

  /**
   * One entry's fields as read, judged only once the whole file has parsed.
   *
   * @param namesAlive whether it has an {@code alive} field of any value
   * @param alive {@code true}, {@code false}, or null when missing or not a boolean
   * @param timestamp {@code Instant} text, a {@code Double} of epoch seconds, {@link #BAD}, or null
   * @param pid a positive {@code Long}, {@link #BAD}, or null
   */
  private record Draft(
      boolean object, boolean namesAlive, Boolean alive, Object timestamp, Object pid) {

    private static final Object BAD = new Object();

    static Draft notAnObject() {
      return new Draft(false, false, null, null, null);
    }

    /**
     * Reads an object's fields; with {@code inner}, its object fields too, as the drafts of a
     * wrapped map.
     */
    static Draft read(JsonParser parser, Map<String, Draft> inner) throws IOException {
      boolean namesAlive = false;
      Boolean alive = null;
      Object timestamp = null;
      Object pid = null;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if (inner != null && value == JsonToken.START_OBJECT) {
          inner.put(field, read(parser, null));
          continue;
        }
        switch (field) {
          case "alive" -> {
            namesAlive = true;
            alive = value.isBoolean() ? value == JsonToken.VALUE_TRUE : null;
          }
          case "timestamp" -> timestamp = timestamp(parser, value);
          case "pid" -> pid = pid(parser, value);
          default -> {
            if (inner != null) {
              inner.put(field, notAnObject());
            }
          }
        }
        parser.skipChildren();
      }
      return new Draft(true, namesAlive, alive, timestamp, pid);
    }

    private static Object timestamp(JsonParser parser, JsonToken value) throws IOException {
      return switch (value) {
        case VALUE_NULL -> null;
        case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
        case VALUE_STRING -> parser.getText();
        default -> BAD;
      };
    }

    private static Object pid(JsonParser parser, JsonToken value) throws IOException {
      if (value == JsonToken.VALUE_NULL) {
        return null;
      }
      boolean positive =
          value == JsonToken.VALUE_NUMBER_INT
              && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER
              && parser.getLongValue() > 0;
      return positive ? parser.getLongValue() : BAD;
    }

    /**
     * @param known a name that may be this entry's, to use instead of a new one when it is
     */
    RegistryEntry entry(String name, DaemonName known) throws RegistryFormatException {
      DaemonName same = known != null && known.value().equals(name) ? known : null;
      if (same == null && !DaemonName.isValid(name)) {
        throw new RegistryFormatException(
            "entry " + shortened(name) + ": name must match [A-Za-z0-9._-]{1,64}");
      }
      if (!object) {
        throw new RegistryFormatException("entry \"" + name + "\": must be an object");
      }
      if (alive == null) {
        throw new RegistryFormatException(
            "entry \"" + name + "\": \"alive\" must be true or false");
      }
      if (pid == BAD) {
        // Judged after the timestamp below, as the fields are listed.
        instant(name);
        throw new RegistryFormatException(
            "entry \"" + name + "\": \"pid\" must be a positive integer");
      }
      return new RegistryEntry(
          same != null ? same : DaemonName.of(name), alive, instant(name), (Long) pid);
    }

    private Instant instant(String name) throws RegistryFormatException {
      if (timestamp == null) {
        return null;
      }
      if (timestamp instanceof Double seconds) {
        return Instant.ofEpochMilli(Math.round(seconds * 1000));
      }
      if (timestamp instanceof String text) {
        Instant parsed = parseIsoInstant(text);
        if (parsed != null) {
          return parsed;
        }
      }
      throw new RegistryFormatException(
          "entry \""
              + name
              + "\": \"timestamp\" must be ISO-8601 (e.g. 2026-01-31T12:00:00Z) or epoch seconds");
    }
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
