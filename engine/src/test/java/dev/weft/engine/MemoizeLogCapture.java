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
final class MemoizeLogCapture implements AutoCloseable {
  private static final String WARN_PREFIX = " WARN dev.weft.engine.Memo - ";

  private final PrintStream original = System.err;
  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

  private MemoizeLogCapture() {
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
  static MemoizeLogCapture start() {
    return new MemoizeLogCapture();
  }

  /** The messages of the {@code Memo} warnings captured so far, without their prefix. */
  List<String> warnings() {
    String text;
    synchronized (captured) {
      text = captured.toString(StandardCharsets.UTF_8);
    }
    return Arrays.stream(text.split("\\R"))
        .filter(line -> line.contains(WARN_PREFIX))
        .map(line -> line.substring(line.indexOf(WARN_PREFIX) + WARN_PREFIX.length()))
        .collect(Collectors.toList());
  }

  @Override
  public void close() {
    System.setErr(original);
  }
}
