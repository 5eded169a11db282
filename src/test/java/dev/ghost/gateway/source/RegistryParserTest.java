package dev.ghost.gateway.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ghost.gateway.domain.DaemonName;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The registry's forms, read token by token: which entries a file holds, or what is wrong. */
class RegistryParserTest {

  static Stream<Arguments> forms() {
    return Stream.of(
        Arguments.of(
            "the map form", "{\"a\": {\"alive\": true}, \"b\": {\"alive\": false}}", "a+ b-"),
        Arguments.of(
            "the wrapped form, fields beside it ignored",
            "{\"daemons\": {\"a\": {\"alive\": true}}, \"version\": 3, \"x\": {\"y\": 1}}",
            "a+"),
        Arguments.of(
            "a daemon named daemons",
            "{\"daemons\": {\"alive\": true, \"extra\": {\"z\": 1}}, \"b\": {\"alive\": false}}",
            "daemons+ b-"),
        Arguments.of(
            "a repeated name: the last one, in the first one's place",
            "{\"a\": {\"alive\": false}, \"b\": {\"alive\": true}, \"a\": {\"alive\": true}}",
            "a+ b+"),
        Arguments.of(
            "unknown fields of any shape are ignored",
            "{\"a\": {\"alive\": true, \"tags\": [1, {\"k\": [2]}], \"meta\": {\"alive\": 5}}}",
            "a+"),
        Arguments.of("trailing content after the object", "{\"a\": {\"alive\": true}} junk", "a+"));
  }

  /**
   * Read twice by one parser: the second read tries each name against the first read's at its
   * place, and must find the same entries (the repeated name is then told apart by the map).
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("forms")
  void readsTheEntriesOfEachForm(String name, String json, String expected) throws Exception {
    RegistryParser parser = new RegistryParser();
    List<RegistryEntry> first = read(parser, bytes(json), List.of());
    List<RegistryEntry> second = read(parser, bytes(json), first);

    assertEquals(expected, shown(first));
    assertEquals(expected, shown(second), "read again, against the first read");
  }

  /**
   * Random registries one after another, as an orchestrator rewrites one: daemons come, go, move,
   * repeat, list their fields in another order, sometimes under the wrapper. One parser that
   * remembers must read each exactly as a fresh parser does.
   */
  @Test
  void aParserThatRemembersReadsEveryRegistryAsAFreshOneDoes() throws Exception {
    Random random = new Random(11);
    RegistryParser parser = new RegistryParser();
    List<RegistryEntry> previous = List.of();
    List<String> names = new ArrayList<>();
    for (int round = 0; round < 300; round++) {
      for (int change = random.nextInt(4); change > 0; change--) {
        int at = names.isEmpty() ? 0 : random.nextInt(names.size());
        switch (random.nextInt(4)) {
          case 0 -> names.add(at, "d" + random.nextInt(30));
          case 1 -> {
            if (!names.isEmpty()) {
              names.remove(at);
            }
          }
          case 2 -> {
            if (!names.isEmpty()) {
              Collections.swap(names, at, random.nextInt(names.size()));
            }
          }
          default -> {}
        }
      }
      StringBuilder json = new StringBuilder();
      for (String name : names) {
        String alive = "\"alive\": " + random.nextBoolean();
        String pid = "\"pid\": " + (1 + random.nextInt(3));
        String timestamp = "\"timestamp\": \"2026-01-01T00:00:0" + random.nextInt(10) + "Z\"";
        String fields =
            random.nextInt(8) == 0
                ? String.join(", ", pid, alive, timestamp)
                : String.join(", ", alive, timestamp, pid);
        json.append(json.isEmpty() ? "" : ", ").append('"').append(name).append("\": {");
        json.append(fields).append('}');
      }
      String registry =
          random.nextInt(10) == 0 ? "{\"daemons\": {" + json + "}}" : "{" + json + "}";

      List<RegistryEntry> again = read(parser, bytes(registry), previous);

      assertEquals(
          RegistryParser.parse(bytes(registry)), again, "round " + round + ": " + registry);
      previous = again;
    }
  }

  private static String shown(List<RegistryEntry> entries) {
    StringBuilder shown = new StringBuilder();
    for (RegistryEntry entry : entries) {
      shown
          .append(shown.isEmpty() ? "" : " ")
          .append(entry.name())
          .append(entry.alive() ? "+" : "-");
    }
    return shown.toString();
  }

