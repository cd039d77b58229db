package dev.weft.engine.fingerprint;

/**
 * Rewrites the names that javac numbers by position in the source file, so that adding an
 * unrelated lambda or anonymous class earlier in a file does not rename, and so re-fingerprint,
 * the ones after it.
 *
 * <p>javac names a lambda's body {@code lambda$<enclosing method>$<n>} and an anonymous or local
 * class {@code Outer$<n>} or {@code Outer$<n>Local}, where {@code n} counts such constructs in
 * the order javac meets them in the class. The number says nothing about what the code does, so
 * the fingerprint drops it: {@code lambda$task$3} is hashed as {@code lambda$task$} and
 * {@code Outer$2} as {@code Outer$}. Which lambda or class a reference denotes is not lost: the
 * closure ({@link Closure}) records every followed reference as an edge to the method it
 * resolved to, by that method's position in the walk, not by its name.
 */
final class SymbolicNames {

  private static final String LAMBDA_PREFIX = "lambda$";

  private SymbolicNames() {}

  /**
   * Returns an internal class name ({@code a/b/Outer$1}), a type descriptor or a method
   * descriptor with the numbers of anonymous and local classes removed: every {@code $}
   * followed by digits loses the digits ({@code Outer$1Local} becomes {@code Outer$Local}).
   */
  static String type(String internalNameOrDescriptor) {
    String s = internalNameOrDescriptor;
    int dollar = s.indexOf('$');
    if (dollar < 0) {
      return s; // the common case, without allocating
    }
    StringBuilder normalized = null;
    int copied = 0;
    for (; dollar >= 0; dollar = s.indexOf('$', dollar + 1)) {
      int end = dollar + 1;
      while (end < s.length() && isDigit(s.charAt(end))) {
        end++;
      }
      if (end > dollar + 1) {
        if (normalized == null) {
          normalized = new StringBuilder(s.length());
        }
        normalized.append(s, copied, dollar + 1);
        copied = end;
      }
    }
    return normalized == null ? s : normalized.append(s, copied, s.length()).toString();
  }

  /**
   * Returns a method name with the number of a javac lambda body removed: {@code lambda$x$12}
   * becomes {@code lambda$x$}; other names are returned as they are.
   */
  static String method(String name) {
    if (!name.startsWith(LAMBDA_PREFIX)) {
      return name;
    }
    int last = name.lastIndexOf('$');
    if (last < LAMBDA_PREFIX.length() || last == name.length() - 1) {
      return name;
    }
    for (int i = last + 1; i < name.length(); i++) {
      if (!isDigit(name.charAt(i))) {
        return name;
      }
    }
    return name.substring(0, last + 1);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
