package dev.weft.engine.values;

import java.nio.file.Path;
import java.util.Map;

/**
 * Prints the fingerprint of every value of {@link Fixtures#all}, one {@code name=fingerprint} per
 * line: the child JVM of {@code ValueFingerprintsTest.fingerprints_sameInAnotherJvm}.
 */
public final class FingerprintPrinter {

  private FingerprintPrinter() {}

  public static void main(String[] args) {
    ValueFingerprints fingerprints =
        ValueFingerprints.withContentHashing(args[1].equals("content"));
    for (Map.Entry<String, ?> entry : Fixtures.all(Path.of(args[0])).entrySet()) {
      System.out.println(entry.getKey() + "=" + fingerprints.fingerprint(entry.getValue()));
    }
  }
}
