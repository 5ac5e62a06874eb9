package org.peerloop.web.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Logger;
import org.peerloop.moodle.ws.MoodleException;

/**
 * A Moodle site that did not answer a request PeerLoop made for the caller: 502, with a reason that
 * says whether the site was unreachable or refused the bridge's token, and what Moodle said.
 */
@Provider
public class MoodleExceptionMapper implements ExceptionMapper<MoodleException> {
  private static final Logger LOG = Logger.getLogger(MoodleExceptionMapper.class.getName());

  @Override
  public Response toResponse(MoodleException e) {
    LOG.info(() -> "Moodle call failed: " + e.kind() + " " + e.errorcode());
    String reason =
        switch (e.kind()) {
          case UNAVAILABLE -> "lms-unavailable";
          case INVALID_TOKEN, ACCESS_DENIED -> "lms-bridge-refused";
          default -> "lms-error";
        };
    return Problems.response(
        Problem.of(
            502,
            "The LMS did not answer",
            reason,
            "Moodle did not give what PeerLoop asked for (ask IT to test the Moodle bridge): "
                + e.getMessage()));
  }
}
