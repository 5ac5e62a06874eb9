package org.peerloop.space;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapsId;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import org.peerloop.course.ResourceLink;

/**
 * The space a resource link opens. A designer may place one space with several links (Deep Linking
 * lets them reuse it), so the link points at the space, not the other way round.
 */
@Entity
@Table(name = "space_link")
public class SpaceLink {
  @Id
  @Column(name = "resource_link_id")
  private Long resourceLinkId;

  @MapsId
  @OneToOne(optional = false)
  @JoinColumn(name = "resource_link_id")
  private ResourceLink resourceLink;

  @ManyToOne(optional = false)
  @JoinColumn(name = "space_id", nullable = false)
  private Space space;

  /** The AGS line item this link's participation grades go to, once known (AGS 2.0 §3.2). */
  @Column(name = "line_item_url", length = 2048)
  private String lineItemUrl;

  @Column(name = "linked_at", nullable = false)
  private Instant linkedAt;

  protected SpaceLink() {}

  public SpaceLink(ResourceLink resourceLink, Space space, Instant now) {
    this.resourceLink = Objects.requireNonNull(resourceLink, "resourceLink");
    this.space = Objects.requireNonNull(space, "space");
    this.linkedAt = now;
  }

  public void useLineItem(String url) {
    this.lineItemUrl = url;
  }

  public Long resourceLinkId() {
    return resourceLinkId;
  }

  public ResourceLink resourceLink() {
    return resourceLink;
  }

  public Space space() {
    return space;
  }

  public String lineItemUrl() {
    return lineItemUrl;
  }

  public Instant linkedAt() {
    return linkedAt;
  }
}
