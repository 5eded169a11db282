package dev.ghost.gateway.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ghost.gateway.query.QueryRefused;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error leaves the API as problem+json. Framework errors keep their status but lose their
 * default HTML or text body; anything unexpected is a 500 whose body says nothing about the
 * internals, while the log keeps the stack trace for the operator.
 */
public class ProblemMappers {

  private static final Logger LOG = Logger.getLogger(ProblemMappers.class.getName());

  @ServerExceptionMapper
  public Response problem(ProblemException e) {
    return e.toResponse();
  }

  @ServerExceptionMapper
  public Response refused(QueryRefused e) {
    return Problem.response(statusOf(e), e.getMessage());
  }

  /** The HTTP status of a question the read side refused. */
  static int statusOf(QueryRefused e) {
    return switch (e.reason()) {
      case BAD_ARGUMENT -> 400;
      case NOT_FOUND -> 404;
      case NOT_READY -> 503;
    };
  }

  @ServerExceptionMapper
  public Response json(JsonProcessingException e) {
    return Problem.response(
        Response.Status.BAD_REQUEST, "the body is not valid JSON: " + e.getOriginalMessage());
  }

  @ServerExceptionMapper
  public Response web(WebApplicationException e) {
    int status = e.getResponse().getStatus();
    return Problem.response(status, detailFor(status));
  }

  /**
   * The store did not take a write or answer a read (a PostgreSQL that is away): nothing was
   * recorded, so the caller is told to send it again rather than believe it was taken.
   */
  @ServerExceptionMapper
  public Response store(SQLException e) {
    LOG.warning("the store refused a request: " + e.getMessage());
    return Problem.response(
        Response.Status.SERVICE_UNAVAILABLE,
        "the store cannot be reached now; nothing was recorded, send it again shortly");
  }

  @ServerExceptionMapper
  public Response unexpected(RuntimeException e) {
    LOG.log(Level.SEVERE, "unexpected error while serving a request", e);
    return Problem.response(
        Response.Status.INTERNAL_SERVER_ERROR,
        "the gateway could not answer this request; the error is in its log");
  }

  private static String detailFor(int status) {
    return switch (status) {
      case 404 -> "no such resource; see /q/openapi for the API";
      case 405 -> "this method is not allowed here; see /q/openapi for the API";
      case 406 -> "this resource answers application/json";
      case 413 -> "the body is larger than 64 KiB";
      case 415 -> "send the body as application/json";
      default -> "the request could not be served";
    };
  }
}
