package org.peerloop.web.problem;

import jakarta.ws.rs.core.Response;

/**
 * A refusal decided at the web edge (authentication, authorization), answered as problem JSON with
 * its own status and reason.
 */
public class ProblemException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String title;
  private final String reason;
  private final boolean bearer;

  public ProblemException(int status, String title, String reason, String detail) {
    this(status, title, reason, detail, false);
  }

  private ProblemException(int status, String title, String reason, String detail, boolean bearer) {
    super(detail, null, false, false);
    this.status = status;
    this.title = title;
    this.reason = reason;
    this.bearer = bearer;
  }

  /** A request without a valid bearer token. */
  public static ProblemException unauthorized(String reason, String detail) {
    return new ProblemException(401, "Not signed in", reason, detail, true);
  }

  /** A signed request (a webhook) whose signature does not hold. */
  public static ProblemException signatureRefused(String reason, String detail) {
    return new ProblemException(401, "Signature refused", reason, detail, false);
  }

  public static ProblemException forbidden(String reason, String detail) {
    return new ProblemException(403, "Not allowed", reason, detail);
  }

  Response toResponse() {
    Response.ResponseBuilder response =
        Response.fromResponse(Problems.response(Problem.of(status, title, reason, getMessage())));
    if (bearer) {
      // RFC 6750 §3: tell the client which scheme to use and why the token failed.
      response.header(
          "WWW-Authenticate",
          "Bearer error=\"invalid_token\", error_description=\"" + reason + "\"");
    }
    return response.build();
  }
}
