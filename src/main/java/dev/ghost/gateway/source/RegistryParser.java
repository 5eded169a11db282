package dev.ghost.gateway.source;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.ghost.gateway.domain.DaemonName;
import dev.ghost.gateway.domain.Timestamps;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads the orchestrator's registry: {@code {"<name>": {"alive": true, "timestamp": "...", "pid":
 * 123}}}, or the same map under a {@code "daemons"} key. A file with any bad entry is rejected
 * whole, with a message naming the entry, so a half-understood registry never passes for a good
 * one.
 *
 * <p>Read as a stream of tokens straight into entries, without a tree: at 10,000 daemons rewritten
 * every tick the tree was a fifth of the tick. The whole file is read before any entry is judged,
 * so a file that is not JSON says so first, as a tree parse would.
 *
 * <p>An orchestrator rewrites its registry with the same daemons in the same order, so each name is
 * first tried against the bytes of the name the previous read had at its place: a name that matches
 * is neither decoded nor hashed nor checked again, and its entry keeps the previous read's {@link
 * DaemonName} object, the very key every map of the last snapshot holds. One parser per file: it
 * remembers the encoded names of the entries it last returned.
 */
final class RegistryParser {

  /**
   * Field names are not interned: a registry's field names are its daemons' names, and passing
   * 10,000 of them through {@code String.intern} every tick was two thirds of the parse. They are
   * canonicalized, which keeps Jackson's byte parser (without, it decodes the file into a reader
   * first); a flood of colliding names makes the parse slower, never a rejected registry.
   */
  private static final JsonFactory JSON =
      JsonFactory.builder()
          .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
          .disable(JsonFactory.Feature.FAIL_ON_SYMBOL_HASH_OVERFLOW)
          .build();

  private static final String WRAPPER = "daemons";

  /** The entries this parser last returned, and their names encoded as JSON, filled as needed. */
  private List<RegistryEntry> remembered = List.of();

  private SerializedString[] encodedNames = new SerializedString[0];

  private final FieldOrder fieldOrder = new FieldOrder();

  /** One read of {@code bytes} with nothing before it. */
  static List<RegistryEntry> parse(byte[] bytes) throws RegistryFormatException {
    return new RegistryParser().parse(bytes, bytes.length, List.of());
  }

