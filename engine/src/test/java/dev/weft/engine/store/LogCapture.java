package dev.weft.engine.store;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Captures the store's SLF4J warnings as slf4j-simple prints them (to whatever {@code System.err}
 * is at the time), while still passing them on to the real standard error.
 */
final class LogCapture implements AutoCloseable {
  private static final String WARN_PREFIX = " WARN dev.weft.engine.store.";

  private final PrintStream original = System.err;
  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

  private LogCapture() {
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

  /** Starts capturing; close to stop. */
  static LogCapture start() {
    return new LogCapture();
  }

  /** The store's WARN lines captured so far. */
  List<String> warnings() {
    String text;
    synchronized (captured) {
      text = captured.toString(StandardCharsets.UTF_8);
    }
    return Arrays.stream(text.split("\\R"))
        .filter(line -> line.contains(WARN_PREFIX))
        .collect(Collectors.toList());
  }

  @Override
  public void close() {
    System.setErr(original);
  }
}