  @Test
  void keepsThePreviousReadsNameObjectsWhereTheNamesAreTheSame() throws Exception {
    RegistryParser parser = new RegistryParser();
    List<RegistryEntry> before =
        read(parser, bytes("{\"a\": {\"alive\": true}, \"b\": {\"alive\": true}}"), List.of());
    List<RegistryEntry> after =
        read(
            parser,
            bytes(
                "{\"a\": {\"alive\": false}, \"c\": {\"alive\": true},"
                    + " \"b\": {\"alive\": true}}"),
            before);

    assertSame(before.get(0).name(), after.get(0).name(), "a, at the same place");
    assertEquals(DaemonName.of("c"), after.get(1).name());
    assertEquals(DaemonName.of("b"), after.get(2).name(), "b, moved: a name of its own");
    assertEquals(false, after.get(0).alive());
  }

  @Test
  void keepsTheVeryEntryThatDidNotChangeAndANewOneForOneThatDid() throws Exception {
    RegistryParser parser = new RegistryParser();
    String a = "\"a\": {\"alive\": true, \"timestamp\": \"2026-01-01T00:00:00Z\", \"pid\": 7}";
    List<RegistryEntry> before =
        read(parser, bytes("{" + a + ", \"b\": {\"alive\": true, \"pid\": 8}}"), List.of());
    List<RegistryEntry> after =
        read(parser, bytes("{" + a + ", \"b\": {\"alive\": true, \"pid\": 9}}"), before);

    assertSame(before.get(0), after.get(0), "a, unchanged");
    assertSame(before.get(1).name(), after.get(1).name());
    assertEquals(9L, after.get(1).pid(), "b, with its new pid");
  }

  /** One read of {@code json} by {@code parser}, after {@code previous}. */
  private static List<RegistryEntry> read(
      RegistryParser parser, byte[] json, List<RegistryEntry> previous) throws Exception {
    return parser.parse(json, json.length, previous);
  }

  private static byte[] bytes(String json) {
    return json.getBytes(StandardCharsets.UTF_8);
  }

  static Stream<Arguments> wrongFiles() {
    return Stream.of(
        Arguments.of(
            "a bad entry, then broken JSON: the JSON is told first",
            "{\"bad name\": {\"alive\": true}, \"a\": {\"alive\": tru",
            "not valid JSON at line 1"),
        Arguments.of("empty", "", "must be a JSON object"),
        Arguments.of(
            "a daemons key that is not an object", "{\"daemons\": 5}", "must be an object"),
        Arguments.of(
            "a timestamp checked before a pid",
            "{\"a\": {\"alive\": true, \"pid\": 0, \"timestamp\": \"soon\"}}",
            "\"timestamp\" must be ISO-8601"),
        Arguments.of(
            "a pid beyond a long",
            "{\"a\": {\"alive\": true, \"pid\": 99999999999999999999}}",
            "\"pid\" must be a positive integer"),
        Arguments.of(
            "alive as text", "{\"a\": {\"alive\": \"yes\"}}", "\"alive\" must be true or false"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("wrongFiles")
  void saysWhatIsWrong(String name, String json, String message) {
    RegistryParser.RegistryFormatException wrong =
        assertThrows(
            RegistryParser.RegistryFormatException.class, () -> RegistryParser.parse(bytes(json)));
    assertTrue(wrong.getMessage().contains(message), wrong.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("timestamps")
  void readsTimestampsAndPids(String json, Instant timestamp, Long pid) throws Exception {
    RegistryEntry entry = RegistryParser.parse(bytes(json)).get(0);
    assertEquals(timestamp, entry.timestamp());
    assertEquals(pid, entry.pid());
  }

  static Stream<Arguments> timestamps() {
    return Stream.of(
        Arguments.of(
            "{\"a\": {\"alive\": true, \"timestamp\": 1767225600.5, \"pid\": 7}}",
            Instant.parse("2026-01-01T00:00:00.500Z"),
            7L),
        Arguments.of(
            "{\"a\": {\"alive\": true, \"timestamp\": \"2026-01-01T01:00:00+01:00\"}}",
            Instant.parse("2026-01-01T00:00:00Z"),
            null),
        Arguments.of("{\"a\": {\"alive\": true, \"timestamp\": null, \"pid\": null}}", null, null));
  }
}
