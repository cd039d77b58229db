package dev.weft.benchmarks;

import com.google.common.reflect.TypeToken;
import dev.weft.engine.Flow;
import dev.weft.engine.FlowBuilder;
import dev.weft.engine.Inputs;
import dev.weft.engine.Key;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.zip.Deflater;

/**
 * The realistic pipeline of the caching benchmarks: 33 tasks built with {@link FlowBuilder}, every
 * one declared with its exact type (a {@link TypeToken}), so that every value can go to the disk
 * tier.
 *
 * <p>It reads a CSV file of {@value #ROWS} sales (about 3.6 MiB, written once per trial by
 * {@link #writeData}; the input is its {@code Path}, fingerprinted by size and modification time)
 * and then:
 *
 * <pre>
 * text ─ lines ─ sales ─┬─ region_r (×4) ─┬─ regionStats_r (×4) ── statsSummary ─┐
 *   │                   │                 └─ regionTop_r (×4) ──── topSummary ───┤
 *   │                   ├─ words ──────────────────────────┬─ textSummary ───────┤
 *   │                   ├─ bigrams ─ topBigrams ───────────┘                     │
 *   │                   ├─ daily ─ spectrum ────────────────── trendSummary ─────┼─ report
 *   │                   ├─ customers ─┬─ topCustomers ─────┬─ customerSummary ───┤
 *   │                   │             └─ segments ─────────┘                     │
 *   │                   └─ anomalies ──────────────────────┬─ quality ───────────┘
 *   └─ packed ─ checksum ──────────────────────────────────┘
 * </pre>
 *
 * <p>Values range from under 1 KiB (the summaries, {@code checksum}) over tens and hundreds of KiB
 * ({@code regionTop_r}, {@code customers}, {@code bigrams}) to several MiB ({@code text}, a
 * {@code String}; {@code lines}, a {@code List<String>}; {@code sales}, a {@code List<Sale>};
 * {@code packed}, a {@code byte[]}; the four {@code region_r}). Tasks do real work, from under a
 * millisecond (the filters and summaries) over a few milliseconds (sorting, a naive DFT, k-means,
 * SHA-256) to 10-30 ms (parsing, counting words, Deflate): about 125 ms of CPU in all. {@link CachingPaired} prints each task's time
 * and encoded size.
 *
 * <p>Everything is deterministic: the same file gives the same values, so a rerun's keys match.
 */
public final class Pipeline {
  /** Rows of the generated data file. */
  static final int ROWS = 40_000;
  static final List<String> REGIONS = List.of("north", "south", "east", "west");
  private static final int CATEGORIES = 24;
  private static final int CUSTOMERS = 5_000;
  private static final int DAYS = 365;
  private static final int VOCABULARY = 800;

  private static final TypeToken<String> STRING = TypeToken.of(String.class);
  private static final TypeToken<byte[]> BYTES = TypeToken.of(byte[].class);
  private static final TypeToken<double[]> DOUBLES = TypeToken.of(double[].class);
  private static final TypeToken<List<String>> STRINGS = new TypeToken<List<String>>() {};
  private static final TypeToken<List<Sale>> SALES = new TypeToken<List<Sale>>() {};
  private static final TypeToken<Map<String, Long>> COUNTS = new TypeToken<Map<String, Long>>() {};
  private static final TypeToken<Map<String, List<Double>>> STATS =
      new TypeToken<Map<String, List<Double>>>() {};
  private static final TypeToken<Map<Long, Double>> REVENUE = new TypeToken<Map<Long, Double>>() {};
  private static final TypeToken<List<Long>> IDS = new TypeToken<List<Long>>() {};

  /**
   * One row of the data file.
   *
   * @param id the sale's number
   * @param day the day of the year, 0 to 364
   * @param region one of {@link #REGIONS}
   * @param category {@code c0} to {@code c23}
   * @param customer the customer's number
   * @param quantity items sold
   * @param unitPrice price of one item
   * @param comment a few words
   */
  public record Sale(long id, int day, String region, String category, long customer,
      int quantity, double unitPrice, String comment) {}

