package org.peerloop.web.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import org.peerloop.errors.ConflictException;
import org.peerloop.errors.DomainException;
import org.peerloop.errors.ForbiddenException;
import org.peerloop.errors.InvalidValueException;
import org.peerloop.errors.NotFoundException;

/** The domain's refusals: 403, 404, 409, or 400 with the offending field. */
@Provider
public class DomainExceptionMapper implements ExceptionMapper<DomainException> {

  @Override
  public Response toResponse(DomainException e) {
    if (e instanceof NotFoundException) {
      return Problems.response(Problem.of(404, "Not found", e.reason(), e.getMessage()));
    }
    if (e instanceof ForbiddenException) {
      return Problems.response(Problem.of(403, "Not allowed", e.reason(), e.getMessage()));
    }
    if (e instanceof ConflictException) {
      return Problems.response(Problem.of(409, "Conflict", e.reason(), e.getMessage()));
    }
    Problem problem = Problem.of(400, "Invalid input", e.reason(), e.getMessage());
    if (e instanceof InvalidValueException invalid) {
      problem =
          problem.withErrors(List.of(new Problem.FieldError(invalid.field(), e.getMessage())));
    }
    return Problems.response(problem);
  }
}
