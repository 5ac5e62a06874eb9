/**
 * Course rosters from LTI Names and Role Provisioning Services 2.0, reconciled with cohorts: a
 * background job per course (one at a time, progress visible to facilitators) reads every page,
 * records who is in the course with which role, places learners in pre-course spaces before they
 * ever launch, and marks those who left as inactive (their posts stay).
 */
package org.peerloop.rostering;
