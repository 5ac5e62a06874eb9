package org.peerloop.demo;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.peerloop.demo.lms.DemoLms;
import org.peerloop.settings.Settings;

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

  private DemoStack(Settings settings, EmbeddedServer server, DemoLms lms) {
    this.settings = settings;
    this.server = server;
    this.lms = lms;
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
      Settings settings = Settings.fromEnvironment();
      EmbeddedServer server = new EmbeddedServer(settings);
      server.start();
      DemoLms lms = DemoPlatformSetup.connect(settings, freePort(), ADMIN_TOKEN);
      return new DemoStack(settings, server, lms);
    } catch (Exception e) {
      throw new IllegalStateException("The demo stack did not start: " + e.getMessage(), e);
    }
  }

  URI tool(String path) {
    return settings.url(path);
  }

  @Override
  public void close() {
    lms.stop();
    server.stop();
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
