package dev.weft.engine;

import java.util.Arrays;

/** A growable stack of ints, for walking graphs of a million nodes without boxing or recursion. */
final class IntStack {
  private int[] items = new int[16];
  private int size;

  void push(int value) {
    if (size == items.length) {
      items = Arrays.copyOf(items, size * 2);
    }
    items[size++] = value;
  }

  int pop() {
    return items[--size];
  }

  boolean isEmpty() {
    return size == 0;
  }
}
