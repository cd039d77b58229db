package dev.weft.examples.compose;

import dev.weft.Input;
import dev.weft.Task;
import java.util.List;

/** Test flow whose task {@code text} feeds {@link Sources}, and which reads its {@code lines}. */
public class Feedback {
  @Task
  public String text(@Input List<String> lines) {
    return String.join("\n", lines);
  }
}
