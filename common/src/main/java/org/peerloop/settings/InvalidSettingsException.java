package org.peerloop.settings;

import java.util.List;

/** Thrown at startup when settings are malformed; its message names every problem found. */
public class InvalidSettingsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  public InvalidSettingsException(List<String> problems) {
    super("PeerLoop cannot start, fix these settings: " + String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
