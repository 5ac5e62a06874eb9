package org.peerloop.sharepoint.graph;

/** Graph, or Entra's token endpoint, could not give what was asked; the code says why. */
public class GraphException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String code;

  public GraphException(String code, String message) {
    this(code, message, null);
  }

  public GraphException(String code, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  /**
   * Machine-readable: graph-unauthorized, graph-permission, graph-not-found, graph-throttled,
   * graph-unavailable…
   */
  public String code() {
    return code;
  }
}
