package org.peerloop.post;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PostTextTest {

  @Test
  void findsTagsOnceLowerCasedAndNotInsideWordsOrEntities() {
    assertEquals(
        List.of("retro", "coaching-101", "équipe"),
        PostText.tags(
            "#Retro went well. #coaching-101 again, #retro and #Équipe; mail a#b, &#35;x"));
  }

  @Test
  void aTagIsPlainTextEvenWhenItLooksLikeMarkup() {
    assertEquals(List.of("x"), PostText.tags("#x\"onmouseover=\"alert(1)"));
  }

  @Test
  void findsMentionsOfMembersByTheirFullNameLongestFirst() {
    Map<Long, String> members = Map.of(1L, "Ada", 2L, "Ada Ito", 3L, "Ben Okafor");

    assertEquals(List.of(2L, 3L), PostText.mentions("Thanks @ada ito and @Ben Okafor!", members));
    assertEquals(List.of(1L), PostText.mentions("@Ada, see this", members));
    assertEquals(List.of(), PostText.mentions("@Adam and ada ito without at", members));
  }
}
