package dev.ghost.gateway.api;

import jakarta.ws.rs.core.Response;

/** Numeric ids in paths: anything else is a 404 for "no such thing", not a 500. */
final class IdParam {

  private IdParam() {}

  static long parse(String id, String what) {
    try {
      return Long.parseLong(id);
    } catch (NumberFormatException e) {
      throw new ProblemException(
          Response.Status.NOT_FOUND,
          "no " + what + " with id \"" + cut(id) + "\"; ids are numbers");
    }
  }

  private static String cut(String id) {
    return id.length() > 40 ? id.substring(0, 40) + "..." : id;
  }
}
