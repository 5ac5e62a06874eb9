package org.peerloop.moodle.ws;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A course's sections and modules. From Moodle 4.5 a subsection is a module ({@code modname} {@code
 * subsection}) whose content is a delegated section listed among the course's sections (its {@code
 * component} {@code mod_subsection}, its {@code itemid} the module's instance); the outline puts
 * that section's modules under the subsection, where a teacher sees them.
 */
public record CourseStructure(List<CourseSection> sections) {

  public CourseStructure {
    sections = List.copyOf(sections);
  }

  /** One line of the course as a teacher sees it: a module, at its depth under subsections. */
  public record Entry(CourseSection section, CourseModule module, int depth) {}

  /** The course's sections in order, without the delegated ones (they sit inside modules). */
  public List<CourseSection> topSections() {
    return sections.stream().filter(s -> !s.isDelegated()).toList();
  }

  /** The section a subsection module owns, if the site lists it. */
  public Optional<CourseSection> delegatedSection(CourseModule module) {
    if (!module.isSubsection()) {
      return Optional.empty();
    }
    return sections.stream()
        .filter(s -> s.component().filter("mod_subsection"::equals).isPresent())
        .filter(s -> s.itemId().filter(id -> id == module.instance()).isPresent())
        .findFirst();
  }

  /** Every module in course order, subsections' modules right after their subsection. */
  public List<Entry> outline() {
    List<Entry> entries = new ArrayList<>();
    for (CourseSection section : topSections()) {
      add(entries, section, 0, 0);
    }
    return entries;
  }

  /** Modules by course-module id. */
  public Map<Long, CourseModule> modules() {
    Map<Long, CourseModule> byId = new LinkedHashMap<>();
    for (CourseSection section : sections) {
      section.modules().forEach(m -> byId.put(m.id(), m));
    }
    return byId;
  }

  public Optional<CourseModule> module(long cmid) {
    return Optional.ofNullable(modules().get(cmid));
  }

  private void add(List<Entry> entries, CourseSection section, int depth, int guard) {
    // A delegated section inside a delegated section is not possible in 4.5 or 5.0; the guard
    // keeps a malformed answer from recursing for ever.
    if (guard > 8) {
      return;
    }
    for (CourseModule module : section.modules()) {
      entries.add(new Entry(section, module, depth));
      delegatedSection(module).ifPresent(inner -> add(entries, inner, depth + 1, guard + 1));
    }
  }
}
