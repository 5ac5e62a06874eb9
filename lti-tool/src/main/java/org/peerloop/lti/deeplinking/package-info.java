/**
 * LTI Deep Linking 2.0: what a platform asks for when a designer adds the tool to a course, the
 * signed ticket that carries the request to the picker page and back, and the signed response with
 * the chosen content items.
 */
package org.peerloop.lti.deeplinking;
