package org.peerloop.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.peerloop.web.admin.AdminOnly;
import org.peerloop.web.admin.PlatformAdministratorsToo;
import org.yaml.snakeyaml.Yaml;

/** Keeps the hand-written OpenAPI document true: every API resource method is in it. */
class OpenApiDocumentTest {
  /**
   * The resources the document describes: the JSON API, the session, the admin API and the Moodle
   * events, found among the compiled classes so that a new resource cannot be left out. The LTI
   * endpoints, pages and static files are not part of the JSON API.
   */
  private static final List<Class<?>> RESOURCES = apiResources();

  private static List<Class<?>> apiResources() {
    try {
      java.nio.file.Path classes =
          java.nio.file.Path.of(
              OpenApiResource.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      List<Class<?>> found = new ArrayList<>();
      try (var files = java.nio.file.Files.walk(classes.resolve("org/peerloop"))) {
        for (java.nio.file.Path file : (Iterable<java.nio.file.Path>) files::iterator) {
          String name = classes.relativize(file).toString();
          if (!name.endsWith(".class") || name.contains("$")) {
            continue;
          }
          Class<?> type =
              Class.forName(
                  name.substring(0, name.length() - 6).replace('/', '.'),
                  false,
                  OpenApiDocumentTest.class.getClassLoader());
          Path path = type.getAnnotation(Path.class);
          if (path != null
              && (path.value().startsWith("api") || path.value().startsWith("moodle"))
              && type != OpenApiResource.class) {
            found.add(type);
          }
        }
      }
      return found;
    } catch (Exception e) {
      throw new IllegalStateException("the compiled resources could not be listed", e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Map<String, Object>> paths() throws Exception {
    try (InputStream in = OpenApiResource.class.getResourceAsStream(OpenApiResource.DOCUMENT)) {
      Map<String, Object> document = new Yaml().load(in);
      assertEquals("3.1.0", document.get("openapi"));
      return (Map<String, Map<String, Object>>) document.get("paths");
    }
  }

  @Test
  void everyResourceMethodIsDescribed() throws Exception {
    Map<String, Map<String, Object>> paths = paths();
    List<String> missing = new ArrayList<>();
    int methods = 0;
    for (Class<?> resource : RESOURCES) {
      String base = resource.getAnnotation(Path.class).value();
      for (Method method : resource.getDeclaredMethods()) {
        String verb = httpMethod(method);
        if (verb == null) {
          continue;
        }
        methods++;
        Path sub = method.getAnnotation(Path.class);
        String path = normalize(base + (sub == null ? "" : "/" + sub.value()));
        Map<String, Object> operations = paths.get(path);
        if (operations == null || !operations.containsKey(verb)) {
          missing.add(verb.toUpperCase(Locale.ROOT) + " " + path);
        }
      }
    }
    assertTrue(methods > 20, "the resources were found: " + methods);
    assertEquals(List.of(), missing, "resource methods missing from openapi.yaml");
  }

  @Test
  void theDocumentDescribesNothingThatDoesNotExist() throws Exception {
    List<String> known = new ArrayList<>();
    for (Class<?> resource : RESOURCES) {
      String base = resource.getAnnotation(Path.class).value();
      for (Method method : resource.getDeclaredMethods()) {
        String verb = httpMethod(method);
        if (verb != null) {
          Path sub = method.getAnnotation(Path.class);
          known.add(verb + " " + normalize(base + (sub == null ? "" : "/" + sub.value())));
        }
      }
    }
    List<String> extra = new ArrayList<>();
    paths()
        .forEach(
            (path, operations) ->
                operations.keySet().stream()
                    .filter(v -> List.of("get", "put", "post", "delete").contains(v))
                    .filter(v -> !known.contains(v + " " + path))
                    .forEach(v -> extra.add(v + " " + path)));
    assertEquals(List.of(), extra, "operations in openapi.yaml that no resource serves");
  }

  /**
   * The document says which admin operations an LMS's administrator may call too ({@code
   * x-platform-administrators: true}); the access matrix reads it, so it must say what the code
   * does.
   */
  @Test
  @SuppressWarnings("unchecked")
  void theDocumentSaysWhichAdminOperationsPlatformAdministratorsMayCall() throws Exception {
    Map<String, Map<String, Object>> paths = paths();
    List<String> wrong = new ArrayList<>();
    int marked = 0;
    for (Class<?> resource : RESOURCES) {
      String base = resource.getAnnotation(Path.class).value();
      for (Method method : resource.getDeclaredMethods()) {
        String verb = httpMethod(method);
        if (verb == null
            || !method.isAnnotationPresent(AdminOnly.class)
                && !resource.isAnnotationPresent(AdminOnly.class)) {
          continue;
        }
        Path sub = method.getAnnotation(Path.class);
        String path = normalize(base + (sub == null ? "" : "/" + sub.value()));
        boolean code =
            method.isAnnotationPresent(PlatformAdministratorsToo.class)
                || resource.isAnnotationPresent(PlatformAdministratorsToo.class);
        Map<String, Object> operation = (Map<String, Object>) paths.get(path).get(verb);
        boolean documented = Boolean.TRUE.equals(operation.get("x-platform-administrators"));
        marked += code ? 1 : 0;
        if (code != documented) {
          wrong.add(verb + " " + path + (code ? " is open to" : " is closed to") + " them");
        }
      }
    }
    assertTrue(marked > 10, marked + " operations for platform administrators");
    assertEquals(List.of(), wrong, "x-platform-administrators disagrees with the code");
  }

  private static String httpMethod(Method method) {
    for (Class<? extends Annotation> verb :
        List.of(GET.class, POST.class, PUT.class, DELETE.class)) {
      if (method.isAnnotationPresent(verb)) {
        return verb.getSimpleName().toLowerCase(Locale.ROOT);
      }
    }
    return null;
  }

  /** "/api/v1" + "/spaces/{spaceId}", with JAX-RS regex templates reduced to their names. */
  private static String normalize(String path) {
    String clean = ("/" + path).replaceAll("/+", "/").replaceAll("\\{(\\w+)\\s*:[^}]*}", "{$1}");
    return clean.length() > 1 && clean.endsWith("/")
        ? clean.substring(0, clean.length() - 1)
        : clean;
  }
}
