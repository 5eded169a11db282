package dev.ghost.gateway.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;

/** Writes a problem+json answer on the plain Vert.x routes, as the JAX-RS mappers do. */
final class Problems {

  private Problems() {}

  static void write(
      HttpServerResponse response,
      ObjectMapper json,
      int status,
      String detail,
      boolean challenge) {
    if (challenge) {
      response.putHeader("WWW-Authenticate", AuthFilter.CHALLENGE);
    }
    response.setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
    try {
      response.end(json.writeValueAsString(Problem.of(status, detail)));
    } catch (JsonProcessingException e) {
      response.end();
    }
  }
}
