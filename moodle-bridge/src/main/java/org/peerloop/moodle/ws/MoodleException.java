package org.peerloop.moodle.ws;

/**
 * A Moodle call that did not give an answer PeerLoop can use. Moodle answers most errors with HTTP
 * 200 and a body {@code {exception, errorcode, message}}; {@link #kind()} says what the error means
 * for the caller, {@link #errorcode()} keeps Moodle's own code.
 */
public class MoodleException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What went wrong, in the terms a caller acts on. */
  public enum Kind {
    /** The token is unknown, expired or restricted to other addresses: IT must issue one. */
    INVALID_TOKEN,
    /** The token's service lacks the function, or its user lacks a capability or the course. */
    ACCESS_DENIED,
    /** Moodle refused the parameters, or the course, module or user does not exist. */
    INVALID_REQUEST,
    /** Any other error Moodle reported. */
    SITE_ERROR,
    /** No usable answer: the site is down, too slow, or answered something other than JSON. */
    UNAVAILABLE
  }

  private final Kind kind;
  private final String errorcode;

  public MoodleException(Kind kind, String errorcode, String message) {
    super(message);
    this.kind = kind;
    this.errorcode = errorcode;
  }

  public MoodleException(Kind kind, String errorcode, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.errorcode = errorcode;
  }

  public Kind kind() {
    return kind;
  }

  /** Moodle's {@code errorcode}, or PeerLoop's own for a transport problem. */
  public String errorcode() {
    return errorcode;
  }

  /**
   * The kind of a Moodle error body. Codes from Moodle's {@code lib/setuplib.php} exceptions and
   * {@code webservice/lib.php}: {@code invalidtoken} (unknown, expired or IP-restricted token),
   * {@code accessexception} (the function is not in the token's service), {@code nopermissions} (a
   * capability), {@code requireloginerror} (not enrolled / course hidden), {@code invalidparameter}
   * and {@code invalidrecord} (a missing course, module or user).
   */
  static Kind kindOf(String exception, String errorcode) {
    String code = errorcode == null ? "" : errorcode;
    return switch (code) {
      case "invalidtoken", "invalidtokensession", "usernameoremptypasswordmissing" ->
          Kind.INVALID_TOKEN;
      case "accessexception",
          "nopermissions",
          "requireloginerror",
          "servicenotavailable",
          "accessdenied",
          "errorcoursecontextnotvalid",
          "cannotviewreport",
          "notingroup" ->
          Kind.ACCESS_DENIED;
      case "invalidparameter",
          "invalidrecord",
          "invalidrecordunknown",
          "errorinvalidparam",
          "usernotenroled",
          "invalidcourseid",
          "invalidcoursemodule" ->
          Kind.INVALID_REQUEST;
      default ->
          "webservice_access_exception".equals(exception)
                  || "required_capability_exception".equals(exception)
                  || "require_login_exception".equals(exception)
              ? Kind.ACCESS_DENIED
              : "invalid_parameter_exception".equals(exception)
                      || "dml_missing_record_exception".equals(exception)
                  ? Kind.INVALID_REQUEST
                  : Kind.SITE_ERROR;
    };
  }
}
