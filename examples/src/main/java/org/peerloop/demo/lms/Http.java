package org.peerloop.demo.lms;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** The little HTTP plumbing the demo platform needs on the JDK's built-in server. */
final class Http {
  static final int MAX_BODY = 64 * 1024;

  private Http() {}

  /** Query and form parameters together, as Moodle's optional_param reads both. */
  static Map<String, String> params(HttpExchange exchange) throws IOException {
    Map<String, String> params = new HashMap<>();
    parse(exchange.getRequestURI().getRawQuery(), params);
    if ("POST".equals(exchange.getRequestMethod())) {
      String type = exchange.getRequestHeaders().getFirst("Content-Type");
      if (type != null && type.startsWith("application/x-www-form-urlencoded")) {
        parse(body(exchange), params);
      }
    }
    return params;
  }

  static String body(HttpExchange exchange) throws IOException {
    byte[] bytes = exchange.getRequestBody().readNBytes(MAX_BODY);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static void parse(String raw, Map<String, String> into) {
    if (raw == null || raw.isEmpty()) {
      return;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String name =
          URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value =
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      into.putIfAbsent(name, value);
    }
  }

  static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  static void html(HttpExchange exchange, int status, String html) throws IOException {
    send(exchange, status, "text/html; charset=utf-8", html);
  }

  static void json(HttpExchange exchange, int status, String json) throws IOException {
    send(exchange, status, "application/json", json);
  }

  static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&#39;");
  }

  /** An auto-submitting form, the way platforms move a browser between sites with a POST. */
  static String autoPost(String action, Map<String, String> fields) {
    StringBuilder html =
        new StringBuilder(
                "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Launching…</title>")
            .append("</head><body><form id=\"autopost\" method=\"post\" action=\"")
            .append(escape(action))
            .append("\">");
    fields.forEach(
        (name, value) ->
            html.append("<input type=\"hidden\" name=\"")
                .append(escape(name))
                .append("\" value=\"")
                .append(escape(value))
                .append("\">"));
    return html.append("<noscript><button type=\"submit\">Continue</button></noscript></form>")
        .append("<script>document.getElementById('autopost').submit();</script></body></html>")
        .toString();
  }
}
