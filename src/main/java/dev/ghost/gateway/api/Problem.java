package dev.ghost.gateway.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem document. {@code detail} says what to fix; it never carries a stack trace, a
 * token or a webhook URL.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "An RFC 9457 problem: what went wrong and what to fix.")
public record Problem(
    @Schema(required = true, description = "Always about:blank: the status says it all.")
        String type,
    @Schema(required = true, description = "The status's name, e.g. Not Found.") String title,
    @Schema(required = true, description = "The HTTP status.") int status,
    @Schema(required = true, description = "What to fix, in words.") String detail,
    @Schema(description = "Not used; absent.") String instance) {

  public static final String MEDIA_TYPE = "application/problem+json";

  /** A problem whose title is the status's reason phrase. */
  public static Problem of(int status, String detail) {
    Response.Status known = Response.Status.fromStatusCode(status);
    String title = known == null ? "HTTP " + status : known.getReasonPhrase();
    return new Problem("about:blank", title, status, detail, null);
  }

  public static Response response(Response.Status status, String detail) {
    return response(status.getStatusCode(), detail);
  }

  public static Response response(int status, String detail) {
    return Response.status(status).type(MEDIA_TYPE).entity(of(status, detail)).build();
  }
}
