package dev.ghost.gateway.snapshot;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.ghost.gateway.domain.DaemonState;
import dev.ghost.gateway.domain.DaemonStatus;
import dev.ghost.gateway.domain.Timestamps;
import java.io.IOException;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

/**
 * Writes the status document's {@code daemons} object: {@code {name: {alive, timestamp, state,
 * since, reason, source, pid?}}} in name order. {@code alive} (true when UP) and {@code timestamp}
 * (when a source last heard from the daemon itself, or null) are the seed's fields.
 *
 * <p>Written by hand because at 10,000 daemons this object is nearly the whole document and its
 * serialization was the largest part of a tick: field names are pre-encoded and timestamps are
 * formatted into one reused buffer and written raw.
 */
final class DaemonsJson extends StdSerializer<Collection<DaemonStatus>> {

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

  @SuppressWarnings("unchecked")
  DaemonsJson() {
    super((Class<Collection<DaemonStatus>>) (Class<?>) Collection.class);
  }

  @Override
  public void serialize(
      Collection<DaemonStatus> daemons, JsonGenerator json, SerializerProvider provider)
      throws IOException {
    char[] quoted = new char[Timestamps.LENGTH + 2];
    json.writeStartObject();
    for (DaemonStatus status : daemons) {
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
