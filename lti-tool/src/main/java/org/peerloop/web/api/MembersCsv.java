package org.peerloop.web.api;

import java.util.List;
import java.util.Locale;
import org.peerloop.insights.AnalyticsViews;

/**
 * Per-member metrics as CSV (RFC 4180, header row, CRLF). A cell a spreadsheet would read as a
 * formula (starting with =, +, -, @, tab or carriage return) is prefixed with an apostrophe, so a
 * name cannot run code in the designer's spreadsheet (OWASP, CSV injection).
 */
public final class MembersCsv {
  static final String HEADER =
      "person_id,name,segment,persona,threads,replies,ratings_given,given,received,"
          + "ego_network,two_way_ties,help_received,betweenness,go_to_score";

  private MembersCsv() {}

  static String write(List<AnalyticsViews.MemberRow> rows) {
    StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
    for (AnalyticsViews.MemberRow r : rows) {
      csv.append(r.personId())
          .append(',')
          .append(cell(r.name()))
          .append(',')
          .append(r.segment())
          .append(',')
          .append(r.persona())
          .append(',')
          .append(r.threads())
          .append(',')
          .append(r.replies())
          .append(',')
          .append(r.ratingsGiven())
          .append(',')
          .append(r.given())
          .append(',')
          .append(r.received())
          .append(',')
          .append(r.egoNetwork())
          .append(',')
          .append(r.twoWayTies())
          .append(',')
          .append(r.helpReceived())
          .append(',')
          .append(String.format(Locale.ROOT, "%.4f", r.betweenness()))
          .append(',')
          .append(String.format(Locale.ROOT, "%.4f", r.goToScore()))
          .append("\r\n");
    }
    return csv.toString();
  }

  /** One CSV cell (RFC 4180 quoting), with no leading character a spreadsheet would run. */
  public static String cell(String text) {
    if (text == null) {
      return "";
    }
    String safe = text.isEmpty() || "=+-@\t\r".indexOf(text.charAt(0)) < 0 ? text : "'" + text;
    boolean quote =
        safe.indexOf(',') >= 0
            || safe.indexOf('"') >= 0
            || safe.indexOf('\n') >= 0
            || safe.indexOf('\r') >= 0;
    return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
  }
}
