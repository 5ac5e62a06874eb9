package org.peerloop.web.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.peerloop.web.RequestIds;

/**
 * Every fault nobody foresaw: the stack trace goes to the log under a correlation id, the client
 * gets only that id, never the trace.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {
  private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

  @Override
  public Response toResponse(Throwable e) {
    String id = RequestIds.current();
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
