package org.peerloop.web.limits;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.peerloop.web.problem.ProblemException;

/**
 * No request body is read past {@link #MAX_BODY_BYTES}: a larger declared length is refused at
 * once, and a body sent without one is cut off when it passes the limit, both answered 413 (RFC
 * 9110 §15.5.14). The largest real body (a space's settings with every prompt) is a few KiB; the
 * launch and the Moodle events have stricter limits of their own.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 50)
public class RequestBodyLimitFilter implements ContainerRequestFilter {
  public static final int MAX_BODY_BYTES = 1024 * 1024;

  /**
   * A client still sending would not read our answer (HTTP/1.1 clients read once they have sent),
   * so the rest of a cut-off body is read and dropped, up to this much; beyond it the connection is
   * simply closed.
   */
  static final long DRAIN_LIMIT = 8L * 1024 * 1024;

  static ProblemException tooLarge() {
    return new ProblemException(
        413,
        "Content Too Large",
        "body-too-large",
        "The request body is larger than " + MAX_BODY_BYTES + " bytes");
  }

  @Override
  public void filter(ContainerRequestContext request) {
    if (request.getLength() > MAX_BODY_BYTES) {
      throw tooLarge();
    }
    if (request.hasEntity()) {
      request.setEntityStream(new Limited(request.getEntityStream()));
    }
  }

  /** Counts what is read and stops the reader past the limit. */
  private static final class Limited extends FilterInputStream {
    private long read;

    Limited(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = readOrTimeOut(() -> super.read());
      count(b < 0 ? 0 : 1);
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = readOrTimeOut(() -> super.read(buffer, offset, length));
      count(Math.max(n, 0));
      return n;
    }

    /**
     * A client that stops sending part way through its body: the server's read timeout ends the
     * wait, and the client is told so (408, RFC 9110 §15.5.9) instead of getting a server error.
     */
    private static int readOrTimeOut(Read read) throws IOException {
      try {
        return read.next();
      } catch (IOException e) {
        if (isTimeout(e)) {
          throw new ProblemException(
              408, "Request Timeout", "request-timeout", "The request body stopped arriving");
        }
        throw e;
      }
    }

    private static boolean isTimeout(Throwable e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof java.util.concurrent.TimeoutException
            || t instanceof java.net.SocketTimeoutException
            || t.getClass().getSimpleName().contains("Timeout")) {
          return true;
        }
      }
      return false;
    }

    private interface Read {
      int next() throws IOException;
    }

    private void count(int n) throws IOException {
      read += n;
      if (read > MAX_BODY_BYTES) {
        long drained = 0;
        byte[] sink = new byte[8192];
        for (int got; drained < DRAIN_LIMIT && (got = in.read(sink)) >= 0; ) {
          drained += got;
        }
        throw tooLarge();
      }
    }
  }
}
