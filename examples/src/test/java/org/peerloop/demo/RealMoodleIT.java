package org.peerloop.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * PeerLoop against a real Moodle 4.5 (PostgreSQL, PHP 8.2, see {@link RealMoodle}), driven as IT,
 * teachers and learners drive it, in headless Chromium with third-party cookies blocked. Runs when
 * the Moodle archive is in the project's shared folder (CI has it); without it the whole class is
 * skipped, and says why. With the archive but without PHP's extensions it fails: CI installs them.
 */
@ExtendWith(DemoStackExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RealMoodleIT {
  private static DemoStack stack;
  private static RealMoodle moodle;
  private static Browser browser;
  private static String clientId;
  private static String webhookSecret;
  private static String page;
  private static String shiftCourseId;
  private static String courseId;
  private static String cmId;
  private static final Map<String, String> userIds = new java.util.HashMap<>();
  private static final String SPACE_TITLE = "Leading teams, peer circle";

  @BeforeAll
  static void setUp(DemoStack running) throws Exception {
    Optional<Path> archive = RealMoodle.archive();
    assumeTrue(
        archive.isPresent(),
        "SKIPPED: no Moodle archive at ../shared/platforms/moodle/moodle-4.5.0-core.tar.xz"
            + " (or -Dpeerloop.moodle.archive): the real-Moodle journeys did not run");
    RealMoodle.missingPhp()
        .ifPresent(
            missing -> {
              throw new IllegalStateException("The Moodle archive is here but " + missing);
            });
    stack = running;
    moodle = RealMoodle.start(archive.get(), Path.of("target", "real-moodle"));
    browser = new Browser(running);
    // Moodle's first-login tours would cover the pages a person here has seen before.
    moodle.fixture("no-tours");
    courseId = moodle.fixture("course", "PL101", "Leading teams");
    enrol("teacher1", "Tess", "Teacher", "editingteacher");
    for (String[] learner :
        List.of(
            new String[] {"learner1", "Lia", "Ochoa"},
            new String[] {"learner2", "Marek", "Nowak"},
            new String[] {"learner3", "Noor", "Haddad"})) {
      enrol(learner[0], learner[1], learner[2], "student");
    }
  }

  private static String enrol(String username, String first, String last, String role)
      throws Exception {
    String id = moodle.fixture("user", username, first, last, username + "@example.edu");
    assertEquals("true", moodle.fixture("enrol", courseId, id, role));
    userIds.put(username, id);
    return id;
  }

  @AfterAll
  static void tearDown() throws Exception {
    if (browser != null) {
      browser.close();
    }
    if (moodle != null) {
      moodle.close();
    }
  }

  /** Signs in on Moodle's login page (which may load twice while it sets its session cookie). */
  private static void signIn(String username) {
    browser.driver.switchTo().defaultContent();
    browser.driver.manage().deleteAllCookies();
    browser.driver.get(moodle.url("/login/index.php").toString());
    new WebDriverWait(browser.driver, Browser.WAIT)
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .ignoring(org.openqa.selenium.NoSuchElementException.class)
        .ignoring(org.openqa.selenium.ElementNotInteractableException.class)
        .until(
            d -> {
              if (!d.getCurrentUrl().contains("/login/index.php")) {
                return d;
              }
              d.findElement(By.id("username")).clear();
              d.findElement(By.id("username")).sendKeys(username);
              d.findElement(By.id("password")).sendKeys(RealMoodle.PASSWORD);
              d.findElement(By.id("loginbtn")).click();
              return null;
            });
  }

  private static List<Object> json(String text) throws Exception {
    return JSONObjectUtils.parse("{\"v\":" + text + "}").get("v") instanceof List<?> list
        ? List.copyOf(list)
        : List.of();
  }

  @Test
  @Order(1)
  void itRegistersPeerLoopOnManageToolsAndActivatesIt() throws Exception {
    // Moodle opens PeerLoop's registration page in its frame; PeerLoop says the outcome first.
    registerOnManageTools();
    WebElement next = browser.find("#next-step");
    assertEquals("active", next.getAttribute("data-outcome"), next.getText());
    clientId = browser.find("#client-id").getText();
    browser.find("#close-registration").click();
    browser.driver.switchTo().defaultContent();

    // Moodle lists the tool as pending until IT activates it.
    browser.click("a.activate", "Activate");
    new WebDriverWait(browser.driver, Browser.WAIT)
        .until(d -> moodleToolState().equals(Optional.of(1L)));

    String platforms = stack.call("GET", "api/admin/platforms", DemoStack.ADMIN_TOKEN, null).body();
    assertTrue(platforms.contains(moodle.url().toString()), platforms);
    assertTrue(platforms.contains(clientId), platforms);
  }

  /**
   * A teacher adds PeerLoop from the course and presses *Select content*: Moodle opens PeerLoop's
   * picker (Deep Linking) in its dialog; the teacher creates a space, Moodle fills in the form from
   * PeerLoop's answer, and one save adds the activity bound to the space.
   */
  @Test
  @Order(2)
  void aTeacherPlacesANewSpaceThroughSelectContent() throws Exception {
    String typeId = String.valueOf(moodleTool().get("id"));
    // IT's step after registering (README): show the tool in the activity chooser.
    moodle.fixture("tool-in-chooser", typeId);
    signIn("teacher1");
    browser.driver.get(
        moodle
            .url(
                "/course/modedit.php?add=lti&typeid="
                    + typeId
                    + "&course="
                    + courseId
                    + "&section=1&return=0")
            .toString());
    browser.find("#id_selectcontent").click();
    new WebDriverWait(browser.driver, Browser.WAIT)
        .until(
            ExpectedConditions.frameToBeAvailableAndSwitchToIt(By.id("contentitem-page-iframe")));
    browser.view("placement");
    WebElement title = browser.find("#app form.settings input[type='text']");
    title.clear();
    title.sendKeys(SPACE_TITLE);
    browser.find("#app form.settings input[type='checkbox'][id^='graded']").click();
    browser.click("#app form.settings button[type='submit']", "Create and add to the course");

    // Moodle closes its dialog and fills in its form from PeerLoop's answer.
    browser.driver.switchTo().defaultContent();
    browser.until(
        d -> SPACE_TITLE.equals(d.findElement(By.id("id_name")).getAttribute("value")) ? d : null);
    browser.find("#id_submitbutton2").click();
    browser.until(d -> d.getCurrentUrl().contains("/course/view.php") ? d : null);

    List<Object> instances = json(moodle.fixture("lti-instances", courseId));
    assertEquals(1, instances.size(), instances.toString());
    Map<?, ?> instance = (Map<?, ?>) instances.get(0);
    assertEquals(SPACE_TITLE, instance.get("name"));
    assertTrue(
        String.valueOf(instance.get("instructorcustomparameters")).contains("peerloop_space="),
        instance.toString());
    cmId = String.valueOf(instance.get("cmid"));
  }

  /** A learner opens the activity: PeerLoop in Moodle's frame, in the teacher's space. */
  @Test
  @Order(3)
  void aLearnerOpensTheActivityInMoodlesFrame() throws Exception {
    WebElement app = openActivity("learner1");
    assertTrue(
        !"no-space".equals(app.getAttribute("data-view")),
        "the learner lands in the space: " + app.getAttribute("data-view"));
    assertTrue(
        browser.find("#course-title").getText().contains("Leading teams"),
        browser.find("#course-title").getText());
  }

  /** The teacher reads the roster through Names and Roles: everyone Moodle enrolled. */
  @Test
  @Order(4)
  void theTeacherReadsTheRosterThroughNamesAndRoles() throws Exception {
    openActivity("teacher1");
    browser.script("location.hash = '#/manage/lms'");
    browser.view("lmsSync");
    browser.click("#app button", "Read the whole roster again");
    String text =
        browser.until(
            d -> {
              boolean done = !d.findElements(By.cssSelector("[data-roster='DONE']")).isEmpty();
              String shown = d.findElement(By.id("app")).getText();
              return done && shown.contains("· 4 people ·") ? shown : null;
            });
    assertTrue(text.contains("· 4 people ·"), text);
  }

  /**
   * A space of one cohort per Moodle group, before any bridge exists: each learner's launch names
   * their groups ({@code $Moodle.Person.userGroupIds}, substituted by Moodle), so the two of one
   * group meet in its cohort and the learner of no group is in none of a group's.
   */
  @Test
  @Order(5)
  void aGroupSpacePlacesLearnersByTheirMoodleGroups() throws Exception {
    String course = moodle.fixture("course", "PL102", "Leading teams, by shift");
    shiftCourseId = course;
    for (String user : List.of("learner1", "learner2", "learner3")) {
      assertEquals("true", moodle.fixture("enrol", course, userIds.get(user), "student"));
    }
    assertEquals(
        "true", moodle.fixture("enrol", course, userIds.get("teacher1"), "editingteacher"));
    moodle.fixture(
        "group", course, "Night shift", userIds.get("learner1"), userIds.get("learner2"));
    String activity =
        moodle.fixture(
            "lti-activity", course, String.valueOf(moodleTool().get("id")), "Shift circles");

    String teacher = launchToken("teacher1", activity);
    var space =
        stack.call(
            "PUT",
            "api/v1/space",
            teacher,
            "{\"title\":\"Shift circles\",\"phase\":\"pre-course\",\"grouping\":\"lms-groups\"}");
    assertEquals(200, space.statusCode(), space.body());
    long spaceId = ((Number) JSONObjectUtils.parse(space.body()).get("id")).longValue();
    Map<String, Long> cohortOf = new java.util.HashMap<>();
    for (String user : List.of("learner1", "learner3", "learner2")) {
      var joined =
          stack.call(
              "POST",
              "api/v1/spaces/" + spaceId + "/membership",
              launchToken(user, activity),
              "{\"topics\":[]}");
      assertEquals(200, joined.statusCode(), joined.body());
      cohortOf.put(user, ((Number) JSONObjectUtils.parse(joined.body()).get("id")).longValue());
    }
    assertEquals(
        cohortOf.get("learner1"), cohortOf.get("learner2"), "the night shift: " + cohortOf);
    assertTrue(
        !cohortOf.get("learner3").equals(cohortOf.get("learner1")),
        "no group is not the night shift: " + cohortOf);
  }

  /** The capabilities moodle-bridge/README.md (section 1) lists for the bridge's role. */
  static final List<String> GUIDE_CAPABILITIES =
      List.of(
          "webservice/rest:use",
          "moodle/course:view",
          "moodle/course:viewhiddenactivities",
          "report/progress:view",
          "report/completion:view",
          "moodle/course:viewparticipants",
          "moodle/user:viewdetails",
          "moodle/site:accessallgroups",
          "moodle/course:managegroups");

  /**
   * The bridge's web service account set up as the guide said before (without {@code
   * moodle/user:viewdetails}) sees the teacher only among the enrolled users: the connection test
   * says so, though every function is allowed; with the capability the guide lists now, it sees the
   * learners PeerLoop knows from Names and Roles.
   */
  @Test
  @Order(6)
  void theConnectionTestTellsWhenTheAccountCannotSeeTheLearners() throws Exception {
    List<String> before =
        GUIDE_CAPABILITIES.stream().filter(c -> !c.equals("moodle/user:viewdetails")).toList();
    String token =
        (String)
            JSONObjectUtils.parse(
                    "{\"t\":" + moodle.fixture("bridge-token", before.toArray(String[]::new)) + "}")
                .get("t");
    var bridged =
        stack.call(
            "PUT",
            bridge(),
            DemoStack.ADMIN_TOKEN,
            "{\"siteUrl\":\"" + moodle.url() + "\",\"token\":\"" + token + "\"}");
    assertEquals(200, bridged.statusCode(), bridged.body());
    Map<String, Object> configured = JSONObjectUtils.parse(bridged.body());
    webhookSecret = (String) configured.get("webhookSecret");
    Map<?, ?> connection = (Map<?, ?>) configured.get("connection");
    assertEquals("enrolled-users-hidden", connection.get("warningReason"), connection.toString());
    assertTrue(String.valueOf(connection.get("warning")).contains("moodle/user:viewdetails"));

    moodle.fixture("grant", "moodle/user:viewdetails");
    Map<String, Object> tested =
        JSONObjectUtils.parse(
            stack.call("POST", bridge() + "/test", DemoStack.ADMIN_TOKEN, null).body());
    assertEquals(null, tested.get("warningReason"), tested.toString());
    assertEquals(true, tested.get("connected"), tested.toString());
  }

  private static String bridge() throws Exception {
    return "api/admin/platforms/" + platformId() + "/moodle";
  }

  /**
   * {@code local_peerloop} installed by Moodle's upgrade, and a learner's completion reaching
   * PeerLoop through a dedicated ad hoc task worker ({@code adhoc_task.php --execute}, each task in
   * a fresh process), as sites with such workers run them.
   */
  @Test
  @Order(7)
  void localPeerloopSendsACompletionFromADedicatedTaskWorker() throws Exception {
    String platform = bridge();
    String secret = webhookSecret;

    String upgrade =
        moodle.installPlugin(Path.of("..", "moodle-bridge", "moodle-plugin"), "local/peerloop");
    assertTrue(!moodle.fixture("plugin-version").equals("false"), upgrade);
    moodle.fixture("plugin-config", "peerloopurl", stack.tool("").toString());
    moodle.fixture("plugin-config", "secret", secret);

    page = moodle.fixture("page", courseId, "Read before the first session");
    moodle.fixture("complete-module", page, userIds.get("learner1"));
    assertEquals("1", moodle.fixture("adhoc-tasks"), "the observer queued one send");
    String worker = moodle.run("admin/cli/adhoc_task.php", "--execute");
    assertEquals("0", moodle.fixture("adhoc-tasks"), "the task ran and succeeded:\n" + worker);
    Map<String, Object> status =
        JSONObjectUtils.parse(stack.call("GET", platform, DemoStack.ADMIN_TOKEN, null).body());
    assertTrue(status.get("lastEventAt") != null, status.toString());
  }

  /**
   * Moodle sets some completions without an event (a grade import, a bulk edit): the hourly
   * backstop, reading Moodle with the account the guide sets up, finds them and opens the
   * post-course space that waits for the module.
   */
  @Test
  @Order(8)
  void theBackstopFindsACompletionMoodleSentNoEventFor() throws Exception {
    String activity =
        moodle.fixture(
            "lti-activity", courseId, String.valueOf(moodleTool().get("id")), "After the course");
    String teacher = launchToken("teacher1", activity);
    var created =
        stack.call(
            "PUT",
            "api/v1/space",
            teacher,
            "{\"title\":\"Applied at work\",\"phase\":\"post-course\",\"opensOnCompletion\":true}");
    assertEquals(200, created.statusCode(), created.body());
    long space = ((Number) JSONObjectUtils.parse(created.body()).get("id")).longValue();
    var attached =
        stack.call(
            "PUT",
            "api/v1/spaces/" + space + "/lms-module",
            teacher,
            "{\"moduleId\":" + page + "}");
    assertEquals(200, attached.statusCode(), attached.body());

    String learner = launchToken("learner2", cmId);
    String mine = "api/v1/spaces/" + space + "/my-cohort";
    assertEquals(404, stack.call("GET", mine, learner, null).statusCode(), "not completed yet");
    moodle.fixture("complete-silently", page, userIds.get("learner2"));
    Map<String, Object> run =
        JSONObjectUtils.parse(
            stack.call("POST", bridge() + "/reconcile", DemoStack.ADMIN_TOKEN, null).body());
    assertEquals(null, run.get("error"), run.toString());
    assertEquals(200, stack.call("GET", mine, learner, null).statusCode(), run.toString());
  }

  /**
   * IT registers the same tool again and Moodle offers to update the existing registration (scope
   * {@code reg-update}, the same client id): PeerLoop updates it in place, and says so.
   */
  @Test
  @Order(9)
  void itUpdatesTheRegistrationInPlace() throws Exception {
    registerOnManageTools();
    // Moodle's page in its frame: this tool is registered already; update it, or add another.
    browser.find("button.btn-outline-primary[data-href*='type=']").click();
    WebElement heading = browser.find("h1");
    assertTrue(heading.getText().contains("updated"), heading.getText());
    assertEquals(clientId, browser.find("#client-id").getText());
    browser.find("#close-registration").click();
    browser.driver.switchTo().defaultContent();

    long registrations =
        json(stack.call("GET", "api/admin/platforms", DemoStack.ADMIN_TOKEN, null).body()).stream()
            .filter(p -> moodle.url().toString().equals(((Map<?, ?>) p).get("issuer")))
            .count();
    assertEquals(1, registrations, "one registration, updated in place");
    // Learners still launch with the updated registration.
    openActivity("learner2");
  }

  /**
   * The teacher sends the participation grades: Moodle's gradebook takes them through Assignment
   * and Grade Services, in the column Moodle made from the picker's line item.
   */
  @Test
  @Order(10)
  void participationGradesReachMoodlesGradebook() throws Exception {
    openActivity("teacher1");
    browser.script("location.hash = '#/manage/lms'");
    browser.view("lmsSync");
    browser.click("#app button", "Send grades now");
    List<String> states =
        browser.until(
            d -> {
              List<String> rows =
                  d.findElements(By.cssSelector("tr[data-grade]")).stream()
                      .map(r -> r.getAttribute("data-grade"))
                      .toList();
              return !rows.isEmpty() && !rows.contains("PENDING") ? rows : null;
            });
    assertTrue(states.stream().allMatch("SENT"::equals), states.toString());

    List<Object> grades = json(moodle.fixture("grades", courseId));
    for (String learner : List.of("learner1", "learner2")) {
      assertTrue(
          grades.stream()
              .map(g -> (Map<?, ?>) g)
              .anyMatch(
                  g ->
                      learner.equals(g.get("username"))
                          && "lti".equals(g.get("itemmodule"))
                          && g.get("rawgrade") != null),
          learner + " has a grade in Moodle: " + grades);
    }
  }

  /**
   * {@code local_peerloop} as Moodle's runtime sees it once installed: the privacy API lists what
   * leaves Moodle for PeerLoop with every string resolved, its settings page holds PeerLoop's
   * address and the secret, Moodle calls its observers for both completion events, and its task
   * class loads. (The plain-PHP checks of its signatures stay in moodle-bridge.)
   */
  @Test
  @Order(11)
  void moodlesRuntimeSeesThePluginWhole() throws Exception {
    Map<String, Object> facts = JSONObjectUtils.parse(moodle.fixture("plugin-facts"));
    List<?> privacy = (List<?>) facts.get("privacy");
    assertEquals(1, privacy.size(), facts.toString());
    Map<?, ?> location = (Map<?, ?>) privacy.get(0);
    assertTrue(
        String.valueOf(location.get("type")).endsWith("external_location"), location.toString());
    Map<?, ?> fields = (Map<?, ?>) location.get("fields");
    assertEquals(
        java.util.Set.of("userid", "courseid", "cmid", "completionstate", "timecreated"),
        fields.keySet());
    for (Object text : fields.values()) {
      assertTrue(!String.valueOf(text).contains("[["), "a string Moodle has: " + text);
    }
    assertTrue(!String.valueOf(location.get("summary")).contains("[["), location.toString());
    assertEquals(List.of("peerloopurl", "secret"), facts.get("settings"));
    assertTrue(
        ((List<?>) facts.get("observed"))
            .containsAll(
                List.of(
                    "\\core\\event\\course_module_completion_updated",
                    "\\core\\event\\course_completed")),
        facts.toString());
    assertEquals(true, facts.get("task"));
  }

  /**
   * A teacher copies the course (Moodle's backup and restore, as *Copy course* does): a learner of
   * the copy opens the copied activity and lands in a space of the copy, found through the
   * activity's custom parameters and {@code $Context.id.history}.
   */
  @Test
  @Order(12)
  void aCopyOfTheCourseOpensItsOwnSpace() throws Exception {
    Path backups = java.nio.file.Files.createTempDirectory("moodle-backup-");
    String restored;
    try {
      moodle.run("admin/cli/backup.php", "--courseid=" + courseId, "--destination=" + backups);
      Path file;
      try (var files = java.nio.file.Files.list(backups)) {
        file = files.filter(f -> f.toString().endsWith(".mbz")).findFirst().orElseThrow();
      }
      restored = moodle.run("admin/cli/restore_backup.php", "--file=" + file, "--categoryid=1");
    } finally {
      try (var files = java.nio.file.Files.walk(backups)) {
        for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
          java.nio.file.Files.delete(f);
        }
      }
    }
    List<Object> copies = json(moodle.fixture("courses-except", courseId, shiftCourseId));
    assertEquals(1, copies.size(), copies + "\n" + restored);
    String copy = String.valueOf(copies.get(0));
    assertEquals("true", moodle.fixture("enrol", copy, userIds.get("learner3"), "student"));
    String copiedActivity =
        json(moodle.fixture("lti-instances", copy)).stream()
            .map(i -> (Map<?, ?>) i)
            .filter(i -> SPACE_TITLE.equals(i.get("name")))
            .map(i -> String.valueOf(i.get("cmid")))
            .findFirst()
            .orElseThrow(() -> new AssertionError("the copy has the teacher's activity"));

    WebElement app = openActivity("learner3", copiedActivity);
    assertTrue(!"no-space".equals(app.getAttribute("data-view")), app.getAttribute("data-view"));
    // The copy's own course (Moodle's command-line restore keeps its placeholder name).
    String title = browser.find("#course-title").getText();
    assertTrue(!title.isBlank() && !title.equals("Leading teams"), title);
  }

  /**
   * A launch from Moodle without a browser, for journeys that then use PeerLoop's API: signs in on
   * Moodle's login page (with its login token and session cookie), opens the activity's launch page
   * and plays its auto-posted forms (login initiation to PeerLoop, Moodle's authentication answer
   * back to PeerLoop) as a browser would. The session token comes from PeerLoop's page.
   */
  private static String launchToken(String username, String activity) throws Exception {
    java.net.http.HttpClient http =
        java.net.http.HttpClient.newBuilder()
            .cookieHandler(new java.net.CookieManager())
            .followRedirects(java.net.http.HttpClient.Redirect.NEVER)
            .connectTimeout(java.time.Duration.ofSeconds(5))
            .build();
    String login = send(http, get(moodle.url("/login/index.php"))).body();
    java.util.regex.Matcher token =
        java.util.regex.Pattern.compile("name=\"logintoken\" value=\"([^\"]+)\"").matcher(login);
    assertTrue(token.find(), "Moodle's login page has its token");
    send(
        http,
        post(
            moodle.url("/login/index.php"),
            Map.of(
                "username",
                username,
                "password",
                RealMoodle.PASSWORD,
                "logintoken",
                token.group(1))));
    String page =
        send(http, get(moodle.url("/mod/lti/launch.php?id=" + activity + "&triggerview=0"))).body();
    LaunchDriver.Form initiation = LaunchDriver.form(page);
    var toPeerLoop = send(http, post(initiation.action(), initiation.fields()));
    assertEquals(302, toPeerLoop.statusCode(), toPeerLoop.body());
    URI authentication = URI.create(toPeerLoop.headers().firstValue("Location").orElseThrow());
    LaunchDriver.Form idToken = LaunchDriver.form(send(http, get(authentication)).body());
    var tool = send(http, post(idToken.action(), idToken.fields()));
    assertEquals(200, tool.statusCode(), tool.body());
    return LaunchDriver.sessionToken(tool.body());
  }

  private static java.net.http.HttpRequest get(URI uri) {
    return java.net.http.HttpRequest.newBuilder(uri)
        .timeout(java.time.Duration.ofSeconds(30))
        .build();
  }

  private static java.net.http.HttpRequest post(URI uri, Map<String, String> fields) {
    StringBuilder body = new StringBuilder();
    fields.forEach(
        (k, v) ->
            body.append(body.length() == 0 ? "" : "&")
                .append(java.net.URLEncoder.encode(k, java.nio.charset.StandardCharsets.UTF_8))
                .append('=')
                .append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8)));
    return java.net.http.HttpRequest.newBuilder(uri)
        .timeout(java.time.Duration.ofSeconds(30))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body.toString()))
        .build();
  }

  private static java.net.http.HttpResponse<String> send(
      java.net.http.HttpClient http, java.net.http.HttpRequest request) throws Exception {
    return http.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
  }

  private static String platformId() throws Exception {
    for (Object p :
        json(stack.call("GET", "api/admin/platforms", DemoStack.ADMIN_TOKEN, null).body())) {
      Map<?, ?> platform = (Map<?, ?>) p;
      if (moodle.url().toString().equals(platform.get("issuer"))) {
        return String.valueOf(((Number) platform.get("id")).longValue());
      }
    }
    throw new AssertionError("PeerLoop has no platform " + moodle.url());
  }

  private static WebElement openActivity(String username) {
    return openActivity(username, cmId);
  }

  private static WebElement openActivity(String username, String activity) {
    signIn(username);
    browser.driver.get(moodle.url("/mod/lti/view.php?id=" + activity).toString());
    new WebDriverWait(browser.driver, Browser.WAIT)
        .until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(By.id("contentframe")));
    return browser.until(
        d -> {
          List<WebElement> app = d.findElements(By.cssSelector("#app[data-state='ready']"));
          return app.isEmpty() ? null : app.get(0);
        });
  }

  /** PeerLoop's tool type as Moodle keeps it. */
  private static Map<?, ?> moodleTool() throws Exception {
    for (Object type : json(moodle.fixture("tool-types"))) {
      if (clientId.equals(((Map<?, ?>) type).get("clientid"))) {
        return (Map<?, ?>) type;
      }
    }
    throw new AssertionError("Moodle has no tool with client id " + clientId);
  }

  /**
   * IT pastes PeerLoop's registration URL on *Manage tools* and presses *Add LTI Advantage*; the
   * browser is then in the frame Moodle opens for the registration.
   */
  private static void registerOnManageTools() {
    signIn(RealMoodle.ADMIN);
    browser.driver.get(moodle.url("/mod/lti/toolconfigure.php").toString());
    browser.find("#tool-url").sendKeys(stack.tool("lti/register").toString());
    browser.find("#tool-create-button").click();
    new WebDriverWait(browser.driver, Browser.WAIT)
        .until(
            ExpectedConditions.frameToBeAvailableAndSwitchToIt(
                By.cssSelector("#external-registration-page-container iframe")));
  }

  /** The state Moodle keeps for PeerLoop's tool type (1: configured, 2: pending). */
  private static Optional<Long> moodleToolState() {
    try {
      return Optional.of(Long.parseLong(String.valueOf(moodleTool().get("state"))));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
