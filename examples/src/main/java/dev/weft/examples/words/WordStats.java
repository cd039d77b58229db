package dev.weft.examples.words;

import dev.weft.Each;
import dev.weft.Input;
import dev.weft.Task;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Word frequencies over a directory of text files, as a Weft pipeline: list the files, count the
 * words of each file in parallel, add the counts up and report the most frequent words.
 *
 * <p>The annotation processor checks this graph when the class compiles and generates
 * {@code WordStatsFlow}, with a typed key per task and input.
 */
public class WordStats {
  /** What separates words: anything but letters, digits and apostrophes ({@code don't}). */
  private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}'\u2019]+");
  /** Apostrophes at either end of a word are quotation marks: {@code 'word'} counts as word. */
  private static final Pattern QUOTES = Pattern.compile("^'+|'+$");

  /**
   * The text files under {@code corpus}, in a stable order, each with its size and modification
   * time, so that editing a file changes this value and the counts are made again (see {@link
   * TextFile}).
   */
  @Task
  public List<TextFile> files(@Input Path corpus) throws IOException {
    List<Path> paths;
    try (Stream<Path> walk = Files.walk(corpus)) {
      paths = walk.filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().endsWith(".txt"))
          .sorted()
          .collect(Collectors.toList());
    }
    List<TextFile> files = new ArrayList<>(paths.size());
    for (Path path : paths) {
      files.add(TextFile.at(path));
    }
    return files;
  }

  /**
   * How often each word occurs in one file, words lower-cased; runs once per file, in parallel.
   * The file is read as UTF-8; bytes that are not UTF-8 become U+FFFD and separate words, so a
   * file in another encoding is counted, not rejected.
   */
  @Task
  public Map<String, Long> counts(@Each("files") TextFile file) throws IOException {
    // An InputStreamReader given a Charset replaces malformed input, where Files.lines throws.
    try (BufferedReader reader = new BufferedReader(
            new InputStreamReader(Files.newInputStream(file.path()), StandardCharsets.UTF_8));
        Stream<String> lines = reader.lines()) {
      return lines
          .flatMap(NON_WORD::splitAsStream)
          .map(word -> QUOTES.matcher(word.replace('\u2019', '\'')).replaceAll(""))
          .filter(word -> !word.isEmpty())
          .map(word -> word.toLowerCase(Locale.ROOT))
          .collect(Collectors.groupingBy(word -> word, TreeMap::new, Collectors.counting()));
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** The counts of all files added up. */
  @Task
  public Map<String, Long> total(List<Map<String, Long>> counts) {
    Map<String, Long> total = new TreeMap<>();
    for (Map<String, Long> fileCounts : counts) {
      fileCounts.forEach((word, n) -> total.merge(word, n, Long::sum));
    }
    return total;
  }

  /**
   * The {@code top} most frequent words, one per line, most frequent first. Cached like the
   * others: it depends only on its arguments (a task reading the clock, or writing a file, would
   * be {@code @Task(cache = false)} and execute on every run).
   */
  @Task
  public String report(Map<String, Long> total, @Input int top) {
    return total.entrySet().stream()
        .sorted(
            Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()))
        .limit(top)
        .map(e -> String.format(Locale.ROOT, "%8d  %s", e.getValue(), e.getKey()))
        .collect(Collectors.joining("\n"));
  }
}
