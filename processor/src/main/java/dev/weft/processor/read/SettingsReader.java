package dev.weft.processor.read;

import com.google.common.collect.ImmutableList;
import dev.weft.processor.base.Diagnostic;
import dev.weft.processor.base.ErrorReporter;
import dev.weft.processor.base.Location;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;

/**
 * Reads and checks the settings of one {@code @Task} — {@code cache}, {@code version},
 * {@code retries}, {@code timeout}, {@code limits} — each error pointing at its value. The engine
 * would reject the same mistakes only when the flow is built; here they stop the build.
 */
final class SettingsReader {
  private final ErrorReporter reporter;
  private final Annotations annotations;

  SettingsReader(ErrorReporter reporter, Annotations annotations) {
    this.reporter = reporter;
    this.annotations = annotations;
  }

  /**
   * The task's settings, as well as they can be read.
   *
   * @param timeout empty when absent or malformed
   */
  record Settings(
      boolean cache,
      String version,
      int retries,
      Optional<Duration> timeout,
      ImmutableList<String> limits) {}

  Settings read(ExecutableElement method, AnnotationMirror task, String name) {
    int retries = annotations.integer(task, "retries");
    if (retries < 0) {
      reporter.error(
          Diagnostic.RETRIES,
          Location.of(method, task, "retries"),
          "retries = %d of task '%s' is negative; use 0 for no retry, or the number of extra"
              + " attempts after a failure.",
          retries,
          name);
    }
    return new Settings(
        annotations.bool(task, "cache"),
        annotations.string(task, "version"),
        retries,
        timeout(method, task, name),
        limits(method, task, name));
  }

  private Optional<Duration> timeout(ExecutableElement method, AnnotationMirror task, String name) {
    String text = annotations.string(task, "timeout");
    if (text.isEmpty()) {
      return Optional.empty();
    }
    Optional<Duration> timeout = Timeouts.parse(text);
    if (timeout.isEmpty()) {
      reporter.error(
          Diagnostic.TIMEOUT,
          Location.of(method, task, "timeout"),
          "timeout \"%s\" of task '%s' is not a positive duration; write a whole number followed"
              + " by ms, s, m or h, such as \"250ms\", \"30s\" or \"5m\".",
          text,
          name);
    }
    return timeout;
  }

  /** The tags, each reported where it is written if blank or repeated. */
  private ImmutableList<String> limits(
      ExecutableElement method, AnnotationMirror task, String name) {
    ImmutableList.Builder<String> limits = ImmutableList.builder();
    Set<String> seen = new HashSet<>();
    for (AnnotationValue value : annotations.array(task, "limits")) {
      String tag = (String) value.getValue();
      Location here = Location.of(method, task, value);
      if (tag.isBlank()) {
        reporter.error(
            Diagnostic.LIMITS,
            here,
            "limits of task '%s' contain a blank tag \"%s\"; a tag names a limit set with"
                + " Weft.Builder.limit(tag, permits). Name the limit, as in limits = \"db\", or"
                + " remove the tag.",
            name,
            tag);
      } else if (!seen.add(tag)) {
        reporter.error(
            Diagnostic.LIMITS,
            here,
            "task '%s' lists limit \"%s\" twice; a task holds one permit of each limit while it"
                + " runs. List each limit once.",
            name,
            tag);
      }
      limits.add(tag);
    }
    return limits.build();
  }
}
