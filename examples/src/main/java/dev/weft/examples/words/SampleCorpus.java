package dev.weft.examples.words;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Writes the sample corpus that {@link WordStatsMain} counts when given no directory: {@value
 * #FILES} text files of about 170 kilobytes each (some three million words in all), made of
 * words drawn from a fixed vocabulary with a Zipf-like distribution (the word of rank {@code k} is
 * about {@code 1/k} as frequent as the first), as natural text is. It is large enough that
 * counting it takes a few seconds, which a rerun then loads from the cache.
 *
 * <p>The corpus is the same on every machine and every run: each file comes from a {@link Random}
 * seeded with a fixed number and the file's index, and {@code Random}'s algorithm is fixed by its
 * specification. A file whose content is already right is left untouched, so its modification
 * time — which a persistent cache reads — does not change. To tell cheaply, the directory keeps a
 * stamp, {@value #STAMP}, of each file's size and modification time as this class last left it: a
 * file that still matches its stamp is not generated again to be compared.
 */
final class SampleCorpus {
  /** How many files the corpus has. */
  static final int FILES = 80;
  /** The name of the stamp file in the corpus directory; not a {@code .txt} file, so not counted. */
  static final String STAMP = ".sample-corpus";

  private static final long SEED = 20_240_917L;
  private static final double ZIPF_EXPONENT = 1.07;
  private static final int MIN_WORDS = 25_000;
  private static final int MAX_WORDS = 55_000;

  /** The vocabulary, most frequent first. */
  private static final List<String> VOCABULARY = List.of((""
      + "the of and to a in is that it was for on are as with his they at be this from have or"
      + " by one had not but what all were when we there can an your which their said if do"
      + " will each about how up out them then she many some so these would other into has more"
      + " her two like him see time could no make than first been its who now people my made"
      + " over did down only way find use may water long little very after words called just"
      + " where most know get through back much go good new write our me man too any day same"
      + " right look think also around another came come work three word must because does part"
      + " even place well such here take why things help put years different away again off"
      + " went old number great tell men say small every found still between name should home"
      + " big give air line set own under read last never us left end along while might next"
      + " sound below saw something thought both few those always looked show large often"
      + " together asked house don't world going want school important until form food keep"
      + " children feet land side without boy once animals life enough took sometimes four head"
      + " above kind began almost live page got earth need far hand high year mother light parts"
      + " country father let night following picture being study second eyes soon times story"
      + " boys since white days ever paper hard near sentence better best across during today"
      + " others however sure means knew it's try told young miles sun ways thing whole hear"
      + " example heard several change answer room sea against top turned learn point city play"
      + " toward five using himself usually river weft graph task")
      .split(" "));

  private SampleCorpus() {}

  /**
   * Writes the corpus into {@code directory}, creating it if needed, as {@code words-00.txt} to
   * {@code words-79.txt}; rewrites only files whose content differs. Returns the directory.
   */
  static Path write(Path directory) throws IOException {
    Files.createDirectories(directory);
    Path stampFile = directory.resolve(STAMP);
    List<String> stamp = readStamp(stampFile);
    List<String> now = new ArrayList<>(FILES + 1);
    now.add(generator());
    double[] cumulative = zipfCumulative(VOCABULARY.size());
    for (int i = 0; i < FILES; i++) {
      Path file = directory.resolve(String.format(Locale.ROOT, "words-%02d.txt", i));
      String seen = stampOf(file);
      if (seen == null || !seen.equals(stamp.size() == FILES + 1 ? stamp.get(i + 1) : null)) {
        byte[] content = text(new Random(SEED * 31 + i), cumulative)
            .getBytes(StandardCharsets.UTF_8);
        if (!Files.isRegularFile(file) || !Arrays.equals(Files.readAllBytes(file), content)) {
          Files.write(file, content);
        }
        seen = stampOf(file);
      }
      now.add(seen);
    }
    if (!now.equals(stamp)) {
      Files.write(stampFile, now, StandardCharsets.UTF_8);
    }
    return directory;
  }

  /**
   * The stamp's lines, or none if it is missing or was written by a generator with other
   * settings.
   */
  private static List<String> readStamp(Path stampFile) throws IOException {
    if (!Files.isRegularFile(stampFile)) {
      return List.of();
    }
    List<String> lines = Files.readAllLines(stampFile, StandardCharsets.UTF_8);
    return !lines.isEmpty() && lines.get(0).equals(generator()) ? lines : List.of();
  }

  /** The first line of the stamp: what the files are generated from. */
  private static String generator() {
    return String.format(Locale.ROOT, "%d %d %s %d %d %d", FILES, SEED, ZIPF_EXPONENT, MIN_WORDS,
        MAX_WORDS, VOCABULARY.hashCode()); // String.hashCode is specified: the same on every JVM
  }

  /** A file's line in the stamp — its name, size and modification time — or null if missing. */
  private static String stampOf(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      return null;
    }
    BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
    return file.getFileName() + " " + attributes.size() + " "
        + attributes.lastModifiedTime().toInstant();
  }

  /** One file's text: sentences of 4 to 16 words, a few sentences per line. */
  private static String text(Random random, double[] cumulative) {
    int words = MIN_WORDS + random.nextInt(MAX_WORDS - MIN_WORDS + 1);
    StringBuilder text = new StringBuilder();
    int lineLength = 0;
    while (words > 0) {
      int sentence = Math.min(words, 4 + random.nextInt(13));
      words -= sentence;
      for (int w = 0; w < sentence; w++) {
        String word = VOCABULARY.get(pick(random, cumulative));
        if (w == 0) {
          word = Character.toUpperCase(word.charAt(0)) + word.substring(1);
        }
        text.append(word).append(w == sentence - 1 ? ". " : random.nextInt(8) == 0 ? ", " : " ");
        lineLength += word.length() + 1;
      }
      if (lineLength > 60) {
        text.setLength(text.length() - 1); // the space after the full stop
        text.append('\n');
        lineLength = 0;
      }
    }
    return text.toString().stripTrailing() + "\n";
  }

  /** The cumulative probabilities of ranks 1 to {@code n} under Zipf's law. */
  private static double[] zipfCumulative(int n) {
    double[] cumulative = new double[n];
    double sum = 0;
    for (int rank = 1; rank <= n; rank++) {
      sum += 1 / StrictMath.pow(rank, ZIPF_EXPONENT); // StrictMath: the same bits on every JVM
      cumulative[rank - 1] = sum;
    }
    for (int i = 0; i < n; i++) {
      cumulative[i] /= sum;
    }
    return cumulative;
  }

  private static int pick(Random random, double[] cumulative) {
    int index = Arrays.binarySearch(cumulative, random.nextDouble());
    int rank = index >= 0 ? index + 1 : -index - 1; // the first entry above the draw
    return Math.min(rank, cumulative.length - 1);
  }
}
