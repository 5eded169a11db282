package dev.ghost.gateway.snapshot;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import dev.ghost.gateway.domain.DaemonName;
import dev.ghost.gateway.domain.DaemonState;
import dev.ghost.gateway.domain.DaemonStatus;
import dev.ghost.gateway.domain.Timestamps;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders the status document's {@code daemons} object: {@code {name: {alive, timestamp, state,
 * since, reason, source, pid?}}} in name order. {@code alive} (true when UP) and {@code timestamp}
 * (when a source last heard from the daemon itself, or null) are the seed's fields.
 *
 * <p>At 10,000 daemons this object is nearly the whole document and rendering it was the largest
 * part of a tick. So each daemon's bytes are kept, and a daemon whose status equals the one last
 * rendered is copied, not written again; one whose only change is its {@code timestamp} (a registry
 * rewritten with fresh timestamps changes every daemon's) gets a copy with the 24 characters of the
 * new timestamp written over the old; the others are written in one generator pass with pre-encoded
 * field names and raw timestamps. Single-threaded: the snapshot thread owns it.
 */
final class DaemonsJson {

  private static final SerializedString ALIVE = new SerializedString("alive");
  private static final SerializedString TIMESTAMP = new SerializedString("timestamp");
  private static final SerializedString STATE = new SerializedString("state");
  private static final SerializedString SINCE = new SerializedString("since");
  private static final SerializedString REASON = new SerializedString("reason");
  private static final SerializedString SOURCE = new SerializedString("source");
  private static final SerializedString PID = new SerializedString("pid");
  private static final Map<DaemonState, SerializedString> STATES = new EnumMap<>(DaemonState.class);

  static {
    for (DaemonState state : DaemonState.values()) {
      STATES.put(state, new SerializedString(state.wire()));
    }
  }

  private static final byte[] TIMESTAMP_FIELD =
      ",\"timestamp\":\"".getBytes(StandardCharsets.US_ASCII);

  /**
   * One daemon's {@code "name":{...}} as last rendered, and the status it was rendered from.
   *
   * @param timestampAt where the {@link Timestamps#LENGTH} characters of its timestamp begin, or -1
   *     when it has none of that form (null)
   */
  private record Fragment(DaemonStatus status, byte[] json, int timestampAt) {

    static Fragment of(DaemonStatus status, byte[] json) {
      int field = indexOf(json, TIMESTAMP_FIELD);
      boolean formatted =
          field >= 0
              && json.length > field + TIMESTAMP_FIELD.length + Timestamps.LENGTH
              && json[field + TIMESTAMP_FIELD.length + Timestamps.LENGTH] == '"';
      return new Fragment(status, json, formatted ? field + TIMESTAMP_FIELD.length : -1);
    }

    /** This fragment for {@code status}, which differs only in its last-seen time; or null. */
    Fragment withLastSeen(DaemonStatus status, char[] scratch) {
      if (timestampAt < 0
          || status.lastSeen() == null
          || !status.sameButLastSeen(this.status)
          || !Timestamps.formatInto(status.lastSeen(), scratch, 0)) {
        return null;
      }
      byte[] patched = json.clone();
      for (int i = 0; i < Timestamps.LENGTH; i++) {
        patched[timestampAt + i] = (byte) scratch[i];
      }
      return new Fragment(status, patched, timestampAt);
    }
  }

  private final JsonFactory factory = new JsonFactory();
  private final Map<DaemonName, Fragment> rendered = new HashMap<>();

  RawJson render(Collection<DaemonStatus> daemons) throws IOException {
    List<byte[]> parts = new ArrayList<>(daemons.size());
    List<DaemonStatus> changed = new ArrayList<>();
    List<Integer> changedAt = new ArrayList<>();
    char[] scratch = new char[Timestamps.LENGTH];
    for (DaemonStatus status : daemons) {
      Fragment known = rendered.get(status.name());
      Fragment patched;
      if (known != null && known.status().equals(status)) {
        parts.add(known.json());
      } else if (known != null && (patched = known.withLastSeen(status, scratch)) != null) {
        rendered.put(status.name(), patched);
        parts.add(patched.json());
      } else {
        changed.add(status);
        changedAt.add(parts.size());
        parts.add(null);
      }
    }
    List<byte[]> written = writeFragments(changed);
    for (int i = 0; i < changed.size(); i++) {
      DaemonStatus status = changed.get(i);
      rendered.put(status.name(), Fragment.of(status, written.get(i)));
      parts.set(changedAt.get(i), written.get(i));
    }
    if (rendered.size() > daemons.size()) {
      forgetDeparted(daemons);
    }
    return join(parts);
  }

  private void forgetDeparted(Collection<DaemonStatus> daemons) {
    Set<DaemonName> present = new HashSet<>(daemons.size() * 4 / 3 + 1);
    daemons.forEach(status -> present.add(status.name()));
    rendered.keySet().retainAll(present);
  }

  /** Writes the changed daemons in one pass, cutting the output at each daemon's end. */
  private List<byte[]> writeFragments(List<DaemonStatus> changed) throws IOException {
    if (changed.isEmpty()) {
      return List.of();
    }
    // Jackson's builder: ByteArrayOutputStream would take a lock on each of 10,000 flushes.
    ByteArrayBuilder out = new ByteArrayBuilder(changed.size() * 200);
    char[] quoted = new char[Timestamps.LENGTH + 2];
    int[] ends = new int[changed.size()];
    try (JsonGenerator json = factory.createGenerator(out)) {
      json.writeStartObject();
      json.flush();
      for (int i = 0; i < changed.size(); i++) {
        write(json, changed.get(i), quoted);
        json.flush();
        ends[i] = out.size();
      }
      json.writeEndObject();
    }
    byte[] all = out.toByteArray();
    List<byte[]> fragments = new ArrayList<>(changed.size());
    int start = 1;
    for (int end : ends) {
      int from = all[start] == ',' ? start + 1 : start;
      fragments.add(Arrays.copyOfRange(all, from, end));
      start = end;
    }
    return fragments;
  }

  private static int indexOf(byte[] bytes, byte[] part) {
    outer:
    for (int i = 0; i <= bytes.length - part.length; i++) {
      for (int j = 0; j < part.length; j++) {
        if (bytes[i + j] != part[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static RawJson join(List<byte[]> parts) {
    int size = 2 + Math.max(0, parts.size() - 1);
    for (byte[] part : parts) {
      size += part.length;
    }
    byte[] joined = new byte[size];
    int at = 0;
    joined[at++] = '{';
    for (byte[] part : parts) {
      if (at > 1) {
        joined[at++] = ',';
      }
      System.arraycopy(part, 0, joined, at, part.length);
      at += part.length;
    }
    joined[at] = '}';
    return new RawJson(joined);
  }

  private static void write(JsonGenerator json, DaemonStatus status, char[] quoted)
      throws IOException {
    json.writeFieldName(status.name().value());
    json.writeStartObject();
    json.writeFieldName(ALIVE);
    json.writeBoolean(status.alive());
    json.writeFieldName(TIMESTAMP);
    writeInstant(json, status.lastSeen(), quoted);
    json.writeFieldName(STATE);
    json.writeString(STATES.get(status.state()));
    json.writeFieldName(SINCE);
    writeInstant(json, status.since(), quoted);
    json.writeFieldName(REASON);
    json.writeString(status.reason());
    json.writeFieldName(SOURCE);
    json.writeString(status.source());
    if (status.pid() != null) {
      json.writeFieldName(PID);
      json.writeNumber(status.pid());
    }
    json.writeEndObject();
  }

  /**
   * A formatted timestamp holds only digits and {@code -:.TZ}, so it is written raw, quotes
   * included, skipping the generator's escaping scan.
   */
  private static void writeInstant(JsonGenerator json, Instant instant, char[] quoted)
      throws IOException {
    if (instant == null) {
      json.writeNull();
    } else if (Timestamps.formatInto(instant, quoted, 1)) {
      quoted[0] = '"';
      quoted[quoted.length - 1] = '"';
      json.writeRawValue(quoted, 0, quoted.length);
    } else {
      json.writeString(instant.toString());
    }
  }
}
