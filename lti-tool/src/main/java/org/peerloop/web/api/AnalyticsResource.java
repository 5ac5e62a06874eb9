package org.peerloop.web.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.peerloop.community.Caller;
import org.peerloop.errors.InvalidValueException;
import org.peerloop.insights.AnalyticsService;
import org.peerloop.insights.AnalyticsViews;
import org.peerloop.insights.EventsExport;
import org.peerloop.lti.session.Authenticated;
import org.peerloop.lti.session.CurrentSession;
import org.peerloop.xapi.XapiExport;

/**
 * The metrics of a course, a space or one of its cohorts over a period (facilitators), as JSON or
 * as a CSV of per-member numbers; its raw activity as CSV or xAPI statements; and a cohort's go-to
 * people by name, for its members.
 */
@Path("api/v1")
@ApplicationScoped
@Authenticated
public class AnalyticsResource {

  @Inject CurrentSession session;
  @Inject AnalyticsService analytics;
  @Inject EventsExport events;
  @Inject XapiExport statements;

  public record GoToPeople(List<String> names) {}

  @GET
  @Path("spaces/{spaceId}/analytics")
  @Produces(MediaType.APPLICATION_JSON)
  public AnalyticsViews.Report report(
      @PathParam("spaceId") long spaceId,
      @QueryParam("cohortId") Long cohortId,
      @QueryParam("from") String from,
      @QueryParam("to") String to) {
    return analytics.report(Caller.of(session.get()), spaceId, cohortId, period(from, to));
  }

  /** The same metrics over every space of the caller's course together. */
  @GET
  @Path("course/analytics")
  @Produces(MediaType.APPLICATION_JSON)
  public AnalyticsViews.Report courseReport(
      @QueryParam("from") String from, @QueryParam("to") String to) {
    return analytics.courseReport(Caller.of(session.get()), period(from, to));
  }

  @GET
  @Path("spaces/{spaceId}/analytics/members.csv")
  @Produces("text/csv")
  public Response membersCsv(
      @PathParam("spaceId") long spaceId,
      @QueryParam("cohortId") Long cohortId,
      @QueryParam("from") String from,
      @QueryParam("to") String to) {
    AnalyticsViews.Report report =
        analytics.report(Caller.of(session.get()), spaceId, cohortId, period(from, to));
    return membersFile(report, "peerloop-space-" + spaceId + "-members.csv");
  }

  @GET
  @Path("course/analytics/members.csv")
  @Produces("text/csv")
  public Response courseMembersCsv(@QueryParam("from") String from, @QueryParam("to") String to) {
    AnalyticsViews.Report report =
        analytics.courseReport(Caller.of(session.get()), period(from, to));
    return membersFile(report, "peerloop-course-members.csv");
  }

  private static Response membersFile(AnalyticsViews.Report report, String fileName) {
    return Response.ok(MembersCsv.write(report.members()), "text/csv; charset=utf-8")
        .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
        .build();
  }

  /** The space's raw activity events as CSV (columns: see {@link EventsExport}), streamed. */
  @GET
  @Path("spaces/{spaceId}/analytics/events.csv")
  @Produces("text/csv")
  public Response eventsCsv(
      @PathParam("spaceId") long spaceId,
      @QueryParam("from") String from,
      @QueryParam("to") String to) {
    long space = events.authorize(Caller.of(session.get()), spaceId);
    return download(
        "text/csv; charset=utf-8",
        "peerloop-space-" + spaceId + "-events.csv",
        EventsExport.HEADER + "\r\n",
        "",
        period(from, to),
        (start, end, after, out) -> events.writePage(space, start, end, after, out));
  }

  /** The same activity as a JSON array of xAPI statements (see {@code Statements}), streamed. */
  @GET
  @Path("spaces/{spaceId}/analytics/xapi.json")
  @Produces(MediaType.APPLICATION_JSON)
  public Response xapi(
      @PathParam("spaceId") long spaceId,
      @QueryParam("from") String from,
      @QueryParam("to") String to) {
    long space = events.authorize(Caller.of(session.get()), spaceId);
    return download(
        "application/json; charset=utf-8",
        "peerloop-space-" + spaceId + "-xapi.json",
        "[\n",
        "\n]\n",
        period(from, to),
        (start, end, after, out) -> statements.writePage(space, start, end, after, out));
  }

  /** Writes the events of a page after an event id; answers the last one written, or -1. */
  private interface PageWriter {
    long write(Instant from, Instant to, long afterId, Writer out);
  }

  /** A file written page by page as the client reads it, each page in its own transaction. */
  private static Response download(
      String type,
      String fileName,
      String head,
      String tail,
      AnalyticsService.Period asked,
      PageWriter pages) {
    Instant start = asked.from() == null ? Instant.EPOCH : asked.from();
    Instant end = asked.to() == null ? Instant.now().plusSeconds(1) : asked.to();
    StreamingOutput body =
        output -> {
          Writer out = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
          out.write(head);
          long last = 0;
          while ((last = pages.write(start, end, last, out)) >= 0) {
            out.flush();
          }
          out.write(tail);
          out.flush();
        };
    return Response.ok(body, type)
        .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
        .build();
  }

  @GET
  @Path("cohorts/{cohortId}/go-to-people")
  @Produces(MediaType.APPLICATION_JSON)
  public GoToPeople goToPeople(@PathParam("cohortId") long cohortId) {
    return new GoToPeople(analytics.goToPeople(Caller.of(session.get()), cohortId));
  }

  /** Whole days in UTC: {@code from} included, {@code to} included too (its end is exclusive). */
  private static AnalyticsService.Period period(String from, String to) {
    return new AnalyticsService.Period(day("from", from, 0), day("to", to, 1));
  }

  private static Instant day(String field, String value, int plusDays) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value).plusDays(plusDays).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidValueException(field, field + " must be a date like 2026-11-01");
    }
  }
}
