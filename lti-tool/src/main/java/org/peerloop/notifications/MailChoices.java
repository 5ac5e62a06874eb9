package org.peerloop.notifications;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.util.OptionalLong;
import org.peerloop.community.Caller;
import org.peerloop.community.Scope;
import org.peerloop.keys.SignedId;
import org.peerloop.lti.session.ToolSecrets;
import org.peerloop.notify.Digest;
import org.peerloop.notify.MailPreference;
import org.peerloop.notify.Notifications;
import org.peerloop.people.Person;
import org.peerloop.settings.Settings;

/**
 * What a member wants by e-mail: chosen in the app, or turned off from any e-mail's unsubscribe
 * link, which works without signing in because it carries a signed id (RFC 8058 one-click).
 */
@ApplicationScoped
public class MailChoices {
  static final String PATH = "mail/unsubscribe";

  @Inject EntityManager em;
  @Inject Scope scope;
  @Inject Notifications notifications;
  @Inject ToolSecrets secrets;
  @Inject Settings settings;

  public record Choice(String digest, boolean atOnce) {
    static Choice of(MailPreference p) {
      return new Choice(p.digest().name(), p.atOnce());
    }
  }

  @Transactional
  public Choice mine(Caller caller) {
    return Choice.of(notifications.preference(scope.person(caller)));
  }

  @Transactional
  public Choice choose(Caller caller, Digest digest, boolean atOnce) {
    return Choice.of(notifications.choose(scope.person(caller), digest, atOnce));
  }

  /** The link that turns a member's e-mails off. */
  URI unsubscribeUrl(long personId) {
    return settings.url(PATH + "?t=" + ids().sign("", personId));
  }

  /** The member the link was made for, if it is one of ours. */
  public OptionalLong memberOf(String token) {
    return ids().read("", token);
  }

  /** Turns off every e-mail to the member of a valid link; answers their language. */
  @Transactional
  public String unsubscribe(long personId) {
    Person person = em.find(Person.class, personId);
    notifications.choose(person, Digest.OFF, false);
    return person.locale();
  }

  @Transactional
  public String localeOf(long personId) {
    Person person = em.find(Person.class, personId);
    return person == null ? null : person.locale();
  }

  private SignedId ids() {
    return new SignedId(secrets.ring(ToolSecrets.UNSUBSCRIBE), "unsubscribe");
  }
}
