/** Courses: LTI contexts (or SharePoint sites) on a platform. */
package org.peerloop.course;
