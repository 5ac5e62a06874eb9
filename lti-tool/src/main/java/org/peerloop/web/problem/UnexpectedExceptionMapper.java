package org.peerloop.web.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.peerloop.runtime.DatabaseFailures;
import org.peerloop.web.RequestIds;

/**
 * Every fault nobody foresaw: the stack trace goes to the log under a correlation id, the client
 * gets only that id, never the trace. A database out of reach is foreseen: 503 with {@code
 * Retry-After}, so clients and balancers wait and retry instead of reporting a bug.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {
  private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

  /**
   * Not our fault and not the client's: the database is out of reach for now. No stack trace for an
   * outage; one line per refused request.
   */
  static Response databaseUnavailable(Throwable e) {
    String id = RequestIds.current();
    LOG.warning(() -> "Database unavailable, answered 503 (correlation id " + id + "): " + e);
    return Response.fromResponse(
            Problems.response(
                Problem.of(
                        503,
                        "Service Unavailable",
                        "database-unavailable",
                        "PeerLoop cannot reach its database right now. Try again in a few"
                            + " seconds; a retry with the same idempotency key never makes a"
                            + " post twice.")
                    .withCorrelationId(id)))
        .header("Retry-After", DatabaseFailures.RETRY_AFTER_SECONDS)
        .build();
  }

  @Override
  public Response toResponse(Throwable e) {
    String id = RequestIds.current();
    if (DatabaseFailures.isUnavailable(e)) {
      return databaseUnavailable(e);
    }
    LOG.log(Level.SEVERE, "Unexpected failure, correlation id " + id, e);
    return Problems.response(
        Problem.of(
                500,
                "Internal Server Error",
                "internal-error",
                "Something went wrong on our side. Quote the correlation id when reporting it.")
            .withCorrelationId(id));
  }
}
