package org.peerloop.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import org.peerloop.errors.NotFoundException;
import org.peerloop.lti.session.RevokedSessions;
import org.peerloop.people.Person;
import org.peerloop.people.PersonRepository;
import org.peerloop.platform.Platform;
import org.peerloop.signin.SessionRevocations;

/** Exports and erasures, each one transaction: an erasure is whole or not at all. */
@ApplicationScoped
public class PrivacyRequests {
  @Inject PersonalData data;
  @Inject PersonRepository people;
  @Inject EntityManager em;
  @Inject RevokedSessions revoked;

  /** A person as an administrator looks them up before acting. */
  public record PersonSummary(long id, String platform, String name, String email, boolean erased) {
    static PersonSummary of(Person p) {
      return new PersonSummary(
          p.id(), p.platform().issuer(), p.displayName(), p.email(), p.isErased());
    }
  }

  @Transactional
  public List<PersonSummary> find(long platformId, String subject) {
    Platform platform = em.find(Platform.class, platformId);
    if (platform == null) {
      throw new NotFoundException("platform-not-found", "No platform has the id " + platformId);
    }
    return people.findBySubject(platform, subject).stream().map(PersonSummary::of).toList();
  }

  /** The platform a person belongs to, to confine a platform administrator to their own. */
  @Transactional
  public long platformOf(long personId) {
    return people
        .find(personId)
        .map(p -> p.platform().id())
        .orElseThrow(
            () -> new NotFoundException("person-not-found", "No person has the id " + personId));
  }

  @Transactional
  public Map<String, Object> export(long personId) {
    return data.export(personId);
  }

  /**
   * Erases the person and ends their sessions on every node, so nothing new is written for them.
   */
  @Transactional
  public PersonalData.Erasure erase(long personId) {
    PersonalData.Erasure erasure = data.erase(personId);
    revoked.revoke(SessionRevocations.person(personId));
    return erasure;
  }
}
