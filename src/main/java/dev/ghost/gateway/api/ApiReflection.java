package dev.ghost.gateway.api;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Problem bodies, which the plain Vert.x routes write with Jackson outside REST. */
@RegisterForReflection(targets = Problem.class)
final class ApiReflection {

  private ApiReflection() {}
}
