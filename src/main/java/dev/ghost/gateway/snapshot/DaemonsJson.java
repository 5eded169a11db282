package dev.ghost.gateway.snapshot;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
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
   * Patched in place rather than copied: each document holds its own copy of the bytes, and at
   * 10,000 daemons a copy per daemon per tick was a tenth of what a tick allocated.
   */
  private static final class Fragment {

    private DaemonStatus status;
    private final byte[] json;

    /**
     * Where the {@link Timestamps#LENGTH} characters of its timestamp begin, or -1 when it has none
     * of that form (null).
     */
    private final int timestampAt;

    Fragment(DaemonStatus status, byte[] json) {
      this.status = status;
      this.json = json;
      int field = indexOf(json, TIMESTAMP_FIELD);
      boolean formatted =
          field >= 0
              && json.length > field + TIMESTAMP_FIELD.length + Timestamps.LENGTH
              && json[field + TIMESTAMP_FIELD.length + Timestamps.LENGTH] == '"';
      this.timestampAt = formatted ? field + TIMESTAMP_FIELD.length : -1;
    }

    /**
     * Makes this the fragment of {@code status} when the two differ only in the last-seen time.
     *
     * @return whether it did
     */
    boolean patchLastSeen(DaemonStatus status, char[] scratch) {
      if (timestampAt < 0
          || status.lastSeen() == null
          || !status.sameButLastSeen(this.status)
          || !Timestamps.formatInto(status.lastSeen(), scratch, 0)) {
        return false;
      }
      for (int i = 0; i < Timestamps.LENGTH; i++) {
        json[timestampAt + i] = (byte) scratch[i];
      }
      this.status = status;
      return true;
    }
  }

  private final JsonFactory factory = new JsonFactory();
  private final Map<DaemonName, Fragment> rendered = new HashMap<>();

  /**
   * The fragments of the last render, in the document's order: the daemons of a snapshot are nearly
   * always those of the last one, in the same places, so each is first looked for there, by the
   * identity of its name, before the map.
   */
  private Fragment[] lastOrder = new Fragment[0];

  Rendered render(Collection<DaemonStatus> daemons) throws IOException {
    List<byte[]> parts = new ArrayList<>(daemons.size());
    List<DaemonStatus> changed = new ArrayList<>();
    List<Integer> changedAt = new ArrayList<>();
    char[] scratch = new char[Timestamps.LENGTH];
    Fragment[] order = new Fragment[daemons.size()];
    for (DaemonStatus status : daemons) {
      Fragment known = lookUp(status.name(), parts.size());
      if (known != null
          && (known.status == status
              || known.status.equals(status)
              || known.patchLastSeen(status, scratch))) {
        order[parts.size()] = known;
        parts.add(known.json);
      } else {
        changed.add(status);
        changedAt.add(parts.size());
        parts.add(null);
      }
    }
    List<byte[]> written = writeFragments(changed);
    for (int i = 0; i < changed.size(); i++) {
      DaemonStatus status = changed.get(i);
      Fragment fragment = new Fragment(status, written.get(i));
      rendered.put(status.name(), fragment);
      order[changedAt.get(i)] = fragment;
      parts.set(changedAt.get(i), written.get(i));
    }
    lastOrder = order;
    if (rendered.size() > daemons.size()) {
      forgetDeparted(daemons);
    }
    return new Rendered(parts);
  }

  private Fragment lookUp(DaemonName name, int place) {
    if (place < lastOrder.length && lastOrder[place].status.name() == name) {
      return lastOrder[place];
    }
    return rendered.get(name);
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

  /**
   * The daemons object as its members' bytes, put into the document that holds it as a value by
   * {@link #document}. At 10,000 daemons the object is 1.7 MB, nearly all of the document: joined
   * first and then copied through the generator's buffers, it was copied three times a tick; here
   * each member is copied once, into the document's own array.
   */
  static final class Rendered implements JsonSerializable {

    private final List<byte[]> members;
    private int writtenAt = -1;

    private Rendered(List<byte[]> members) {
      this.members = members;
    }

    /** {@code document} as JSON, with this object as the value it holds. */
    byte[] document(ObjectMapper json, Object document) throws IOException {
      ByteArrayBuilder out = new ByteArrayBuilder(4096);
      writtenAt = -1;
      try (JsonGenerator generator = json.createGenerator(out)) {
        json.writeValue(generator, document);
      }
      byte[] around = out.toByteArray();
      if (writtenAt < 0) {
        throw new IllegalStateException("the document does not hold the daemons object");
      }
      int size = 2 + Math.max(0, members.size() - 1);
      for (byte[] member : members) {
        size += member.length;
      }
      byte[] whole = new byte[around.length + size];
      System.arraycopy(around, 0, whole, 0, writtenAt);
      int at = writtenAt;
      whole[at++] = '{';
      for (int i = 0; i < members.size(); i++) {
        if (i > 0) {
          whole[at++] = ',';
        }
        byte[] member = members.get(i);
        System.arraycopy(member, 0, whole, at, member.length);
        at += member.length;
      }
      whole[at++] = '}';
      System.arraycopy(around, writtenAt, whole, at, around.length - writtenAt);
      return whole;
    }

    /** Writes nothing, as a value, and notes where in the output the object goes. */
    @Override
    public void serialize(JsonGenerator generator, SerializerProvider provider) throws IOException {
      if (!(generator.getOutputTarget() instanceof ByteArrayBuilder out)) {
        throw new IllegalStateException("the daemons object is written only by document()");
      }
      generator.writeRawValue("");
      generator.flush();
      writtenAt = out.size();
    }

    @Override
    public void serializeWithType(
        JsonGenerator generator, SerializerProvider provider, TypeSerializer type)
        throws IOException {
      serialize(generator, provider);
    }
  }
}
