package org.peerloop.moodle.ws;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A web service function's parameters in the form Moodle's REST server reads: PHP's bracket
 * notation for arrays ({@code groupids[0]=4}) and for lists of structures ({@code
 * options[0][name]=limitfrom&options[0][value]=0}).
 */
public final class WsParams {
  private final List<String[]> pairs = new ArrayList<>();

  private WsParams() {}

  public static WsParams of() {
    return new WsParams();
  }

  public WsParams with(String name, Object value) {
    pairs.add(new String[] {name, String.valueOf(value)});
    return this;
  }

  /** A list of scalars: {@code name[0]=a&name[1]=b}. */
  public WsParams withList(String name, List<?> values) {
    for (int i = 0; i < values.size(); i++) {
      with(name + "[" + i + "]", values.get(i));
    }
    return this;
  }

  /** Moodle's name/value option list: {@code name[i][name]=key&name[i][value]=value}. */
  public WsParams withOptions(String name, Map<String, ?> options) {
    int i = 0;
    for (Map.Entry<String, ?> option : options.entrySet()) {
      with(name + "[" + i + "][name]", option.getKey());
      with(name + "[" + i + "][value]", option.getValue());
      i++;
    }
    return this;
  }

  List<String[]> pairs() {
    return List.copyOf(pairs);
  }

  static String encode(List<String[]> pairs) {
    return pairs.stream().map(p -> url(p[0]) + "=" + url(p[1])).collect(Collectors.joining("&"));
  }

  private static String url(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
