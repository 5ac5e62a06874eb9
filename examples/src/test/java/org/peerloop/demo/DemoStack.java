package org.peerloop.demo;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.peerloop.demo.lms.DemoCourse;
import org.peerloop.demo.lms.DemoLms;
import org.peerloop.demo.sharepoint.DemoSharePoint;
import org.peerloop.persistence.TestDatabase;
import org.peerloop.persistence.TestPostgres;
import org.peerloop.settings.Settings;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The demo as the in-container tests use it: PeerLoop on GlassFish Embedded in this JVM, and the
 * demo LMS registered with it through Dynamic Registration. Started once per test run (a server
 * start costs seconds) and stopped when the run ends.
 */
final class DemoStack implements ExtensionContext.Store.CloseableResource {
  static final String ADMIN_TOKEN = "integration-test-admin-token-0123456789";

  final Settings settings;
  final EmbeddedServer server;
  final DemoLms lms;

  /** The mail server notifications go through: a real SMTP server on loopback. */
  final GreenMail mail;

  /** The stand-in for Microsoft 365: Entra, Graph and a SharePoint page with the web part. */
  final DemoSharePoint sharePoint;

  private DemoStack(
      Settings settings,
      EmbeddedServer server,
      DemoLms lms,
      GreenMail mail,
      DemoSharePoint sharePoint) {
    this.settings = settings;
    this.server = server;
    this.lms = lms;
    this.mail = mail;
    this.sharePoint = sharePoint;
  }

  /** The one stack of this test run. */
  static DemoStack get(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(DemoStack.class, key -> start(), DemoStack.class);
  }

  private static DemoStack start() {
    try {
      int port = freePort();
      Path data = Files.createTempDirectory("peerloop-it-");
      System.setProperty(Settings.HTTP_PORT, String.valueOf(port));
      System.setProperty(Settings.DATA_DIR, data.toString());
      System.setProperty(Settings.BASE_URL, "http://127.0.0.1:" + port + "/");
      System.setProperty(Settings.ADMIN_TOKEN, ADMIN_TOKEN);
      System.setProperty(Settings.DYNREG_AUTO_ACTIVATE, "true");
      // The demo LMS, the mail server and the Microsoft 365 stand-in all run on loopback.
      System.setProperty(Settings.OUTBOUND_ALLOW_LOOPBACK, "true");
      // The suites sign in and post from one address far faster than people do; the limits
      // themselves are tested on nodes of their own (ClusterIT, RateLimitIT).
      System.setProperty(Settings.LIMIT_LOGINS, "100000");
      System.setProperty(Settings.LIMIT_LAUNCHES, "100000");
      System.setProperty(Settings.LIMIT_POSTS, "100000");
      System.setProperty(Settings.LIMIT_REGISTRATIONS, "100000");
      if (TestDatabase.onPostgres()) {
        // The tool's database is a PostgreSQL database of its own, pooled by the server.
        PGSimpleDataSource database = (PGSimpleDataSource) TestPostgres.newDatabase();
        System.setProperty(Settings.JDBC_URL, database.getUrl());
        System.setProperty(Settings.JDBC_USER, database.getUser());
        // The test server trusts loopback; a real one checks it.
        System.setProperty(Settings.JDBC_PASSWORD, "test-only-password");
      }
      int smtpPort = freePort();
      GreenMail mail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", "smtp"));
      mail.start();
      System.setProperty(Settings.SMTP_HOST, "127.0.0.1");
      System.setProperty(Settings.SMTP_PORT, String.valueOf(smtpPort));
      System.setProperty(Settings.SMTP_SECURITY, "none");
      System.setProperty(Settings.MAIL_FROM, "PeerLoop <peerloop@example.edu>");
      DemoSharePoint sharePoint = DemoSharePoint.start(0);
      sharePoint.toolSettings().forEach(System::setProperty);
      Settings settings = Settings.fromEnvironment();
      EmbeddedServer server = new EmbeddedServer(settings);
      server.start();
      DemoLms lms = DemoPlatformSetup.connect(settings, freePort(), ADMIN_TOKEN);
      DemoPlatformSetup.connectBridge(settings, ADMIN_TOKEN, lms);
      // The first course's tests place learners by their own launches; a roster synchronisation
      // running beside them would place everyone at once. The LTI Advantage tests use course 103.
      lms.offerNamesAndRoles(DemoCourse.CONTEXT_ID, false);
      DemoPlatformSetup.connectSharePoint(settings, ADMIN_TOKEN, sharePoint, lms);
      return new DemoStack(settings, server, lms, mail, sharePoint);
    } catch (Exception e) {
      throw new IllegalStateException("The demo stack did not start: " + e.getMessage(), e);
    }
  }

  URI tool(String path) {
    return settings.url(path);
  }

  /** Calls the tool as a page or an admin would: an optional bearer token and JSON body. */
  HttpResponse<String> call(String method, String path, String bearer, String json)
      throws IOException, InterruptedException {
    return DemoNode.call(
        settings.baseUrl(), method, path.startsWith("/") ? path.substring(1) : path, bearer, json);
  }

  @Override
  public void close() {
    lms.stop();
    server.stop();
    mail.stop();
    sharePoint.stop();
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
