package org.peerloop.web.problem;

import jakarta.ws.rs.core.Response;

/** Turns a {@link Problem} into a response; the one place that sets the problem media type. */
final class Problems {
  private Problems() {}

  static Response response(Problem problem) {
    return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
  }
}
