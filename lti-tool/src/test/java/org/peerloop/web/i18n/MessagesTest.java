package org.peerloop.web.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.peerloop.analytics.Persona;
import org.peerloop.grades.GradeStatus;
import org.peerloop.lti.launch.Refusal;
import org.peerloop.notify.Digest;
import org.peerloop.notify.NotificationKind;
import org.peerloop.roster.SyncStatus;

/**
 * Every language is complete: the same keys and placeholders in each bundle, and every message the
 * page's scripts ask for exists.
 */
class MessagesTest {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

  /**
   * Literal keys in the scripts: t("key"), PL.t("key"), tn("key", …). Keys built from a prefix and
   * a server code ("kind." + code) are checked code by code below.
   */
  private static final Pattern USED = Pattern.compile("\\bt(n?)\\(\"([A-Za-z0-9_.-]+)\"\\s*[,)]");

  private static final Set<String> SCRIPTS =
      Set.of(
          "peerloop-core.js",
          "peerloop-editor.js",
          "peerloop-posts.js",
          "peerloop-cohort.js",
          "peerloop-manage.js",
          "peerloop-placement.js",
          "peerloop-sync.js",
          "peerloop-insights.js",
          "peerloop-notices.js",
          "peerloop-app.js");

  private static Set<String> placeholders(String text) {
    Set<String> names = new TreeSet<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  @Test
  void everyLanguageHasEveryKeyWithTheSamePlaceholders() {
    Map<String, String> english = Messages.forLocale("en").all();
    for (String language : Messages.LANGUAGES) {
      Map<String, String> other = Messages.forLocale(language).all();
      assertEquals(english.keySet(), other.keySet(), language + " has the same keys");
      other.forEach(
          (key, text) -> {
            assertFalse(text.isBlank(), language + " " + key + " is empty");
            assertEquals(
                placeholders(english.get(key)),
                placeholders(text),
                language + " " + key + " has the same placeholders");
          });
    }
  }

  @Test
  void spanishIsReallySpanish() {
    assertEquals("Iniciar un hilo", Messages.forLocale("es").get("threads.start"));
    assertEquals("Start a thread", Messages.forLocale("en").get("threads.start"));
  }

  @Test
  void everyMessageTheScriptsUseExists() throws IOException {
    Map<String, String> english = Messages.forLocale("en").all();
    Set<String> missing = new TreeSet<>();
    int found = 0;
    for (String script : SCRIPTS) {
      String source = read("/org/peerloop/web/static/" + script);
      Matcher m = USED.matcher(source);
      while (m.find()) {
        found++;
        String key = m.group(2);
        boolean counted = !m.group(1).isEmpty();
        if (counted ? !english.containsKey(key + ".other") : !english.containsKey(key)) {
          missing.add(script + ": " + key + (counted ? ".other" : ""));
        }
      }
    }
    assertTrue(found > 100, "the scan finds the scripts' messages: " + found);
    assertEquals(Set.of(), missing);
  }

  @Test
  void messagesBuiltFromServerCodesExistForEveryCode() {
    Map<String, String> english = Messages.forLocale("en").all();
    Set<String> keys =
        Set.of(
            "phase.PRE_COURSE",
            "phase.POST_COURSE",
            "kind.discussion",
            "kind.question",
            "kind.applied-story",
            "sort.newest",
            "sort.top-rated",
            "sort.unanswered",
            "role.LEARNER",
            "role.FACILITATOR",
            "role.EXPERT_REVIEWER",
            "grouping.TOPICS",
            "grouping.LMS_GROUPS",
            "moderation.OPEN",
            "moderation.EXPERT_REVIEW",
            "editor.bold",
            "editor.link");
    Set<String> fromEnums = new TreeSet<>(keys);
    for (SyncStatus status : SyncStatus.values()) {
      fromEnums.add("sync.status." + status.name());
    }
    for (GradeStatus status : GradeStatus.values()) {
      fromEnums.add("sync.grade." + status.name());
    }
    for (Digest digest : Digest.values()) {
      fromEnums.add("notice.digest." + digest.name());
    }
    for (NotificationKind kind : NotificationKind.values()) {
      fromEnums.add("notice." + kind.name());
      if (kind.emailedAtOnce()) {
        fromEnums.add("mail." + kind.name() + ".subject");
        fromEnums.add("mail." + kind.name() + ".lead");
      }
    }
    for (Persona persona : Persona.values()) {
      fromEnums.add("persona." + persona.name());
    }
    for (String segment : List.of("creators", "contributors", "consumers", "nonParticipants")) {
      fromEnums.add("insights.segment." + segment);
    }
    for (String column :
        List.of("name", "segment", "persona", "threads", "replies", "ratingsGiven", "egoNetwork")) {
      fromEnums.add("insights.column." + column);
    }
    assertEquals(
        Set.of(),
        fromEnums.stream().filter(k -> !english.containsKey(k)).collect(Collectors.toSet()));
  }

  @Test
  void everyLaunchRefusalHasASentenceInEveryLanguage() {
    for (String language : Messages.LANGUAGES) {
      Map<String, String> words = Messages.forLocale(language).all();
      for (Refusal refusal : Refusal.values()) {
        assertTrue(
            words.containsKey("refusal." + refusal.code()),
            language + " lacks refusal." + refusal.code());
      }
    }
  }

  @ParameterizedTest
  @CsvSource({
    "es, es, es",
    "es_mx, es, es-MX",
    "es-MX, es, es-MX",
    "en_us, en, en-US",
    "de, en, en",
    "'', en, en",
    "not a locale!, en, en"
  })
  void theLanguageFollowsTheLaunchLocaleAndFallsBackToEnglish(
      String requested, String language, String formats) {
    assertEquals(language, Messages.forLocale(requested).language());
    assertEquals(formats, Messages.formatTag(requested));
  }

  @Test
  void placeholdersAreFilled() {
    assertEquals(
        "Signed in as Ada Ito",
        Messages.forLocale("en").get("app.signedInAs", Map.of("name", "Ada Ito")));
  }

  private static String read(String resource) throws IOException {
    try (InputStream in = MessagesTest.class.getResourceAsStream(resource)) {
      assertTrue(in != null, resource);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