  /** The flow. */
  final Flow flow;
  /** The input: the data file. */
  final Key<Path> data;
  /** The sink. */
  final Key<String> report;
  /** Every task, in the order declared (a topological order). */
  final List<Key<?>> tasks;

  private Pipeline(Flow flow, Key<Path> data, Key<String> report, List<Key<?>> tasks) {
    this.flow = flow;
    this.data = data;
    this.report = report;
    this.tasks = List.copyOf(tasks);
  }

  /** The inputs of a run on {@code file}. */
  Inputs inputs(Path file) {
    return Inputs.of(data, file);
  }

  /** Declares the flow. */
  static Pipeline create() {
    FlowBuilder b = Flow.builder("caching-pipeline");
    List<Key<?>> tasks = new ArrayList<>();
    Key<Path> data = b.input("data", Path.class);
    Key<String> text = add(tasks, b.task("text", STRING, Files::readString, data));
    Key<List<String>> lines = add(tasks, b.task("lines", STRINGS, Pipeline::lines, text));
    Key<List<Sale>> sales = add(tasks, b.task("sales", SALES, Pipeline::parse, lines));
    List<Key<Map<String, List<Double>>>> stats = new ArrayList<>();
    List<Key<List<Sale>>> tops = new ArrayList<>();
    for (String region : REGIONS) {
      Key<List<Sale>> part =
          add(tasks, b.task("region_" + region, SALES, s -> inRegion(s, region), sales));
      stats.add(add(tasks, b.task("regionStats_" + region, STATS, Pipeline::categoryStats, part)));
      tops.add(add(tasks, b.task("regionTop_" + region, SALES, Pipeline::top, part)));
    }
    Key<Map<String, Long>> words = add(tasks, b.task("words", COUNTS, Pipeline::words, sales));
    Key<Map<String, Long>> bigrams =
        add(tasks, b.task("bigrams", COUNTS, Pipeline::bigrams, sales));
    Key<List<String>> topBigrams =
        add(tasks, b.task("topBigrams", STRINGS, Pipeline::topBigrams, bigrams));
    Key<double[]> daily = add(tasks, b.task("daily", DOUBLES, Pipeline::daily, sales));
    Key<double[]> spectrum = add(tasks, b.task("spectrum", DOUBLES, Pipeline::spectrum, daily));
    Key<Map<Long, Double>> customers =
        add(tasks, b.task("customers", REVENUE, Pipeline::customers, sales));
    Key<List<Long>> topCustomers =
        add(tasks, b.task("topCustomers", IDS, Pipeline::topCustomers, customers));
    Key<Map<String, List<Double>>> segments =
        add(tasks, b.task("segments", STATS, Pipeline::segments, customers));
    Key<List<Sale>> anomalies = add(tasks, b.task("anomalies", SALES, Pipeline::anomalies, sales));
    Key<byte[]> packed = add(tasks, b.task("packed", BYTES, Pipeline::deflate, text));
    Key<String> checksum = add(tasks, b.task("checksum", STRING, Pipeline::sha256, packed));
    Key<String> statsSummary = add(tasks, b.task("statsSummary", STRING, Pipeline::statsSummary,
        stats.get(0), stats.get(1), stats.get(2), stats.get(3)));
    Key<String> topSummary = add(tasks, b.task("topSummary", STRING, Pipeline::topSummary,
        tops.get(0), tops.get(1), tops.get(2), tops.get(3)));
    Key<String> textSummary =
        add(tasks, b.task("textSummary", STRING, Pipeline::textSummary, words, topBigrams));
    Key<String> trendSummary =
        add(tasks, b.task("trendSummary", STRING, Pipeline::trendSummary, daily, spectrum));
    Key<String> customerSummary = add(tasks, b.task("customerSummary", STRING,
        Pipeline::customerSummary, topCustomers, segments, customers));
    Key<String> quality =
        add(tasks, b.task("quality", STRING, Pipeline::quality, checksum, anomalies));
    Key<String> report = add(tasks, b.task("report", STRING, Pipeline::report, statsSummary,
        topSummary, textSummary, trendSummary, customerSummary, quality));
    return new Pipeline(b.build(), data, report, tasks);
  }

