package dev.ghost.gateway.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.type.LogicalType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Reads optional JSON request bodies with the checks every write endpoint shares: size, media type,
 * syntax, shape and known fields, each refused with a problem that says what to fix in the words of
 * the API (field names and JSON types), never in Java's.
 */
final class JsonBodies {

  static final int MAX_BYTES = 64 * 1024;

  /**
   * Strict about what a field holds: {@code "message": 123} or {@code true} is a mistake in the
   * caller's code, not a string to keep.
   */
  private static final ObjectMapper STRICT = strict();

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
    T value;
    try {
      value = STRICT.readValue(body, type);
    } catch (UnrecognizedPropertyException e) {
      throw bad("unknown field \"" + e.getPropertyName() + "\"; known fields: " + fields(type));
    } catch (MismatchedInputException e) {
      throw bad(mismatch(e, type));
    } catch (JsonProcessingException e) {
      throw bad("the body is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw bad("the body could not be read");
    }
    if (value == null) {
      throw bad(objectExpected(type) + ", not null");
    }
    return value;
  }

  /** A value of the wrong JSON type: at the top, the body itself; else the field that holds it. */
  private static String mismatch(MismatchedInputException e, Class<?> type) {
    String field =
        e.getPath().stream()
            .map(JsonMappingException.Reference::getFieldName)
            .filter(name -> name != null)
            .collect(Collectors.joining("."));
    if (field.isEmpty()) {
      return objectExpected(type);
    }
    return "\""
        + field
        + (e.getTargetType() == String.class
            ? "\" must be a string"
            : "\" has the wrong JSON type");
  }

  private static String objectExpected(Class<?> type) {
    return "the body must be a JSON object with the fields " + fields(type);
  }

  /** The names a caller may send, as Jackson reads them (so {@code "for"}, not Java's name). */
  private static String fields(Class<?> type) {
    return STRICT
        .getDeserializationConfig()
        .introspect(STRICT.constructType(type))
        .findProperties()
        .stream()
        .map(BeanPropertyDefinition::getName)
        .collect(Collectors.joining(", "));
  }

  private static ProblemException bad(String detail) {
    return new ProblemException(Response.Status.BAD_REQUEST, detail);
  }

  private static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    String mediaType = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    return mediaType.equals("application/json") || mediaType.endsWith("+json");
  }

  private static ObjectMapper strict() {
    ObjectMapper mapper =
        new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    mapper
        .coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    return mapper;
  }
}
