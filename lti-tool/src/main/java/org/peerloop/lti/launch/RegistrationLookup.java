package org.peerloop.lti.launch;

import java.util.List;
import org.peerloop.lti.platform.Registration;

/** Finds registrations by issuer; several may share one (LTI Core §3.1.3). */
public interface RegistrationLookup {
  List<Registration> byIssuer(String issuer);
}
