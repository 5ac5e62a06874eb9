package org.peerloop.lti.services;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LinkHeaderTest {
  private static final URI BASE = URI.create("https://lms.example.edu/nrps/memberships?limit=2");

  @Test
  void readsTheStandardForm() {
    assertEquals(
        Optional.of(URI.create("https://lms.example.edu/nrps?page=2")),
        LinkHeader.find(
            List.of("<https://lms.example.edu/nrps?page=2>; rel=\"next\""), "next", BASE));
  }

  @Test
  void readsMoodlesFormWithoutBracketsOrQuotes() {
    assertEquals(
        Optional.of(
            URI.create(
                "https://moodle.example.edu/mod/lti/services.php/CourseSection/14/bindings/3/memberships?limit=2&from=2")),
        LinkHeader.find(
            List.of(
                "https://moodle.example.edu/mod/lti/services.php/CourseSection/14/bindings/3/memberships?limit=2&from=2;rel=next"),
            "next",
            BASE));
  }

  @Test
  void readsTypographicQuotesAndSeveralLinksInOneHeader() {
    String canvas =
        "<https://canvas.example.edu/api/lti/courses/42/names_and_roles?page=1&per_page=50>;"
            + " rel=\"current\",<https://canvas.example.edu/api/lti/courses/42/names_and_roles?page=2&per_page=50>;"
            + " rel=\"next\",<https://canvas.example.edu/api/lti/courses/42/names_and_roles?page=1&per_page=50>;"
            + " rel=\"first\"";
    assertEquals(
        Optional.of(
            URI.create(
                "https://canvas.example.edu/api/lti/courses/42/names_and_roles?page=2&per_page=50")),
        LinkHeader.find(List.of(canvas), "next", BASE));
    assertEquals(
        Optional.of(URI.create("https://moodle.example.edu/lineitems?from=5")),
        LinkHeader.find(
            List.of("<https://moodle.example.edu/lineitems?from=5>; rel=“next”"), "next", BASE));
  }

  @Test
  void resolvesRelativeLinksAndFindsNothingWhenAbsent() {
    assertEquals(
        Optional.of(URI.create("https://lms.example.edu/nrps/memberships?since=9")),
        LinkHeader.find(List.of("<?since=9>; rel=\"differences\""), "differences", BASE));
    assertEquals(
        Optional.empty(),
        LinkHeader.find(List.of("<https://lms.example.edu/x>; rel=\"last\""), "next", BASE));
    assertEquals(Optional.empty(), LinkHeader.find(List.of(), "next", BASE));
    assertEquals(Optional.empty(), LinkHeader.find(List.of("garbage"), "next", BASE));
  }
}
