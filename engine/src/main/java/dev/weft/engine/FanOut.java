package dev.weft.engine;

import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import com.google.common.hash.HashCode;
import com.google.common.reflect.TypeToken;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.jspecify.annotations.Nullable;

/**
 * The state of one fan-out task ({@code @Each}) in one run: its elements, their results in
 * element order, and how many are still to finish. Each element is invoked by attempts of its own,
 * with the task's retries, timeout and limits.
 */
final class FanOut {
  final Object[] elements;
  /** The running attempt of each element, for cancellation. */
  final AtomicReferenceArray<@Nullable Attempt> attempts;
  private final @Nullable Object[] results;
  private final AtomicInteger unfinished;
  /**
   * The failure of the lowest-numbered element that failed, kept while the others finish
   * (keepGoing), so that the one reported does not depend on timing; and which failed.
   */
  private volatile @Nullable Throwable firstFailure;
  private int firstFailedElement = -1; // guarded by this
  private final BitSet failedElements = new BitSet(); // guarded by this
  /**
   * With a cache: the claim on each element's cache key while this run computes it, and the key
   * (see {@link RunCache#lookUpElement}); null without one.
   */
  final @Nullable AtomicReferenceArray<@Nullable CompletableFuture<Memoized>> claims;
  final @Nullable HashCode[] keys;
  /** How many elements came from a cache. */
  final AtomicInteger cached = new AtomicInteger();
  /**
   * The elements' result type and the task's description, worked out by {@link RunCache} for the
   * first element rather than for each of 100,000; elements racing there compute equal values.
   */
  @Nullable TypeToken<?> resultType;
  @Nullable String description;

  FanOut(Object[] elements, boolean caching) {
    this.elements = elements;
    this.attempts = new AtomicReferenceArray<>(elements.length);
    this.claims = caching ? new AtomicReferenceArray<>(elements.length) : null;
    this.keys = caching ? new HashCode[elements.length] : null;
    this.results = new Object[elements.length];
    this.unfinished = new AtomicInteger(elements.length);
  }

  int size() {
    return elements.length;
  }

  /** Records element {@code i}'s result; returns true when it was the last element to finish. */
  boolean succeeded(int i, @Nullable Object result) {
    results[i] = result;
    return unfinished.decrementAndGet() == 0;
  }

  /**
   * Records that element {@code i} failed for good; returns true when it was the last element to
   * finish.
   */
  boolean failed(int i, Throwable failure) {
    record(i, failure);
    return unfinished.decrementAndGet() == 0;
  }

  /** Records that element {@code i} failed and fails the task at once (no keepGoing). */
  void failedFast(int i, Throwable failure) {
    record(i, failure);
  }

  private synchronized void record(int i, Throwable failure) {
    failedElements.set(i);
    if (firstFailure == null || i < firstFailedElement) {
      firstFailure = failure;
      firstFailedElement = i;
    }
  }

  /**
   * Which elements failed, for messages: {@code element 2 of 10 (value)}, and when others failed
   * too {@code element 2 of 10 (value), and 2 more: 5 (value), 7 (value)}, at most
   * {@value #LISTED} of them listed. Empty if none failed.
   */
  synchronized String failedText() {
    if (firstFailedElement < 0) {
      return "";
    }
    StringBuilder text = new StringBuilder("element ").append(firstFailedElement)
        .append(" of ").append(elements.length).append(" (").append(value(firstFailedElement))
        .append(')');
    int more = failedElements.cardinality() - 1;
    if (more > 0) {
      text.append(", and ").append(more).append(" more: ");
      int listed = 0;
      for (int i = failedElements.nextSetBit(firstFailedElement + 1); i >= 0 && listed < LISTED;
          i = failedElements.nextSetBit(i + 1), listed++) {
        text.append(listed == 0 ? "" : ", ").append(i).append(" (").append(value(i)).append(')');
      }
      if (more > LISTED) {
        text.append(", …");
      }
    }
    return text.toString();
  }

  private static final int LISTED = 10;

  private String value(int i) {
    return Durations.abbreviate(Durations.describe(elements[i]));
  }

  @Nullable Throwable firstFailure() {
    return firstFailure;
  }


  /** The results in element order, as the task's value: an unmodifiable list. */
  List<@Nullable Object> value() {
    return Collections.unmodifiableList(Arrays.asList(results));
  }
}
