package org.peerloop.settings;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
 * @param adminToken the bearer credential of the admin API; without it the admin API is closed
 * @param dynamicRegistrationAutoActivate whether platforms that register themselves may launch at
 *     once, instead of waiting for an administrator's approval
 * @param outboundAllowLoopback a development setting: lets PeerLoop call URLs on this machine's
 *     loopback addresses, over plain http too (the demo LMS runs there); never on a real server
 * @param secretRotationDays how old the token secrets may get before a new version is made (0: only
 *     on demand)
 * @param secretKey the 256-bit key that seals credentials kept in the database (an LRS password);
 *     without it a key file in the data folder is made on first use, which suits one node only
 * @param smtp the mail server notifications are sent through; without it nobody is e-mailed
 * @param jdbc a PostgreSQL database for the embedded server to pool and use instead of the embedded
 *     Derby (a standalone server is given {@code dataSourceJndiName} instead)
 * @param limits how many sign-in steps a client address, launches a person and posts a member may
 *     make per minute
 */
public record Settings(
    int httpPort,
    Path dataDir,
    URI baseUrl,
    Optional<String> dataSourceJndiName,
    Optional<String> adminToken,
    boolean dynamicRegistrationAutoActivate,
    boolean outboundAllowLoopback,
    int secretRotationDays,
    Optional<SecretKey> secretKey,
    Optional<Smtp> smtp,
    Optional<Jdbc> jdbc,
    Limits limits) {

  /**
   * Requests per minute: sign-in steps per client address, launches per platform and person, posts
   * per member, dynamic registration starts per client address; 0 turns a limit off. {@code
   * trustedProxies} are the load balancers whose {@code X-Forwarded-For} names the client (any
   * other sender of that header could make up an address).
   */
  public record Limits(
      int loginsPerMinute,
      int launchesPerMinute,
      int postsPerMinute,
      int registrationsPerMinute,
      List<String> trustedProxies) {
    public Limits {
      trustedProxies = List.copyOf(trustedProxies);
    }
  }

  /** A PostgreSQL database reached by JDBC, and how many connections the pool may hold. */
  public record Jdbc(String url, String user, String password, int poolSize) {
    @Override
    public String toString() {
      // The password is a credential: never part of a log line.
      return "Jdbc[" + url + ", user " + user + ", pool " + poolSize + "]";
    }
  }

  /** How the connection to the mail server is protected. */
  public enum MailSecurity {
    /** Plain connection upgraded with STARTTLS, which must succeed (submission, port 587). */
    STARTTLS,
    /** TLS from the first byte (port 465). */
    TLS,
    /** No encryption: only for a relay on the same host or a test server. */
    NONE
  }

  /** The mail server and the sender address of notification e-mails. */
  public record Smtp(
      String host,
      int port,
      MailSecurity security,
      Optional<String> username,
      Optional<String> password,
      String from) {
    @Override
    public String toString() {
      // The password is a credential: never part of a log line.
      return "Smtp[" + host + ":" + port + ", " + security + ", from " + from + "]";
    }
  }

  public static final String HTTP_PORT = "PEERLOOP_HTTP_PORT";
  public static final String DATA_DIR = "PEERLOOP_DATA_DIR";
  public static final String BASE_URL = "PEERLOOP_BASE_URL";
  public static final String DATASOURCE = "PEERLOOP_DATASOURCE";
  public static final String ADMIN_TOKEN = "PEERLOOP_ADMIN_TOKEN";
  public static final String DYNREG_AUTO_ACTIVATE = "PEERLOOP_DYNREG_AUTO_ACTIVATE";
  public static final String SECRET_KEY = "PEERLOOP_SECRET_KEY";
  public static final String OUTBOUND_ALLOW_LOOPBACK = "PEERLOOP_OUTBOUND_ALLOW_LOOPBACK";
  public static final String SECRET_ROTATION_DAYS = "PEERLOOP_SECRET_ROTATION_DAYS";

  /**
   * A quarter: long enough to be no chore, short enough that a leaked secret soon stops signing.
   */
  static final int DEFAULT_SECRET_ROTATION_DAYS = 90;

  public static final String SMTP_HOST = "PEERLOOP_SMTP_HOST";
  public static final String SMTP_PORT = "PEERLOOP_SMTP_PORT";
  public static final String SMTP_SECURITY = "PEERLOOP_SMTP_SECURITY";
  public static final String SMTP_USERNAME = "PEERLOOP_SMTP_USERNAME";
  public static final String SMTP_PASSWORD = "PEERLOOP_SMTP_PASSWORD";
  public static final String MAIL_FROM = "PEERLOOP_MAIL_FROM";
  public static final String JDBC_URL = "PEERLOOP_JDBC_URL";
  public static final String JDBC_USER = "PEERLOOP_JDBC_USER";
  public static final String JDBC_PASSWORD = "PEERLOOP_JDBC_PASSWORD";
  public static final String JDBC_POOL_SIZE = "PEERLOOP_JDBC_POOL_SIZE";
  public static final String LIMIT_LOGINS = "PEERLOOP_LIMIT_LOGINS_PER_MINUTE";
  public static final String LIMIT_LAUNCHES = "PEERLOOP_LIMIT_LAUNCHES_PER_MINUTE";
  public static final String LIMIT_POSTS = "PEERLOOP_LIMIT_POSTS_PER_MINUTE";
  public static final String LIMIT_REGISTRATIONS = "PEERLOOP_LIMIT_REGISTRATIONS_PER_MINUTE";
  public static final String TRUSTED_PROXIES = "PEERLOOP_TRUSTED_PROXIES";

  /**
   * Sign-in steps per client address: a large campus behind one NAT address, thousands starting a
   * course within the same minute, stays under it; a script hammering the sign-in does not.
   */
  static final int DEFAULT_LOGINS_PER_MINUTE = 3000;

  /** Launches per person: far above opening activities by hand, below any loop. */
  static final int DEFAULT_LAUNCHES_PER_MINUTE = 30;

  /** Far above what a person types; stops a script flooding a cohort. */
  static final int DEFAULT_POSTS_PER_MINUTE = 20;

  /**
   * An LMS registers a tool once; each start makes PeerLoop call the addresses it names, so starts
   * from one address are few.
   */
  static final int DEFAULT_REGISTRATIONS_PER_MINUTE = 10;

  static final int DEFAULT_POOL_SIZE = 20;

  /**
   * Where the embedded server binds the pool it makes for {@link #JDBC_URL}; the application finds
   * its database there.
   */
  public static final String JDBC_POOL_JNDI_NAME = "jdbc/peerloop-postgresql";

  /** A guessable admin token would open every registration; ask for real entropy. */
  static final int ADMIN_TOKEN_MIN_LENGTH = 32;

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

    Optional<String> adminToken = Optional.ofNullable(blankToNull(source.apply(ADMIN_TOKEN)));
    if (adminToken.isPresent() && adminToken.get().length() < ADMIN_TOKEN_MIN_LENGTH) {
      problems.add(
          ADMIN_TOKEN + " must be at least " + ADMIN_TOKEN_MIN_LENGTH + " characters long");
    }

    boolean autoActivate = flag(source, DYNREG_AUTO_ACTIVATE, problems);
    boolean allowLoopback = flag(source, OUTBOUND_ALLOW_LOOPBACK, problems);
    int rotationDays = DEFAULT_SECRET_ROTATION_DAYS;
    String rawRotation = blankToNull(source.apply(SECRET_ROTATION_DAYS));
    if (rawRotation != null) {
      try {
        rotationDays = Integer.parseInt(rawRotation);
      } catch (NumberFormatException e) {
        rotationDays = -1;
      }
      if (rotationDays < 0 || rotationDays > 3650) {
        problems.add(
            SECRET_ROTATION_DAYS
                + " must be a number of days, 0 to 3650, was '"
                + rawRotation
                + "'");
        rotationDays = DEFAULT_SECRET_ROTATION_DAYS;
      }
    }

    Optional<SecretKey> secretKey = Optional.empty();
    String rawSecretKey = blankToNull(source.apply(SECRET_KEY));
    if (rawSecretKey != null) {
      try {
        secretKey = Optional.of(SecretKey.parse(rawSecretKey));
      } catch (IllegalArgumentException e) {
        problems.add(SECRET_KEY + " " + e.getMessage());
      }
    }

    Optional<Smtp> smtp = smtp(source, problems);
    Optional<Jdbc> jdbc = jdbc(source, problems);
    if (jdbc.isPresent() && dataSource.isPresent()) {
      problems.add("Set " + JDBC_URL + " or " + DATASOURCE + ", not both");
    }

    Limits limits =
        new Limits(
            perMinute(source, LIMIT_LOGINS, DEFAULT_LOGINS_PER_MINUTE, problems),
            perMinute(source, LIMIT_LAUNCHES, DEFAULT_LAUNCHES_PER_MINUTE, problems),
            perMinute(source, LIMIT_POSTS, DEFAULT_POSTS_PER_MINUTE, problems),
            perMinute(source, LIMIT_REGISTRATIONS, DEFAULT_REGISTRATIONS_PER_MINUTE, problems),
            list(source.apply(TRUSTED_PROXIES)));

    if (!problems.isEmpty()) {
      throw new InvalidSettingsException(problems);
    }
    return new Settings(
        port,
        dataDir,
        baseUrl,
        dataSource,
        adminToken,
        autoActivate,
        allowLoopback,
        rotationDays,
        secretKey,
        smtp,
        jdbc,
        limits);
  }

  /** A true/false setting, false when unset. */
  private static boolean flag(UnaryOperator<String> source, String name, List<String> problems) {
    String raw = blankToNull(source.apply(name));
    if (raw == null) {
      return false;
    }
    if ("true".equalsIgnoreCase(raw) || "false".equalsIgnoreCase(raw)) {
      return Boolean.parseBoolean(raw.toLowerCase(Locale.ROOT));
    }
    problems.add(name + " must be true or false, was '" + raw + "'");
    return false;
  }

  private static int perMinute(
      UnaryOperator<String> source, String name, int otherwise, List<String> problems) {
    String raw = blankToNull(source.apply(name));
    if (raw == null) {
      return otherwise;
    }
    try {
      int value = Integer.parseInt(raw);
      if (value >= 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.add(
        name + " must be a number of requests per minute (0 for no limit), was '" + raw + "'");
    return otherwise;
  }

  private static List<String> list(String raw) {
    List<String> values = new ArrayList<>();
    if (raw != null) {
      for (String value : raw.split(",")) {
        if (!value.isBlank()) {
          values.add(value.strip());
        }
      }
    }
    return values;
  }

  /** The PostgreSQL database, when its JDBC URL is set. */
  private static Optional<Jdbc> jdbc(UnaryOperator<String> source, List<String> problems) {
    String url = blankToNull(source.apply(JDBC_URL));
    if (url == null) {
      return Optional.empty();
    }
    if (!url.startsWith("jdbc:postgresql://")) {
      problems.add(
          JDBC_URL
              + " must be a PostgreSQL URL (jdbc:postgresql://host:port/database), was '"
              + url.replaceAll("password=[^&]*", "password=…")
              + "'");
    }
    String user = blankToNull(source.apply(JDBC_USER));
    if (user == null) {
      problems.add(JDBC_USER + " must be set with " + JDBC_URL);
    }
    int poolSize = DEFAULT_POOL_SIZE;
    String rawSize = blankToNull(source.apply(JDBC_POOL_SIZE));
    if (rawSize != null) {
      try {
        poolSize = Integer.parseInt(rawSize);
        if (poolSize < 2 || poolSize > 500) {
          problems.add(JDBC_POOL_SIZE + " must be between 2 and 500, was " + rawSize);
        }
      } catch (NumberFormatException e) {
        problems.add(JDBC_POOL_SIZE + " must be a number, was '" + rawSize + "'");
      }
    }
    String password = source.apply(JDBC_PASSWORD);
    if (password == null || password.isEmpty()) {
      // The server's pool refuses a connection without a password credential.
      problems.add(JDBC_PASSWORD + " must be set with " + JDBC_URL);
    }
    return Optional.of(new Jdbc(url, user, password, poolSize));
  }

  /** The mail server, when a host is set; its port follows the security unless given. */
  private static Optional<Smtp> smtp(UnaryOperator<String> source, List<String> problems) {
    String host = blankToNull(source.apply(SMTP_HOST));
    if (host == null) {
      return Optional.empty();
    }
    MailSecurity security = MailSecurity.STARTTLS;
    String rawSecurity = blankToNull(source.apply(SMTP_SECURITY));
    if (rawSecurity != null) {
      try {
        security = MailSecurity.valueOf(rawSecurity.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        problems.add(SMTP_SECURITY + " must be starttls, tls or none, was '" + rawSecurity + "'");
      }
    }
    int port = security == MailSecurity.TLS ? 465 : 587;
    String rawPort = blankToNull(source.apply(SMTP_PORT));
    if (rawPort != null) {
      try {
        port = Integer.parseInt(rawPort);
        if (port < 1 || port > 65535) {
          problems.add(SMTP_PORT + " must be between 1 and 65535, was " + rawPort);
        }
      } catch (NumberFormatException e) {
        problems.add(SMTP_PORT + " must be a port number, was '" + rawPort + "'");
      }
    }
    String from = blankToNull(source.apply(MAIL_FROM));
    if (from == null || !from.contains("@")) {
      problems.add(
          MAIL_FROM
              + " must be the sender address of notification e-mails when "
              + SMTP_HOST
              + " is set");
    }
    Optional<String> username = Optional.ofNullable(blankToNull(source.apply(SMTP_USERNAME)));
    Optional<String> password = Optional.ofNullable(source.apply(SMTP_PASSWORD));
    if (username.isPresent() && password.isEmpty()) {
      problems.add(SMTP_PASSWORD + " must be set with " + SMTP_USERNAME);
    }
    return Optional.of(new Smtp(host, port, security, username, password, from));
  }

  /**
   * Resolves a path of the tool against the base URL without ever doubling a slash (a doubled slash
   * makes Jersey answer 404).
   */
  public URI url(String path) {
    String relative = path.startsWith("/") ? path.substring(1) : path;
    return baseUrl.resolve(relative);
  }

  @Override
  public String toString() {
    // The admin token and the secret key are credentials: never part of a log line.
    return "Settings[httpPort="
        + httpPort
        + ", dataDir="
        + dataDir
        + ", baseUrl="
        + baseUrl
        + ", dataSource="
        + dataSourceJndiName.orElse("embedded")
        + ", adminToken="
        + (adminToken.isPresent() ? "set" : "unset")
        + ", dynamicRegistrationAutoActivate="
        + dynamicRegistrationAutoActivate
        + ", secretKey="
        + (secretKey.isPresent() ? "set" : "file")
        + ", smtp="
        + smtp.map(Smtp::toString).orElse("none")
        + ", jdbc="
        + jdbc.map(Jdbc::toString).orElse("none")
        + "]";
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
