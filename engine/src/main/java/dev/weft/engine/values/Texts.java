package dev.weft.engine.values;

/**
 * Joins the parts of a message, for code that may run deep in a stack.
 *
 * <p>Why not {@code +}: javac compiles it to {@code invokedynamic}, whose call site is linked the
 * first time it runs, and linking takes a good deal of stack. A fingerprint fails deep inside a
 * nested value, near the depth limit, and there the linking itself can overflow; on JDK 25 that
 * was measured to leave the call site failing with {@code BootstrapMethodError} for the rest of
 * the JVM's life. A {@code StringBuilder} is linked like any method. Lambdas and method
 * references are avoided in this package's fingerprinting code for the same reason.
 */
final class Texts {

  private Texts() {}

  static String join(Object... parts) {
    StringBuilder text = new StringBuilder();
    for (Object part : parts) {
      text.append(part);
    }
    return text.toString();
  }
}
