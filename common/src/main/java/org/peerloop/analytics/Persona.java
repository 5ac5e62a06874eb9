package org.peerloop.analytics;

/**
 * A member's way of taking part, from the balance of what they give (replies to others, ratings
 * given) and receive (replies to their threads, ratings of their posts), and whether they start
 * threads:
 *
 * <ul>
 *   <li>{@link #OBSERVER}: gives nothing and starts nothing (they may read);
 *   <li>{@link #BROADCASTER}: starts threads but gives nothing to others;
 *   <li>{@link #RESPONDER}: gives but starts nothing, or gives more than twice what they receive;
 *   <li>{@link #CATALYST}: starts threads and receives at least twice what they give;
 *   <li>{@link #ENGAGER}: starts threads and gives and receives in balance (received / given from
 *       one half up to, not including, two).
 * </ul>
 */
public enum Persona {
  OBSERVER,
  BROADCASTER,
  RESPONDER,
  CATALYST,
  ENGAGER;

  /** Receiving at least this many times what one gives makes a catalyst. */
  public static final double CATALYST_RATIO = 2.0;

  /** Receiving less than this share of what one gives makes a responder. */
  public static final double RESPONDER_RATIO = 0.5;

  public static Persona of(int started, int given, int received) {
    if (given == 0) {
      return started == 0 ? OBSERVER : BROADCASTER;
    }
    if (started == 0) {
      return RESPONDER;
    }
    double ratio = (double) received / given;
    if (ratio >= CATALYST_RATIO) {
      return CATALYST;
    }
    return ratio < RESPONDER_RATIO ? RESPONDER : ENGAGER;
  }
}
