package dev.ghost.gateway.api;

import jakarta.ws.rs.core.Response;

/** A request the API refuses, with the status and the words that tell the caller what to fix. */
public final class ProblemException extends RuntimeException {

  private final Response.Status status;

  public ProblemException(Response.Status status, String detail) {
    super(detail, null, false, false);
    this.status = status;
  }

  public Response toResponse() {
    return Problem.response(status, getMessage());
  }
}
