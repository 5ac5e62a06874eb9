package org.peerloop.web.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;

/**
 * Refusals raised by JAX-RS itself (unknown path, wrong method, wrong media type, unreadable body)
 * in the same problem shape as every other error.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

  @Override
  public Response toResponse(WebApplicationException e) {
    Response original = e.getResponse();
    Response.StatusType status = original.getStatusInfo();
    if (status.getFamily() == Response.Status.Family.SERVER_ERROR) {
      return new UnexpectedExceptionMapper().toResponse(e);
    }
    String title = status.getReasonPhrase();
    String reason = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    Problem problem = Problem.of(status.getStatusCode(), title, reason, detail(status));
    Response.ResponseBuilder answer = Response.fromResponse(Problems.response(problem));
    // Keep headers the client needs, such as Allow on 405.
    original
        .getHeaders()
        .forEach(
            (name, values) -> {
              if (!"Content-Type".equalsIgnoreCase(name)) {
                values.forEach(v -> answer.header(name, v));
              }
            });
    return answer.build();
  }

  /** Jersey's own messages can name internal classes, so clients get a fixed sentence. */
  private static String detail(Response.StatusType status) {
    return switch (status.getStatusCode()) {
      case 400 -> "The request could not be read.";
      case 404 -> "Nothing is at this address.";
      case 405 -> "This address does not accept this method.";
      case 406 -> "No representation the client accepts is available.";
      case 415 -> "This address does not accept this content type.";
      default -> status.getReasonPhrase();
    };
  }
}
