package org.peerloop.web.i18n;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.peerloop.web.page.Html;

/**
 * PeerLoop's words in one language, from the {@code messages} resource bundles. The language
 * follows the launch's {@code locale} claim (Moodle sends its user's language, such as {@code
 * es_mx}); languages without a bundle get English.
 */
public final class Messages {
  static final String BUNDLE = "org.peerloop.web.i18n.messages";

  /** The languages with a complete bundle; the first is the fallback. */
  public static final List<String> LANGUAGES = List.of("en", "es");

  private static final Map<String, Messages> BY_LANGUAGE =
      LANGUAGES.stream().collect(Collectors.toUnmodifiableMap(l -> l, Messages::load));

  private final String language;
  private final Map<String, String> words;
  private final byte[] script;

  private Messages(String language, Map<String, String> words) {
    this.language = language;
    this.words = words;
    JsonObjectBuilder builder = Json.createObjectBuilder();
    words.forEach(builder::add);
    this.script =
        ("window.PeerLoopMessages = " + Html.jsonForScript(builder.build()) + ";\n")
            .getBytes(StandardCharsets.UTF_8);
  }

  private static Messages load(String language) {
    // No fallback to the JVM's default locale: English is the base bundle itself.
    ResourceBundle bundle =
        ResourceBundle.getBundle(
            BUNDLE,
            Locale.forLanguageTag(language),
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    Map<String, String> words =
        bundle.keySet().stream()
            .collect(
                Collectors.toMap(
                    Function.identity(), bundle::getString, (a, b) -> a, TreeMap::new));
    return new Messages(language, Map.copyOf(words));
  }

  /** The messages for a requested locale such as {@code es-MX}, {@code es_mx} or {@code en}. */
  public static Messages forLocale(String requested) {
    Locale locale = parse(requested);
    Messages found = locale == null ? null : BY_LANGUAGE.get(locale.getLanguage());
    return found != null ? found : BY_LANGUAGE.get(LANGUAGES.get(0));
  }

  /**
   * The locale to format dates and numbers with: the requested one when its language has a bundle
   * (so {@code es-MX} keeps Mexican formats), else the bundle's language.
   */
  public static String formatTag(String requested) {
    Locale locale = parse(requested);
    return locale != null && BY_LANGUAGE.containsKey(locale.getLanguage())
        ? locale.toLanguageTag()
        : LANGUAGES.get(0);
  }

  private static Locale parse(String requested) {
    if (requested == null || requested.isBlank() || requested.length() > 35) {
      return null;
    }
    try {
      Locale locale =
          new Locale.Builder().setLanguageTag(requested.strip().replace('_', '-')).build();
      return locale.getLanguage().isEmpty() ? null : locale;
    } catch (IllformedLocaleException e) {
      return null;
    }
  }

  public String language() {
    return language;
  }

  /** A message, or its key when missing (which the bundle tests rule out). */
  public String get(String key) {
    return words.getOrDefault(key, key);
  }

  /** Every message with its {@code {name}} placeholders filled from the values given. */
  public String get(String key, Map<String, String> values) {
    String text = get(key);
    for (Map.Entry<String, String> value : values.entrySet()) {
      text = text.replace("{" + value.getKey() + "}", value.getValue());
    }
    return text;
  }

  public Map<String, String> all() {
    return words;
  }

  /**
   * All messages, as the script {@code static/messages/<language>.js} that pages load before their
   * own. A file of its own, cached by the browser like the other scripts: inside every launch page
   * these words were most of its weight, and writing them a quarter of a launch's server time.
   */
  public byte[] script() {
    return script.clone();
  }

  /** The messages of a language with a bundle, by its code, if it has one. */
  public static Optional<Messages> ofLanguage(String language) {
    return Optional.ofNullable(BY_LANGUAGE.get(language));
  }
}
