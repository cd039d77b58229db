package dev.weft.examples.compose;

import dev.weft.Each;
import dev.weft.Input;
import dev.weft.Task;
import java.util.Collection;
import java.util.List;

/**
 * Test flow reading an input {@code lines}, which {@link Sources}' task of that name satisfies
 * when the two are composed; declared as a {@code Collection}, which a {@code List} satisfies.
 */
public class Lengths {
  @Task
  public int length(@Each("lines") String line) {
    return line.length();
  }

  @Task
  public int longest(List<Integer> length, @Input("lines") Collection<String> all) {
    return length.stream().mapToInt(Integer::intValue).max().orElse(all.size());
  }
}
