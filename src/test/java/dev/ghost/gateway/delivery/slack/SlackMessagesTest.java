package dev.ghost.gateway.delivery.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.util.json.GsonFactory;
import com.slack.api.webhook.Payload;
import dev.ghost.gateway.alert.Notification;
import dev.ghost.gateway.testsupport.Outboxes;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Slack's limits and Slack's markup, checked on the JSON Slack would receive. */
class SlackMessagesTest {

  private final SlackMessages messages = new SlackMessages("gw-1", "https://ghost.example.test");
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void textFromOutsideCannotPingOrLink() throws Exception {
    Notification n =
        Outboxes.down("ghost-bridge", "<!channel> see <https://evil.example|here> & <@U123>");
    JsonNode message = wire(messages.render(List.of(n)));
    String all = message.toString();
    assertFalse(all.contains("<!channel>"), all);
    assertFalse(all.contains("<@U123>"), all);
    assertFalse(all.contains("<https://evil"), all);
    assertTrue(
        all.contains("&lt;!channel&gt; see &lt;https://evil.example|here&gt; &amp; &lt;@U123&gt;"),
        all);
  }

  /** Cut after escaping, a long reason must still end on whole entities: Slack shows half a one. */
  @Test
  void aLongReasonOfMarkupIsCutBetweenEntities() throws Exception {
    Notification n = Outboxes.down("ghost-bridge", "<&>".repeat(1_000));
    List<String> texts = new ArrayList<>();
    wire(messages.render(List.of(n))).findValuesAsText("text").forEach(texts::add);
    for (String text : texts) {
      assertFalse(
          java.util.regex.Pattern.compile("&(?!amp;|lt;|gt;)").matcher(text).find(),
          "a split entity in: " + text.substring(Math.max(0, text.length() - 40)));
    }
    assertTrue(texts.stream().anyMatch(text -> text.endsWith("…")), "the reason was cut");
  }

  static Stream<Arguments> cuts() {
    return Stream.of(
        Arguments.of("abcdef", 4, "abc…"),
        Arguments.of("a&amp;b", 4, "a…"),
        Arguments.of("a&amp;b", 7, "a&amp;b"),
        Arguments.of("a&amp;bc", 7, "a&amp;…"),
        Arguments.of("x<!date^1|y>z", 6, "x…"),
        Arguments.of("ab😀cd", 4, "ab…"));
  }

  @ParameterizedTest(name = "\"{0}\" cut to {1} -> \"{2}\"")
  @MethodSource("cuts")
  void aCutNeverSplitsAnEntityMarkupOrACharacter(String text, int max, String expected) {
    assertEquals(expected, SlackText.cut(text, max));
  }

  @Test
  void oneNotificationHasAHeaderFieldsAndALinkToTheGateway() throws Exception {
    JsonNode message = wire(messages.render(List.of(Outboxes.recovered("patch-executor"))));
    JsonNode blocks = message.get("blocks");
    assertEquals("header", blocks.get(0).get("type").asText());
    assertEquals("🟢 patch-executor recovered", blocks.get(0).get("text").get("text").asText());
    String fields = blocks.get(1).get("fields").toString();
    for (String label : List.of("*Daemon*", "*State*", "*Down since*", "*Downtime*", "*Host*")) {
      assertTrue(fields.contains(label), label + " in " + fields);
    }
    assertTrue(fields.contains("5 min"), fields);
    assertTrue(blocks.get(2).toString().contains("<https://ghost.example.test|status>"));
    assertEquals("🟢 patch-executor recovered: heartbeat", message.get("text").asText());
  }

  @ParameterizedTest(name = "{0} daemons with {1}-character reasons stay within Slack's limits")
  @CsvSource({"300, 25", "300, 500", "2000, 40", "49, 500"})
  void groupsAreSplitOnlyWhereSlacksLimitsForceIt(int daemons, int reasonLength) throws Exception {
    List<Notification> queue = new ArrayList<>();
    for (int i = 0; i < daemons; i++) {
      queue.add(Outboxes.down(String.format("daemon-%04d", i), "r".repeat(reasonLength)));
    }
    int sent = 0;
    while (sent < queue.size()) {
      List<Notification> rest = queue.subList(sent, queue.size());
      int size = messages.fit(rest);
      JsonNode message = wire(messages.render(rest.subList(0, size)));
      JsonNode blocks = message.get("blocks");
      assertTrue(blocks.size() <= 50, "blocks: " + blocks.size());
      int total = message.get("text").asText().length();
      for (JsonNode block : blocks) {
        if (block.has("text")) {
          int length = block.get("text").get("text").asText().length();
          assertTrue(length <= 3_000, "section of " + length);
          total += length;
        }
      }
      assertTrue(total < 12_000, "message of " + total + " characters");
      for (int i = sent; i < sent + size; i++) {
        assertTrue(message.toString().contains(queue.get(i).subject()));
      }
      sent += size;
      // Split only where forced: every message but the last is nearly full.
      boolean last = sent == queue.size();
      assertTrue(
          last || total > 9_000 || blocks.size() >= 45, "a message of " + total + " split early");
    }
  }

  private JsonNode wire(SlackMessage message) throws Exception {
    Payload payload = Payload.builder().text(message.text()).blocks(message.blocks()).build();
    return json.readTree(GsonFactory.createSnakeCase().toJson(payload));
  }
}
