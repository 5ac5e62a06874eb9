package org.peerloop.xapi;

import com.nimbusds.jose.util.JSONObjectUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.List;
import org.peerloop.settings.Settings;

/**
 * A space's activity in a period as a JSON array of xAPI statements, the body a store accepts at
 * {@code POST statements} (Communication §2.1.2). Written page by page, so millions of events never
 * sit in memory at once.
 */
@ApplicationScoped
public class XapiExport {
  static final int PAGE = 2_000;

  @Inject EntityManager em;
  @Inject Settings settings;

  /** Writes the statements of a page after the given event; returns the last event, or -1. */
  @Transactional
  public long writePage(long spaceId, Instant from, Instant to, long afterId, Writer out) {
    List<XapiEvent> page = new XapiEvents(em).ofSpace(spaceId, from, to, afterId, PAGE);
    try {
      for (XapiEvent event : page) {
        if (afterId > 0 || event != page.get(0)) {
          out.write(",\n");
        }
        out.write(JSONObjectUtils.toJSONString(Statements.of(event, settings.baseUrl())));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return page.isEmpty() ? -1 : page.get(page.size() - 1).id();
  }
}
