package dev.weft.processor.read;

/** Helps messages about names that are not Java identifiers. */
final class Names {
  private Names() {}

  /** An identifier close to {@code name}, to suggest in a message. */
  static String suggestIdentifier(String name) {
    String cleaned = name.strip().replaceAll("[^A-Za-z0-9_]+", "_");
    if (cleaned.isEmpty() || !Character.isJavaIdentifierStart(cleaned.charAt(0))) {
      cleaned = "task_" + cleaned;
    }
    return cleaned;
  }
}
