package org.peerloop.intranet;

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
import org.peerloop.errors.InvalidValueException;
import org.peerloop.space.Space;

/**
 * A page of a site that opens a space: the page's list item id within the site's pages library. The
 * space must belong to the site's course, so a page can never open another course's space.
 */
@Entity
@Table(name = "intranet_page")
public class IntranetPage {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "site_ref", nullable = false)
  private IntranetSite site;

  @Column(name = "page_id", nullable = false, length = 64)
  private String pageId;

  @ManyToOne(optional = false)
  @JoinColumn(name = "space_id", nullable = false)
  private Space space;

  @Column(name = "bound_at", nullable = false)
  private Instant boundAt;

  protected IntranetPage() {}

  public IntranetPage(IntranetSite site, String pageId, Space space, Instant now) {
    this.site = Objects.requireNonNull(site, "site");
    this.pageId = pageId(pageId);
    open(space);
    this.boundAt = now;
  }

  /** Points the page at another space of the same course. */
  public void open(Space space) {
    if (!space.course().id().equals(site.course().id())) {
      throw new InvalidValueException(
          "spaceId", "The space belongs to another course than the one this site stands for");
    }
    this.space = space;
  }

  /** SharePoint page list items have positive integer ids. */
  public static String pageId(String value) {
    String text = value == null ? "" : value.strip();
    if (!text.matches("[1-9][0-9]{0,9}")) {
      throw new InvalidValueException("pageId", "A page id is the page's list item number");
    }
    return text;
  }

  public Long id() {
    return id;
  }

  public IntranetSite site() {
    return site;
  }

  public String pageId() {
    return pageId;
  }

  public Space space() {
    return space;
  }

  public Instant boundAt() {
    return boundAt;
  }
}
