package org.peerloop.web.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.peerloop.console.Registrations;
import org.peerloop.console.SelfTest;
import org.peerloop.privacy.AuditTrail;
import org.peerloop.web.api.MembersCsv;

/**
 * What the administration console reads and runs beyond the platform and key calls: registrations
 * with their last launch and refusal, the diagnosis of refused launches, the self-test, and the
 * audit log as CSV.
 */
@Path("api/admin")
@RequestScoped
@AdminOnly
@Produces(MediaType.APPLICATION_JSON)
public class ConsoleResource {

  @Inject Registrations registrations;
  @Inject SelfTest selfTest;
  @Inject AuditTrail audit;
  @Inject AdminPrincipal principal;

  /** Every registration; a platform administrator's own only. */
  @GET
  @Path("registrations")
  @PlatformAdministratorsToo
  public List<Registrations.Summary> registrations() {
    Long scope = principal.platformScope();
    return registrations.all().stream().filter(r -> scope == null || r.id() == scope).toList();
  }

  /** The latest refused launches (of one platform with {@code platform}), newest first. */
  @GET
  @Path("launches/refused")
  @PlatformAdministratorsToo
  public List<Registrations.Refused> refused(@QueryParam("platform") Long platformId) {
    Long scope = principal.platformScope();
    if (scope != null && platformId != null) {
      principal.requirePlatform(platformId);
    }
    return registrations.refused(scope != null ? scope : platformId);
  }

  @POST
  @Path("self-test")
  public List<SelfTest.Check> selfTest() {
    return selfTest.run();
  }

  @GET
  @Path("audit.csv")
  @Produces("text/csv")
  @PlatformAdministratorsToo
  public Response auditCsv() {
    StringBuilder csv = new StringBuilder("time,actor,action,target,outcome\r\n");
    for (AuditTrail.Entry e : audit.latest(AuditTrail.MAX_READ, principal.platformScope())) {
      csv.append(MembersCsv.cell(e.at().toString()))
          .append(',')
          .append(MembersCsv.cell(e.actor()))
          .append(',')
          .append(MembersCsv.cell(e.action()))
          .append(',')
          .append(MembersCsv.cell(e.target()))
          .append(',')
          .append(e.outcome())
          .append("\r\n");
    }
    return Response.ok(csv.toString())
        .type("text/csv; charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"peerloop-audit.csv\"")
        .build();
  }
}
