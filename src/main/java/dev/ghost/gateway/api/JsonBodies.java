package dev.ghost.gateway.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.Locale;

/**
 * Reads optional JSON request bodies with the checks every write endpoint shares: size, media type,
 * syntax and known fields, each refused with a problem that says what to fix.
 */
final class JsonBodies {

  static final int MAX_BYTES = 64 * 1024;
  private static final ObjectMapper STRICT =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private JsonBodies() {}

  /** The body as {@code type}, or {@code empty} when the request has no body. */
  static <T> T read(byte[] body, String contentType, Class<T> type, T empty) {
    if (body == null || body.length == 0) {
      return empty;
    }
    if (body.length > MAX_BYTES) {
      throw new ProblemException(
          Response.Status.REQUEST_ENTITY_TOO_LARGE,
          "the body is " + body.length + " bytes; the limit is " + MAX_BYTES);
    }
    if (!isJson(contentType)) {
      throw new ProblemException(
          Response.Status.UNSUPPORTED_MEDIA_TYPE,
          "send the body as Content-Type: application/json, not "
              + (contentType == null ? "no content type" : contentType));
    }
    try {
      return STRICT.readValue(body, type);
    } catch (UnrecognizedPropertyException e) {
      throw new ProblemException(
          Response.Status.BAD_REQUEST,
          "unknown field \""
              + e.getPropertyName()
              + "\"; known fields: "
              + e.getKnownPropertyIds());
    } catch (JsonProcessingException e) {
      throw new ProblemException(
          Response.Status.BAD_REQUEST, "the body is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new ProblemException(Response.Status.BAD_REQUEST, "the body could not be read");
    }
  }

  private static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    String mediaType = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    return mediaType.equals("application/json") || mediaType.endsWith("+json");
  }
}
