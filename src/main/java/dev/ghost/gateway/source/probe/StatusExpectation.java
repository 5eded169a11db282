package dev.ghost.gateway.source.probe;

import java.util.ArrayList;
import java.util.List;

/** Which HTTP status codes count as UP: "2xx", "200,204", "200-399", or a mix of them. */
record StatusExpectation(List<int[]> ranges, String text) {

  /**
   * @throws IllegalArgumentException when the text is none of those forms
   */
  static StatusExpectation parse(String text) {
    List<int[]> ranges = new ArrayList<>();
    for (String part : text.split(",")) {
      String p = part.strip().toLowerCase(java.util.Locale.ROOT);
      if (p.matches("[1-5]xx")) {
        int hundred = (p.charAt(0) - '0') * 100;
        ranges.add(new int[] {hundred, hundred + 99});
      } else if (p.matches("\\d{3}-\\d{3}")) {
        int low = Integer.parseInt(p.substring(0, 3));
        int high = Integer.parseInt(p.substring(4));
        ranges.add(new int[] {low, high});
      } else if (p.matches("\\d{3}")) {
        int code = Integer.parseInt(p);
        ranges.add(new int[] {code, code});
      } else {
        throw new IllegalArgumentException(
            "must be like 2xx, 200,204 or 200-399, got \"" + text + "\"");
      }
    }
    for (int[] range : ranges) {
      if (range[0] < 100 || range[1] > 599 || range[0] > range[1]) {
        throw new IllegalArgumentException("status codes go from 100 to 599, got \"" + text + "\"");
      }
    }
    return new StatusExpectation(List.copyOf(ranges), text);
  }

  boolean accepts(int status) {
    for (int[] range : ranges) {
      if (status >= range[0] && status <= range[1]) {
        return true;
      }
    }
    return false;
  }
}
