package dev.weft.examples.barrier;

/**
 * The character branch of {@link TextProfile}: how many characters (code points) of each class
 * the text's lines hold, line terminators not counted. Every character is in exactly one class.
 *
 * @param letters letters, of any script
 * @param digits decimal digits
 * @param whitespace spaces and tabs
 * @param punctuation punctuation marks: dashes, brackets, quotes, {@code . , ; : ! ?} and the like
 * @param other everything else: symbols such as {@code + $ |}, control characters, emoji
 */
public record CharacterClasses(
    long letters, long digits, long whitespace, long punctuation, long other) {
  /** How many characters there are in all. */
  public long total() {
    return letters + digits + whitespace + punctuation + other;
  }
}
