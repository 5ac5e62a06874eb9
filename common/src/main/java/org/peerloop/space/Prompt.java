package org.peerloop.space;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** An item of a space's agenda: a discussion prompt tied to real work, perhaps with a date. */
@Entity
@Table(name = "prompt")
public class Prompt {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "space_id", nullable = false)
  private Space space;

  @Column(nullable = false)
  private int position;

  @Column(nullable = false, length = SpaceSettings.PROMPT_MAX)
  private String text;

  @Column(name = "due_on")
  private LocalDate dueOn;

  protected Prompt() {}

  Prompt(Space space, int position, SpaceSettings.PromptText prompt) {
    this.space = space;
    this.position = position;
    this.text = prompt.text();
    this.dueOn = prompt.dueOn();
  }

  public Long id() {
    return id;
  }

  public int position() {
    return position;
  }

  public String text() {
    return text;
  }

  public LocalDate dueOn() {
    return dueOn;
  }
}