  private static <T> Key<T> add(List<Key<?>> tasks, Key<T> key) {
    tasks.add(key);
    return key;
  }

  // ---- The data --------------------------------------------------------------------------------

  /** Writes the data file, {@code sales.csv}, into {@code dir}; the same bytes every time. */
  static Path writeData(Path dir) throws IOException {
    Random random = new Random(42);
    String[] vocabulary = vocabulary(random);
    StringBuilder csv = new StringBuilder(ROWS * 100);
    csv.append("id,day,region,category,customer,quantity,unitPrice,comment\n");
    for (int i = 0; i < ROWS; i++) {
      int day = random.nextInt(DAYS);
      String region = REGIONS.get(random.nextInt(REGIONS.size()));
      int category = (int) (CATEGORIES * Math.pow(random.nextDouble(), 1.5));
      long customer = (long) (CUSTOMERS * Math.pow(random.nextDouble(), 2));
      int quantity = 1 + (int) Math.abs(random.nextGaussian() * 4);
      // Log-normal prices, with a weekly and a yearly rhythm, rounded to cents.
      double season = 1 + 0.2 * Math.sin(2 * Math.PI * day / 7) + 0.3 * Math.cos(
          2 * Math.PI * day / DAYS);
      double price = Math.round(100 * season * Math.exp(2 + 0.1 * category
          + 0.8 * random.nextGaussian())) / 100.0;
      csv.append(i).append(',').append(day).append(',').append(region).append(",c")
          .append(category).append(',').append(customer).append(',').append(quantity)
          .append(',').append(price).append(',');
      int words = 4 + random.nextInt(8);
      for (int w = 0; w < words; w++) {
        if (w > 0) {
          csv.append(' ');
        }
        csv.append(vocabulary[(int) (VOCABULARY * Math.pow(random.nextDouble(), 3))]);
      }
      csv.append('\n');
    }
    Path file = dir.resolve("sales.csv");
    Files.writeString(file, csv, StandardCharsets.UTF_8);
    return file;
  }

  private static String[] vocabulary(Random random) {
    String[] syllables = {"ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "ze", "pa", "qu", "do",
        "fe", "gi", "ho", "ju"};
    String[] words = new String[VOCABULARY];
    for (int i = 0; i < words.length; i++) {
      StringBuilder word = new StringBuilder();
      int length = 2 + random.nextInt(3);
      for (int s = 0; s < length; s++) {
        word.append(syllables[random.nextInt(syllables.length)]);
      }
      words[i] = word.append(i % 10).toString();
    }
    return words;
  }

