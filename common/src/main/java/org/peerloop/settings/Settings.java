package org.peerloop.settings;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Every setting PeerLoop reads, parsed once and typed. Each value comes from a {@code -D} system
 * property of the same name or else from the environment variable, so one name works everywhere.
 *
 * <p>{@link #load(UnaryOperator)} reports every missing or malformed value at once, so an operator
 * fixes a configuration in one pass instead of one restart per mistake.
 *
 * @param httpPort the port of the embedded server's HTTP listener
 * @param dataDir the folder that holds the embedded database and other local state
 * @param baseUrl the public URL the tool advertises to platforms, always ending in {@code /}
 * @param dataSourceJndiName a server-managed data source to use instead of the embedded Derby one
 */
public record Settings(
    int httpPort, Path dataDir, URI baseUrl, Optional<String> dataSourceJndiName) {

  public static final String HTTP_PORT = "PEERLOOP_HTTP_PORT";
  public static final String DATA_DIR = "PEERLOOP_DATA_DIR";
  public static final String BASE_URL = "PEERLOOP_BASE_URL";
  public static final String DATASOURCE = "PEERLOOP_DATASOURCE";

  static final int DEFAULT_HTTP_PORT = 8080;
  static final String DEFAULT_DATA_DIR = "./peerloop-data";

  /** Reads the settings of this process: system properties first, then the environment. */
  public static Settings fromEnvironment() {
    return load(name -> System.getProperty(name, System.getenv(name)));
  }

  /**
   * Parses settings from a lookup of raw values.
   *
   * @throws InvalidSettingsException naming every setting that is malformed
   */
  public static Settings load(UnaryOperator<String> source) {
    List<String> problems = new ArrayList<>();

    int port = DEFAULT_HTTP_PORT;
    String rawPort = blankToNull(source.apply(HTTP_PORT));
    if (rawPort != null) {
      try {
        port = Integer.parseInt(rawPort);
        if (port < 1 || port > 65535) {
          problems.add(HTTP_PORT + " must be between 1 and 65535, was " + rawPort);
        }
      } catch (NumberFormatException e) {
        problems.add(HTTP_PORT + " must be a port number, was '" + rawPort + "'");
      }
    }

    Path dataDir = null;
    String rawDataDir = blankToNull(source.apply(DATA_DIR));
    try {
      dataDir =
          Path.of(rawDataDir == null ? DEFAULT_DATA_DIR : rawDataDir).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      problems.add(DATA_DIR + " is not a valid folder path: " + e.getMessage());
    }

    URI baseUrl = URI.create("http://localhost:" + port + "/");
    String rawBaseUrl = blankToNull(source.apply(BASE_URL));
    if (rawBaseUrl != null) {
      try {
        baseUrl = parseBaseUrl(rawBaseUrl);
      } catch (IllegalArgumentException e) {
        problems.add(BASE_URL + " " + e.getMessage() + ", was '" + rawBaseUrl + "'");
      }
    }

    Optional<String> dataSource = Optional.ofNullable(blankToNull(source.apply(DATASOURCE)));

    if (!problems.isEmpty()) {
      throw new InvalidSettingsException(problems);
    }
    return new Settings(port, dataDir, baseUrl, dataSource);
  }

  /**
   * Resolves a path of the tool against the base URL without ever doubling a slash (a doubled slash
   * makes Jersey answer 404).
   */
  public URI url(String path) {
    String relative = path.startsWith("/") ? path.substring(1) : path;
    return baseUrl.resolve(relative);
  }

  private static URI parseBaseUrl(String raw) {
    URI uri;
    try {
      uri = new URI(raw.endsWith("/") ? raw : raw + "/");
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("is not a URL");
    }
    if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
      throw new IllegalArgumentException("must start with http:// or https://");
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("must name a host");
    }
    if (uri.getQuery() != null || uri.getFragment() != null) {
      throw new IllegalArgumentException("must not have a query or fragment");
    }
    return uri;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
