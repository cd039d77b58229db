package dev.weft.examples.barrier;

import dev.weft.Input;
import dev.weft.Task;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A profile of a text, made by four independent branches joined by one task:
 *
 * <pre>
 *              ┌─▶ wordCounts   ─┐
 * text ─▶ lines ├─▶ lineLengths  ─┤
 *              ├─▶ characters   ─┼─▶ profile
 *              └─▶ longestLines ─┘
 * </pre>
 *
 * <p>In Python the branches would be processes that each end with {@code barrier.wait()}, so that
 * none goes on — and the parent joins the results — before all are done. Here the join is a task
 * like the others: {@link #profile} reads the four branches' values, so the engine starts it when
 * the last of them has finished, and runs the branches, which read only {@code lines}, at the
 * same time. No barrier, no shared state, nothing to forget to wait for.
 *
 * <p>The annotation processor checks this graph when the class compiles and generates {@code
 * TextProfileFlow}, with a typed key per task and input.
 */
public class TextProfile {
  /** A word: letters, digits and apostrophes inside ({@code don't}). */
  private static final Pattern WORD =
      Pattern.compile("[\\p{L}\\p{N}]+(?:['\u2019][\\p{L}\\p{N}]+)*");
  /** How many of the most frequent words, and of the longest lines, the profile shows. */
  static final int SHOWN = 3;
  /** The profile cuts lines longer than this. */
  private static final int MAX_SHOWN_LINE = 60;

  /**
   * The lines of {@code text}, read as UTF-8; bytes that are not UTF-8 become U+FFFD, so a text
   * in another encoding is profiled, not rejected.
   */
  @Task
  public List<String> lines(@Input Path text) throws IOException {
    // An InputStreamReader given a Charset replaces malformed input, where Files.readAllLines
    // throws.
    try (BufferedReader reader = new BufferedReader(
        new InputStreamReader(Files.newInputStream(text), StandardCharsets.UTF_8))) {
      return reader.lines().collect(Collectors.toList());
    }
  }

  /** Branch: how often each word occurs, lower-cased, in alphabetical order. */
  @Task
  public Map<String, Long> wordCounts(List<String> lines) {
    Map<String, Long> counts = new TreeMap<>();
    for (String line : lines) {
      Matcher words = WORD.matcher(line);
      while (words.find()) {
        counts.merge(words.group().replace('\u2019', '\'').toLowerCase(Locale.ROOT), 1L,
            Long::sum);
      }
    }
    return counts;
  }

  /** Branch: how long the lines are. */
  @Task
  public LineLengths lineLengths(List<String> lines) {
    int blank = 0;
    int longest = 0;
    long total = 0;
    for (String line : lines) {
      int length = line.codePointCount(0, line.length());
      blank += line.isBlank() ? 1 : 0;
      longest = Math.max(longest, length);
      total += length;
    }
    return new LineLengths(lines.size(), blank, longest,
        lines.isEmpty() ? 0 : (double) total / lines.size());
  }

  /** Branch: how many letters, digits, spaces, punctuation marks and other characters. */
  @Task
  public CharacterClasses characters(List<String> lines) {
    long[] counts = new long[5];
    for (String line : lines) {
      line.codePoints().forEach(c -> counts[classOf(c)]++);
    }
    return new CharacterClasses(counts[0], counts[1], counts[2], counts[3], counts[4]);
  }

  /** 0 letter, 1 digit, 2 whitespace, 3 punctuation, 4 other. */
  private static int classOf(int c) {
    if (Character.isLetter(c)) {
      return 0;
    }
    if (Character.isDigit(c)) {
      return 1;
    }
    if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
      return 2;
    }
    return switch (Character.getType(c)) {
      case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION,
          Character.START_PUNCTUATION, Character.END_PUNCTUATION,
          Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
          Character.OTHER_PUNCTUATION -> 3;
      default -> 4;
    };
  }

  /** Branch: the {@value #SHOWN} longest lines, longest first; of lines as long, the earliest. */
  @Task
  public List<NumberedLine> longestLines(List<String> lines) {
    List<NumberedLine> numbered = new ArrayList<>(lines.size());
    for (int i = 0; i < lines.size(); i++) {
      numbered.add(new NumberedLine(i + 1, lines.get(i)));
    }
    return numbered.stream()
        .sorted(Comparator.comparingInt(NumberedLine::length).reversed()
            .thenComparingInt(NumberedLine::number))
        .limit(SHOWN)
        .collect(Collectors.toList());
  }

  /** The join: the four branches' results, as the lines of a report. */
  @Task
  public List<String> profile(Map<String, Long> wordCounts, LineLengths lineLengths,
      CharacterClasses characters, List<NumberedLine> longestLines) {
    long words = wordCounts.values().stream().mapToLong(Long::longValue).sum();
    List<String> report = new ArrayList<>();
    report.add(String.format(Locale.ROOT, "%,d lines (%,d blank), %,d words (%,d distinct),"
            + " %,d characters", lineLengths.lines(), lineLengths.blank(), words,
        wordCounts.size(), characters.total()));
    report.add("  commonest words  " + wordCounts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed()
            .thenComparing(Map.Entry.comparingByKey()))
        .limit(SHOWN)
        .map(e -> String.format(Locale.ROOT, "%s %,d", e.getKey(), e.getValue()))
        .collect(Collectors.joining(", ")));
    report.add(String.format(Locale.ROOT, "  line lengths     mean %.1f, longest %,d",
        lineLengths.mean(), lineLengths.longest()));
    report.add(String.format(Locale.ROOT, "  characters       %,d letters, %,d digits, %,d"
            + " whitespace, %,d punctuation, %,d other", characters.letters(),
        characters.digits(), characters.whitespace(), characters.punctuation(),
        characters.other()));
    String label = "  longest lines    ";
    for (NumberedLine line : longestLines) {
      report.add(String.format(Locale.ROOT, "%sline %,d (%,d): %s", label, line.number(),
          line.length(), shortened(line.text().strip())));
      label = " ".repeat(label.length());
    }
    return report;
  }

  private static String shortened(String text) {
    return text.codePointCount(0, text.length()) <= MAX_SHOWN_LINE ? text
        : text.substring(0, text.offsetByCodePoints(0, MAX_SHOWN_LINE - 1)) + "…";
  }
}
