package dev.ghost.gateway.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HttpOutcomesTest {

  private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

  @ParameterizedTest(name = "Retry-After \"{0}\" waits {1} ms")
  @CsvSource(
      value = {
        "3; 3000",
        "0; 0",
        "-5; 0",
        "Sat, 28 Nov 2026 10:00:30 GMT; 30000",
        "Sat, 28 Nov 2026 09:00:00 GMT; 0",
        "soon; 1000",
        "; 1000",
      },
      delimiter = ';')
  void retryAfterIsSecondsOrADate(String header, long millis) {
    assertEquals(Duration.ofMillis(millis), HttpOutcomes.retryAfter(header, NOW));
  }

  @ParameterizedTest(name = "after {0} failures wait {1} s to {2} s")
  @CsvSource({"1, 1, 1", "2, 1.6, 2", "3, 3.2, 4", "9, 204.8, 256", "10, 240, 300", "40, 240, 300"})
  void backoffDoublesFromOneSecondUpToTheMaxWithJitter(int failures, double least, double most) {
    Duration max = Duration.ofMinutes(5);
    Duration slowest = new Backoff(max, () -> 0.0).delay(failures);
    Duration fastest = new Backoff(max, () -> 0.999999).delay(failures);
    assertEquals(Duration.ofMillis((long) (most * 1000)), slowest);
    assertEquals(true, fastest.toMillis() >= (long) (least * 1000) - 1, fastest.toString());
  }
}
