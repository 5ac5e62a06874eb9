package org.peerloop.moodle.ws;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A Moodle site's REST server on loopback, answering each function with what a test sets (the
 * recorded shapes in {@code src/test/resources/moodle}), and keeping every request's form.
 */
final class FakeMoodleSite implements AutoCloseable {
  /** An answer: HTTP status, content type and body. */
  record Answer(int status, String contentType, String body) {
    static Answer json(String body) {
      return new Answer(200, "application/json; charset=utf-8", body);
    }
  }

  /** One request as the server read it. */
  record Request(
      String method, String path, String query, String contentType, Map<String, String> form) {}

  private final HttpServer server;
  private final Map<String, Function<Map<String, String>, Answer>> answers =
      new ConcurrentHashMap<>();
  final List<Request> requests = Collections.synchronizedList(new ArrayList<>());

  FakeMoodleSite() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/moodle/webservice/rest/server.php",
        exchange -> {
          try (exchange) {
            Map<String, String> form = form(exchange.getRequestBody());
            requests.add(
                new Request(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(),
                    exchange.getRequestURI().getRawQuery(),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    form));
            Function<Map<String, String>, Answer> handler = answers.get(form.get("wsfunction"));
            Answer answer =
                handler == null
                    ? Answer.json(
                        "{\"exception\":\"dml_missing_record_exception\",\"errorcode\":\"invalidrecord\","
                            + "\"message\":\"Can't find data record in database table external_functions.\"}")
                    : handler.apply(form);
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
            exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
              exchange.getResponseBody().write(body);
            }
          }
        });
    server.start();
  }

  /** The site's wwwroot, with a path as many installations have. */
  URI siteUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/moodle/");
  }

  void answer(String function, Function<Map<String, String>, Answer> handler) {
    answers.put(function, handler);
  }

  void answer(String function, Answer answer) {
    answers.put(function, form -> answer);
  }

  void answerFile(String function, String resource) {
    answer(function, Answer.json(resource(resource)));
  }

  static String resource(String name) {
    try (InputStream in = FakeMoodleSite.class.getResourceAsStream("/moodle/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("No test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, String> form(InputStream body) throws IOException {
    Map<String, String> form = new LinkedHashMap<>();
    String text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
    if (text.isEmpty()) {
      return form;
    }
    for (String pair : text.split("&")) {
      int eq = pair.indexOf('=');
      form.put(
          URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return form;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
