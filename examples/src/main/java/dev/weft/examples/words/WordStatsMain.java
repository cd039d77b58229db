package dev.weft.examples.words;

import dev.weft.engine.Flow;
import dev.weft.engine.Key;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Prints the word-statistics pipeline as the annotation processor checked and generated it: its
 * inputs and tasks with their exact types, and its graph as Mermaid (default), DOT or JSON.
 *
 * <pre>
 * mvn -q -pl examples -am package -DskipTests -Pexample                      # Mermaid
 * mvn -q -pl examples -am package -DskipTests -Pexample -Dexec.args=dot    # Graphviz DOT
 * mvn -q -pl examples -am package -DskipTests -Pexample -Dexec.args=json   # JSON
 * </pre>
 */
public final class WordStatsMain {
  private WordStatsMain() {}

  public static void main(String[] args) {
    String format = args.length == 0 ? "mermaid" : args[0].toLowerCase(Locale.ROOT);
    Flow flow = WordStatsFlow.of(new WordStats());
    PrintStream out = System.out;
    switch (format) {
      case "mermaid" -> {
        describe(flow, out);
        out.println();
        out.print(flow.toMermaid());
      }
      case "dot" -> out.print(flow.toDot());
      case "json" -> out.print(flow.toJson());
      default -> {
        System.err.println("unknown format '" + args[0] + "'; use mermaid, dot or json");
        System.exit(2);
      }
    }
  }

  private static void describe(Flow flow, PrintStream out) {
    out.println("Flow " + flow.name() + ", checked at compile time:");
    for (Key<?> input : flow.inputs()) {
      out.println("  input " + input.name() + ": " + input.type());
    }
    for (Key<?> task : flow.tasks()) {
      out.println("  task  " + task.name() + ": " + task.type());
    }
  }
}
