package dev.weft.examples.compose;

import dev.weft.Input;
import dev.weft.Task;
import java.util.List;

/** Test flow whose input {@code lines} has a type that {@link Sources}' task cannot satisfy. */
public class Mismatched {
  @Task
  public int sum(@Input List<Integer> lines) {
    return lines.stream().mapToInt(Integer::intValue).sum();
  }
}
