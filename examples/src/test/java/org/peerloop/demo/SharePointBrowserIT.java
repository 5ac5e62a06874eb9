package org.peerloop.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.peerloop.demo.sharepoint.DemoSharePoint;

/**
 * The SharePoint door in a real browser: headless Chromium with third-party cookies blocked opens
 * the demo's SharePoint page (localhost), whose web part exchanges the person's Entra token for a
 * session and frames PeerLoop (127.0.0.1, another site); the frame takes the session by postMessage
 * and shows the cohort's discussion, with the post a learner made from the LMS. The facilitator
 * asks for the page in the space's settings, and the site's owner confirms with the code in the
 * page's web part. Runs in course 109 at link 202, on the demo page (site and page of {@link
 * DemoSharePoint}).
 */
@ExtendWith(DemoStackExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SharePointBrowserIT {
  private static DemoStack stack;
  private static Browser browser;

  @BeforeAll
  static void setUp(DemoStack running) throws Exception {
    stack = running;
    LaunchDriver driver = new LaunchDriver(running.lms);
    String at = "&link=202&course=109";
    String designer = LaunchDriver.sessionToken(driver.launchWith("user=5" + at).body());
    HttpResponse<String> space =
        stack.call(
            "PUT",
            "api/v1/space",
            designer,
            "{\"title\":\"Leading at work, together\",\"phase\":\"pre-course\",\"targetSize\":17,"
                + "\"topics\":[\"feedback\",\"coaching\"]}");
    assertEquals(200, space.statusCode(), space.body());
    String spaceId = first(space.body(), "id");
    String ben = LaunchDriver.sessionToken(driver.launchWith("user=3" + at).body());
    HttpResponse<String> joined =
        stack.call(
            "POST", "api/v1/spaces/" + spaceId + "/membership", ben, "{\"topics\":[\"feedback\"]}");
    HttpResponse<String> post =
        stack.call(
            "POST",
            "api/v1/cohorts/" + first(joined.body(), "id") + "/posts",
            ben,
            "{\"kind\":\"discussion\",\"title\":\"Feedback that lands\",\"body\":\"<p>What worked for you?</p>\",\"clientKey\":\"sp-browser-0001\"}");
    assertEquals(201, post.statusCode(), post.body());
    browser = new Browser(running);
  }

  @AfterAll
  static void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  private static String first(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\":(\\d+)").matcher(json);
    assertTrue(m.find(), name + " in " + json);
    return m.group(1);
  }

  @Test
  @Order(1)
  void theFacilitatorAsksAndThePagesOwnerConfirmsFromThePage() {
    browser.openCoursePage("user=5&open=202&course=109");
    browser.view("home");
    browser.find("nav a[data-tab='manage/settings']").click();
    browser.view("settings");
    browser.findWithText(".sharepoint-pages li", "No SharePoint page opens this space yet.");
    WebElement form = browser.find(".sharepoint-form");
    form.findElement(By.cssSelector("[data-field='tenantId'] input"))
        .sendKeys(DemoSharePoint.TENANT_ID);
    form.findElement(By.cssSelector("[data-field='siteId'] input"))
        .sendKeys(DemoSharePoint.SITE_ID);
    // A page id is the page's list item number: anything else is refused at the field.
    form.findElement(By.cssSelector("[data-field='pageId'] input")).sendKeys("seven");
    browser.click(".sharepoint-form button[type='submit']", "Open from this page");
    browser.findWithText("[data-field='pageId'] .field-error", "list item number");
    WebElement pageId = form.findElement(By.cssSelector("[data-field='pageId'] input"));
    pageId.clear();
    pageId.sendKeys(DemoSharePoint.PAGE_ID);
    browser.click(".sharepoint-form button[type='submit']", "Open from this page");
    browser.findWithText(".sharepoint-code", "someone who can edit the page enters this code");
    String code = browser.find(".sharepoint-code code").getText();
    browser.findWithText(
        ".sharepoint-awaiting-list li",
        "Site " + DemoSharePoint.SITE_ID + ", page 7: waiting for the page to confirm it");
    browser.findWithText(".sharepoint-page-list li", "No SharePoint page opens this space yet.");
    browser.assertAccessible("SharePoint pages in settings, waiting for the page");

    // The site's owner edits the page: the code into the web part's properties, then Publish.
    DemoSharePoint.DirectoryUser owner = DemoSharePoint.user("dana.lee@example.edu").orElseThrow();
    browser.driver.switchTo().defaultContent();
    browser.driver.get(stack.sharePoint.pageUrl() + "?user=" + owner.objectId());
    browser.findWithText("#webpart", "not linked to a cohort space yet");
    browser.find("#confirmation-code").sendKeys(code);
    browser.click(".edit-webpart button", "Publish");
    browser.sharePointFrame();
    browser.driver.switchTo().defaultContent();
    assertEquals("framed", browser.find("#webpart").getAttribute("data-state"));

    browser.openCoursePage("user=5&open=202&course=109");
    browser.view("home");
    browser.find("nav a[data-tab='manage/settings']").click();
    browser.view("settings");
    browser.findWithText(
        ".sharepoint-page-list li",
        "Site " + DemoSharePoint.SITE_ID + ", page 7: open to everyone in the organisation.");
    browser.assertAccessible("SharePoint pages in settings");
  }

  @Test
  @Order(2)
  void aPersonOfTheOrganisationJoinsAndReadsTheCohortOnTheSharePointPage() {
    // Omar is of the organisation, not of the LMS nor of any site's group: nobody placed him yet.
    DemoSharePoint.DirectoryUser omar =
        DemoSharePoint.user("omar.farouk@example.edu").orElseThrow();
    browser.openSharePointPage(omar.objectId());
    browser.findWithText("#signed-in-as", "Signed in as Omar Farouk");
    browser.findWithText("#course-title", "Intranet Practice");
    String frame = (String) browser.script("return location.origin");
    assertEquals(stack.settings.baseUrl().toString(), frame + "/");

    // First visit: topics, then the cohort's discussion with the LMS learner's post.
    browser.view("topics");
    browser.assertAccessible("topics on SharePoint");
    browser.click("label", "feedback");
    browser.click("button", "Join my cohort");
    browser.view("home");
    browser.findWithText(".thread-list article", "Feedback that lands");
    browser.assertAccessible("cohort on SharePoint");
    assertTrue(browser.driver.manage().getCookies().isEmpty(), "PeerLoop set no cookie");

    browser.driver.switchTo().defaultContent();
    assertEquals("framed", browser.find("#webpart").getAttribute("data-state"));
  }

  @Test
  @Order(3)
  void thePageOpenedOutsideSharePointGetsNoSession() {
    // Opened directly (no parent to hand a session), the page waits and shows no one's data.
    browser.driver.switchTo().defaultContent();
    browser.driver.get(stack.tool("sharepoint/frame").toString());
    Object state =
        browser.script(
            "return new Promise(function (done) { setTimeout(function () {"
                + " var app = document.getElementById('app');"
                + " done(app.getAttribute('data-state') + '|' + document.getElementById('signed-in-as').innerText); }, 1500); });");
    assertEquals("null|", String.valueOf(state));
  }
}
