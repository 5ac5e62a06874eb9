package org.peerloop.post;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds #tags and @mentions in a post's visible text. Tags are stored lower-case, as plain text;
 * mentions are matched against the names of the cohort's members, since the LMS gives people names,
 * not handles.
 */
public final class PostText {
  public static final int TAG_MAX = 50;
  public static final int TAGS_MAX = 20;

  /** A # not glued to a word or an entity, then letters, digits, _ or -. */
  private static final Pattern TAG =
      Pattern.compile(
          "(?<![\\p{L}\\p{N}_&#])#([\\p{L}\\p{N}_][\\p{L}\\p{N}_-]{0," + (TAG_MAX - 1) + "})");

  private PostText() {}

  public static List<String> tags(String visibleText) {
    Set<String> tags = new LinkedHashSet<>();
    Matcher m = TAG.matcher(visibleText);
    while (m.find() && tags.size() < TAGS_MAX) {
      tags.add(m.group(1).toLowerCase(Locale.ROOT));
    }
    return List.copyOf(tags);
  }

  /**
   * The members mentioned as "@Full Name": the name must follow an @ and end at a word boundary,
   * case-insensitively. Longer names win, so "@Ada Ito" is not also "@Ada". In order of first
   * appearance.
   */
  public static List<Long> mentions(String visibleText, Map<Long, String> memberNames) {
    String lower = visibleText.toLowerCase(Locale.ROOT);
    List<Map.Entry<Long, String>> byLength = new ArrayList<>(memberNames.entrySet());
    byLength.sort((a, b) -> Integer.compare(b.getValue().length(), a.getValue().length()));
    Map<Long, Integer> firstSeen = new HashMap<>();
    boolean[] taken = new boolean[lower.length()];
    for (Map.Entry<Long, String> member : byLength) {
      String needle = "@" + member.getValue().toLowerCase(Locale.ROOT);
      for (int at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, at + 1)) {
        int end = at + needle.length();
        boolean wordEnds = end == lower.length() || !Character.isLetterOrDigit(lower.charAt(end));
        if (wordEnds && !taken[at]) {
          for (int i = at; i < end; i++) {
            taken[i] = true;
          }
          firstSeen.merge(member.getKey(), at, Math::min);
        }
      }
    }
    return firstSeen.entrySet().stream()
        .sorted(Map.Entry.comparingByValue())
        .map(Map.Entry::getKey)
        .toList();
  }
}
