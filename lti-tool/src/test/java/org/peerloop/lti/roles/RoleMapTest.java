package org.peerloop.lti.roles;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RoleMapTest {
  private static final String CONTEXT = "http://purl.imsglobal.org/vocab/lis/v2/membership#";

  @Test
  void mapsContextRolesInEveryForm() {
    assertEquals(Set.of(Role.LEARNER), RoleMap.map(List.of(CONTEXT + "Learner")));
    assertEquals(
        Set.of(Role.LEARNER, Role.FACILITATOR), RoleMap.map(List.of(CONTEXT + "Instructor")));
    assertEquals(Set.of(Role.LEARNER, Role.FACILITATOR), RoleMap.map(List.of("Instructor")));
    assertEquals(
        Set.of(Role.LEARNER, Role.FACILITATOR),
        RoleMap.map(List.of("urn:lti:role:ims/lis/Instructor")));
    assertEquals(
        Set.of(Role.LEARNER, Role.FACILITATOR),
        RoleMap.map(
            List.of(
                "http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#TeachingAssistant")));
    assertEquals(
        Set.of(Role.LEARNER, Role.FACILITATOR), RoleMap.map(List.of(CONTEXT + "ContentDeveloper")));
  }

  @Test
  void institutionAndSystemAdministratorsAreAdmins() {
    assertEquals(
        Set.of(Role.LEARNER, Role.FACILITATOR, Role.ADMIN),
        RoleMap.map(
            List.of("http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator")));
    assertEquals(
        Role.ADMIN,
        RoleMap.highest(
            RoleMap.map(
                List.of("http://purl.imsglobal.org/vocab/lis/v2/system/person#Administrator"))));
  }

  @Test
  void anInstitutionInstructorIsNoFacilitatorOfThisCourse() {
    assertEquals(
        Set.of(Role.LEARNER),
        RoleMap.map(
            List.of(
                "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Instructor",
                "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Faculty")));
  }

  @Test
  void unknownEmptyAndLookalikeRolesGrantTheLeastPrivilege() {
    assertEquals(Set.of(Role.LEARNER), RoleMap.map(List.of()));
    assertEquals(
        Set.of(Role.LEARNER),
        RoleMap.map(
            List.of(
                "https://evil.example.com/membership#Instructor",
                "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructorx",
                "Administratorx",
                "")));
  }
}
