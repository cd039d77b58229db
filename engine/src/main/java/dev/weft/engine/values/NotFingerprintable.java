package dev.weft.engine.values;

import java.util.ArrayList;

/**
 * Thrown inside {@link CanonicalEncoder} to abandon a value that cannot be fingerprinted; it never
 * leaves this package, where it becomes {@link Fingerprint#unavailable(String)}.
 *
 * <p>It carries no stack trace: it is an expected outcome, and the reason says where the value
 * went wrong, as the path of record components, bean properties and elements that led to it.
 */
final class NotFingerprintable extends Exception {

  private static final long serialVersionUID = 1L;

  /** How many steps of the path to keep at each end; a value 400 levels deep has 400. */
  private static final int ENDS = 3;

  private final String problem;
  private final ArrayList<String> path = new ArrayList<>(); // innermost first

  NotFingerprintable(String problem) {
    super(problem, null, false, false);
    this.problem = problem;
  }

  /** Records that the value sat in {@code where}, such as a record's component; returns this. */
  NotFingerprintable within(String where) {
    path.add(where);
    return this;
  }

  /**
   * Returns the reason: the path from the outermost value in, then the problem, as in
   * {@code element 1 of a java.util.ArrayList: component 'when' of com.example.Span: a
   * java.util.Date is not a value Weft can fingerprint; …}.
   */
  String reason() {
    StringBuilder reason = new StringBuilder();
    for (int i = path.size() - 1; i >= 0; i--) {
      int fromOutside = path.size() - 1 - i;
      if (fromOutside < ENDS || i < ENDS) {
        reason.append(path.get(i)).append(": ");
      } else if (fromOutside == ENDS) {
        reason.append("… (").append(path.size() - 2 * ENDS).append(" more) …: ");
      }
    }
    return reason.append(problem).toString();
  }
}
