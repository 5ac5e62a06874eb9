package org.peerloop.web.problem;

import java.util.List;

/**
 * An error body in the shape of RFC 9457 ("problem details"), served as {@code
 * application/problem+json}.
 *
 * @param type a URN naming the kind of problem, stable for clients to switch on
 * @param title a short human summary of the kind of problem
 * @param status the HTTP status, repeated for clients that only see the body
 * @param detail what went wrong in this occurrence, for people
 * @param reason the machine-readable reason code (the last part of {@code type})
 * @param errors one entry per invalid field, when the input had field errors
 * @param correlationId the id of this request in the server log, for 5xx answers
 */
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    String reason,
    List<FieldError> errors,
    String correlationId) {

  public static final String MEDIA_TYPE = "application/problem+json";
  static final String TYPE_PREFIX = "urn:peerloop:problem:";

  /**
   * @param field the input field, as the client named it
   * @param message what the field must be
   */
  public record FieldError(String field, String message) {}

  static Problem of(int status, String title, String reason, String detail) {
    return new Problem(TYPE_PREFIX + reason, title, status, detail, reason, null, null);
  }

  Problem withErrors(List<FieldError> fieldErrors) {
    return new Problem(type, title, status, detail, reason, fieldErrors, correlationId);
  }

  Problem withCorrelationId(String id) {
    return new Problem(type, title, status, detail, reason, errors, id);
  }
}
