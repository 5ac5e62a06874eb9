package org.peerloop.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SettingsTest {

  private static Settings load(Map<String, String> values) {
    return Settings.load(values::get);
  }

  @Test
  void usesDefaultsWhenNothingIsSet() {
    Settings s = load(Map.of());

    assertEquals(8080, s.httpPort());
    assertEquals(Path.of("peerloop-data").toAbsolutePath(), s.dataDir());
    assertEquals(URI.create("http://localhost:8080/"), s.baseUrl());
    assertEquals(Optional.empty(), s.dataSourceJndiName());
    assertEquals(Optional.empty(), s.adminToken());
    assertFalse(s.dynamicRegistrationAutoActivate());
  }

  @Test
  void rateLimitsHaveDefaultsCanBeTurnedOffAndNameTheirTrustedProxies() {
    Settings.Limits defaults = load(Map.of()).limits();
    assertEquals(3000, defaults.loginsPerMinute());
    assertEquals(30, defaults.launchesPerMinute());
    assertEquals(20, defaults.postsPerMinute());
    assertEquals(List.of(), defaults.trustedProxies());

    Settings.Limits set =
        load(Map.of(
                "PEERLOOP_LIMIT_LOGINS_PER_MINUTE", "0",
                "PEERLOOP_LIMIT_POSTS_PER_MINUTE", "5",
                "PEERLOOP_TRUSTED_PROXIES", " 10.0.0.2, 10.0.0.3 ,"))
            .limits();
    assertEquals(0, set.loginsPerMinute(), "0 turns the limit off");
    assertEquals(5, set.postsPerMinute());
    assertEquals(List.of("10.0.0.2", "10.0.0.3"), set.trustedProxies());

    InvalidSettingsException wrong =
        assertThrows(
            InvalidSettingsException.class,
            () -> load(Map.of("PEERLOOP_LIMIT_LAUNCHES_PER_MINUTE", "-1")));
    assertTrue(
        wrong.getMessage().contains("PEERLOOP_LIMIT_LAUNCHES_PER_MINUTE"), wrong.getMessage());
  }

  @Test
  void readsTheAdminTokenAndKeepsItOutOfLogs() {
    String token = "a".repeat(40);
    Settings s =
        load(Map.of("PEERLOOP_ADMIN_TOKEN", token, "PEERLOOP_DYNREG_AUTO_ACTIVATE", "TRUE"));

    assertEquals(Optional.of(token), s.adminToken());
    assertTrue(s.dynamicRegistrationAutoActivate());
    assertFalse(s.toString().contains(token));
  }

  @Test
  void readsTheSecretKeyAndKeepsItOutOfLogs() {
    String key = "q83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJq80=";
    Settings s = load(Map.of("PEERLOOP_SECRET_KEY", key));

    assertEquals(key, s.secretKey().orElseThrow().base64());
    assertFalse(s.toString().contains(key));
    assertFalse(s.secretKey().orElseThrow().toString().contains(key));
    assertEquals(Optional.empty(), load(Map.of()).secretKey());
  }

  @Test
  void readsTheMailServerAndKeepsItsPasswordOutOfLogs() {
    Settings s =
        load(
            Map.of(
                "PEERLOOP_SMTP_HOST", "smtp.example.edu",
                "PEERLOOP_SMTP_USERNAME", "peerloop",
                "PEERLOOP_SMTP_PASSWORD", "mail-secret-123",
                "PEERLOOP_MAIL_FROM", "PeerLoop <peerloop@example.edu>"));

    Settings.Smtp smtp = s.smtp().orElseThrow();
    assertEquals(587, smtp.port());
    assertEquals(Settings.MailSecurity.STARTTLS, smtp.security());
    assertEquals(Optional.of("mail-secret-123"), smtp.password());
    assertFalse(s.toString().contains("mail-secret-123"));
    assertEquals(
        465,
        load(Map.of(
                "PEERLOOP_SMTP_HOST", "smtp.example.edu",
                "PEERLOOP_SMTP_SECURITY", "tls",
                "PEERLOOP_MAIL_FROM", "peerloop@example.edu"))
            .smtp()
            .orElseThrow()
            .port());
    assertEquals(Optional.empty(), load(Map.of()).smtp());
  }

  @Test
  void readsThePostgresDatabaseAndKeepsItsPasswordOutOfLogs() {
    Settings s =
        load(
            Map.of(
                "PEERLOOP_JDBC_URL", "jdbc:postgresql://db.internal:5432/peerloop",
                "PEERLOOP_JDBC_USER", "peerloop",
                "PEERLOOP_JDBC_PASSWORD", "db-secret-123"));
    Settings.Jdbc jdbc = s.jdbc().orElseThrow();
    assertEquals("jdbc:postgresql://db.internal:5432/peerloop", jdbc.url());
    assertEquals(20, jdbc.poolSize());
    assertEquals("db-secret-123", jdbc.password());
    assertFalse(s.toString().contains("db-secret-123"));
    assertEquals(Optional.empty(), load(Map.of()).jdbc(), "the embedded Derby by default");
  }

  @Test
  void namesEveryDatabaseMistake() {
    InvalidSettingsException e =
        assertThrows(
            InvalidSettingsException.class,
            () ->
                load(
                    Map.of(
                        "PEERLOOP_JDBC_URL", "jdbc:mysql://db/peerloop",
                        "PEERLOOP_JDBC_POOL_SIZE", "1",
                        "PEERLOOP_DATASOURCE", "jdbc/peerloop")));
    // Not PostgreSQL, no user, no password, a pool too small, and two databases at once.
    assertEquals(5, e.problems().size(), e.problems().toString());
  }

  @Test
  void namesEveryMailServerMistake() {
    InvalidSettingsException e =
        assertThrows(
            InvalidSettingsException.class,
            () ->
                load(
                    Map.of(
                        "PEERLOOP_SMTP_HOST", "smtp.example.edu",
                        "PEERLOOP_SMTP_SECURITY", "ssl3",
                        "PEERLOOP_SMTP_PORT", "99999",
                        "PEERLOOP_SMTP_USERNAME", "peerloop")));

    assertEquals(4, e.problems().size(), e.problems().toString());
  }

  @Test
  void refusesASecretKeyOfTheWrongSize() {
    InvalidSettingsException e =
        assertThrows(
            InvalidSettingsException.class, () -> load(Map.of("PEERLOOP_SECRET_KEY", "c2hvcnQ=")));

    assertTrue(e.getMessage().contains("PEERLOOP_SECRET_KEY"), e.getMessage());
    assertTrue(e.getMessage().contains("32 bytes"), e.getMessage());
  }

  @Test
  void refusesAShortAdminTokenAndAnUnclearSwitch() {
    InvalidSettingsException e =
        assertThrows(
            InvalidSettingsException.class,
            () ->
                load(
                    Map.of(
                        "PEERLOOP_ADMIN_TOKEN", "secret", "PEERLOOP_DYNREG_AUTO_ACTIVATE", "yes")));

    assertEquals(2, e.problems().size(), e.problems().toString());
  }

  @Test
  void derivesTheBaseUrlFromThePort() {
    assertEquals(
        URI.create("http://localhost:9090/"), load(Map.of("PEERLOOP_HTTP_PORT", "9090")).baseUrl());
  }

  @Test
  void keepsAnExplicitBaseUrlAndEndsItWithASlash() {
    Settings s = load(Map.of("PEERLOOP_BASE_URL", "https://peerloop.example.edu/tool"));

    assertEquals(URI.create("https://peerloop.example.edu/tool/"), s.baseUrl());
    assertEquals(URI.create("https://peerloop.example.edu/tool/lti/jwks"), s.url("/lti/jwks"));
    assertEquals(URI.create("https://peerloop.example.edu/tool/lti/jwks"), s.url("lti/jwks"));
  }

  @Test
  void namesEveryMalformedSettingAtOnce() {
    InvalidSettingsException e =
        assertThrows(
            InvalidSettingsException.class,
            () ->
                load(
                    Map.of(
                        "PEERLOOP_HTTP_PORT", "eighty",
                        "PEERLOOP_BASE_URL", "ftp://files.example.edu")));

    assertEquals(2, e.problems().size());
    assertTrue(e.getMessage().contains("PEERLOOP_HTTP_PORT"), e.getMessage());
    assertTrue(e.getMessage().contains("PEERLOOP_BASE_URL"), e.getMessage());
  }

  @Test
  void refusesAPortOutOfRange() {
    InvalidSettingsException e =
        assertThrows(
            InvalidSettingsException.class, () -> load(Map.of("PEERLOOP_HTTP_PORT", "70000")));

    assertTrue(e.problems().get(0).contains("between 1 and 65535"));
  }

  @Test
  void refusesABaseUrlWithAQuery() {
    assertThrows(
        InvalidSettingsException.class,
        () -> load(Map.of("PEERLOOP_BASE_URL", "https://x.example.edu/?a=1")));
  }
}
