package org.peerloop.sharepointsite;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.peerloop.intranet.DirectoryAccount;
import org.peerloop.intranet.IntranetTenant;
import org.peerloop.intranet.PeopleRule;
import org.peerloop.people.Person;
import org.peerloop.people.PersonRepository;
import org.peerloop.people.Profile;
import org.peerloop.platform.Platform;

/**
 * Directory accounts as people of a course's platform, for sign-ins and roster reads alike. Callers
 * own the transaction.
 */
@ApplicationScoped
public class DirectoryPeople {
  /** Subjects of directory people: random, so no LMS can send one of them as its own. */
  static final String SUBJECT_PREFIX = "entra:";

  @Inject EntityManager em;
  @Inject Clock clock;
  @Inject PersonRepository people;

  /**
   * The person of this account on the course's platform: found by the account, or (by the tenant's
   * people rule) the LMS person with the account's sign-in name as e-mail, or a new person.
   */
  public Person person(
      IntranetTenant tenant, Platform platform, String objectId, String name, String username) {
    Profile profile =
        new Profile(
            name,
            null,
            null,
            username != null && username.contains("@") ? username : null,
            null,
            null);
    Optional<DirectoryAccount> account =
        em.createQuery(
                "select a from DirectoryAccount a join fetch a.person where a.tenantId = :tenant"
                    + " and a.objectId = :oid and a.person.platform = :platform",
                DirectoryAccount.class)
            .setParameter("tenant", tenant.tenantId())
            .setParameter("oid", objectId)
            .setParameter("platform", platform)
            .getResultStream()
            .findFirst();
    if (account.isPresent() && !account.get().person().isErased()) {
      Person known = account.get().person();
      if (known.subject().startsWith(SUBJECT_PREFIX)) {
        people.follow(known, profile);
      }
      return known;
    }
    account.ifPresent(em::remove);
    Person person =
        tenant.peopleRule() == PeopleRule.MATCH_EMAIL && profile.email() != null
            ? byEmail(platform, profile.email()).orElse(null)
            : null;
    if (person == null) {
      person = people.recordProfile(platform, SUBJECT_PREFIX + UUID.randomUUID(), profile);
    }
    em.persist(new DirectoryAccount(tenant.tenantId(), objectId, person, clock.instant()));
    em.flush();
    return person;
  }

  /** Exactly one LMS person with this e-mail, not already another account's. */
  private Optional<Person> byEmail(Platform platform, String email) {
    List<Person> matches =
        em.createQuery(
                "select p from Person p where p.platform = :platform and lower(p.email) = :email"
                    + " and p.erasedAt is null and not exists (select a from DirectoryAccount a"
                    + " where a.person = p)",
                Person.class)
            .setParameter("platform", platform)
            .setParameter("email", email.toLowerCase(Locale.ROOT))
            .setMaxResults(2)
            .getResultList();
    return matches.size() == 1 && !matches.get(0).subject().startsWith(SUBJECT_PREFIX)
        ? Optional.of(matches.get(0))
        : Optional.empty();
  }
}
