package org.peerloop.demo;

import java.io.IOException;
import java.io.InputStream;
import java.util.logging.LogManager;
import org.peerloop.settings.InvalidSettingsException;
import org.peerloop.settings.Settings;

/**
 * {@code java -jar peerloop-demo.jar}: the whole product on one machine. Starts GlassFish Embedded,
 * deploys the PeerLoop WAR at {@code /} on an embedded Derby database in {@code PEERLOOP_DATA_DIR},
 * prints where it answers, and stops cleanly on Ctrl-C or SIGTERM.
 */
public final class DemoLauncher {
  private DemoLauncher() {}

  public static void main(String[] args) {
    quietServerLogs();
    Settings settings;
    try {
      settings = Settings.fromEnvironment();
    } catch (InvalidSettingsException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }

    EmbeddedServer server = new EmbeddedServer(settings);
    Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "peerloop-shutdown"));
    try {
      server.start();
    } catch (EmbeddedServer.StartFailure e) {
      System.err.println("PeerLoop could not start: " + e.getMessage());
      System.exit(1);
      return;
    }

    String local = "http://localhost:" + settings.httpPort() + "/";
    System.out.println("PeerLoop ready at " + local);
    System.out.println("  health:            " + local + "health");
    System.out.println("  tool keys (JWKS):  " + local + "lti/jwks");
    System.out.println("  public base URL:   " + settings.baseUrl());
    System.out.println("  data folder:       " + settings.dataDir());
    System.out.println("Press Ctrl-C to stop.");
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