  /**
   * Parses the first {@code length} of {@code bytes}, giving an entry the name object and, when
   * nothing in it changed, the very entry of the {@code previous} read at the same place.
   *
   * @return an unmodifiable list
   */
  List<RegistryEntry> parse(byte[] bytes, int length, List<RegistryEntry> previous)
      throws RegistryFormatException {
    if (previous != remembered) {
      remembered = previous;
      encodedNames = new SerializedString[previous.size()];
    }
    try (JsonParser parser = JSON.createParser(bytes, 0, length)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new RegistryFormatException("must be a JSON object of daemons, by name");
      }
      Level root = new Level();
      Level wrapped = null;
      String name;
      while ((name = root.nextName(parser)) != null) {
        JsonToken value = parser.nextToken();
        if (value != JsonToken.START_OBJECT) {
          parser.skipChildren();
          root.add(name, Draft.notAnObject());
          continue;
        }
        Level inner = WRAPPER.equals(name) ? new Level() : null;
        Draft draft = Draft.read(parser, inner, fieldOrder);
        root.add(name, draft);
        if (inner != null) {
          // The wrapper form puts the map under "daemons"; a daemon named "daemons" has "alive".
          wrapped = draft.namesAlive() ? null : inner;
        }
      }
      List<RegistryEntry> entries = (wrapped != null ? wrapped : root).entries(previous);
      rememberNames(entries, previous);
      return entries;
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

  /** The previous read's name at {@code place}, encoded, or null past its end. */
  private SerializedString expectedName(int place) {
    if (place >= encodedNames.length) {
      return null;
    }
    SerializedString encoded = encodedNames[place];
    if (encoded == null) {
      encoded = new SerializedString(remembered.get(place).name().value());
      encodedNames[place] = encoded;
    }
    return encoded;
  }

  /**
   * The next field's name, or null at the object's end, leaving the parser on the name. Tried first
   * against {@code expected} as bytes: when it is that name, the result is {@code expected}'s own
   * string.
   */
  private static String nextName(JsonParser parser, SerializedString expected) throws IOException {
    if (expected != null && parser.nextFieldName(expected)) {
      return expected.getValue();
    }
    JsonToken token = expected != null ? parser.currentToken() : parser.nextToken();
    return token == JsonToken.FIELD_NAME ? parser.currentName() : null;
  }

  /** Keeps the encodings of the names that stayed at their place, for the next read. */
  private void rememberNames(List<RegistryEntry> entries, List<RegistryEntry> previous) {
    SerializedString[] kept = new SerializedString[entries.size()];
    for (int i = 0; i < Math.min(kept.length, encodedNames.length); i++) {
      if (entries.get(i).name() == previous.get(i).name()) {
        kept[i] = encodedNames[i];
      }
    }
    remembered = entries;
    encodedNames = kept;
  }

  /**
   * The fields of one object that may be daemons, in order: the registry's top level, or the object
   * under the wrapper's key. Each name is read as the previous read's name at the same place when
   * it is that one.
   */
  private final class Level {
    // Sized for as many daemons as the last read had: grown step by step, these lists were an
    // eighth of what a tick allocated.
    private final List<String> names = new ArrayList<>(remembered.size() + 1);
    private final List<Draft> drafts = new ArrayList<>(remembered.size() + 1);
    private boolean allExpected = true;

    /** The next field's name, or null at the object's end; leaves the parser on the name. */
    String nextName(JsonParser parser) throws IOException {
      SerializedString expected = allExpected ? expectedName(names.size()) : null;
      String name = RegistryParser.nextName(parser, expected);
      // The expected name's own string comes back only when it matched.
      allExpected &= name == null || (expected != null && name == expected.getValue());
      return name;
    }

    void add(String name, Draft draft) {
      names.add(name);
      drafts.add(draft);
    }

    List<RegistryEntry> entries(List<RegistryEntry> previous) throws RegistryFormatException {
      if (allExpected) {
        // Every name is the previous read's at its place: no two are the same, and none is new.
        List<RegistryEntry> entries = new ArrayList<>(drafts.size());
        for (int i = 0; i < drafts.size(); i++) {
          entries.add(drafts.get(i).entry(names.get(i), previous.get(i)));
        }
        return Collections.unmodifiableList(entries);
      }
      // A name given twice counts once, at its first place, with its last value (as a JSON tree).
      Map<String, Draft> byName = new LinkedHashMap<>();
      for (int i = 0; i < drafts.size(); i++) {
        byName.put(names.get(i), drafts.get(i));
      }
      List<RegistryEntry> entries = new ArrayList<>(byName.size());
      for (Map.Entry<String, Draft> draft : byName.entrySet()) {
        int at = entries.size();
        RegistryEntry before = at < previous.size() ? previous.get(at) : null;
        boolean same = before != null && before.name().value().equals(draft.getKey());
        entries.add(draft.getValue().entry(draft.getKey(), same ? before : null));
      }
      return Collections.unmodifiableList(entries);
    }
  }

  /**
   * The fields an entry lists, in the order the last entry listed them: an orchestrator writes
   * every entry's fields in one order, so each field is first tried against the one at its place in
   * the last entry, a comparison of bytes instead of a lookup of 30,000 names a tick.
   */
  private static final class FieldOrder {
    private static final SerializedString ALIVE = new SerializedString("alive");
    private static final SerializedString TIMESTAMP = new SerializedString("timestamp");
    private static final SerializedString PID = new SerializedString("pid");

    private final SerializedString[] order = new SerializedString[3];

    /** The next field's name, or null at the entry's end; leaves the parser on the name. */
    String next(JsonParser parser, int place) throws IOException {
      SerializedString expected = place < order.length ? order[place] : null;
      String name = nextName(parser, expected);
      if (name != null && place < order.length) {
        order[place] = known(name);
      }
      return name;
    }

    private static SerializedString known(String name) {
      return switch (name) {
        case "alive" -> ALIVE;
        case "timestamp" -> TIMESTAMP;
        case "pid" -> PID;
        default -> null;
      };
    }
  }

  /**
   * One entry's fields as read, judged only once the whole file has parsed.
   *
   * @param namesAlive whether it has an {@code alive} field of any value
   * @param alive {@code true}, {@code false}, or null when missing or not a boolean
   * @param timestamp an {@code Instant} read by the quick path, other text as a {@code String}, a
   *     {@code Double} of epoch seconds, {@link #BAD}, or null
   * @param pid a positive process id, {@link #NO_PID} or {@link #BAD_PID}
   */
  private record Draft(
      boolean object, boolean namesAlive, Boolean alive, Object timestamp, long pid) {

    private static final Object BAD = new Object();
    private static final long NO_PID = 0;
    private static final long BAD_PID = -1;

    static Draft notAnObject() {
      return new Draft(false, false, null, null, NO_PID);
    }

    /**
     * Reads an object's fields; with {@code inner}, its object fields too, as the drafts of a
     * wrapped map.
     */
    static Draft read(JsonParser parser, Level inner, FieldOrder fields) throws IOException {
      boolean namesAlive = false;
      Boolean alive = null;
      Object timestamp = null;
      long pid = NO_PID;
      String field;
      int place = 0;
      while ((field = inner != null ? inner.nextName(parser) : fields.next(parser, place++))
          != null) {
        JsonToken value = parser.nextToken();
        if (inner != null && value == JsonToken.START_OBJECT) {
          inner.add(field, read(parser, null, fields));
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
              inner.add(field, notAnObject());
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
        case VALUE_STRING -> {
          Instant quick =
              Timestamps.parseUtc(
                  parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
          yield quick != null ? quick : parser.getText();
        }
        default -> BAD;
      };
    }

    private static long pid(JsonParser parser, JsonToken value) throws IOException {
      if (value == JsonToken.VALUE_NULL) {
        return NO_PID;
      }
      boolean positive =
          value == JsonToken.VALUE_NUMBER_INT
              && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER
              && parser.getLongValue() > 0;
      return positive ? parser.getLongValue() : BAD_PID;
    }

    /**
     * @param before the previous read's entry at this place when it has this name: its name object
     *     is used, and the entry itself when nothing else changed either
     */
    RegistryEntry entry(String name, RegistryEntry before) throws RegistryFormatException {
      if (before == null && !DaemonName.isValid(name)) {
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
      if (pid == BAD_PID) {
        // Judged after the timestamp below, as the fields are listed.
        instant(name);
        throw new RegistryFormatException(
            "entry \"" + name + "\": \"pid\" must be a positive integer");
      }
      Instant instant = instant(name);
      if (before == null) {
        return new RegistryEntry(DaemonName.of(name), alive, instant, pid == NO_PID ? null : pid);
      }
      Long samePid = before.pid() != null && before.pid() == pid ? before.pid() : null;
      if (before.alive() == alive
          && Objects.equals(before.timestamp(), instant)
          && (samePid != null || (before.pid() == null && pid == NO_PID))) {
        return before;
      }
      Long boxed = samePid != null || pid == NO_PID ? samePid : Long.valueOf(pid);
      return new RegistryEntry(before.name(), alive, instant, boxed);
    }

    private Instant instant(String name) throws RegistryFormatException {
      if (timestamp == null || timestamp instanceof Instant) {
        return (Instant) timestamp;
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
