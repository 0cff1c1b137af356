package org.bookbuild.style;

/** A style that cannot be used (missing file, bad YAML, inheritance cycle): a configuration error, exit status 2. */
public final class StyleException extends RuntimeException {
  public StyleException(String message) {
    super(message);
  }
}
