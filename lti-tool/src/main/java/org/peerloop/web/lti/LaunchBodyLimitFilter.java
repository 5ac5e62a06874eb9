package org.peerloop.web.lti;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.peerloop.lti.launch.LaunchRefusedException;
import org.peerloop.lti.launch.LaunchValidator;
import org.peerloop.lti.launch.Refusal;

/**
 * Stops an oversized launch before the form is parsed: by its declared length, or, for a body sent
 * without one, by reading no more than the limit.
 */
@Provider
@LaunchBodyLimit
public class LaunchBodyLimitFilter implements ContainerRequestFilter {
  /** Room for a maximal id_token, the state and form encoding. */
  static final int MAX_BODY_BYTES = 2 * LaunchValidator.MAX_TOKEN_LENGTH;

  /**
   * An oversized body up to this size is read and dropped before answering, because an HTTP/1.1
   * client still sending it would not read our answer; beyond it the connection is closed.
   */
  static final long DRAIN_LIMIT = 1024 * 1024;

  @Inject LaunchRefusalLog refusals;
  @Inject LaunchPages pages;

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    LaunchRefusedException tooLarge =
        new LaunchRefusedException(Refusal.REQUEST_TOO_LARGE, "body over " + MAX_BODY_BYTES);
    if (request.getLength() > MAX_BODY_BYTES) {
      refusals.record(tooLarge, null);
      if (request.getLength() <= DRAIN_LIMIT) {
        request.getEntityStream().transferTo(OutputStream.nullOutputStream());
        request.abortWith(pages.refused(tooLarge));
      } else {
        request.abortWith(
            Response.fromResponse(pages.refused(tooLarge)).header("Connection", "close").build());
      }
      return;
    }
    if (request.getLength() < 0 && request.hasEntity()) {
      InputStream body = request.getEntityStream();
      byte[] bytes = body.readNBytes(MAX_BODY_BYTES + 1);
      if (bytes.length > MAX_BODY_BYTES) {
        refusals.record(tooLarge, null);
        request.abortWith(pages.refused(tooLarge));
        return;
      }
      request.setEntityStream(new ByteArrayInputStream(bytes));
    }
  }
}
