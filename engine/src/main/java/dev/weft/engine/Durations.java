package dev.weft.engine;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** Text for messages: durations as a user writes them, and values cut to a readable length. */
final class Durations {
  private static final int MAX_VALUE_TEXT = 60;

  private Durations() {}

  /** {@code 250ms}, {@code 30s}, {@code 5m}, {@code 2h}: the largest unit that is exact. */
  static String format(Duration duration) {
    long millis = duration.toMillis();
    if (millis != 0 && millis % 3_600_000 == 0) {
      return millis / 3_600_000 + "h";
    }
    if (millis != 0 && millis % 60_000 == 0) {
      return millis / 60_000 + "m";
    }
    if (millis != 0 && millis % 1_000 == 0) {
      return millis / 1_000 + "s";
    }
    return millis + "ms";
  }

  /**
   * {@code String.valueOf(value)}, or the value's class name when its {@code toString()} throws:
   * a message about a failure must not fail itself.
   */
  static String describe(@Nullable Object value) {
    try {
      return String.valueOf(value);
    } catch (RuntimeException | LinkageError e) {
      return value.getClass().getName() + " (whose toString() threw " + e.getClass().getName() + ")";
    }
  }

  /** {@code text}, or its first characters and an ellipsis when it is long. */
  static String abbreviate(String text) {
    return text.length() <= MAX_VALUE_TEXT ? text : text.substring(0, MAX_VALUE_TEXT - 1) + "…";
  }
}
