package org.peerloop.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.peerloop.probe.ProbeResource;

/**
 * The archive in-container tests deploy: the WAR exactly as built, with the database in memory and
 * the test-only probe resource added.
 */
final class Deployments {
  private Deployments() {}

  static WebArchive toolWithProbe(String name) {
    WebArchive war =
        ShrinkWrap.create(ZipImporter.class, name + ".war")
            .importFrom(new File("target/peerloop-lti-tool.war"))
            .as(WebArchive.class);
    war.delete("/WEB-INF/web.xml");
    return war.setWebXML(new File("src/test/resources/it-web.xml"))
        .addPackage(ProbeResource.class.getPackage());
  }
}
