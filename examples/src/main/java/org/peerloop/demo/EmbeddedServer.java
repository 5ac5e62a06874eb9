package org.peerloop.demo;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.glassfish.embeddable.CommandResult;
import org.glassfish.embeddable.GlassFish;
import org.glassfish.embeddable.GlassFishException;
import org.glassfish.embeddable.GlassFishProperties;
import org.glassfish.embeddable.GlassFishRuntime;
import org.peerloop.settings.Settings;

/** GlassFish Embedded running the PeerLoop WAR at the root context. */
final class EmbeddedServer {
  static final String WAR_RESOURCE = "peerloop.war";
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

  /** How long a client may pause while its request arrives, or an open connection sit idle. */
  static final Duration SLOW_CLIENT_TIMEOUT = Duration.ofSeconds(15);

  private final Settings settings;
  private GlassFishRuntime runtime;
  private GlassFish glassFish;

  EmbeddedServer(Settings settings) {
    this.settings = settings;
  }

  /** Starts the server, deploys the tool and returns once {@code /health} answers. */
  void start() throws StartFailure {
    // GlassFish does not fail on a busy port: it logs and shuts down (see README, Operations).
    requirePortFree(settings.httpPort());
    Path war = prepareDataDirAndWar();
    try {
      runtime = GlassFishRuntime.bootstrap();
      GlassFishProperties properties = new GlassFishProperties();
      properties.setPort("http-listener", settings.httpPort());
      // Plain HTTP only: TLS belongs to the reverse proxy in front (see README, Deployment).
      properties.setProperty(
          "embedded-glassfish-config.server.network-config.network-listeners"
              + ".network-listener.https-listener.enabled",
          "false");
      // Do not advertise the server and its version in every response.
      properties.setProperty(
          "embedded-glassfish-config.server.network-config.protocols.protocol.http-listener.http"
              + ".xpowered-by",
          "false");
      // A client that stops sending holds a connection only this long: before its request is
      // complete (Grizzly's keep-alive timeout also bounds the headers), or part way through its
      // body (the read timeout; the tool answers 408).
      properties.setProperty(
          "embedded-glassfish-config.server.network-config.protocols.protocol.http-listener.http"
              + ".timeout-seconds",
          String.valueOf(SLOW_CLIENT_TIMEOUT.toSeconds()));
      properties.setProperty(
          "embedded-glassfish-config.server.network-config.transports.transport.tcp"
              + ".read-timeout-millis",
          String.valueOf(SLOW_CLIENT_TIMEOUT.toMillis()));
      glassFish = runtime.newGlassFish(properties);
      glassFish.start();
      if (settings.jdbc().isPresent()) {
        createPostgresPool(settings.jdbc().get());
      }
      String deployed =
          glassFish.getDeployer().deploy(war.toUri(), "--contextroot=/", "--name=peerloop");
      if (deployed == null) {
        throw new StartFailure("the PeerLoop application failed to deploy; see the log above");
      }
    } catch (GlassFishException e) {
      throw new StartFailure("the embedded server failed: " + e.getMessage());
    }
    awaitHealthy();
  }

  /**
   * Pools connections to the PostgreSQL database of {@code PEERLOOP_JDBC_URL} in the server (so
   * they take part in its transactions) and binds the pool where the application looks for it. A
   * standalone GlassFish or Payara gets the same with {@code asadmin create-jdbc-connection-pool}
   * and {@code PEERLOOP_DATASOURCE} (see README, Operations).
   */
  private void createPostgresPool(Settings.Jdbc jdbc) throws GlassFishException, StartFailure {
    String properties =
        "url="
            + asadminValue(jdbc.url())
            + ":user="
            + asadminValue(jdbc.user())
            + ":password="
            + asadminValue(jdbc.password());
    run(
        "create-jdbc-connection-pool",
        "--datasourceclassname=org.postgresql.ds.PGSimpleDataSource",
        "--restype=javax.sql.DataSource",
        "--steadypoolsize=2",
        "--maxpoolsize=" + jdbc.poolSize(),
        // A connection the database dropped (a restart) is found and replaced, not handed out.
        "--isconnectvalidatereq=true",
        "--validationmethod=meta-data",
        "--failconnection=true",
        "--property",
        properties,
        "peerloop-postgresql");
    run(
        "create-jdbc-resource",
        "--connectionpoolid=peerloop-postgresql",
        Settings.JDBC_POOL_JNDI_NAME);
  }

  private void run(String command, String... args) throws GlassFishException, StartFailure {
    CommandResult result = glassFish.getCommandRunner().run(command, args);
    if (result.getExitStatus() == CommandResult.ExitStatus.FAILURE) {
      // The output names the pool's settings, never the password (it is not echoed).
      throw new StartFailure(command + " failed: " + result.getOutput());
    }
  }

  /** asadmin's property syntax separates with ':' and '=', which a value escapes with '\'. */
  static String asadminValue(String value) {
    return value.replace("\\", "\\\\").replace(":", "\\:").replace("=", "\\=");
  }

  /** Stops the server; the application shuts its embedded database down as it undeploys. */
  void stop() {
    try {
      if (glassFish != null && glassFish.getStatus() == GlassFish.Status.STARTED) {
        glassFish.stop();
        glassFish.dispose();
      }
      if (runtime != null) {
        runtime.shutdown();
      }
      System.out.println("PeerLoop stopped");
    } catch (GlassFishException e) {
      System.err.println("PeerLoop did not stop cleanly: " + e.getMessage());
    }
  }

  private static void requirePortFree(int port) throws StartFailure {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(port));
    } catch (IOException e) {
      throw new StartFailure(
          "port " + port + " is in use; choose another with " + Settings.HTTP_PORT + "=<port>");
    }
  }

  private Path prepareDataDirAndWar() throws StartFailure {
    try {
      Files.createDirectories(settings.dataDir());
      // Derby keeps the database under its system home; the application reads the same setting.
      System.setProperty("derby.system.home", settings.dataDir().toString());
      Path war = Files.createTempFile("peerloop-", ".war");
      war.toFile().deleteOnExit();
      try (InputStream in = EmbeddedServer.class.getResourceAsStream(WAR_RESOURCE)) {
        if (in == null) {
          throw new StartFailure("the demo jar does not contain " + WAR_RESOURCE);
        }
        Files.copy(in, war, StandardCopyOption.REPLACE_EXISTING);
      }
      return war;
    } catch (IOException e) {
      throw new StartFailure(
          "cannot write to " + settings.dataDir() + " or the temporary folder: " + e.getMessage());
    }
  }

  private void awaitHealthy() throws StartFailure {
    URI health = URI.create("http://localhost:" + settings.httpPort() + "/health");
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        HttpResponse<Void> response =
            client.send(
                HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet; try again below
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new StartFailure("interrupted while waiting for the server");
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new StartFailure("interrupted while waiting for the server");
      }
    }
    throw new StartFailure(
        health + " did not answer 200 within " + READY_TIMEOUT.toSeconds() + "s");
  }

  /** Why the demo could not start, in words for the person who ran it. */
  static final class StartFailure extends Exception {
    private static final long serialVersionUID = 1L;

    StartFailure(String message) {
      super(message);
    }
  }
}
