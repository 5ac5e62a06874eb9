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
  private final Long retryAfterSeconds;

  public ProblemException(int status, String title, String reason, String detail) {
    this(status, title, reason, detail, false, null);
  }

  private ProblemException(
      int status,
      String title,
      String reason,
      String detail,
      boolean bearer,
      Long retryAfterSeconds) {
    super(detail, null, false, false);
    this.status = status;
    this.title = title;
    this.reason = reason;
    this.bearer = bearer;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** A request without a valid bearer token. */
  public static ProblemException unauthorized(String reason, String detail) {
    return new ProblemException(401, "Not signed in", reason, detail, true, null);
  }

  /** A signed request (a webhook) whose signature does not hold. */
  public static ProblemException signatureRefused(String reason, String detail) {
    return new ProblemException(401, "Signature refused", reason, detail, false, null);
  }

  public static ProblemException forbidden(String reason, String detail) {
    return new ProblemException(403, "Not allowed", reason, detail);
  }

  /** Over a rate limit (RFC 6585 §4): the client may try again after the given seconds. */
  public static ProblemException tooManyRequests(String detail, long retryAfterSeconds) {
    return new ProblemException(
        429, "Too many requests", "rate-limited", detail, false, retryAfterSeconds);
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
    if (retryAfterSeconds != null) {
      response.header("Retry-After", String.valueOf(retryAfterSeconds));
    }
    return response.build();
  }
}
