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
import java.util.List;
import java.util.Map;

/**
 * Renders the status document's {@code daemons} object: {@code {name: {alive, timestamp, state,
 * since, reason, source, pid?}}} in name order. {@code alive} (true when UP) and {@code timestamp}
 * (when a source last heard from the daemon itself, or null) are the seed's fields.
 *
 * <p>At 10,000 daemons this object is nearly the whole document and rendering it was the largest
 * part of a tick. So the last document is kept with where each daemon's member lies in it: a daemon
 * whose status equals the one last rendered is copied from there, and daemons that follow each
 * other in both documents are copied in one run (the whole object at once when nothing was added or
 * removed); one whose only change is its {@code timestamp} (a registry rewritten with fresh
 * timestamps changes every daemon's) is copied and gets the 24 characters of the new timestamp
 * written over the old in the new document; the others are written in one generator pass with
 * pre-encoded field names and raw timestamps. Single-threaded: the snapshot thread owns it.
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

  private final JsonFactory factory = new JsonFactory();

  /** The last document written, and each daemon's member in it, by place. */
  private Layout last = Layout.EMPTY;

  /** Where each daemon of {@link #last} is, for daemons that changed place; made when needed. */
  private Map<DaemonName, Integer> lastPlaces;

  /**
   * Daemons' members within one document, by place in the object.
   *
   * @param bytes the document
   * @param starts where each member begins in it
   * @param ends where each ends (a comma follows all but the last)
   * @param timestamps where its timestamp's {@link Timestamps#LENGTH} characters begin, relative to
   *     its start, or -1 when it has none of that form (null)
   * @param statuses what each was rendered from
   */
  private record Layout(
      byte[] bytes, int[] starts, int[] ends, int[] timestamps, DaemonStatus[] statuses) {
    static final Layout EMPTY =
        new Layout(new byte[0], new int[0], new int[0], new int[0], new DaemonStatus[0]);
  }

  /**
   * Plans the object for {@code daemons}: which members come from the last document (and which of
   * those get a new timestamp), and writes the others. Nothing is copied until {@link
   * Rendered#document}.
   */
  Rendered render(Collection<DaemonStatus> daemons) throws IOException {
    int count = daemons.size();
    DaemonStatus[] statuses = daemons.toArray(new DaemonStatus[0]);
    int[] from = new int[count];
    boolean[] patch = new boolean[count];
    List<DaemonStatus> changed = new ArrayList<>();
    for (int place = 0; place < count; place++) {
      DaemonStatus status = statuses[place];
      int known = lastPlace(status.name(), place);
      DaemonStatus before = known < 0 ? null : last.statuses()[known];
      if (before != null && (before == status || before.equals(status))) {
        from[place] = known;
      } else if (before != null && canPatch(before, status, known)) {
        from[place] = known;
        patch[place] = true;
      } else {
        from[place] = -1 - changed.size();
        changed.add(status);
      }
    }
    return new Rendered(last, statuses, from, patch, writeFragments(changed));
  }

  /** The daemon's place in the last document: first looked for at {@code place}, by identity. */
  private int lastPlace(DaemonName name, int place) {
    DaemonStatus[] before = last.statuses();
    if (place < before.length && before[place].name() == name) {
      return place;
    }
    if (lastPlaces == null) {
      lastPlaces = new HashMap<>(before.length * 4 / 3 + 1);
      for (int i = 0; i < before.length; i++) {
        lastPlaces.put(before[i].name(), i);
      }
    }
    Integer known = lastPlaces.get(name);
    return known == null ? -1 : known;
  }

  /** Whether {@code status} differs from {@code before} only in a last-seen time of our form. */
  private boolean canPatch(DaemonStatus before, DaemonStatus status, int known) {
    return last.timestamps()[known] >= 0
        && status.lastSeen() != null
        && Timestamps.formattable(status.lastSeen())
        && status.sameButLastSeen(before);
  }

  private void remember(Layout layout) {
    last = layout;
    lastPlaces = null;
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

  /**
   * Where the timestamp of the member in {@code bytes[start, end)} begins, relative to its start,
   * or -1 when it is not a string of exactly {@link Timestamps#LENGTH} characters (null, or a year
   * past 9999 written by {@code Instant.toString}).
   */
  private static int timestampIn(byte[] bytes, int start, int end) {
    int field = indexOf(bytes, start, end, TIMESTAMP_FIELD);
    if (field < 0) {
      return -1;
    }
    int at = field + TIMESTAMP_FIELD.length;
    if (at + Timestamps.LENGTH >= end || bytes[at + Timestamps.LENGTH] != '"') {
      return -1;
    }
    for (int i = at; i < at + Timestamps.LENGTH; i++) {
      if (bytes[i] == '"') {
        return -1;
      }
    }
    return at - start;
  }

  private static int indexOf(byte[] bytes, int start, int end, byte[] part) {
    outer:
    for (int i = start; i <= end - part.length; i++) {
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
   * The daemons object, planned: put into the document that holds it as a value by {@link
   * #document}, where each member is copied once, straight into the document's own array, and
   * members that followed each other in the last document in one copy.
   */
  final class Rendered implements JsonSerializable {

    private final Layout source;
    private final DaemonStatus[] statuses;

    /** By place: the member's place in {@link #source}, or {@code -1 - i} for fragment i. */
    private final int[] from;

    /** By place: whether the copied member gets its status's last-seen time written over. */
    private final boolean[] patch;

    private final List<byte[]> fragments;
    private int writtenAt = -1;

    private Rendered(
        Layout source,
        DaemonStatus[] statuses,
        int[] from,
        boolean[] patch,
        List<byte[]> fragments) {
      this.source = source;
      this.statuses = statuses;
      this.from = from;
      this.patch = patch;
      this.fragments = fragments;
    }

    /**
     * {@code document} as JSON, with this object as the value it holds; the next render copies from
     * it.
     */
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
      int count = statuses.length;
      int size = 2 + Math.max(0, count - 1);
      for (int place = 0; place < count; place++) {
        size += memberLength(place);
      }
      byte[] whole = new byte[around.length + size];
      System.arraycopy(around, 0, whole, 0, writtenAt);
      int[] starts = new int[count];
      int[] ends = new int[count];
      int[] timestamps = new int[count];
      char[] scratch = new char[Timestamps.LENGTH];
      int at = writtenAt;
      whole[at++] = '{';
      int place = 0;
      while (place < count) {
        if (place > 0) {
          whole[at++] = ',';
        }
        int run = runLength(place);
        if (run == 0) {
          byte[] fragment = fragments.get(-1 - from[place]);
          System.arraycopy(fragment, 0, whole, at, fragment.length);
          starts[place] = at;
          ends[place] = at + fragment.length;
          timestamps[place] = timestampIn(whole, at, ends[place]);
          at = ends[place];
          place++;
          continue;
        }
        // Members next to each other in the last document: one copy, commas included.
        int first = from[place];
        int copyFrom = source.starts()[first];
        int length = source.ends()[first + run - 1] - copyFrom;
        System.arraycopy(source.bytes(), copyFrom, whole, at, length);
        for (int i = 0; i < run; i++) {
          int was = first + i;
          starts[place + i] = at + source.starts()[was] - copyFrom;
          ends[place + i] = at + source.ends()[was] - copyFrom;
          timestamps[place + i] = source.timestamps()[was];
          if (patch[place + i]) {
            patchLastSeen(whole, starts[place + i] + timestamps[place + i], place + i, scratch);
          }
        }
        at += length;
        place += run;
      }
      whole[at++] = '}';
      System.arraycopy(around, writtenAt, whole, at, around.length - writtenAt);
      remember(new Layout(whole, starts, ends, timestamps, statuses));
      return whole;
    }

    private int memberLength(int place) {
      int was = from[place];
      return was < 0 ? fragments.get(-1 - was).length : source.ends()[was] - source.starts()[was];
    }

    /** How many members from {@code place} on are copied from consecutive places of the last. */
    private int runLength(int place) {
      if (from[place] < 0) {
        return 0;
      }
      int run = 1;
      while (place + run < from.length && from[place + run] == from[place] + run) {
        run++;
      }
      return run;
    }

    private void patchLastSeen(byte[] whole, int at, int place, char[] scratch) {
      Timestamps.formatInto(statuses[place].lastSeen(), scratch, 0);
      for (int i = 0; i < Timestamps.LENGTH; i++) {
        whole[at + i] = (byte) scratch[i];
      }
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
