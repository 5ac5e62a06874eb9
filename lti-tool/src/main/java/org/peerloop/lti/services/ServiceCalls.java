package org.peerloop.lti.services;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import org.peerloop.outbound.RetryingHttp;
import org.peerloop.outbound.ServiceException;

/**
 * Authorized calls to a platform's services: a bearer token for the scopes, retried once with a new
 * token when the platform no longer accepts the cached one, and the transient failures retried by
 * {@link RetryingHttp}.
 */
@ApplicationScoped
public class ServiceCalls {
  @Inject AccessTokens tokens;

  @Inject RetryingHttp http;

  /** A GET accepting one media type. */
  public HttpResponse<String> get(
      ServicePlatform platform, Set<String> scopes, URI uri, String accept) {
    return send(platform, scopes, uri, "GET", accept, null, null);
  }

  /** A POST of a JSON document of the given media type. */
  public HttpResponse<String> post(
      ServicePlatform platform,
      Set<String> scopes,
      URI uri,
      String contentType,
      String accept,
      String body) {
    return send(platform, scopes, uri, "POST", accept, contentType, body);
  }

  private HttpResponse<String> send(
      ServicePlatform platform,
      Set<String> scopes,
      URI uri,
      String method,
      String accept,
      String contentType,
      String body) {
    HttpResponse<String> response = null;
    for (int attempt = 0; attempt < 2; attempt++) {
      String token = tokens.token(platform, scopes);
      response =
          http.send(
              () -> {
                HttpRequest.Builder request =
                    HttpRequest.newBuilder(uri)
                        .timeout(RetryingHttp.REQUEST_TIMEOUT)
                        .header("Authorization", "Bearer " + token)
                        .header("Accept", accept);
                if (contentType != null) {
                  // Moodle compares the whole Content-Type: no "; charset" may follow.
                  request.header("Content-Type", contentType);
                }
                return request
                    .method(
                        method,
                        body == null
                            ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body))
                    .build();
              });
      if (response.statusCode() != 401) {
        return response;
      }
      tokens.forget(platform.platformId(), token);
    }
    return response;
  }

  /** Turns an unexpected answer into an exception that says what the platform said. */
  static ServiceException failure(String what, HttpResponse<String> response) {
    String body = response.body() == null ? "" : response.body().strip();
    if (body.length() > 300) {
      body = body.substring(0, 300) + "…";
    }
    return new ServiceException(
        response.statusCode(),
        response.statusCode() == 401 ? "not-authorized" : "refused",
        what + " answered " + response.statusCode() + (body.isEmpty() ? "" : ": " + body));
  }
}
