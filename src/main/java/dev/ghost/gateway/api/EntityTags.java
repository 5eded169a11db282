package dev.ghost.gateway.api;

/** Matching of {@code If-None-Match} against an entity tag. */
final class EntityTags {

  private EntityTags() {}

  /** If-None-Match may list several tags, or *; weak tags compare equal to strong ones here. */
  static boolean matches(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null) {
      return false;
    }
    for (String candidate : ifNoneMatch.split(",")) {
      String tag = candidate.strip();
      if (tag.startsWith("W/")) {
        tag = tag.substring(2);
      }
      if (tag.equals("*") || tag.equals(etag)) {
        return true;
      }
    }
    return false;
  }
}
