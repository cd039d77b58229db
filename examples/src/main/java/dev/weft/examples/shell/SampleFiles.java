package dev.weft.examples.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

/**
 * Writes the files that {@link ShellMain} runs its command on when given no directory: {@value
 * #FILES} text files of 10 to 60 kilobytes, from plain prose to random letters, so that {@code
 * gzip} compresses each differently.
 *
 * <p>They are the same on every run: each comes from a {@link Random} seeded with a fixed number
 * and the file's index. A file whose content is already right is left untouched, so its
 * modification time — part of the cache key of its command — does not change, and a rerun finds
 * every command's output in the cache.
 */
final class SampleFiles {
  /** How many files there are. */
  static final int FILES = 100;

  private static final long SEED = 20_241_122L;
  private static final String[] WORDS = ("the of and to a in is that it was for on are as with"
      + " graph task cache worker queue chunk file command shell parallel run element").split(" ");
  private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

  private SampleFiles() {}

  /**
   * Writes the files into {@code directory}, creating it if needed, as {@code sample-000.txt} to
   * {@code sample-099.txt}; rewrites only files whose content differs. Returns the directory.
   */
  static Path write(Path directory) throws IOException {
    Files.createDirectories(directory);
    for (int i = 0; i < FILES; i++) {
      Path file = directory.resolve(String.format(Locale.ROOT, "sample-%03d.txt", i));
      byte[] content = text(i).getBytes(StandardCharsets.UTF_8);
      if (!Files.isRegularFile(file) || Files.size(file) != content.length
          || !Arrays.equals(Files.readAllBytes(file), content)) {
        Files.write(file, content);
      }
    }
    return directory;
  }

  /**
   * File {@code i}'s text: lines of words, of which about {@code i} in a hundred are random
   * letters rather than words from a short list.
   */
  private static String text(int i) {
    Random random = new Random(SEED * 31 + i);
    int size = 10_000 + random.nextInt(50_001);
    StringBuilder text = new StringBuilder(size + 100);
    int lineStart = 0;
    while (text.length() < size) {
      if (random.nextInt(100) < i) {
        for (int n = 3 + random.nextInt(8); n > 0; n--) {
          text.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
        }
      } else {
        text.append(WORDS[random.nextInt(WORDS.length)]);
      }
      if (text.length() - lineStart > 70) {
        text.append('\n');
        lineStart = text.length();
      } else {
        text.append(' ');
      }
    }
    return text.append('\n').toString();
  }
}
