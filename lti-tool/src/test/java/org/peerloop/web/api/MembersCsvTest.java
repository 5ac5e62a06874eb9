package org.peerloop.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.peerloop.insights.AnalyticsViews;

class MembersCsvTest {
  @Test
  void quotesWhatNeedsItAndDisarmsFormulas() {
    assertEquals("Ada Ito", MembersCsv.cell("Ada Ito"));
    assertEquals("\"Okafor, Ben\"", MembersCsv.cell("Okafor, Ben"));
    assertEquals("\"The \"\"Coach\"\"\"", MembersCsv.cell("The \"Coach\""));
    assertEquals("\"'=HYPERLINK(\"\"x\"\")\"", MembersCsv.cell("=HYPERLINK(\"x\")"));
    assertEquals("'+1", MembersCsv.cell("+1"));
    assertEquals("'@SUM(A1)", MembersCsv.cell("@SUM(A1)"));
    assertEquals("", MembersCsv.cell(null));
  }

  @Test
  void oneHeaderAndOneLinePerMember() {
    String csv =
        MembersCsv.write(
            List.of(
                new AnalyticsViews.MemberRow(
                    7, "Ada Ito", "CREATOR", "CATALYST", 2, 1, 3, 4, 9, 3, 1, 5, 0.25, 1.5)));
    assertEquals(
        MembersCsv.HEADER + "\r\n7,Ada Ito,CREATOR,CATALYST,2,1,3,4,9,3,1,5,0.2500,1.5000\r\n",
        csv);
  }
}
