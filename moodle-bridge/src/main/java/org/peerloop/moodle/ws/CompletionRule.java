package org.peerloop.moodle.ws;

/**
 * When Moodle counts an activity as completed. States from {@code lib/completionlib.php}: 0
 * incomplete, 1 complete, 2 complete with a pass, 3 complete with a fail. Moodle 4.0+ also says
 * whether the activity is complete overall ({@code isoverallcomplete}, from {@code
 * cm_completion_details::is_overall_complete()}), which weighs a failed grade against the
 * activity's rules; where it is given it decides.
 */
public final class CompletionRule {
  public static final int INCOMPLETE = 0;
  public static final int COMPLETE = 1;
  public static final int COMPLETE_PASS = 2;
  public static final int COMPLETE_FAIL = 3;

  private CompletionRule() {}

  /**
   * @param overallComplete Moodle's own verdict, or {@code null} where the site does not give it
   */
  public static boolean isDone(int state, Boolean overallComplete) {
    if (overallComplete != null) {
      return overallComplete;
    }
    return state == COMPLETE || state == COMPLETE_PASS;
  }
}
