package org.peerloop.outbound;

import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * The JDK's HTTP client with {@link OutboundPolicy} in front of every request: PeerLoop's one way
 * out to URLs it was given. Each request's address is checked before anything is sent; redirects
 * are followed here, hop by hop, each hop checked (the client underneath never follows one); every
 * answer is bounded in size and every request in time.
 *
 * <p>Between the check and the connection the JDK resolves the host again, from the JVM's address
 * cache (30 s by default), so both see the same addresses unless the cache entry ends in between. A
 * name re-pointed at that moment to an internal address would still have to complete a TLS
 * handshake with a certificate valid for that name, which a host on the private network does not
 * have: with https only, that window opens no connection. SECURITY.md says so.
 */
public final class GuardedHttpClient extends HttpClient {
  /** No service PeerLoop calls answers more than this (a large key set, a roster page). */
  public static final long DEFAULT_MAX_ANSWER = 4L * 1024 * 1024;

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
  static final int MAX_REDIRECTS = 5;

  private final HttpClient http;
  private final OutboundPolicy policy;
  private final Redirect redirects;
  private final long maxAnswer;

  private GuardedHttpClient(
      HttpClient http, OutboundPolicy policy, Redirect redirects, long maxAnswer) {
    this.http = http;
    this.policy = policy;
    this.redirects = redirects;
    this.maxAnswer = maxAnswer;
  }

  /** A client that never follows redirects. */
  public static GuardedHttpClient of(OutboundPolicy policy, Duration connectTimeout) {
    return of(policy, connectTimeout, Redirect.NEVER, DEFAULT_MAX_ANSWER);
  }

  /**
   * @param redirects {@link Redirect#NORMAL} follows up to five redirects of GET requests, each
   *     checked by the policy; anything else follows none
   */
  public static GuardedHttpClient of(
      OutboundPolicy policy, Duration connectTimeout, Redirect redirects, long maxAnswer) {
    HttpClient http =
        HttpClient.newBuilder()
            .connectTimeout(connectTimeout)
            .followRedirects(Redirect.NEVER)
            .build();
    return wrap(http, policy, redirects, maxAnswer);
  }

  /** Guards a client made elsewhere (tests); it must not follow redirects itself. */
  public static GuardedHttpClient wrap(
      HttpClient http, OutboundPolicy policy, Redirect redirects, long maxAnswer) {
    if (http.followRedirects() != Redirect.NEVER) {
      throw new IllegalArgumentException("The guarded client follows redirects itself");
    }
    return new GuardedHttpClient(http, policy, redirects, maxAnswer);
  }

  public OutboundPolicy policy() {
    return policy;
  }

  @Override
  public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
      throws IOException, InterruptedException {
    HttpRequest current = bounded(request);
    for (int hop = 0; ; hop++) {
      policy.check(current.uri());
      HttpResponse<T> response = http.send(current, limited(handler));
      Optional<URI> next;
      try {
        next = redirectTarget(current, response);
      } catch (IllegalArgumentException e) {
        throw new OutboundRefusedException("redirect-invalid", "The redirect's Location is no URL");
      }
      if (next.isEmpty()) {
        return response;
      }
      if (hop == MAX_REDIRECTS) {
        throw new OutboundRefusedException("too-many-redirects", "More than 5 redirects");
      }
      current = redirected(current, next.get());
    }
  }

  /** Checked like {@link #send}; redirects are not followed asynchronously. */
  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(
      HttpRequest request, HttpResponse.BodyHandler<T> handler) {
    try {
      HttpRequest bounded = bounded(request);
      policy.check(bounded.uri());
      return http.sendAsync(bounded, limited(handler));
    } catch (OutboundRefusedException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(
      HttpRequest request,
      HttpResponse.BodyHandler<T> handler,
      HttpResponse.PushPromiseHandler<T> pushes) {
    return sendAsync(request, handler);
  }

  private Optional<URI> redirectTarget(HttpRequest request, HttpResponse<?> response) {
    int status = response.statusCode();
    boolean redirect =
        status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    if (!redirect || redirects != Redirect.NORMAL || !request.method().equals("GET")) {
      return Optional.empty();
    }
    return response
        .headers()
        .firstValue("Location")
        .map(location -> request.uri().resolve(location.strip()));
  }

  private static HttpRequest redirected(HttpRequest request, URI target) {
    HttpRequest.Builder next = HttpRequest.newBuilder(target).GET();
    request.timeout().ifPresent(next::timeout);
    // Credentials are for the host they were given for, never for the next one.
    request
        .headers()
        .map()
        .forEach(
            (name, values) -> {
              if (!name.equalsIgnoreCase("Authorization") && !name.equalsIgnoreCase("Cookie")) {
                values.forEach(v -> next.header(name, v));
              }
            });
    return next.build();
  }

  private static HttpRequest bounded(HttpRequest request) {
    if (request.timeout().isPresent()) {
      return request;
    }
    return HttpRequest.newBuilder(request, (name, value) -> true).timeout(DEFAULT_TIMEOUT).build();
  }

  private <T> HttpResponse.BodyHandler<T> limited(HttpResponse.BodyHandler<T> handler) {
    return info -> new LimitedSubscriber<>(handler.apply(info), maxAnswer);
  }

  /** Passes the body on until it exceeds the bound, then cancels it and fails the answer. */
  private static final class LimitedSubscriber<T> implements HttpResponse.BodySubscriber<T> {
    private final HttpResponse.BodySubscriber<T> downstream;
    private final long max;
    private final AtomicLong received = new AtomicLong();
    private Flow.Subscription subscription;
    private volatile boolean failed;

    LimitedSubscriber(HttpResponse.BodySubscriber<T> downstream, long max) {
      this.downstream = downstream;
      this.max = max;
    }

    @Override
    public CompletionStage<T> getBody() {
      return downstream.getBody();
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      this.subscription = subscription;
      downstream.onSubscribe(subscription);
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
      if (failed) {
        return;
      }
      long size = 0;
      for (ByteBuffer buffer : item) {
        size += buffer.remaining();
      }
      if (received.addAndGet(size) > max) {
        failed = true;
        subscription.cancel();
        downstream.onError(
            new OutboundRefusedException(
                "answer-too-large", "The answer is larger than " + max + " bytes"));
        return;
      }
      downstream.onNext(item);
    }

    @Override
    public void onError(Throwable error) {
      if (!failed) {
        downstream.onError(error);
      }
    }

    @Override
    public void onComplete() {
      if (!failed) {
        downstream.onComplete();
      }
    }
  }

  @Override
  public Optional<CookieHandler> cookieHandler() {
    return Optional.empty();
  }

  @Override
  public Optional<Duration> connectTimeout() {
    return http.connectTimeout();
  }

  @Override
  public Redirect followRedirects() {
    return redirects;
  }

  @Override
  public Optional<ProxySelector> proxy() {
    return http.proxy();
  }

  @Override
  public SSLContext sslContext() {
    return http.sslContext();
  }

  @Override
  public SSLParameters sslParameters() {
    return http.sslParameters();
  }

  @Override
  public Optional<Authenticator> authenticator() {
    return Optional.empty();
  }

  @Override
  public Version version() {
    return http.version();
  }

  @Override
  public Optional<Executor> executor() {
    return http.executor();
  }
}
