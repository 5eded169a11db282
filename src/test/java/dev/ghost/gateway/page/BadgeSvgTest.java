package dev.ghost.gateway.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ghost.gateway.domain.DaemonState;
import dev.ghost.gateway.domain.Health;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

class BadgeSvgTest {

  @ParameterizedTest(name = "{0} is \"{0}\" on {1}")
  @CsvSource({"UP, #4c1", "DOWN, #e05d44", "UNKNOWN, #9f9f9f"})
  void aDaemonBadgeSaysItsStateInWordsAndColour(DaemonState state, String fill) throws Exception {
    Document svg = parse(BadgeSvg.of("ghost-bridge", state.wire(), BadgeResource.colour(state)));
    NodeList texts = svg.getElementsByTagName("text");
    assertEquals("ghost-bridge", texts.item(0).getTextContent());
    assertEquals(state.wire(), texts.item(1).getTextContent());
    assertEquals(fill, messageFill(svg));
    assertEquals(
        "ghost-bridge: " + state.wire(), svg.getDocumentElement().getAttribute("aria-label"));
  }

  @ParameterizedTest(name = "{0} -> \"{1}\" on {2}")
  @CsvSource({
    "OPERATIONAL, operational, #4c1",
    "DEGRADED, degraded, #fe7d37",
    "MAJOR_OUTAGE, major outage, #e05d44",
    "UNKNOWN, unknown, #9f9f9f"
  })
  void theOverallBadgeSaysTheHealth(Health health, String words, String fill) throws Exception {
    Document svg =
        parse(BadgeSvg.of("daemons", BadgeResource.words(health), BadgeResource.colour(health)));
    assertEquals(words, svg.getElementsByTagName("text").item(1).getTextContent());
    assertEquals(fill, messageFill(svg));
  }

  @Test
  void markupInATextStaysText() throws Exception {
    String hostile = "<script>alert(\"x\")</script> & 'y'";
    Document svg = parse(BadgeSvg.of(hostile, "down", BadgeSvg.Colour.RED));
    assertEquals(hostile, svg.getElementsByTagName("text").item(0).getTextContent());
    assertEquals(0, svg.getElementsByTagName("script").getLength());
  }

  @Test
  void widthGrowsWithTheText() throws Exception {
    int shortWidth = width(BadgeSvg.of("a", "up", BadgeSvg.Colour.GREEN));
    int longWidth = width(BadgeSvg.of("a-much-longer-daemon-name", "up", BadgeSvg.Colour.GREEN));
    assertTrue(longWidth > shortWidth + 100, shortWidth + " vs " + longWidth);
  }

  /** The third rect: after the clip path's and the grey label's comes the message's. */
  private static String messageFill(Document svg) {
    return svg.getElementsByTagName("rect")
        .item(2)
        .getAttributes()
        .getNamedItem("fill")
        .getNodeValue();
  }

  private static int width(String svg) throws Exception {
    return Integer.parseInt(parse(svg).getDocumentElement().getAttribute("width"));
  }

  private static Document parse(String svg) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    return factory
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }
}
