package org.peerloop.roster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LmsGroupMembershipTest {
  @Test
  void readsMoodlesSubstitutionAndKnowsWhenThereIsNone() {
    assertEquals(Optional.of(List.of("12", "15")), LmsGroupMembership.parse("12,15"));
    assertEquals(Optional.of(List.of()), LmsGroupMembership.parse(""), "in no group");
    assertEquals(
        Optional.empty(),
        LmsGroupMembership.parse("$Moodle.Person.userGroupIds"),
        "a platform that does not know the variable sends it as written");
    assertEquals(Optional.empty(), LmsGroupMembership.parse(null));
  }

  @Test
  void keepsPlainIdsOnceAndNotTooMany() {
    assertEquals(Optional.of(List.of("12", "g-7")), LmsGroupMembership.parse(" 12, ,<b>,12,g-7 "));
    String same = String.join(",", Collections.nCopies(200, "1"));
    assertEquals(1, LmsGroupMembership.parse(same).orElseThrow().size());
    StringBuilder distinct = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      distinct.append(i == 0 ? "" : ",").append("1234567890123456789012345678901234567890-" + i);
    }
    List<String> kept = LmsGroupMembership.parse(distinct.toString()).orElseThrow();
    assertEquals(LmsGroupMembership.MAX_GROUPS, kept.size());
    assertTrue(String.join(",", kept).length() <= LmsGroupMembership.IDS_MAX);
  }
}
