package org.peerloop.moodle.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.peerloop.moodle.webhook.MoodleEvent;
import org.peerloop.moodle.webhook.WebhookSignature;

/**
 * The Moodle plugin, checked with the PHP command-line interpreter (Debian's {@code php-cli}):
 * every file parses, the plugin signs the shared vectors as the Java side does, and what it sends
 * is what {@link MoodleEvent} reads. Without {@code php} on the PATH these tests fail: they are
 * never skipped.
 */
class MoodlePluginTest {
  private static final Path PLUGIN =
      Path.of(System.getProperty("moodle.plugin.dir", "moodle-plugin"));
  private static final Path PHP_TEST = Path.of("src/test/php/plugin_test.php");

  record Run(int exit, String out, String err) {}

  private static Run php(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("php"));
    command.addAll(List.of(args));
    Process process;
    try {
      process = new ProcessBuilder(command).start();
    } catch (IOException e) {
      throw new AssertionError(
          "The plugin's tests need the PHP command line: apt-get install -y php-cli", e);
    }
    process.getOutputStream().close();
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "php finished");
    return new Run(
        process.exitValue(),
        new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
        new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
  }

  private static List<Path> phpFiles() throws IOException {
    try (Stream<Path> files = Files.walk(PLUGIN)) {
      return files.filter(p -> p.toString().endsWith(".php")).sorted().toList();
    }
  }

  @Test
  void everyPluginFileParses() throws Exception {
    List<Path> files = phpFiles();
    assertTrue(files.size() >= 9, "the plugin's files: " + files);
    for (Path file : files) {
      Run lint = php("-l", file.toString());
      assertEquals(0, lint.exit(), file + ": " + lint.out() + lint.err());
    }
  }

  @Test
  void everyPluginFileHasTheGplHeaderAndTheMoodleGuard() throws Exception {
    for (Path file : phpFiles()) {
      String text = Files.readString(file);
      assertTrue(text.contains("GNU General Public License"), file + " has the GPL header");
      boolean namespaced = text.contains("\nnamespace local_peerloop");
      assertTrue(
          namespaced || text.contains("defined('MOODLE_INTERNAL') || die();"),
          file + " cannot run outside Moodle");
    }
  }

  @Test
  void thePluginSignsTheSharedVectorsAndSendsWhatPeerLoopReads() throws Exception {
    Run run = php(PHP_TEST.toString());
    assertEquals(0, run.exit(), run.out() + run.err());
    List<String> lines = run.out().lines().toList();
    assertEquals("ok 4 vectors", lines.get(lines.size() - 1));

    List<MoodleEvent> events = new ArrayList<>();
    for (String line : lines.subList(0, lines.size() - 1)) {
      JsonObject sent = Json.createReader(new StringReader(line)).readObject();
      byte[] body = sent.getString("body").getBytes(StandardCharsets.UTF_8);
      long timestamp = sent.getJsonNumber("timestamp").longValue();
      WebhookSignature.verify(
          "cross-check-secret",
          String.valueOf(timestamp),
          sent.getString("signature"),
          body,
          Instant.ofEpochSecond(timestamp));
      events.add(MoodleEvent.parse(body));
    }
    assertEquals(3, events.size());
    assertEquals(MoodleEvent.Type.MODULE_COMPLETION, events.get(0).type());
    assertEquals("https://moodle.example.edu/sub", events.get(0).site());
    assertEquals(Optional.of(102L), events.get(0).cmid());
    assertTrue(events.get(0).isCompletion());
    assertEquals(Optional.empty(), events.get(1).overallComplete());
    assertFalse(events.get(1).isCompletion(), "state 3 without a verdict is a fail");
    assertEquals(MoodleEvent.Type.COURSE_COMPLETION, events.get(2).type());
  }

  @Test
  void theObservedEventsAreListedLiterallyAndRunAfterCommit() throws IOException {
    String events = Files.readString(PLUGIN.resolve("db/events.php"));
    assertTrue(events.contains("'eventname' => '\\core\\event\\course_module_completion_updated'"));
    assertTrue(events.contains("'eventname' => '\\core\\event\\course_completed'"));
    assertEquals(2, events.split("'internal' => false").length - 1);
    String version = Files.readString(PLUGIN.resolve("version.php"));
    assertTrue(version.contains("$plugin->requires  = 2022112800;"), "requires Moodle 4.1");
    assertTrue(version.contains("$plugin->supported = [401, 500];"));
    assertTrue(version.contains("$plugin->component = 'local_peerloop';"));
  }
}
