package org.peerloop.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An ordinary load balancer on loopback: each request goes to the next node in turn, with no
 * stickiness (no cookie, no hash), as an nginx {@code upstream} with round robin does. It keeps
 * which node served each request, so a test can check that a flow crossed nodes.
 */
final class RoundRobinProxy implements AutoCloseable {
  /** Headers a proxy does not pass on (RFC 9110 §7.6.1) or that the client sets itself. */
  private static final Set<String> HOP_BY_HOP =
      Set.of(
          "connection",
          "keep-alive",
          "transfer-encoding",
          "upgrade",
          "host",
          "content-length",
          "te",
          "trailer",
          "proxy-connection",
          "expect");

  private final List<URI> nodes;
  private final HttpServer server;
  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(5))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
  private final AtomicInteger next = new AtomicInteger();

  /** Which node (its index) served each request, with the request's path. */
  final List<String> served = new CopyOnWriteArrayList<>();

  RoundRobinProxy(List<URI> nodes) throws IOException {
    this.nodes = List.copyOf(nodes);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    server.setExecutor(Executors.newFixedThreadPool(8));
    server.createContext("/", this::forward);
    server.start();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  private void forward(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      int first = Math.floorMod(next.getAndIncrement(), nodes.size());
      HttpResponse<byte[]> answer = null;
      // A node that refuses the connection (down, or not started yet) is skipped, as nginx's
      // proxy_next_upstream does on "error": the request never reached it.
      for (int attempt = 0; attempt < nodes.size() && answer == null; attempt++) {
        int node = (first + attempt) % nodes.size();
        try {
          answer =
              http.send(request(exchange, node, body), HttpResponse.BodyHandlers.ofByteArray());
          served.add(
              node + " " + exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
        } catch (java.net.ConnectException e) {
          // try the next node
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
      if (answer == null) {
        exchange.sendResponseHeaders(502, -1);
        return;
      }
      answer
          .headers()
          .map()
          .forEach(
              (name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                  values.forEach(v -> exchange.getResponseHeaders().add(name, v));
                }
              });
      byte[] bytes = answer.body();
      exchange.sendResponseHeaders(answer.statusCode(), bytes.length == 0 ? -1 : bytes.length);
      if (bytes.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(bytes);
        }
      }
    }
  }

  private HttpRequest request(HttpExchange exchange, int node, byte[] body) {
    URI uri = exchange.getRequestURI();
    URI target =
        nodes
            .get(node)
            .resolve(
                uri.getRawPath().substring(1)
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(target)
            .timeout(Duration.ofSeconds(60))
            .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
    exchange
        .getRequestHeaders()
        .forEach(
            (name, values) -> {
              if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(v -> request.header(name, v));
              }
            });
    request.header("X-Forwarded-For", exchange.getRemoteAddress().getAddress().getHostAddress());
    return request.build();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
