package dev.ghost.gateway.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampsTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "2026-01-31T12:00:00Z, 2026-01-31T12:00:00.000Z",
    "2026-01-31T12:00:00.5Z, 2026-01-31T12:00:00.500Z",
    "2026-01-31T12:00:00.123456789Z, 2026-01-31T12:00:00.123Z",
    "1970-01-01T00:00:00Z, 1970-01-01T00:00:00.000Z",
    "1969-12-31T23:59:59.999Z, 1969-12-31T23:59:59.999Z",
    "2024-02-29T23:59:59Z, 2024-02-29T23:59:59.000Z",
    "0000-01-01T00:00:00Z, 0000-01-01T00:00:00.000Z",
    "9999-12-31T23:59:59.999Z, 9999-12-31T23:59:59.999Z",
    "-0001-12-31T23:59:59Z, -0001-12-31T23:59:59Z",
    "+10000-01-01T00:00:00Z, +10000-01-01T00:00:00Z"
  })
  void formatsWithMillisecondsAlways(String instant, String expected) {
    assertEquals(expected, Timestamps.format(Instant.parse(instant)));
  }

  @Test
  void formatAndParseAgreeWithJavaTimeOnRandomInstants() {
    Random random = new Random(42);
    for (int i = 0; i < 10_000; i++) {
      Instant instant =
          Instant.ofEpochSecond(
              random.nextInt(Integer.MAX_VALUE), random.nextInt(1000) * 1_000_000);
      String text = Timestamps.format(instant);
      assertEquals(instant, Instant.parse(text), text);
      assertEquals(instant, Timestamps.parseUtc(text), text);
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "2026-01-31T12:00:00",
        "2026-01-31T12:00:00+02:00",
        "2026-13-01T12:00:00Z",
        "2026-02-30T12:00:00Z",
        "2026-01-31T24:00:00Z",
        "2026-01-31 12:00:00Z",
        "2026-01-31T12:00:00.Z",
        "2026-01-31T12:00:00.1234567890Z",
        "yesterday at noon Z"
      })
  void leavesEveryOtherFormToJavaTime(String text) {
    assertNull(Timestamps.parseUtc(text));
  }
}