  /** Deletes {@code dir} and everything in it; missing is fine. */
  static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try {
      Files.walkFileTree(dir, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          Files.delete(file);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
          if (e != null) {
            throw e;
          }
          Files.delete(d);
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---- The tasks -------------------------------------------------------------------------------

  static List<String> lines(String text) {
    List<String> lines = new ArrayList<>(ROWS + 1);
    int start = 0;
    for (int end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
      lines.add(text.substring(start, end));
      start = end + 1;
    }
    if (start < text.length()) {
      lines.add(text.substring(start));
    }
    return lines;
  }

  static List<Sale> parse(List<String> lines) {
    List<Sale> sales = new ArrayList<>(lines.size());
    String[] fields = new String[8];
    for (int i = 1; i < lines.size(); i++) { // the header first
      String line = lines.get(i);
      int from = 0;
      for (int f = 0; f < 7; f++) { // the comment, last, has no comma
        int comma = line.indexOf(',', from);
        fields[f] = line.substring(from, comma);
        from = comma + 1;
      }
      fields[7] = line.substring(from);
      sales.add(new Sale(Long.parseLong(fields[0]), Integer.parseInt(fields[1]),
          fields[2].intern(), fields[3].intern(), Long.parseLong(fields[4]),
          Integer.parseInt(fields[5]), Double.parseDouble(fields[6]), fields[7]));
    }
    return sales;
  }

  static double amount(Sale sale) {
    return sale.quantity() * sale.unitPrice();
  }

  static List<Sale> inRegion(List<Sale> sales, String region) {
    List<Sale> part = new ArrayList<>();
    for (Sale sale : sales) {
      if (sale.region().equals(region)) {
        part.add(sale);
      }
    }
    return part;
  }

  /** Per category: min, p10, median, p90, max, mean and standard deviation of the amounts. */
  static Map<String, List<Double>> categoryStats(List<Sale> sales) {
    Map<String, List<Double>> amounts = new TreeMap<>();
    for (Sale sale : sales) {
      amounts.computeIfAbsent(sale.category(), c -> new ArrayList<>()).add(amount(sale));
    }
    Map<String, List<Double>> stats = new TreeMap<>();
    amounts.forEach((category, list) -> {
      double[] sorted = list.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      double mean = Arrays.stream(sorted).average().orElse(0);
      double variance = Arrays.stream(sorted).map(a -> (a - mean) * (a - mean)).sum()
          / Math.max(1, sorted.length - 1);
      int n = sorted.length - 1;
      stats.put(category, List.of(sorted[0], sorted[n / 10], sorted[n / 2], sorted[n * 9 / 10],
          sorted[n], mean, Math.sqrt(variance)));
    });
    return stats;
  }

  static List<Sale> top(List<Sale> sales) {
    List<Sale> sorted = new ArrayList<>(sales);
    sorted.sort(Comparator.comparingDouble(Pipeline::amount).reversed()
        .thenComparingLong(Sale::id));
    return new ArrayList<>(sorted.subList(0, Math.min(200, sorted.size())));
  }

  /** Word counts over the comments; a {@code HashMap}, as most code returns one. */
  static Map<String, Long> words(List<Sale> sales) {
    Map<String, Long> counts = new HashMap<>();
    for (Sale sale : sales) {
      String comment = sale.comment();
      int from = 0;
      for (int space = comment.indexOf(' '); from <= comment.length();
          space = comment.indexOf(' ', from)) {
        int end = space < 0 ? comment.length() : space;
        counts.merge(comment.substring(from, end), 1L, Long::sum);
        from = end + 1;
      }
    }
    return counts;
  }

  /** Counts of the pairs of words that open a comment; a {@code HashMap}. */
  static Map<String, Long> bigrams(List<Sale> sales) {
    Map<String, Long> counts = new HashMap<>();
    for (Sale sale : sales) {
      String comment = sale.comment();
      int first = comment.indexOf(' ');
      int second = comment.indexOf(' ', first + 1);
      counts.merge(comment.substring(0, second < 0 ? comment.length() : second), 1L, Long::sum);
    }
    return counts;
  }

  static List<String> topBigrams(Map<String, Long> bigrams) {
    List<Map.Entry<String, Long>> entries = new ArrayList<>(bigrams.entrySet());
    entries.sort(Map.Entry.<String, Long>comparingByValue().reversed()
        .thenComparing(Map.Entry.comparingByKey()));
    List<String> top = new ArrayList<>();
    for (Map.Entry<String, Long> e : entries.subList(0, Math.min(100, entries.size()))) {
      top.add(e.getKey() + '=' + e.getValue());
    }
    return top;
  }

  static double[] daily(List<Sale> sales) {
    double[] revenue = new double[DAYS];
    for (Sale sale : sales) {
      revenue[sale.day()] += amount(sale);
    }
    return revenue;
  }

  /** The magnitudes of a naive discrete Fourier transform of the daily revenue, twice over. */
  static double[] spectrum(double[] daily) {
    int n = daily.length;
    double[] magnitude = new double[n / 2];
    for (int pass = 0; pass < 2; pass++) { // windows shifted by a day: some real CPU work
      for (int k = 0; k < magnitude.length; k++) {
        double re = 0;
        double im = 0;
        for (int t = 0; t < n; t++) {
          double angle = 2 * Math.PI * k * t / n;
          double v = daily[(t + pass) % n];
          re += v * Math.cos(angle);
          im -= v * Math.sin(angle);
        }
        magnitude[k] += Math.hypot(re, im) / 2;
      }
    }
    return magnitude;
  }

  static Map<Long, Double> customers(List<Sale> sales) {
    Map<Long, Double> revenue = new TreeMap<>();
    for (Sale sale : sales) {
      revenue.merge(sale.customer(), amount(sale), Double::sum);
    }
    return revenue;
  }

  static List<Long> topCustomers(Map<Long, Double> customers) {
    List<Map.Entry<Long, Double>> entries = new ArrayList<>(customers.entrySet());
    entries.sort(Map.Entry.<Long, Double>comparingByValue().reversed()
        .thenComparing(Map.Entry.comparingByKey()));
    List<Long> top = new ArrayList<>();
    for (Map.Entry<Long, Double> e : entries.subList(0, Math.min(50, entries.size()))) {
      top.add(e.getKey());
    }
    return top;
  }

  /** One-dimensional k-means (k = 5) over log revenue: centre, size and spread per segment. */
  static Map<String, List<Double>> segments(Map<Long, Double> customers) {
    double[] x = customers.values().stream().mapToDouble(v -> Math.log1p(v)).toArray();
    Arrays.sort(x);
    int k = 5;
    double[] centres = new double[k];
    for (int c = 0; c < k; c++) {
      centres[c] = x[(int) ((c + 0.5) * x.length / k)];
    }
    int[] assignment = new int[x.length];
    for (int iteration = 0; iteration < 60; iteration++) {
      double[] sum = new double[k];
      int[] count = new int[k];
      for (int i = 0; i < x.length; i++) {
        int best = 0;
        for (int c = 1; c < k; c++) {
          if (Math.abs(x[i] - centres[c]) < Math.abs(x[i] - centres[best])) {
            best = c;
          }
        }
        assignment[i] = best;
        sum[best] += x[i];
        count[best]++;
      }
      for (int c = 0; c < k; c++) {
        centres[c] = count[c] == 0 ? centres[c] : sum[c] / count[c];
      }
    }
    Map<String, List<Double>> segments = new TreeMap<>();
    for (int c = 0; c < k; c++) {
      double size = 0;
      double spread = 0;
      for (int i = 0; i < x.length; i++) {
        if (assignment[i] == c) {
          size++;
          spread += Math.abs(x[i] - centres[c]);
        }
      }
      segments.put("segment" + c, List.of(centres[c], size, size == 0 ? 0 : spread / size));
    }
    return segments;
  }

  /** Sales whose amount is more than three standard deviations above their category's mean. */
  static List<Sale> anomalies(List<Sale> sales) {
    Map<String, double[]> moments = new HashMap<>();
    for (Sale sale : sales) {
      double[] m = moments.computeIfAbsent(sale.category(), c -> new double[3]);
      double a = amount(sale);
      m[0]++;
      m[1] += a;
      m[2] += a * a;
    }
    List<Sale> anomalies = new ArrayList<>();
    for (Sale sale : sales) {
      double[] m = moments.get(sale.category());
      double mean = m[1] / m[0];
      double sd = Math.sqrt(Math.max(0, m[2] / m[0] - mean * mean));
      if (amount(sale) > mean + 3 * sd) {
        anomalies.add(sale);
      }
    }
    return anomalies;
  }

  /** The data file's text, Huffman-coded by Deflate (fast, and still a few MiB). */
  static byte[] deflate(String text) {
    byte[] input = text.getBytes(StandardCharsets.UTF_8);
    Deflater deflater = new Deflater(Deflater.BEST_SPEED);
    try {
      deflater.setStrategy(Deflater.HUFFMAN_ONLY);
      deflater.setInput(input);
      deflater.finish();
      byte[] buffer = new byte[input.length / 2 + 1024];
      int length = 0;
      while (!deflater.finished()) {
        if (length == buffer.length) {
          buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        length += deflater.deflate(buffer, length, buffer.length - length);
      }
      return Arrays.copyOf(buffer, length);
    } finally {
      deflater.end();
    }
  }

  static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  static String statsSummary(Map<String, List<Double>> a, Map<String, List<Double>> b,
      Map<String, List<Double>> c, Map<String, List<Double>> d) {
    StringBuilder out = new StringBuilder("median amount per category and region\n");
    List<Map<String, List<Double>>> regions = List.of(a, b, c, d);
    for (String category : new TreeMap<>(a).keySet()) {
      out.append(String.format(Locale.ROOT, "%-4s", category));
      for (Map<String, List<Double>> region : regions) {
        List<Double> stats = region.get(category);
        out.append(String.format(Locale.ROOT, " %10.2f", stats == null ? 0.0 : stats.get(2)));
      }
      out.append('\n');
    }
    return out.toString();
  }

  static String topSummary(List<Sale> a, List<Sale> b, List<Sale> c, List<Sale> d) {
    StringBuilder out = new StringBuilder("largest sales per region\n");
    for (List<Sale> top : List.of(a, b, c, d)) {
      for (Sale sale : top.subList(0, Math.min(5, top.size()))) {
        out.append(String.format(Locale.ROOT, "%-6s #%-6d %-4s %10.2f%n", sale.region(),
            sale.id(), sale.category(), amount(sale)));
      }
    }
    return out.toString();
  }

  static String textSummary(Map<String, Long> words, List<String> topBigrams) {
    List<Map.Entry<String, Long>> entries = new ArrayList<>(words.entrySet());
    entries.sort(Map.Entry.<String, Long>comparingByValue().reversed()
        .thenComparing(Map.Entry.comparingByKey()));
    StringBuilder out = new StringBuilder("words: " + words.size() + " distinct; top: ");
    for (Map.Entry<String, Long> e : entries.subList(0, Math.min(10, entries.size()))) {
      out.append(e.getKey()).append('=').append(e.getValue()).append(' ');
    }
    return out.append("\nbigrams: ").append(topBigrams.subList(0, Math.min(10,
        topBigrams.size()))).append('\n').toString();
  }

  static String trendSummary(double[] daily, double[] spectrum) {
    int peak = 1;
    for (int k = 2; k < spectrum.length; k++) {
      if (spectrum[k] > spectrum[peak]) {
        peak = k;
      }
    }
    double total = Arrays.stream(daily).sum();
    return String.format(Locale.ROOT, "revenue %.2f; strongest cycle: %.1f days%n", total,
        (double) daily.length / peak);
  }

  static String customerSummary(List<Long> top, Map<String, List<Double>> segments,
      Map<Long, Double> customers) {
    StringBuilder out = new StringBuilder("customers: " + customers.size() + "; top 5:");
    for (Long id : top.subList(0, Math.min(5, top.size()))) {
      out.append(String.format(Locale.ROOT, " #%d (%.2f)", id, customers.get(id)));
    }
    out.append('\n');
    segments.forEach((name, s) -> out.append(String.format(Locale.ROOT,
        "%s: centre %.2f, %d customers%n", name, s.get(0), Math.round(s.get(1)))));
    return out.toString();
  }

  static String quality(String checksum, List<Sale> anomalies) {
    return "data sha-256 (deflated) " + checksum + "; " + anomalies.size() + " anomalies\n";
  }

  static String report(String stats, String top, String text, String trend, String customers,
      String quality) {
    return String.join("\n", stats, top, text, trend, customers, quality);
  }
}
