package dev.ghost.gateway.page;

/**
 * A flat badge in the shields.io style: a grey label and a coloured message, as SVG text. Widths
 * come from an average glyph width, as shields does without a font at hand; every text is escaped
 * for XML.
 */
public final class BadgeSvg {

  /** Colours as shields names them: brightgreen, orange, red, lightgrey. */
  public enum Colour {
    GREEN("#4c1"),
    ORANGE("#fe7d37"),
    RED("#e05d44"),
    GREY("#9f9f9f");

    private final String hex;

    Colour(String hex) {
      this.hex = hex;
    }
  }

  private static final int CHAR_WIDTH = 7;
  private static final int PADDING = 10;

  private BadgeSvg() {}

  public static String of(String label, String message, Colour colour) {
    int left = label.length() * CHAR_WIDTH + PADDING;
    int right = message.length() * CHAR_WIDTH + PADDING;
    int width = left + right;
    String title = xml(label + ": " + message);
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\""
        + width
        + "\" height=\"20\" role=\"img\" aria-label=\""
        + title
        + "\"><title>"
        + title
        + "</title><linearGradient id=\"s\" x2=\"0\" y2=\"100%\"><stop offset=\"0\""
        + " stop-color=\"#bbb\" stop-opacity=\".1\"/><stop offset=\"1\" stop-opacity=\".1\"/>"
        + "</linearGradient><clipPath id=\"r\"><rect width=\""
        + width
        + "\" height=\"20\" rx=\"3\" fill=\"#fff\"/></clipPath><g clip-path=\"url(#r)\">"
        + "<rect width=\""
        + left
        + "\" height=\"20\" fill=\"#555\"/><rect x=\""
        + left
        + "\" width=\""
        + right
        + "\" height=\"20\" fill=\""
        + colour.hex
        + "\"/><rect width=\""
        + width
        + "\" height=\"20\" fill=\"url(#s)\"/></g><g fill=\"#fff\" text-anchor=\"middle\""
        + " font-family=\"Verdana,Geneva,DejaVu Sans,sans-serif\" font-size=\"11\"><text x=\""
        + left / 2
        + "\" y=\"14\">"
        + xml(label)
        + "</text><text x=\""
        + (left + right / 2)
        + "\" y=\"14\">"
        + xml(message)
        + "</text></g></svg>";
  }

  private static String xml(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&apos;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
