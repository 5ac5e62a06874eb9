package org.peerloop.demo;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.logging.LogManager;
import org.peerloop.demo.lms.DemoLms;
import org.peerloop.demo.sharepoint.DemoSharePoint;
import org.peerloop.settings.InvalidSettingsException;
import org.peerloop.settings.Settings;

/**
 * {@code java -jar peerloop-demo.jar}: the whole product on one machine. Starts GlassFish Embedded
 * with the PeerLoop WAR at {@code /} on an embedded Derby database in {@code PEERLOOP_DATA_DIR},
 * starts the demo LMS on the next port, registers it with PeerLoop through LTI Dynamic
 * Registration, prints where everything answers, and stops cleanly on Ctrl-C or SIGTERM.
 *
 * <p>The tool is addressed as {@code 127.0.0.1} and the LMS as {@code localhost}: two sites, so the
 * browser treats the tool's iframe as third-party, as it does in production.
 */
public final class DemoLauncher {
  /** The demo LMS's port; defaults to the tool's port plus one. */
  static final String LMS_PORT = "PEERLOOP_DEMO_LMS_PORT";

  /** The line that says the demo is set up and takes requests, followed by the tool's URL. */
  public static final String READY = "PeerLoop ready at ";

  private DemoLauncher() {}

  public static void main(String[] args) {
    quietServerLogs();
    String adminToken = demoDefaults();
    Settings settings;
    try {
      settings = Settings.fromEnvironment();
    } catch (InvalidSettingsException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }

    DemoSharePoint sharePoint;
    try {
      sharePoint = DemoSharePoint.start(settings.httpPort() + 2);
    } catch (IOException e) {
      System.err.println("The demo SharePoint could not start: " + e.getMessage());
      System.exit(1);
      return;
    }
    sharePoint.toolSettings().forEach(DemoLauncher::defaultSetting);

    EmbeddedServer server = new EmbeddedServer(settings);
    DemoLms[] lms = new DemoLms[1];
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  if (lms[0] != null) {
                    lms[0].stop();
                  }
                  server.stop();
                  sharePoint.stop();
                },
                "peerloop-shutdown"));
    try {
      server.start();
      lms[0] = DemoPlatformSetup.connect(settings, lmsPort(settings), adminToken);
      DemoPlatformSetup.connectStore(settings, adminToken, lms[0]);
      DemoPlatformSetup.connectBridge(settings, adminToken, lms[0]);
      DemoPlatformSetup.connectSharePoint(settings, adminToken, sharePoint, lms[0]);
    } catch (EmbeddedServer.StartFailure
        | DemoPlatformSetup.SetupFailure
        | IOException
        | InterruptedException e) {
      System.err.println("PeerLoop could not start: " + e.getMessage());
      System.exit(1);
      return;
    }

    URI tool = settings.baseUrl();
    System.out.println(READY + tool);
    System.out.println("  demo LMS course:   " + lms[0].url() + "course");
    System.out.println(
        "  demo LRS (xAPI):   "
            + lms[0].lrsEndpoint()
            + "statements  (user "
            + lms[0].lrs().username()
            + ", password "
            + lms[0].lrs().password()
            + "; PeerLoop pushes every minute)");
    System.out.println(
        "  Moodle bridge:     "
            + lms[0].url()
            + "webservice/rest/server.php  (completions go to "
            + tool
            + "moodle/events; a learner's \"Mark complete\" on the course page opens post-course spaces)");
    System.out.println(
        "  admin console:     "
            + tool
            + "admin/  (first start: the setup link is in the log above)");
    System.out.println(
        "  SharePoint page:   "
            + sharePoint.pageUrl()
            + "  (a stand-in for Microsoft 365; ask for it as the instructor in Settings,"
            + " SharePoint pages, then enter the code as Dana Lee, the site's owner, on the page)");
    System.out.println("  health:            " + tool + "health");
    System.out.println("  tool keys (JWKS):  " + tool + "lti/jwks");
    System.out.println("  tool config:       " + tool + "lti/config.json");
    System.out.println("  admin API token:   " + settings.adminToken().orElse("(not set)"));
    System.out.println("  data folder:       " + settings.dataDir());
    System.out.println("Open the demo LMS course, pick a person, open an activity. Ctrl-C stops.");
  }

  /**
   * The demo's own defaults, each overridable by the same setting: the tool on 127.0.0.1,
   * self-registered platforms active at once, calls to this machine allowed (the demo LMS and the
   * Microsoft 365 stand-in run on loopback), and a random admin token for this run.
   */
  private static String demoDefaults() {
    String port = setting(Settings.HTTP_PORT, "8080");
    defaultSetting(Settings.BASE_URL, "http://127.0.0.1:" + port + "/");
    defaultSetting(Settings.DYNREG_AUTO_ACTIVATE, "true");
    defaultSetting(Settings.OUTBOUND_ALLOW_LOOPBACK, "true");
    byte[] random = new byte[24];
    new SecureRandom().nextBytes(random);
    return defaultSetting(
        Settings.ADMIN_TOKEN, Base64.getUrlEncoder().withoutPadding().encodeToString(random));
  }

  private static int lmsPort(Settings settings) {
    String raw = setting(LMS_PORT, String.valueOf(settings.httpPort() + 1));
    try {
      return Integer.parseInt(raw);
    } catch (NumberFormatException e) {
      System.err.println(LMS_PORT + " must be a port number, was '" + raw + "'");
      System.exit(2);
      return -1;
    }
  }

  private static String setting(String name, String fallback) {
    String value = System.getProperty(name, System.getenv(name));
    return value == null || value.isBlank() ? fallback : value;
  }

  private static String defaultSetting(String name, String value) {
    String existing = setting(name, null);
    if (existing == null) {
      System.setProperty(name, value);
      return value;
    }
    return existing;
  }

  /**
   * The server logs hundreds of INFO lines while starting; the demo shows PeerLoop's own lines and
   * every warning. An operator's {@code java.util.logging.config.file} wins.
   */
  private static void quietServerLogs() {
    if (System.getProperty("java.util.logging.config.file") != null) {
      return;
    }
    try (InputStream config = DemoLauncher.class.getResourceAsStream("demo-logging.properties")) {
      if (config != null) {
        LogManager.getLogManager().readConfiguration(config);
      }
    } catch (IOException e) {
      System.err.println("Demo logging configuration unreadable; using the JVM's defaults");
    }
  }
}
