package dev.weft.engine;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Captures the engine's SLF4J warnings as slf4j-simple prints them (to whatever
 * {@code System.err} is at the time), while still passing them on to the real standard error.
 */
public final class LogCapture implements AutoCloseable {
  private final String prefix;
  private final PrintStream original = System.err;
  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

  private LogCapture(String logger) {
    this.prefix = " WARN " + logger;
    OutputStream tee = new OutputStream() {
      @Override
      public void write(int b) {
        synchronized (captured) {
          captured.write(b);
        }
        original.write(b);
      }

      @Override
      public void write(byte[] bytes, int offset, int length) {
        synchronized (captured) {
          captured.write(bytes, offset, length);
        }
        original.write(bytes, offset, length);
      }
    };
    System.setErr(new PrintStream(tee, true, StandardCharsets.UTF_8));
  }

  /**
   * Starts capturing the warnings of the loggers whose names start with {@code logger}, such as
   * {@code dev.weft.engine.store.} or {@code dev.weft.engine.Memo}; close to stop.
   */
  public static LogCapture of(String logger) {
    return new LogCapture(logger);
  }

  /** The warning lines captured so far, as printed. */
  public List<String> warnings() {
    String text;
    synchronized (captured) {
      text = captured.toString(StandardCharsets.UTF_8);
    }
    return Arrays.stream(text.split("\\R"))
        .filter(line -> line.contains(prefix))
        .collect(Collectors.toList());
  }

  /** The messages of the warnings captured so far, without the level and logger. */
  public List<String> messages() {
    return warnings().stream()
        .map(line -> line.substring(line.indexOf(" - ", line.indexOf(prefix)) + 3))
        .collect(Collectors.toList());
  }

  @Override
  public void close() {
    System.setErr(original);
  }
}
