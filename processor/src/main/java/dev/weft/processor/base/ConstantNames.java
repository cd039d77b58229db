package dev.weft.processor.base;

/** Derives the UPPER_SNAKE_CASE constant of a generated flow from a task or input name. */
public final class ConstantNames {
  private ConstantNames() {}

  /**
   * {@code files} → {@code FILES}, {@code wordCounts} → {@code WORD_COUNTS}, {@code parseHTTPBody}
   * → {@code PARSE_HTTP_BODY}, {@code top10} → {@code TOP10}.
   */
  public static String of(String name) {
    StringBuilder out = new StringBuilder(name.length() + 8);
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (i > 0 && Character.isUpperCase(c) && startsWord(name, i)) {
        out.append('_');
      }
      out.append(Character.toUpperCase(c));
    }
    return out.toString();
  }

  /** An upper-case letter starts a word after a lower-case letter or digit, or ends an acronym. */
  private static boolean startsWord(String name, int i) {
    char previous = name.charAt(i - 1);
    if (Character.isLowerCase(previous) || Character.isDigit(previous)) {
      return true;
    }
    boolean nextIsLower = i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1));
    return Character.isUpperCase(previous) && nextIsLower;
  }
}
