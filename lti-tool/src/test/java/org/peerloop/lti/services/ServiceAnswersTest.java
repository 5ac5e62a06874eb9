package org.peerloop.lti.services;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.peerloop.outbound.ServiceException;

/** The service clients read what Moodle and Canvas really send, and write what they expect. */
class ServiceAnswersTest {

  @Test
  void readsMoodleMembersWithShortRoleNamesAndMissingNames() {
    List<NamesAndRoles.Member> members =
        NamesAndRoles.parseMembers(PlatformAnswers.read("moodle-memberships.json"));
    assertEquals(3, members.size());
    assertEquals("5", members.get(0).userId());
    assertEquals(List.of("Instructor"), members.get(0).roles());
    assertEquals("Dana Lee", members.get(0).name());
    assertTrue(members.get(0).isActive());
    assertNull(members.get(2).name(), "names only when the privacy settings share them");
  }

  @Test
  void readsCanvasMembersIgnoringItsExtensionsAndSkippingMembersWithoutId() {
    List<NamesAndRoles.Member> members =
        NamesAndRoles.parseMembers(PlatformAnswers.read("canvas-memberships.json"));
    assertEquals(2, members.size(), "the member without user_id is skipped");
    assertEquals("535fa085f22b4655f48cd5a36a9215f64c062838", members.get(0).userId());
    assertTrue(members.get(0).picture().startsWith("https://"));
    assertFalse(members.get(1).isActive(), "Inactive");
  }

  @Test
  void refusesAnswersThatAreNotAMembershipContainer() {
    assertEquals(
        "roster-malformed",
        assertThrows(ServiceException.class, () -> NamesAndRoles.parseMembers("<html>")).reason());
    assertEquals(
        "roster-malformed",
        assertThrows(ServiceException.class, () -> NamesAndRoles.parseMembers("{\"id\":\"x\"}"))
            .reason());
  }

  @Test
  void readsLineItemsOfBothPlatforms() {
    List<AssignmentsAndGrades.LineItem> moodle =
        AssignmentsAndGrades.parseLineItems(PlatformAnswers.read("moodle-lineitems.json"));
    assertEquals(2, moodle.size());
    assertEquals(
        "https://moodle.example.edu/mod/lti/services.php/14/lineitems/7/lineitem?type_id=3",
        moodle.get(0).id());
    assertEquals("peerloop-participation", moodle.get(0).tag());
    assertEquals(100.0, moodle.get(1).scoreMaximum(), "a maximum written as a string");

    List<AssignmentsAndGrades.LineItem> canvas =
        AssignmentsAndGrades.parseLineItems(PlatformAnswers.read("canvas-lineitems.json"));
    assertEquals(10.0, canvas.get(0).scoreMaximum());
    assertEquals("a7c3f2e0-6d1b-4b8e-9d7f-1e2d3c4b5a69", canvas.get(0).resourceLinkId());
  }

  @Test
  void scoresGoUnderTheLineItemWithItsQueryKept() {
    assertEquals(
        URI.create(
            "https://moodle.example.edu/mod/lti/services.php/14/lineitems/7/lineitem/scores?type_id=3"),
        AssignmentsAndGrades.scoresOf(
            URI.create(
                "https://moodle.example.edu/mod/lti/services.php/14/lineitems/7/lineitem?type_id=3")));
    assertEquals(
        URI.create("https://canvas.example.edu/api/lti/courses/42/line_items/5/scores"),
        AssignmentsAndGrades.scoresOf(
            URI.create("https://canvas.example.edu/api/lti/courses/42/line_items/5")));
  }

  @Test
  void filtersAreAddedToTheContainersOwnQuery() {
    Map<String, String> filters = new LinkedHashMap<>();
    filters.put("resource_link_id", "21");
    filters.put("tag", "peerloop participation");
    assertEquals(
        URI.create(
            "https://moodle.example.edu/mod/lti/services.php/14/lineitems?type_id=3&resource_link_id=21&tag=peerloop+participation"),
        AssignmentsAndGrades.withQuery(
            URI.create("https://moodle.example.edu/mod/lti/services.php/14/lineitems?type_id=3"),
            filters));
  }
}
