package org.peerloop.web.problem;

import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A body that is not the JSON expected: JSON-B's failure reaches the application wrapped in a
 * {@link ProcessingException}, as does the body limit that stopped the reader. Anything else
 * wrapped that way is a server fault.
 */
@Provider
public class UnreadableBodyMapper implements ExceptionMapper<ProcessingException> {

  @Override
  public Response toResponse(ProcessingException e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof ProblemException refusal) {
        // The body limit stopped the reader part way (the parser wraps that in its own failure).
        return refusal.toResponse();
      }
    }
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof JsonbException || cause instanceof JsonParsingException) {
        return Problems.response(
            Problem.of(
                400,
                "Bad Request",
                "malformed-json",
                "The body is not valid JSON of the expected shape."));
      }
    }
    return new UnexpectedExceptionMapper().toResponse(e);
  }
}
