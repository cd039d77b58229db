package dev.weft.examples.robust;

/** A station file that cannot be read as one: what is wrong with it, and where. */
public final class MalformedStationException extends Exception {
  private static final long serialVersionUID = 1L;

  MalformedStationException(String message) {
    super(message);
  }
}
