package org.peerloop.people;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.peerloop.errors.Require;
import org.peerloop.platform.Platform;

/**
 * A person as one platform knows them, keyed by the platform and its stable subject id (LTI Core
 * §5.3.6). Names come from the LMS, which is the source of professional identity; PeerLoop only
 * follows changes.
 */
@Entity
@Table(name = "person")
public class Person {
  static final int ID_MAX = 255;
  static final int NAME_MAX = 255;
  static final int EMAIL_MAX = 320;
  static final int URL_MAX = 1024;
  static final int LOCALE_MAX = 35;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "platform_id", nullable = false)
  private Platform platform;

  @Column(nullable = false, length = ID_MAX)
  private String subject;

  @Column(length = NAME_MAX)
  private String name;

  @Column(name = "given_name", length = NAME_MAX)
  private String givenName;

  @Column(name = "family_name", length = NAME_MAX)
  private String familyName;

  @Column(length = EMAIL_MAX)
  private String email;

  @Column(name = "picture_url", length = URL_MAX)
  private String pictureUrl;

  @Column(length = LOCALE_MAX)
  private String locale;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "erased_at")
  private Instant erasedAt;

  /** What an erased person's posts show as their author. */
  public static final String DELETED_MEMBER = "Deleted member";

  protected Person() {}

  public Person(Platform platform, String subject, Profile profile, Instant now) {
    this.platform = Objects.requireNonNull(platform, "platform");
    this.subject = Require.text("subject", subject, ID_MAX);
    this.createdAt = now;
    follow(profile, now);
  }

  /**
   * Takes the profile the platform sent with this launch. A value the platform stopped sending is
   * kept, because Moodle omits names when a privacy setting changes, not when the name does.
   * Repeated launches that bring nothing new do not write. Returns whether what others see of the
   * person changed: their names or picture, shown with their posts.
   */
  public boolean follow(Profile profile, Instant now) {
    if (erasedAt != null) {
      // Nothing is learned about an erased person again; a new launch makes a new person.
      return false;
    }
    String newName = keep(name, Require.clipped(profile.name(), NAME_MAX));
    String newGiven = keep(givenName, Require.clipped(profile.givenName(), NAME_MAX));
    String newFamily = keep(familyName, Require.clipped(profile.familyName(), NAME_MAX));
    String newEmail = keep(email, emailOrNull(profile.email()));
    String newPicture = keep(pictureUrl, urlOrNull(profile.pictureUrl()));
    String newLocale = keep(locale, Require.clipped(profile.locale(), LOCALE_MAX));
    boolean shownChanged =
        !Objects.equals(name, newName)
            || !Objects.equals(givenName, newGiven)
            || !Objects.equals(familyName, newFamily)
            || !Objects.equals(pictureUrl, newPicture);
    boolean changed =
        shownChanged || !Objects.equals(email, newEmail) || !Objects.equals(locale, newLocale);
    if (changed || updatedAt == null) {
      name = newName;
      givenName = newGiven;
      familyName = newFamily;
      email = newEmail;
      pictureUrl = newPicture;
      locale = newLocale;
      updatedAt = now;
    }
    return shownChanged;
  }

  /**
   * Removes everything that identifies the person (GDPR Art. 17): names, address, picture, language
   * and the platform's subject id, replaced by a random one so that the person's next launch makes
   * a new person instead of finding this one.
   */
  public void erase(Instant now) {
    name = null;
    givenName = null;
    familyName = null;
    email = null;
    pictureUrl = null;
    locale = null;
    subject = "erased:" + UUID.randomUUID();
    erasedAt = now;
    updatedAt = now;
  }

  public boolean isErased() {
    return erasedAt != null;
  }

  /** The name to show: the full name, else given and family names, else a neutral label. */
  public String displayName() {
    return displayName(id, name, givenName, familyName, erasedAt != null);
  }

  /** {@link #displayName()} from the columns, for queries that read them without the entity. */
  public static String displayName(
      long id, String name, String givenName, String familyName, boolean erased) {
    if (erased) {
      return DELETED_MEMBER;
    }
    if (name != null) {
      return name;
    }
    String joined =
        ((givenName == null ? "" : givenName) + " " + (familyName == null ? "" : familyName))
            .strip();
    return joined.isEmpty() ? "Participant " + id : joined;
  }

  private static String keep(String old, String incoming) {
    return incoming == null ? old : incoming;
  }

  private static String emailOrNull(String email) {
    String clipped = Require.clipped(email, EMAIL_MAX);
    return clipped != null && clipped.indexOf('@') > 0 ? clipped : null;
  }

  private static String urlOrNull(String url) {
    String clipped = Require.clipped(url, URL_MAX);
    return clipped != null && (clipped.startsWith("https://") || clipped.startsWith("http://"))
        ? clipped
        : null;
  }

  public Long id() {
    return id;
  }

  public Platform platform() {
    return platform;
  }

  public String subject() {
    return subject;
  }

  public String name() {
    return name;
  }

  public String givenName() {
    return givenName;
  }

  public String familyName() {
    return familyName;
  }

  public String email() {
    return email;
  }

  public String pictureUrl() {
    return pictureUrl;
  }

  public String locale() {
    return locale;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }
}
